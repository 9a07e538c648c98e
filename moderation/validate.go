package moderation

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode/utf8"

	"newsroom/domain"
)

// ErrTooLarge means a submitted comment's text is over
// domain.MaxCommentBody characters.
var ErrTooLarge = errors.New("too large")

// ValidateSubmission checks a reader's comment before it is stored. It
// trims the name, email, website and text in place, then requires a
// name, a well-formed email address and some text; the website must be
// empty or an http or https address. Errors wrap domain.ErrInvalid with a
// short message an intake can show ("name is required"), or ErrTooLarge
// for text over domain.MaxCommentBody characters.
func ValidateSubmission(c *domain.Comment) error {
	if c == nil {
		return domain.Invalidf("no comment")
	}
	fields := []struct {
		name  string
		value *string
		max   int
	}{
		{"name", &c.Author, domain.MaxCommentAuthor},
		{"email address", &c.Email, domain.MaxCommentEmail},
		{"website", &c.URL, domain.MaxCommentURL},
		{"comment text", &c.Body, domain.MaxCommentBody},
	}
	for _, f := range fields {
		if !utf8.ValidString(*f.value) {
			return domain.Invalidf("%s is not valid UTF-8", f.name)
		}
		*f.value = strings.TrimSpace(*f.value)
	}
	for _, f := range fields {
		if *f.value == "" && f.name != "website" {
			return domain.Invalidf("%s is required", f.name)
		}
	}
	if n := utf8.RuneCountInString(c.Body); n > domain.MaxCommentBody {
		return fmt.Errorf("%w: comment text is %d characters, over the limit of %d", ErrTooLarge, n, domain.MaxCommentBody)
	}
	for _, f := range fields[:3] {
		if n := utf8.RuneCountInString(*f.value); n > f.max {
			return domain.Invalidf("%s is %d characters, over the limit of %d", f.name, n, f.max)
		}
	}
	if addr, err := mail.ParseAddress(c.Email); err != nil || addr.Address != c.Email || !strings.Contains(addr.Address, "@") {
		return domain.Invalidf("email address is malformed")
	}
	if c.URL != "" {
		u, err := url.Parse(c.URL)
		if err != nil || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) || u.Host == "" {
			return domain.Invalidf("website must be an http or https address")
		}
	}
	return nil
}
