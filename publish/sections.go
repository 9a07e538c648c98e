package publish

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"

	"newsroom/domain"
)

// listing is the live articles filed under one section or carrying one
// tag, newest first.
type listing struct {
	Kind     string // "author", "section" or "tag"
	Name     string // as first seen (newest article first)
	Slug     string // the URL segment
	Articles []*domain.Article
}

// dir is the listing's folder, relative to the site root.
func (l *listing) dir() string { return l.Kind + "/" + l.Slug + "/" }

// filingSlug is the URL segment of a section or tag name; "" when the
// name has no letters or digits (the name then gets no page).
func filingSlug(name string) string {
	return domain.Slugify(strings.TrimSpace(cleanText(name)))
}

// listings groups the live articles (newest first) by author (their
// byline), section and tag. Names that give the same slug share a page. The result is sorted
// by kind and slug.
func listings(live []*domain.Article) []*listing {
	bySlug := map[string]*listing{}
	var out []*listing
	add := func(kind, name string, a *domain.Article) {
		name = strings.TrimSpace(cleanText(name))
		slug := filingSlug(name)
		if slug == "" {
			return
		}
		key := kind + "/" + slug
		l, ok := bySlug[key]
		if !ok {
			l = &listing{Kind: kind, Name: name, Slug: slug}
			bySlug[key] = l
			out = append(out, l)
		}
		if n := len(l.Articles); n == 0 || l.Articles[n-1] != a {
			l.Articles = append(l.Articles, a)
		}
	}
	for _, a := range live {
		for _, name := range bylineNames(a) {
			add("author", name, a)
		}
		add("section", domain.SectionOf(a), a)
		for _, t := range a.Keywords {
			add("tag", t, a)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Slug < out[j].Slug
	})
	return out
}

// listingView is the data of the section and tag page template.
type listingView struct {
	Site         siteView
	Chrome       renderedChrome
	CanonicalURL string
	Heading      string // "Section", "Tag", "Author"
	Name         string
	Role, Bio    string // of an author
	Feed         string // the section's own feed, relative; "" for tags
	Articles     []teaserView
}

// renderListing renders a section or tag page.
func renderListing(l *listing, site siteView, m *Masthead) ([]byte, error) {
	t, err := templates()
	if err != nil {
		return nil, err
	}
	v := listingView{Site: site, Name: l.Name}
	if v.Chrome, err = siteChrome(t, chromeAt(site, "../../")); err != nil {
		return nil, err
	}
	switch l.Kind {
	case "section":
		v.Heading, v.Feed = "Section", "feed.xml"
	case "author":
		p := m.person(l.Name)
		v.Heading, v.Role, v.Bio = "Author", p.Role, p.Bio
	default:
		v.Heading = "Tag"
	}
	if site.BaseURL != "" {
		v.CanonicalURL = site.BaseURL + "/" + l.dir()
	}
	for _, a := range l.Articles {
		v.Articles = append(v.Articles, newTeaserAt(a, "../../"))
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "listing", v); err != nil {
		return nil, fmt.Errorf("render %s page %q: %w", l.Kind, l.Name, err)
	}
	return buf.Bytes(), nil
}

// listingKey digests what a section or tag page shows.
func listingKey(site string, l *listing, m *Masthead) string {
	var k keyHasher
	k.str(site)
	k.str(l.Kind)
	k.str(l.Name)
	if l.Kind == "author" {
		p := m.person(l.Name)
		k.str(p.Role)
		k.str(p.Bio)
	}
	k.int(int64(len(l.Articles)))
	for _, a := range l.Articles {
		hashTeaser(&k, a)
	}
	return k.sum()
}

// hashTeaser adds what a teaser shows of a to a key.
func hashTeaser(k *keyHasher, a *domain.Article) {
	k.str(a.Slug)
	k.str(a.Headline)
	k.str(a.Standfirst)
	k.str(string(a.Kind))
	k.time(a.PublishedAt)
	k.bool(a.FactCheck.Checked)
}

// listingFiles are the about page, the pages of every author, section
// and tag, and a feed per section.
func (e *exporter) listingFiles(ctx context.Context, live []*domain.Article) []siteFileSpec {
	var out []siteFileSpec
	ls := listings(live)
	m := e.pageOpt.Masthead
	staffPages := authorPages(ls)
	about := aboutKey(e.siteKey, m, staffPages)
	out = append(out, siteFileSpec{aboutDir + "index.html", about, func() ([]byte, string, error) {
		data, err := renderAbout(m, e.site, staffPages)
		return data, about, err
	}})
	for _, l := range ls {
		key := listingKey(e.siteKey, l, m)
		out = append(out, siteFileSpec{l.dir() + "index.html", key, func() ([]byte, string, error) {
			data, err := renderListing(l, e.site, m)
			return data, key, err
		}})
		if l.Kind != "section" {
			continue
		}
		meta := sectionFeed(l, e.site)
		feedSite := e.siteKey + "\x00" + l.dir()
		out = append(out, siteFileSpec{l.dir() + "feed.xml", feedKey(feedSite, l.Articles, e.storedDigestWithImages(ctx)), func() ([]byte, string, error) {
			full, err := e.loadFeedArticles(ctx, l.Articles)
			if err != nil {
				return nil, "", err
			}
			data, err := renderFeedOf(full, e.site, meta, e.images)
			return data, feedKey(feedSite, full, e.contentDigestWithImages(ctx)), err
		}})
	}
	out = append(out, e.privacyFile())
	return append(out, e.sitemapFiles(live, ls)...)
}

// sectionFeed describes the feed of a section.
func sectionFeed(l *listing, site siteView) feedMeta {
	m := feedMeta{Title: site.SiteTitle + " – " + l.Name, Root: "../../", Link: "index.html"}
	if site.BaseURL != "" {
		m.ID = site.BaseURL + "/" + l.dir()
		m.Link = m.ID
	} else {
		m.ID = feedID(site) + ":" + l.Kind + ":" + l.Slug
	}
	return m
}

// sectionHref is the link from an article page to its section's page;
// "" when the section has no page.
func sectionHref(name string) string {
	if slug := filingSlug(name); slug != "" {
		return "../section/" + slug + "/index.html"
	}
	return ""
}

// tagHref is the link from an article page to a tag's page.
func tagHref(name string) string {
	if slug := filingSlug(name); slug != "" {
		return "../tag/" + slug + "/index.html"
	}
	return ""
}
