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

// protectedNotice opens the body of a post that was password-protected
// in WordPress (a callout, see the body conventions).
const protectedNotice = "> [!WARNING]\n> This post was password-protected in WordPress: only readers with the password could read it.\n\n"

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
	headline := cleanControl(plainText(it.Title, false))
	if headline == "" {
		headline = "Untitled post " + id
		if id == "" {
			headline = "Untitled post"
		}
	}
	body, err := w.body.Markdown(it.Content)
	if err != nil {
		return nil, &fieldError{"content:encoded", fmt.Errorf("convert the content to Markdown: %w", err)}
	}
	if len(body) > domain.MaxBodyBytes {
		return nil, &fieldError{"content:encoded", fmt.Errorf("the content is %d bytes once converted, over the body limit of %d", len(body), domain.MaxBodyBytes)}
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
		Body:        cleanBodyControl(body),
		Status:      status,
		PublishedAt: published,
		Keywords:    dedupe(keywords),
		Origin:      w.uniqueOrigin(it.GUID, id, headline),
	}
	if strings.TrimSpace(it.Password) != "" {
		// Kept a draft, left out of exports with drafts unless asked
		// for, and saying so in its text wherever it is shown.
		a.Origin += protectedSuffix
		a.Body = protectedNotice + a.Body
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
// id (then a number) appended, cut so it stays within the slug limit. The
// next number to try is remembered, so many posts wanting one slug cost
// linear time.
func (w *wxrImport) uniqueSlug(it *wxrItem, headline, id string) string {
	slug := ""
	if name := strings.TrimSpace(it.PostName); name != "" {
		if unescaped, err := url.PathUnescape(name); err == nil {
			name = unescaped
		}
		slug = normalizeSlug(name)
	}
	if slug == "" && strings.TrimSpace(it.Title) != "" {
		slug = domain.Slugify(headline)
	}
	if slug == "" {
		slug = "post-" + domain.Slugify(id)
		if domain.Slugify(id) == "" {
			slug = "post"
		}
	}
	candidate := slug
	if w.slugs[candidate] && domain.Slugify(id) != "" {
		candidate = domain.SlugWithSuffix(slug, "-"+domain.Slugify(id))
	}
	if w.slugs[candidate] {
		n := max(w.nextSlug[slug], 2)
		for ; w.slugs[candidate]; n++ {
			candidate = domain.SlugWithSuffix(slug, fmt.Sprintf("-%d", n))
		}
		w.nextSlug[slug] = n
	}
	w.slugs[candidate] = true
	return candidate
}

// uniqueOrigin is a post's identity: "wxr:<site> post <id>" (the site is
// the export's base URL), else its GUID, else its title. A second post
// with the same identity in one file gets "#2", "#3"….
func (w *wxrImport) uniqueOrigin(guid, id, headline string) string {
	guid, id = strings.TrimSpace(guid), strings.TrimSpace(id)
	var key string
	switch {
	case id != "":
		key = "post " + id
	case guid != "":
		key = "guid " + guid
	default:
		key = "title " + headline
	}
	origin := "wxr:" + key
	if w.site != "" {
		origin = "wxr:" + w.site + " " + key
	}
	w.origins[origin]++
	if n := w.origins[origin]; n > 1 {
		return fmt.Sprintf("%s#%d", origin, n)
	}
	return origin
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
