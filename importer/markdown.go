package importer

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"newsroom/domain"
)

// jekyllName matches Jekyll's post file names: 2014-05-01-my-post.md.
var jekyllName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-(.+)$`)

// ParseMarkdown reads a Markdown file with Hugo or Jekyll front matter
// (YAML, TOML or JSON; or none) into an article. name is the file's path,
// used for the slug and the title when the front matter has none. Errors
// carry the file line (see Error); warnings (with File left empty) say
// what was carried imperfectly.
//
// The article is published unless draft: true (or Jekyll's published:
// false); PublishedAt is the front matter date, else the date in a Jekyll
// file name, else zero (with a warning). The body's raw HTML, Hugo
// shortcodes, Liquid tags and kramdown attribute lists are converted to
// the body conventions or kept as visible text with a warning. Origin is
// "file-id:<id>" when the front matter has a stable id (id, uuid or
// newsroom_id), else left empty: the caller knows the file's identity
// (its path).
func ParseMarkdown(name string, src []byte) (*domain.Article, []Warning, error) {
	a, _, warnings, err := parseMarkdown(name, src)
	return a, warnings, err
}

// parseMarkdown is ParseMarkdown that also returns the lead image the
// front matter names (an address, resolved by the import).
func parseMarkdown(name string, src []byte) (*domain.Article, string, []Warning, error) {
	if !utf8.Valid(src) {
		return nil, "", nil, atLine(invalidUTF8Line(src), "the file is not valid UTF-8")
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	raw, fence, first, body, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		return nil, "", nil, err
	}
	fields, err := parseFrontMatter(raw, fence, first)
	if err != nil {
		return nil, "", nil, err
	}
	fm, err := readFields(fields)
	if err != nil {
		return nil, "", nil, err
	}
	var warnings []Warning
	warn := func(line int, format string, args ...any) {
		warnings = append(warnings, Warning{Line: line, Message: fmt.Sprintf(format, args...)})
	}
	if fence == "" {
		warn(1, "no front matter: title and slug taken from the file name")
	}

	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if base == "index" { // Hugo page bundle: the folder names the page
		base = filepath.Base(filepath.Dir(name))
	}
	date := fm.Date
	if m := jekyllName.FindStringSubmatch(base); m != nil {
		base = m[2]
		if date.IsZero() {
			date, _ = time.Parse("2006-01-02", m[1])
		}
	}

	title := plainTitle(fm.Title)
	if title == "" {
		if l, ok := fm.line["title"]; ok && strings.TrimSpace(fm.Title) != "" {
			return nil, "", nil, atLine(l, "front matter title %q has no text once its markup is removed", fm.Title)
		}
		title = titleFromName(base)
		if title == "" {
			return nil, "", nil, atLine(1, "no title: the front matter has none and the file name has no letters or digits")
		}
		if fence != "" {
			warn(max(fm.line["title"], first), "no title in the front matter: %q taken from the file name", title)
		}
	}
	if len(title) > domain.MaxHeadlineLen {
		return nil, "", nil, atLine(fm.line["title"], "title is %d bytes, over the limit of %d", len(title), domain.MaxHeadlineLen)
	}

	slug := strings.TrimSpace(fm.Slug)
	if slug != "" {
		normal := normalizeSlug(slug)
		if normal == "" {
			return nil, "", nil, atLine(fm.line["slug"], "front matter slug %q has no letters or digits", slug)
		}
		slug = normal
	} else if slug = normalizeSlug(base); slug == "" {
		slug = normalizeSlug(title)
	}
	if err := domain.ValidateSlug(slug); err != nil {
		return nil, "", nil, atLine(1, "no usable slug from the file name or the title: %v", err)
	}

	if line, ok := controlLine(body, bodyLine); ok {
		body = []byte(cleanBodyControl(string(body)))
		warn(line, "control characters (terminal escapes, NUL…) in the body were removed")
	}
	text, bodyWarnings := convertMarkdownBody(strings.TrimLeft(string(body), "\r\n"), bodyLine+leadingNewlines(body))
	for _, w := range bodyWarnings {
		warn(w.line, "%s", w.msg)
	}
	if len(text) > domain.MaxBodyBytes {
		return nil, "", nil, atLine(bodyLine, "the body is %d bytes, over the limit of %d", len(text), domain.MaxBodyBytes)
	}
	a := &domain.Article{
		Slug:        slug,
		Headline:    title,
		Standfirst:  plainText(fm.Description, true),
		Byline:      strings.TrimSpace(fm.Author),
		Body:        text,
		Status:      domain.StatusPublished,
		PublishedAt: date,
		Keywords:    fm.Keywords,
	}
	if fm.ID != "" {
		a.Origin = "file-id:" + fm.ID
	}
	if fm.Draft {
		a.Status = domain.StatusDraft
	}
	if a.Status == domain.StatusPublished && a.PublishedAt.IsZero() {
		warn(max(fm.line["date"], 1), "no date: the article has no publication time (set one in the window before it is exported)")
	}
	if err := a.Validate(); err != nil {
		return nil, "", nil, atLine(1, "%v", err)
	}
	return a, fm.Image, warnings, nil
}

// controlLine finds the first control character other than tab and line
// breaks, and the file line it is on.
func controlLine(b []byte, first int) (int, bool) {
	line := first
	for _, r := range string(b) {
		switch {
		case r == '\n':
			line++
		case r == '\t' || r == '\r':
		case unicode.IsControl(r):
			return line, true
		}
	}
	return 0, false
}

// cleanBodyControl removes control characters other than tab and line
// breaks.
func cleanBodyControl(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && r != '\r' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// leadingNewlines counts the line breaks TrimLeft("\r\n") drops.
func leadingNewlines(b []byte) int {
	n := 0
	for _, c := range b {
		switch c {
		case '\n':
			n++
		case '\r':
		default:
			return n
		}
	}
	return n
}

// titleFromName makes a title of a file name the way Jekyll does:
// "my-first_post" → "My First Post".
func titleFromName(base string) string {
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '.' })
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = strings.ToUpper(string(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// invalidUTF8Line returns the line of the first byte that is not UTF-8.
func invalidUTF8Line(src []byte) int {
	line := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return line
}

// importMarkdown stores one Markdown file's article in b.
func importMarkdown(ctx context.Context, b Batch, f fileRef, src []byte, opt Options) (Summary, error) {
	sum := Summary{File: f.display, Format: FormatMarkdown}
	a, leadImage, warnings, err := parseMarkdown(f.path, src)
	if err != nil {
		return sum, err
	}
	sum.Warnings = warnings
	if a.Origin == "" {
		a.Origin = f.origin
	}
	if err := takeMarkdownImages(ctx, b, f, a, leadImage, &sum); err != nil {
		return sum, err
	}
	wanted := a.Slug
	outcome, err := b.UpsertArticle(ctx, a, Upsert{Replace: opt.Replace})
	if err != nil {
		return sum, fmt.Errorf("store article %q: %w", a.Slug, err)
	}
	sum.Slug, sum.Outcome = a.Slug, outcome
	if a.Slug != wanted && outcome != Unchanged {
		sum.Warnings = append(sum.Warnings, Warning{Line: 1, Message: fmt.Sprintf(
			"the slug %q belongs to an article this file did not make: stored as %q (import with --replace to overwrite that article instead)", wanted, a.Slug)})
	}
	switch outcome {
	case Created:
		sum.ArticlesCreated++
	case Updated:
		sum.ArticlesUpdated++
	default:
		sum.ArticlesUnchanged++
	}
	if opt.Progress != nil {
		opt.Progress(1)
	}
	return sum, nil
}
