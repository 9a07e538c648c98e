package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"newsroom/domain"
)

// On PostgreSQL the lock rules are the database's own (migration 0010):
// a trigger refuses taking over, deleting or saving under someone else's
// live lock with SQLSTATE 55P03 (lock_not_available) on table
// article_locks, the holder as JSON in the DETAIL. lockRefusedByDatabase
// turns that into the error the Store gives for a lock it checked itself,
// so the window says "Rita Reporter is editing it since 10:42" and not a
// raw SQL error.

// lockRefusalCode is PostgreSQL's lock_not_available.
const lockRefusalCode = "55P03"

// refusedLock is the DETAIL of the database's lock refusal.
type refusedLock struct {
	ArticleID   int64  `json:"article_id"`
	Login       string `json:"login"`
	Name        string `json:"name"`
	Since       int64  `json:"since"`
	RefreshedAt int64  `json:"refreshed_at"`
}

// lockRefusedByDatabase maps the database's lock refusal to a
// *domain.LockedError naming the holder (wrapping ErrLockLost as well when
// this store held the lock); other errors pass unchanged.
func (s *Store) lockRefusedByDatabase(err error) error {
	var pg *pgconn.PgError
	if err == nil || !errors.As(err, &pg) || pg.Code != lockRefusalCode || pg.TableName != "article_locks" {
		return err
	}
	var r refusedLock
	if jerr := json.Unmarshal([]byte(pg.Detail), &r); jerr != nil {
		return fmt.Errorf("the database refused it: %s: %w", pg.Message, ErrLocked)
	}
	holder := Lock{ArticleID: r.ArticleID, Login: r.Login, Name: r.Name,
		Since: time.UnixMicro(r.Since).UTC(), Refreshed: time.UnixMicro(r.RefreshedAt).UTC()}
	if s.myToken(r.ArticleID) != "" {
		return fmt.Errorf("the database refused it: %w", domain.LockLost(holder))
	}
	return fmt.Errorf("the database refused it: %w", &LockedError{Holder: holder})
}
