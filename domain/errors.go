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
	// ErrConflict means the record changed since it was read: the version
	// given is stale. A taken slug or origin is not a conflict (see
	// ErrSlugTaken, ErrOriginTaken).
	ErrConflict = errors.New("conflict")
	// ErrInvalid means the input breaks a rule; the message says which.
	ErrInvalid = errors.New("invalid input")
)

// Invalidf returns an error wrapping ErrInvalid with a formatted message.
func Invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Unique keys already taken by another record.
var (
	// ErrSlugTaken means another article already has the slug.
	ErrSlugTaken = errors.New("the slug is already taken")
	// ErrOriginTaken means another article was already imported from the
	// same origin (the source file's or feed's identifier).
	ErrOriginTaken = errors.New("an article from the same origin already exists")
)
