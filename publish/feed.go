package publish

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"newsroom/domain"
)

// feedLimit is how many of the newest articles the feed carries.
const feedLimit = 50

// renderFeed renders feed.xml, an Atom feed of the newest live articles
// (already sorted newest first). Entry ids are the articles' canonical URLs
// when the site has a base URL, else URNs built from their slugs; the
// feed's updated time is the newest UpdatedAt among its entries, so the
// same articles always give the same bytes.
func renderFeed(live []*domain.Article, site siteView, images *imageCache) ([]byte, error) {
	m := feedMeta{Title: site.SiteTitle, ID: feedID(site), Link: site.BaseURL + "/"}
	if site.BaseURL == "" {
		m.Link = "index.html"
	}
	return renderFeedOf(live, site, m, images)
}

// feedMeta is what tells one feed of the site from another.
type feedMeta struct {
	Title string
	ID    string
	Link  string // the page the feed follows
	Root  string // relative path from the feed to the site root, without a base URL
}

// renderFeedOf renders an Atom feed of live (newest first) as m
// describes it, with the images images resolves (nil: none).
func renderFeedOf(live []*domain.Article, site siteView, m feedMeta, images *imageCache) ([]byte, error) {
	live = feedArticles(live)
	f := &feeds.Feed{
		Title:  m.Title,
		Link:   &feeds.Link{Href: m.Link, Rel: "alternate"},
		Author: &feeds.Author{Name: site.Publisher},
	}
	var updated time.Time
	for _, a := range live {
		prefix := m.Root
		if site.BaseURL != "" {
			prefix = site.BaseURL + "/"
		}
		rendered, err := renderBodyImages(context.Background(), a, images, prefix)
		if err != nil {
			return nil, err
		}
		body := rendered.html
		mod := modifiedAt(a)
		if mod.IsZero() {
			mod = a.PublishedAt
		}
		if mod.After(updated) {
			updated = mod
		}
		item := &feeds.Item{
			Id:          entryID(a, site),
			Title:       strings.TrimSpace(cleanText(a.Headline)),
			Link:        &feeds.Link{Href: m.Root + articleHref(a, site)},
			Description: html.EscapeString(strings.TrimSpace(cleanText(a.Standfirst))),
			Content:     body,
			Created:     a.PublishedAt,
			Updated:     mod,
		}
		if by := byline(a); by != "" {
			item.Author = &feeds.Author{Name: by}
		}
		f.Add(item)
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0).UTC()
	}
	f.Updated = updated
	atom := (&feeds.Atom{Feed: f}).AtomFeed()
	atom.Id = m.ID
	for i, e := range atom.Entries {
		if p := live[i].PublishedAt; !p.IsZero() {
			e.Published = p.Format(time.RFC3339)
		}
	}
	var buf bytes.Buffer
	if err := feeds.WriteXML(atom, &buf); err != nil {
		return nil, fmt.Errorf("render feed: %w", err)
	}
	return buf.Bytes(), nil
}

// articleHref is the article's address in the feed: absolute with a base
// URL, else relative to the site root.
func articleHref(a *domain.Article, site siteView) string {
	if site.BaseURL != "" {
		return site.BaseURL + "/" + a.Slug + "/"
	}
	return a.Slug + "/index.html"
}

func entryID(a *domain.Article, site siteView) string {
	if site.BaseURL != "" {
		return site.BaseURL + "/" + a.Slug + "/"
	}
	return "urn:newsroom:article:" + a.Slug
}

func feedID(site siteView) string {
	if site.BaseURL != "" {
		return site.BaseURL + "/"
	}
	name := domain.Slugify(site.SiteTitle)
	if name == "" {
		name = "site"
	}
	return "urn:newsroom:feed:" + name
}

// feedArticles is the part of live (newest first) the feed carries.
func feedArticles(live []*domain.Article) []*domain.Article {
	if len(live) > feedLimit {
		return live[:feedLimit]
	}
	return live
}
