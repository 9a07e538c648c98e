package importer

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"newsroom/domain"
)

// wxrStatus maps a WordPress post status (and password) to an article
// status, or names why the post is skipped. Private and password-protected
// posts become drafts so their text does not go public; a future post is
// published with its future date, which holds it back as an embargo.
func wxrStatus(status, password string) (st domain.Status, skip string) {
	status = strings.ToLower(strings.TrimSpace(status))
	switch status {
	case "trash":
		return "", "trashed post"
	case "auto-draft":
		return "", "auto-draft"
	}
	if strings.TrimSpace(password) != "" {
		return domain.StatusDraft, ""
	}
	switch status {
	case "publish", "future":
		return domain.StatusPublished, ""
	case "pending":
		return domain.StatusReview, ""
	}
	return domain.StatusDraft, "" // draft, private and anything unknown
}

// zeroWPDate is how WordPress writes "no date".
const zeroWPDate = "0000-00-00 00:00:00"

// wpTime reads a WordPress date ("2006-01-02 15:04:05"), preferring the
// GMT one; the local one is taken as UTC when GMT is missing. Both missing
// gives the zero time.
func wpTime(gmt, local string) (time.Time, error) {
	for _, s := range []string{gmt, local} {
		s = strings.TrimSpace(s)
		if s == "" || s == zeroWPDate {
			continue
		}
		t, err := time.Parse("2006-01-02 15:04:05", s)
		if err != nil {
			return time.Time{}, fmt.Errorf("date %q is not in WordPress's form 2006-01-02 15:04:05", s)
		}
		return t.UTC(), nil
	}
	return time.Time{}, nil
}

// article turns a post item into an article.
func (w *wxrImport) article(it *wxrItem) (*domain.Article, error) {
	id := strings.TrimSpace(it.PostID)
	status, _ := wxrStatus(it.Status, it.Password)
	published, err := wpTime(it.PostDateGMT, it.PostDate)
	if err != nil {
		return nil, err
	}
	headline := plainText(it.Title, false)
	if headline == "" {
		headline = "Untitled post " + id
		if id == "" {
			headline = "Untitled post"
		}
	}
	body, err := w.body.Markdown(it.Content)
	if err != nil {
		return nil, fmt.Errorf("convert the content to Markdown: %w", err)
	}
	var keywords []string
	for _, c := range it.Categories {
		if d := strings.TrimSpace(c.Domain); d == "category" || d == "post_tag" || d == "tag" {
			keywords = append(keywords, plainText(c.Name, false))
		}
	}
	a := &domain.Article{
		Slug:        w.uniqueSlug(it, headline, id),
		Headline:    truncate(headline, domain.MaxHeadlineLen),
		Standfirst:  truncate(plainText(it.Excerpt, true), domain.MaxFieldLen),
		Byline:      truncate(w.byline(it.Creator), domain.MaxFieldLen),
		Body:        body,
		Status:      status,
		PublishedAt: published,
		Keywords:    dedupe(keywords),
		Origin:      w.uniqueOrigin(it.GUID, id),
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	return a, nil
}

// byline is the author's display name from the <wp:author> blocks, else
// the login itself.
func (w *wxrImport) byline(creator string) string {
	login := strings.TrimSpace(creator)
	if name, ok := w.authors[login]; ok && name != "" {
		return name
	}
	if name, ok := w.authors[strings.Trim(login, "<> ")]; ok && name != "" {
		return name
	}
	return login
}

// uniqueSlug picks the post's slug: wp:post_name, else the slugified
// title, else "post-<id>"; a slug already given in this file gets the post
// id (then a number) appended.
func (w *wxrImport) uniqueSlug(it *wxrItem, headline, id string) string {
	slug := ""
	if name := strings.TrimSpace(it.PostName); name != "" {
		if unescaped, err := url.PathUnescape(name); err == nil {
			name = unescaped
		}
		if domain.ValidateSlug(name) == nil {
			slug = name
		} else {
			slug = domain.Slugify(name)
		}
	}
	if slug == "" && strings.TrimSpace(it.Title) != "" {
		slug = domain.Slugify(headline)
	}
	if slug == "" {
		slug = "post-" + domain.Slugify(id)
		if id == "" {
			slug = "post"
		}
	}
	candidate := slug
	if w.slugs[candidate] && id != "" {
		candidate = slug + "-" + domain.Slugify(id)
	}
	for n := 2; w.slugs[candidate]; n++ {
		candidate = fmt.Sprintf("%s-%d", slug, n)
	}
	w.slugs[candidate] = true
	return candidate
}

// uniqueOrigin is "wxr:<guid>", or "wxr:post:<id>" without a guid. Some
// exports repeat a guid on two posts: the later one gets "#post-<id>".
func (w *wxrImport) uniqueOrigin(guid, id string) string {
	origin := "wxr:" + strings.TrimSpace(guid)
	if strings.TrimSpace(guid) == "" {
		origin = "wxr:post:" + id
	}
	candidate := origin
	if w.origins[candidate] {
		candidate = origin + "#post-" + id
	}
	for n := 2; w.origins[candidate]; n++ {
		candidate = fmt.Sprintf("%s#post-%s-%d", origin, id, n)
	}
	w.origins[candidate] = true
	return candidate
}

// truncate shortens s to at most max bytes on a rune boundary, marking the
// cut with an ellipsis.
func truncate(s string, max int) string {
	if len(s) <= max {
		return s
	}
	const mark = "…"
	cut := max - len(mark)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.TrimSpace(s[:cut]) + mark
}
