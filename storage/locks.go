package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"newsroom/domain"
)

// LockTTL is how long a lock lives without being refreshed: a window that
// crashed or lost its network frees the article after it.
const LockTTL = 2 * time.Minute

// EventLockTakenOver is the history event of a lock taken from someone.
const EventLockTakenOver = "lock-taken-over"

// Lock, LockedError, ErrLocked and ErrLockLost are domain's (the editor
// reads them without importing storage); these names keep storage's
// callers short.
type (
	// Lock is domain.Lock.
	Lock = domain.Lock
	// LockedError is domain.LockedError.
	LockedError = domain.LockedError
)

// ErrLocked and ErrLockLost are domain's.
var (
	ErrLocked   = domain.ErrLocked
	ErrLockLost = domain.ErrLockLost
)

const lockColumns = `l.article_id, l.login, s.name, l.token, l.since, l.refreshed_at`

// readLock returns the article's lock row with its token, if any (fresh or not).
func readLock(ctx context.Context, q queryer, articleID int64) (Lock, string, bool, error) {
	var l Lock
	var token string
	var since, refreshed sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT `+lockColumns+` FROM article_locks l JOIN staff s ON s.login = l.login
		WHERE l.article_id = ?`, articleID).Scan(&l.ArticleID, &l.Login, &l.Name, &token, &since, &refreshed)
	if errors.Is(err, sql.ErrNoRows) {
		return l, "", false, nil
	}
	if err != nil {
		return l, "", false, fmt.Errorf("read the lock of article %d: %w", articleID, err)
	}
	l.Since, l.Refreshed = fromMicros(since), fromMicros(refreshed)
	return l, token, true, nil
}

// myToken returns the token of this store's lock on the article, if any.
func (s *Store) myToken(articleID int64) string {
	s.staff.mu.Lock()
	defer s.staff.mu.Unlock()
	return s.staff.locks[articleID]
}

func (s *Store) setToken(articleID int64, token string) {
	s.staff.mu.Lock()
	defer s.staff.mu.Unlock()
	if token == "" {
		delete(s.staff.locks, articleID)
		return
	}
	if s.staff.locks == nil {
		s.staff.locks = map[int64]string{}
	}
	s.staff.locks[articleID] = token
}

// fresh reports whether a lock refreshed at t still holds at now.
func fresh(t, now time.Time) bool { return now.Sub(t) < LockTTL }

// LockOf returns who is editing the article now (a lock refreshed within
// LockTTL); ok is false when nobody is.
func (s *Store) LockOf(ctx context.Context, articleID int64) (Lock, bool, error) {
	l, token, ok, err := readLock(ctx, s.reader, articleID)
	if err != nil || !ok || !fresh(l.Refreshed, s.now()) {
		return Lock{}, false, err
	}
	l.Mine = token != "" && token == s.myToken(articleID)
	return l, true, nil
}

// checkNotLockedByOther refuses a write to an article another window holds.
func (s *Store) checkNotLockedByOther(ctx context.Context, q queryer, articleID int64) error {
	l, token, ok, err := readLock(ctx, q, articleID)
	if err != nil || !ok || !fresh(l.Refreshed, s.now()) || token == s.myToken(articleID) {
		return err
	}
	if s.myToken(articleID) != "" {
		return domain.LockLost(l)
	}
	return &LockedError{Holder: l}
}

// AcquireLock takes the article's lock for the signed-in member, who must
// be allowed to edit it. When someone else holds a fresh lock it fails with
// a *LockedError naming them (errors.Is ErrLocked); a lock this store
// already holds is refreshed.
func (s *Store) AcquireLock(ctx context.Context, articleID int64) (Lock, error) {
	return s.writeLock(ctx, articleID, false)
}

// TakeOverLock takes the article's lock from whoever holds it (editors and
// the article's own authors who may edit it). The history records it; the
// window that held it finds out at its next look (RefreshLock, LockOf) and
// keeps its unsaved text with KeepUnsavedText.
func (s *Store) TakeOverLock(ctx context.Context, articleID int64) (Lock, error) {
	return s.writeLock(ctx, articleID, true)
}

func (s *Store) writeLock(ctx context.Context, articleID int64, takeOver bool) (Lock, error) {
	me, ok := s.SignedIn()
	if !ok {
		return Lock{}, fmt.Errorf("lock article %d: nobody is signed in: %w", articleID, domain.ErrForbidden)
	}
	var out Lock
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		act := domain.ActEditArticle
		if takeOver {
			act = domain.ActTakeOver
		}
		if err := s.guardArticle(ctx, tx, act, articleID); err != nil {
			return err
		}
		now := s.now()
		held, token, ok, err := readLock(ctx, tx, articleID)
		if err != nil {
			return err
		}
		mine := ok && token == s.myToken(articleID)
		other := ok && !mine && fresh(held.Refreshed, now)
		if other && !takeOver {
			return &LockedError{Holder: held}
		}
		since := now
		if mine {
			since = held.Since
		} else {
			token = newLockToken()
		}
		// On PostgreSQL the database sets the times for a staff login (its
		// clock is the one every desk shares), hence RETURNING.
		var stored, refreshed sql.NullInt64
		err = tx.QueryRowContext(ctx, `INSERT INTO article_locks (article_id, login, token, since, refreshed_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (article_id) DO UPDATE SET login = excluded.login, token = excluded.token, since = excluded.since,
			refreshed_at = excluded.refreshed_at RETURNING since, refreshed_at`, articleID, me.Login, token, micros(since), micros(now)).
			Scan(&stored, &refreshed)
		if err != nil {
			return fmt.Errorf("lock article %d: %w", articleID, err)
		}
		if other {
			if err := s.addEvent(ctx, tx, articleID, me.Name, EventLockTakenOver, "took over from "+held.Name); err != nil {
				return err
			}
		}
		s.setToken(articleID, token)
		out = Lock{ArticleID: articleID, Login: me.Login, Name: me.Name, Since: fromMicros(stored), Refreshed: fromMicros(refreshed), Mine: true}
		return nil
	})
	return out, err
}

// RefreshLock keeps this store's lock alive. When it was taken over it
// fails with an error wrapping ErrLockLost that names the new holder (and
// the store forgets its lock).
func (s *Store) RefreshLock(ctx context.Context, articleID int64) error {
	token := s.myToken(articleID)
	if token == "" {
		return fmt.Errorf("refresh the lock of article %d: this window holds none: %w", articleID, ErrLockLost)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE article_locks SET refreshed_at = ? WHERE article_id = ? AND token = ?`,
			micros(s.now()), articleID, token)
		if err != nil {
			return fmt.Errorf("refresh the lock of article %d: %w", articleID, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return nil
		}
		s.setToken(articleID, "")
		held, _, ok, err := readLock(ctx, tx, articleID)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("refresh the lock of article %d: it was released: %w", articleID, ErrLockLost)
		}
		return domain.LockLost(held)
	})
}

// ReleaseLock gives up this store's lock on the article (nothing happens
// when it holds none, or lost it).
func (s *Store) ReleaseLock(ctx context.Context, articleID int64) error {
	token := s.myToken(articleID)
	if token == "" {
		return nil
	}
	s.setToken(articleID, "")
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM article_locks WHERE article_id = ? AND token = ?`, articleID, token); err != nil {
			return fmt.Errorf("release the lock of article %d: %w", articleID, err)
		}
		return nil
	})
}

// KeepUnsavedText stores a's text as a revision of its article without
// changing the article: what a person taken over had not saved yet.
func (s *Store) KeepUnsavedText(ctx context.Context, a *domain.Article, note string) error {
	who := s.who("")
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, ok := s.SignedIn(); ok {
			if _, _, err := s.actorNow(ctx, tx); err != nil {
				return err
			}
		}
		return s.addRevision(ctx, tx, a, who, note, false)
	})
}

func newLockToken() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("lock token: %v", err)) // crypto/rand does not fail on Linux
	}
	return hex.EncodeToString(b)
}
