package domain

import (
	"errors"
	"fmt"
)

// Sentinel errors shared by every layer. Wrap them with context and test
// with errors.Is.
var (
	// ErrNotFound means the requested record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the record changed since it was read (a stale
	// version) or a unique key is already taken.
	ErrConflict = errors.New("conflict")
	// ErrInvalid means the input breaks a rule; the message says which.
	ErrInvalid = errors.New("invalid input")
)

// Invalidf returns an error wrapping ErrInvalid with a formatted message.
func Invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// ErrSlugTaken means another article already has the slug. It is a
// conflict: errors.Is(ErrSlugTaken, ErrConflict) holds.
var ErrSlugTaken = fmt.Errorf("the slug is already taken: %w", ErrConflict)
