package importer

import (
	"errors"
	"fmt"
	"strings"

	"newsroom/domain"
)

// plainWords drops the names of domain's error kinds from a message.
func plainWords(msg string) string {
	msg = strings.ReplaceAll(msg, domain.ErrInvalid.Error()+": ", "")
	return strings.ReplaceAll(msg, ": "+domain.ErrConflict.Error(), "")
}

// Error is an import failure located in its file. Line and Column count
// from 1; zero means unknown. For XML, Offset is the byte offset in the
// file (-1 when unknown).
type Error struct {
	File   string
	Line   int
	Column int
	Offset int64
	Err    error
}

// Error formats the failure as "file:line:column: message", in plain
// words (the shared error kinds' names, "invalid input" and "conflict",
// are left out).
func (e *Error) Error() string { return plainWords(e.format()) }

func (e *Error) format() string {
	switch {
	case e.Line > 0 && e.Column > 0 && e.Offset >= 0:
		return fmt.Sprintf("%s:%d:%d (byte %d): %v", e.File, e.Line, e.Column, e.Offset, e.Err)
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// lineError is an error at a line of a Markdown file (before the file
// name is known to the code that found it).
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }
func (e *lineError) Unwrap() error { return e.err }

func atLine(line int, format string, args ...any) error {
	return &lineError{line: line, err: fmt.Errorf(format, args...)}
}

// locate turns err into an *Error for file, keeping any line it carries.
func locate(file string, err error) *Error {
	var ie *Error
	if errors.As(err, &ie) {
		if ie.File == "" {
			ie.File = file
		}
		return ie
	}
	out := &Error{File: file, Offset: -1, Err: err}
	var le *lineError
	if errors.As(err, &le) {
		out.Line = le.line
		out.Err = le.err
	}
	return out
}
