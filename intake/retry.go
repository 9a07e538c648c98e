package intake

import (
	"context"
	"errors"
	"time"

	"newsroom/domain"
)

// retryDelays are the pauses before the second and third attempt of a
// database call that failed for a reason other than bad input.
var retryDelays = []time.Duration{50 * time.Millisecond, 250 * time.Millisecond}

// retry runs fn, retrying a couple of times with backoff when it fails
// with anything but a not-found, invalid or conflict error (those are
// answers, not accidents). The last failure is logged and returned.
func (s *Server) retry(ctx context.Context, what string, fn func() error) error {
	var err error
	for attempt := 0; ; attempt++ {
		err = fn()
		if err == nil || errors.Is(err, domain.ErrNotFound) || errors.Is(err, domain.ErrInvalid) || errors.Is(err, domain.ErrConflict) {
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
