package intake

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// flakyStore fails AddReaderComment the given number of times (-1: always) with
// an error full of internals.
type flakyStore struct {
	*storage.Store
	failures atomic.Int32
	calls    atomic.Int32
}

func (s *flakyStore) AddReaderComment(ctx context.Context, c *domain.Comment, interval time.Duration) error {
	s.calls.Add(1)
	if n := s.failures.Load(); n != 0 {
		s.failures.Add(-1)
		return errors.New("add comment: database is locked (/secret/path/x.db)")
	}
	return s.Store.AddReaderComment(ctx, c, interval)
}

func TestStoreFailures(t *testing.T) {
	cases := []struct {
		name     string
		failures int32
		code     int
		calls    int32
		stored   int
	}{
		{"one failure is retried", 1, http.StatusAccepted, 2, 1},
		{"two failures are retried", 2, http.StatusAccepted, 3, 1},
		{"persistent failure is a 503", -1, http.StatusServiceUnavailable, 3, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clk := newClock()
			st, _ := newStore(t, clk)
			flaky := &flakyStore{Store: st}
			flaky.failures.Store(tc.failures)
			f := fixtureOver(t, st, clk, flaky, Options{})
			for _, asJSON := range []bool{true, false} {
				f.clock.Advance(CommentInterval)
				before := flaky.calls.Load()
				if tc.failures > 0 {
					flaky.failures.Store(tc.failures)
				}
				h := map[string]string{}
				if asJSON {
					h["Accept"] = "application/json"
				}
				body := "Try " + map[bool]string{true: "JSON", false: "text"}[asJSON]
				w := f.do(request(form("Ivy", "ivy@example.org", body), "192.0.2.30", h))
				if w.Code != tc.code {
					t.Fatalf("status %d, want %d: %s", w.Code, tc.code, w.Body.String())
				}
				if got := flaky.calls.Load() - before; got != tc.calls {
					t.Errorf("%d insert attempts, want %d", got, tc.calls)
				}
				if tc.code == http.StatusServiceUnavailable {
					if w.Header().Get("Retry-After") == "" {
						t.Error("503 without Retry-After")
					}
					for _, leak := range []string{"locked", "secret", "x.db", "add comment"} {
						if strings.Contains(w.Body.String(), leak) {
							t.Errorf("the answer leaks %q: %s", leak, w.Body.String())
						}
					}
					if !strings.Contains(f.logs.String(), "database is locked") {
						t.Error("the failure was not logged for the operator")
					}
				}
			}
			if n := countComments(t, st, f.article.ID); n != 2*tc.stored {
				t.Errorf("%d comments stored, want %d", n, 2*tc.stored)
			}
		})
	}
}
