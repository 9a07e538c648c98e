package domain

import (
	"errors"
	"fmt"
	"time"
)

// Lock is who is editing an article and since when.
type Lock struct {
	ArticleID int64
	Login     string
	Name      string // the holder's display name
	Since     time.Time
	Refreshed time.Time
	// Mine is true when this store (this window) holds it.
	Mine bool
}

// LockedError says who holds an article's lock; it wraps ErrLocked.
type LockedError struct{ Holder Lock }

// ErrLocked means another person is editing the article.
var ErrLocked = errors.New("the article is being edited by someone else")

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is editing it since %s", e.Holder.Name, e.Holder.Since.Local().Format("15:04"))
}

// Unwrap makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Unwrap() error { return ErrLocked }

// ErrLockLost means this window's lock was taken over (or expired and was
// taken); a LockedError wrapping it names who has it now.
var ErrLockLost = errors.New("your lock on the article was taken over")

// lockLostError is a LockedError that also wraps ErrLockLost.
type lockLostError struct{ LockedError }

// LockLost is the error of a lock taken over by holder: errors.Is gives
// ErrLockLost and ErrLocked, errors.As a *LockedError naming holder.
func LockLost(holder Lock) error { return &lockLostError{LockedError{Holder: holder}} }

// As lets errors.As find the *LockedError inside.
func (e *lockLostError) As(target any) bool {
	if p, ok := target.(**LockedError); ok {
		*p = &e.LockedError
		return true
	}
	return false
}

func (e *lockLostError) Error() string {
	return fmt.Sprintf("%s took over the article at %s", e.Holder.Name, e.Holder.Since.Local().Format("15:04"))
}

func (e *lockLostError) Is(target error) bool { return target == ErrLockLost || target == ErrLocked }
