package domain

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// DefaultSiteTitle names a site whose title was never set.
const DefaultSiteTitle = "Newsroom"

// Site is the site-wide settings every page and the feed are rendered
// with. It is the one owner of their rules: storage loads and saves it
// (Store.Site, Store.SetSite), the command line, the window's export and
// the preview all render with it.
type Site struct {
	// Title names the site in the header and <title>; default
	// DefaultSiteTitle.
	Title string
	// PublisherName is the organisation credited in JSON-LD and the
	// footer; default the title.
	PublisherName string
	// BaseURL is the site's public address ("https://news.example"),
	// empty or an absolute http(s) URL.
	BaseURL string
	// CommentsURL receives the comment forms: empty (comments closed), an
	// absolute http(s) URL or a path on the site starting with /.
	CommentsURL string
	// The masthead, plain text: the staff (one person a line, "Name |
	// Role | Short bio"), the about text and the publisher's policies.
	Staff, About, CorrectionsPolicy, FactCheckingPolicy, EthicsPolicy, PublishingPrinciples string
	// PrivacyContact is where readers ask for a copy or the erasure of
	// their comment data.
	PrivacyContact string
	// CommentRetentionDays is after how many days commenters' addresses
	// and browser strings are cleared; 0 keeps them.
	CommentRetentionDays int
	// Style is the house style the export's warnings check against.
	Style StyleSettings
}

// WithDefaults trims the fields and fills in the defaults: the title
// DefaultSiteTitle, the publisher the title.
func (s Site) WithDefaults() Site {
	s.Title = strings.TrimSpace(s.Title)
	s.PublisherName = strings.TrimSpace(s.PublisherName)
	s.BaseURL = strings.TrimSpace(s.BaseURL)
	s.CommentsURL = strings.TrimSpace(s.CommentsURL)
	if s.Title == "" {
		s.Title = DefaultSiteTitle
	}
	if s.PublisherName == "" {
		s.PublisherName = s.Title
	}
	return s
}

// Validate checks the URLs (an empty title or publisher takes its
// default and is not an error).
func (s Site) Validate() error {
	return errors.Join(CheckBaseURL(s.BaseURL), CheckCommentsURL(s.CommentsURL))
}

// settingURLRefused are the characters a URL typed into the settings may
// not hold (HTTPURL would escape them; a setting should not need it).
const settingURLRefused = " \t\r\n<>\"'`\\"

// CheckBaseURL accepts an empty URL or an absolute http(s) URL (HTTPURL)
// without white space, quotes, angle brackets or backslashes.
func CheckBaseURL(raw string) error {
	raw = strings.TrimSpace(raw)
	if raw == "" || (IsHTTPURL(raw) && !strings.ContainsAny(raw, settingURLRefused)) {
		return nil
	}
	return fmt.Errorf("base URL %q is not an http(s) address such as https://news.example", raw)
}

// CheckCommentsURL accepts an empty URL, a base URL (CheckBaseURL) or a
// path on the site starting with / (not //), without the characters
// CheckBaseURL refuses.
func CheckCommentsURL(raw string) error {
	raw = strings.TrimSpace(raw)
	if raw == "" || CheckBaseURL(raw) == nil {
		return nil
	}
	if strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, "//") && !strings.ContainsAny(raw, settingURLRefused) {
		return nil
	}
	return fmt.Errorf("comments URL %q is neither an http(s) address nor a path starting with /", raw)
}

// IsHTTPURL reports whether raw is an absolute http or https URL that
// HTTPURL accepts.
func IsHTTPURL(raw string) bool {
	_, ok := HTTPURL(raw)
	return ok
}

// HTTPURL returns raw as a normalised absolute http or https URL, and
// whether it is one: the one rule for every URL of ours that reaches a
// page. Anything else (javascript:, data:, relative paths, user info,
// URLs with spaces or quotes in them) is refused, so the result is safe
// in an href or cite attribute and valid HTML.
func HTTPURL(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 2048 {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	scheme := strings.ToLower(u.Scheme)
	if (scheme != "http" && scheme != "https") || u.Host == "" || u.User != nil {
		return "", false
	}
	u.Scheme = scheme
	s := u.String()
	if strings.ContainsAny(s, " \t\r\n<>\"'`{}|\\^") {
		return "", false
	}
	return s, true
}
