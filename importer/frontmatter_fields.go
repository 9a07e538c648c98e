package importer

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// frontMatter is what Newsroom takes from Hugo or Jekyll front matter.
type frontMatter struct {
	Title       string
	Slug        string
	Author      string
	Description string
	Date        time.Time
	Draft       bool
	Keywords    []string
	// ID is a stable identity the file carries (id, uuid or
	// newsroom_id), which survives renaming and moving the file.
	ID string
	// Image is the page's lead image as the front matter names it
	// (image, images, featured_image, feature_image, cover_image,
	// thumbnail: the first one given); a value of another shape is
	// ignored, never an error.
	Image string
	line  map[string]int // field name → file line of its value
}

// readFields interprets the known fields; unknown ones (and lastmod) are
// ignored.
func readFields(fields []fmField) (frontMatter, error) {
	fm := frontMatter{line: map[string]int{}}
	var keywords [][]string
	for _, f := range fields {
		fm.line[f.key] = f.line
		var err error
		switch f.key {
		case "title":
			fm.Title, err = asString(f.value)
		case "slug":
			fm.Slug, err = asString(f.value)
		case "author", "authors":
			var names []string
			names, err = asStrings(f.value, false)
			if len(names) > 0 && fm.Author == "" {
				fm.Author = strings.Join(names, ", ")
			}
		case "description", "summary", "excerpt":
			var s string
			s, err = asString(f.value)
			if fm.Description == "" {
				fm.Description = strings.TrimSpace(s)
			}
		case "id", "uuid", "newsroom_id":
			fm.ID, err = asString(f.value)
			fm.ID = strings.TrimSpace(fm.ID)
		case "date":
			fm.Date, err = asTime(f.value)
		case "publishdate", "pubdate", "published_at":
			var t time.Time
			if t, err = asTime(f.value); err == nil && fm.Date.IsZero() {
				fm.Date = t
			}
		case "draft":
			fm.Draft, err = asBool(f.value)
		case "published": // Jekyll: published: false keeps a post unpublished
			var published bool
			published, err = asBool(f.value)
			if !published {
				fm.Draft = true
			}
		case "image", "images", "featured_image", "feature_image", "cover_image", "thumbnail":
			if list, lerr := asStrings(f.value, false); lerr == nil && len(list) > 0 && fm.Image == "" {
				fm.Image = strings.TrimSpace(list[0])
			}
		case "tags", "categories", "category", "keywords":
			var list []string
			list, err = asStrings(f.value, true)
			keywords = append(keywords, list)
		}
		if err != nil {
			return fm, atLine(f.line, "front matter field %q: %v", f.key, err)
		}
	}
	fm.Keywords = dedupe(keywords...)
	return fm, nil
}

// asString reads a text value, with control characters (terminal
// escapes, NUL…) removed; tabs and line breaks become spaces.
func asString(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return cleanControl(x), nil
	case int, int64, uint64, float64, bool, json.Number:
		return fmt.Sprint(x), nil
	case time.Time:
		return x.Format(time.RFC3339), nil
	}
	return "", fmt.Errorf("expected text, found %s", describe(v))
}

// asStrings accepts a list or a single value. A single value is split at
// commas, or, when split is set and there is no comma, at spaces (Jekyll's
// "tags: one two").
func asStrings(v any, split bool) ([]string, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case []any:
		out := make([]string, 0, len(x))
		for _, item := range x {
			s, err := asString(item)
			if err != nil {
				return nil, fmt.Errorf("list item: %v", err)
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	}
	s, err := asString(v)
	if err != nil {
		return nil, err
	}
	var parts []string
	switch {
	case strings.Contains(s, ","):
		parts = strings.Split(s, ",")
	case split:
		parts = strings.Fields(s)
	default:
		parts = []string{s}
	}
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out, nil
}

func asBool(v any) (bool, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "yes", "on":
			return true, nil
		case "false", "no", "off", "":
			return false, nil
		}
	}
	return false, fmt.Errorf("expected true or false, found %s", describe(v))
}

// dateLayouts are the publication date forms Hugo and Jekyll accept in
// front matter; times without a zone are UTC. Fractions of a second are
// accepted by every layout with seconds.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 Z0700",
	"2006-01-02 15:04:05.999999999 Z07:00",
	"2006-01-02 15:04:05.999999999 -0700 MST",
	"2006-01-02 15:04:05.999999999 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04 Z0700",
	"2006-01-02 15:04 MST",
	"2006-01-02 15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC822Z,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2006/01/02",
}

func asTime(v any) (time.Time, error) {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x.UTC()
	case string:
		var err error
		if t, err = parseDate(x); err != nil {
			return t, err
		}
	default:
		return time.Time{}, fmt.Errorf("expected a date such as 2024-05-01 or 2024-05-01T10:00:00Z, found %s", describe(v))
	}
	if t.Year() < 1 || t.Year() > 9999 {
		return time.Time{}, fmt.Errorf("year %04d is not a possible publication date", t.Year())
	}
	return t, nil
}

func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date such as 2024-05-01, 2024-05-01T10:00:00Z or 2024-05-01 10:00:00 +0200", s)
}

// cleanControl removes control characters (terminal escapes, NUL, …)
// from front matter text; tabs and line breaks become spaces.
func cleanControl(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

func describe(v any) string {
	switch x := v.(type) {
	case []any:
		return "a list"
	case map[string]any:
		return "a group of fields"
	case string:
		return fmt.Sprintf("%q", x)
	}
	return fmt.Sprintf("%v", v)
}

// dedupe joins lists, dropping blanks and repeats (ignoring case) while
// keeping the first spelling and the order.
func dedupe(lists ...[]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range lists {
		for _, s := range list {
			s = strings.TrimSpace(s)
			k := strings.ToLower(s)
			if s == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}
