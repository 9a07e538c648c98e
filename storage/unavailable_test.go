package storage

import (
	"errors"
	"fmt"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"newsroom/domain"
)

func TestIsUnavailableTellsAGoneServerFromARefusal(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"refused", fmt.Errorf("save: %w", syscall.ECONNREFUSED), true},
		{"socket gone", fmt.Errorf("dial: %w", syscall.ENOENT), true},
		{"shutting down", &pgconn.PgError{Code: "57P01"}, true},
		{"connection exception", &pgconn.PgError{Code: "08006"}, true},
		{"unique violation", &pgconn.PgError{Code: "23505"}, false},
		{"conflict", fmt.Errorf("save: %w", domain.ErrConflict), false},
		{"forbidden", domain.ErrForbidden, false},
		{"plain", errors.New("bad input"), false},
	} {
		if got := IsUnavailable(c.err); got != c.want {
			t.Errorf("%s: IsUnavailable = %v, want %v", c.name, got, c.want)
		}
	}
}
