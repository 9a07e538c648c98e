package publish

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"newsroom/domain"
)

// indexView is the data of the index page template.
type indexView struct {
	Site         siteView
	Chrome       renderedChrome
	CanonicalURL string
	Articles     []teaserView
	Drafts       []teaserView
}

type teaserView struct {
	Href          string
	KindLabel     string
	Headline      string
	Standfirst    string
	PublishedISO  string
	PublishedText string
	FactChecked   bool
	Draft         bool
}

// sortNewestFirst orders articles by publication time, newest first, then
// by slug, so the order is stable.
func sortNewestFirst(list []*domain.Article) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if !a.PublishedAt.Equal(b.PublishedAt) {
			return a.PublishedAt.After(b.PublishedAt)
		}
		return a.Slug < b.Slug
	})
}

// renderIndex renders index.html: live articles newest first, then drafts
// when there are any (the page is then marked noindex).
func renderIndex(live, drafts []*domain.Article, site siteView) ([]byte, error) {
	t, err := templates()
	if err != nil {
		return nil, err
	}
	v := indexView{Site: site}
	v.Site.NoIndex = len(drafts) > 0
	if v.Chrome, err = siteChrome(t, chromeAt(v.Site, "")); err != nil {
		return nil, err
	}
	if site.BaseURL != "" {
		v.CanonicalURL = site.BaseURL + "/"
	}
	for _, a := range live {
		v.Articles = append(v.Articles, newTeaser(a, false))
	}
	for _, a := range drafts {
		v.Drafts = append(v.Drafts, newTeaser(a, true))
	}
	var buf bytes.Buffer
	buf.Grow(4096 + 400*len(live))
	if err := t.ExecuteTemplate(&buf, "index", v); err != nil {
		return nil, fmt.Errorf("render index: %w", err)
	}
	return buf.Bytes(), nil
}

func newTeaser(a *domain.Article, draft bool) teaserView {
	v := newTeaserAt(a, "")
	v.Draft = draft
	return v
}

// newTeaserAt is the teaser of a on a page at root (the relative path to
// the site root).
func newTeaserAt(a *domain.Article, root string) teaserView {
	v := teaserView{
		Href:        root + a.Slug + "/index.html",
		KindLabel:   a.Kind.Label(),
		Headline:    teaserHeadline(a),
		Standfirst:  strings.TrimSpace(cleanText(a.Standfirst)),
		FactChecked: a.FactCheck.Checked,
	}
	if !a.PublishedAt.IsZero() {
		v.PublishedISO = a.PublishedAt.Format(timeISO)
		v.PublishedText = a.PublishedAt.Format(dateHuman)
	}
	return v
}

// teaserHeadline is a's headline as lists show it.
func teaserHeadline(a *domain.Article) string {
	if h := strings.TrimSpace(cleanText(a.Headline)); h != "" {
		return h
	}
	return "Untitled"
}
