package importer

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"newsroom/domain"
)

// jekyllName matches Jekyll's post file names: 2014-05-01-my-post.md.
var jekyllName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-(.+)$`)

// ParseMarkdown reads a Markdown file with Hugo or Jekyll front matter
// into an article. name is the file's path, used for the slug when the
// front matter has none. Errors carry the file line (see Error).
//
// The article is published unless draft: true (or Jekyll's published:
// false); PublishedAt is the front matter date, else the date in a Jekyll
// file name, else zero. Origin is "file:<slug>".
func ParseMarkdown(name string, src []byte) (*domain.Article, error) {
	if !utf8.Valid(src) {
		return nil, atLine(invalidUTF8Line(src), "the file is not valid UTF-8")
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	raw, fence, first, body, _, err := splitFrontMatter(src)
	if err != nil {
		return nil, err
	}
	fields, err := parseFrontMatter(raw, fence, first)
	if err != nil {
		return nil, err
	}
	fm, err := readFields(fields)
	if err != nil {
		return nil, err
	}
	title := strings.TrimSpace(fm.Title)
	if title == "" {
		if l, ok := fm.line["title"]; ok {
			return nil, atLine(l, "front matter title is empty")
		}
		return nil, atLine(1, "front matter has no title (add a line \"title: …\")")
	}
	if len(title) > domain.MaxHeadlineLen {
		return nil, atLine(fm.line["title"], "title is %d bytes, over the limit of %d", len(title), domain.MaxHeadlineLen)
	}

	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if base == "index" || base == "_index" { // Hugo page bundle: the folder names the page
		base = filepath.Base(filepath.Dir(name))
	}
	date := fm.Date
	if m := jekyllName.FindStringSubmatch(base); m != nil {
		base = m[2]
		if date.IsZero() {
			date, _ = time.Parse("2006-01-02", m[1])
		}
	}
	slug := strings.TrimSpace(fm.Slug)
	if slug != "" {
		if err := domain.ValidateSlug(slug); err != nil {
			return nil, atLine(fm.line["slug"], "front matter slug: %v", err)
		}
	} else if slug = domain.Slugify(base); slug == "" {
		slug = domain.Slugify(title)
	}
	if err := domain.ValidateSlug(slug); err != nil {
		return nil, atLine(1, "no usable slug from the file name or the title: %v", err)
	}

	a := &domain.Article{
		Slug:        slug,
		Headline:    title,
		Standfirst:  fm.Description,
		Byline:      strings.TrimSpace(fm.Author),
		Body:        strings.TrimLeft(string(body), "\r\n"),
		Status:      domain.StatusPublished,
		PublishedAt: date,
		Keywords:    fm.Keywords,
		Origin:      "file:" + slug,
	}
	if fm.Draft {
		a.Status = domain.StatusDraft
	}
	if err := a.Validate(); err != nil {
		return nil, atLine(1, "%v", err)
	}
	return a, nil
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

// importMarkdown stores one Markdown file's article in b. A published
// article without a date takes modTime as its publication time.
func importMarkdown(ctx context.Context, b Batch, path string, src []byte, modTime time.Time, progress func(int)) (Summary, error) {
	sum := Summary{File: path, Format: FormatMarkdown}
	a, err := ParseMarkdown(path, src)
	if err != nil {
		return sum, err
	}
	if a.Status == domain.StatusPublished && a.PublishedAt.IsZero() {
		a.PublishedAt = modTime.UTC().Truncate(time.Second)
	}
	created, err := b.UpsertArticle(ctx, a)
	if err != nil {
		return sum, fmt.Errorf("store article %q: %w", a.Slug, err)
	}
	sum.Slug = a.Slug
	if created {
		sum.ArticlesCreated++
	} else {
		sum.ArticlesUpdated++
	}
	if progress != nil {
		progress(1)
	}
	return sum, nil
}
