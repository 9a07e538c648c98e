package intake

import (
	"context"
	"errors"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// retryDelays are the pauses before the second and third attempt of a
// database call that failed for a reason other than bad input.
var retryDelays = []time.Duration{50 * time.Millisecond, 250 * time.Millisecond}

// isAnswer reports whether err is the database's answer (not found,
// invalid, a conflict, a comment refused by the rules) rather than an
// accident worth retrying.
func isAnswer(err error) bool {
	for _, answer := range []error{domain.ErrNotFound, domain.ErrInvalid, domain.ErrConflict,
		storage.ErrCommentTooSoon, storage.ErrDuplicateComment} {
		if errors.Is(err, answer) {
			return true
		}
	}
	return false
}

// retry runs fn, retrying a couple of times with backoff when it fails
// with anything but a not-found, invalid or conflict error (those are
// answers, not accidents). The last failure is logged and returned.
func (s *Server) retry(ctx context.Context, what string, fn func() error) error {
	var err error
	for attempt := 0; ; attempt++ {
		err = fn()
		if err == nil || isAnswer(err) {
			return err
		}
		if attempt >= len(retryDelays) {
			break
		}
		select {
		case <-ctx.Done():
			s.log.Printf("%s: %v (gave up: %v)", what, err, ctx.Err())
			return err
		case <-time.After(retryDelays[attempt]):
		}
	}
	s.log.Printf("%s: %v (after %d attempts)", what, err, len(retryDelays)+1)
	return err
}
