package moderation

import (
	"errors"
	"strings"
	"testing"

	"newsroom/domain"
)

func TestValidateSubmission(t *testing.T) {
	good := func() domain.Comment {
		return domain.Comment{Author: "  Anna Reader ", Email: " anna@example.org\n", URL: " https://anna.example.org/ ", Body: "\n Thank you. \n"}
	}
	tests := []struct {
		name    string
		edit    func(c *domain.Comment)
		wantErr error
		msg     string
	}{
		{"good", func(c *domain.Comment) {}, nil, ""},
		{"no website", func(c *domain.Comment) { c.URL = "  " }, nil, ""},
		{"http website, upper-case scheme", func(c *domain.Comment) { c.URL = "HTTP://example.org" }, nil, ""},
		{"text of exactly the limit in runes", func(c *domain.Comment) { c.Body = strings.Repeat("ж", domain.MaxCommentBody) }, nil, ""},
		{"missing name", func(c *domain.Comment) { c.Author = " \t" }, domain.ErrInvalid, "name is required"},
		{"missing email", func(c *domain.Comment) { c.Email = "" }, domain.ErrInvalid, "email address is required"},
		{"missing text", func(c *domain.Comment) { c.Body = "\n\n" }, domain.ErrInvalid, "comment text is required"},
		{"email without at", func(c *domain.Comment) { c.Email = "anna.example.org" }, domain.ErrInvalid, "email address is malformed"},
		{"email with display name", func(c *domain.Comment) { c.Email = "Anna <anna@example.org>" }, domain.ErrInvalid, "email address is malformed"},
		{"email with two ats", func(c *domain.Comment) { c.Email = "a@b@example.org" }, domain.ErrInvalid, "email address is malformed"},
		{"text over the limit", func(c *domain.Comment) { c.Body = strings.Repeat("ж", domain.MaxCommentBody+1) }, ErrTooLarge, "over the limit of 10000"},
		{"name over the limit", func(c *domain.Comment) { c.Author = strings.Repeat("a", domain.MaxCommentAuthor+1) }, domain.ErrInvalid, "name is 246 characters"},
		{"email over the limit", func(c *domain.Comment) { c.Email = strings.Repeat("a", 100) + "@example.org" }, domain.ErrInvalid, "email address is 112 characters"},
		{"website over the limit", func(c *domain.Comment) { c.URL = "https://example.org/" + strings.Repeat("a", 200) }, domain.ErrInvalid, "website is 220 characters"},
		{"invalid UTF-8 text", func(c *domain.Comment) { c.Body = "bad \xff byte" }, domain.ErrInvalid, "comment text is not valid UTF-8"},
		{"invalid UTF-8 name", func(c *domain.Comment) { c.Author = "\xc3" }, domain.ErrInvalid, "name is not valid UTF-8"},
		{"javascript website", func(c *domain.Comment) { c.URL = "javascript:alert(1)" }, domain.ErrInvalid, "website must be an http or https address"},
		{"website without scheme", func(c *domain.Comment) { c.URL = "example.org" }, domain.ErrInvalid, "website must be an http or https address"},
		{"website without host", func(c *domain.Comment) { c.URL = "https://" }, domain.ErrInvalid, "website must be an http or https address"},
		{"ftp website", func(c *domain.Comment) { c.URL = "ftp://example.org" }, domain.ErrInvalid, "website must be an http or https address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good()
			tt.edit(&c)
			err := ValidateSubmission(&c)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("ValidateSubmission: %v", err)
				}
				for _, v := range []string{c.Author, c.Email, c.URL, c.Body} {
					if v != strings.TrimSpace(v) {
						t.Errorf("field %q was not trimmed", v)
					}
				}
				return
			}
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v, want %v containing %q", err, tt.wantErr, tt.msg)
			}
			if tt.wantErr == ErrTooLarge && errors.Is(err, domain.ErrInvalid) {
				t.Errorf("a too-large comment should not also be ErrInvalid")
			}
		})
	}
	if err := ValidateSubmission(nil); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("nil comment: err = %v, want ErrInvalid", err)
	}
}
