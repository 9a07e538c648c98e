package publish

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"

	"newsroom/domain"
)

// Sitemaps need absolute addresses: they are written only when the site
// has a base URL.
const (
	sitemapPath     = "sitemap.xml"
	newsSitemapPath = "news-sitemap.xml"
	// newsWindow is how far back the news sitemap reaches (Google News
	// takes articles of the last two days).
	newsWindow = 48 * time.Hour
)

type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	News    string       `xml:"xmlns:news,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string    `xml:"loc"`
	LastMod string    `xml:"lastmod,omitempty"`
	News    *newsItem `xml:"news:news,omitempty"`
}

type newsItem struct {
	Publication struct {
		Name     string `xml:"news:name"`
		Language string `xml:"news:language"`
	} `xml:"news:publication"`
	Date  string `xml:"news:publication_date"`
	Title string `xml:"news:title"`
}

// renderSitemap lists the home page, every live article, the archives
// and the listings.
func renderSitemap(live []*domain.Article, ls []*listing, site siteView) ([]byte, error) {
	set := urlSet{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	var newest time.Time
	for _, a := range live {
		if m := modifiedAt(a); m.After(newest) {
			newest = m
		}
	}
	home := sitemapURL{Loc: site.BaseURL + "/"}
	if !newest.IsZero() {
		home.LastMod = newest.Format(time.RFC3339)
	}
	set.URLs = append(set.URLs, home, sitemapURL{Loc: site.BaseURL + "/" + aboutDir}, sitemapURL{Loc: site.BaseURL + "/corrections/"})
	for _, a := range live {
		u := sitemapURL{Loc: site.BaseURL + "/" + a.Slug + "/"}
		if m := modifiedAt(a); !m.IsZero() {
			u.LastMod = m.Format(time.RFC3339)
		}
		set.URLs = append(set.URLs, u)
	}
	for _, l := range ls {
		set.URLs = append(set.URLs, sitemapURL{Loc: site.BaseURL + "/" + l.dir()})
	}
	return encodeSitemap(set)
}

// newsArticles are the live articles published within newsWindow of now.
func newsArticles(live []*domain.Article, now time.Time) []*domain.Article {
	var out []*domain.Article
	for _, a := range live {
		if !a.PublishedAt.IsZero() && now.Sub(a.PublishedAt) <= newsWindow {
			out = append(out, a)
		}
	}
	return out
}

// renderNewsSitemap is the Google News sitemap of recent articles.
func renderNewsSitemap(recent []*domain.Article, site siteView) ([]byte, error) {
	set := urlSet{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9", News: "http://www.google.com/schemas/sitemap-news/0.9"}
	for _, a := range recent {
		n := &newsItem{Date: a.PublishedAt.Format(time.RFC3339), Title: teaserHeadline(a)}
		n.Publication.Name = site.Publisher
		n.Publication.Language = site.Lang
		set.URLs = append(set.URLs, sitemapURL{Loc: site.BaseURL + "/" + a.Slug + "/", News: n})
	}
	return encodeSitemap(set)
}

func encodeSitemap(set urlSet) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(set); err != nil {
		return nil, fmt.Errorf("render sitemap: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// sitemapKey digests what the sitemap lists.
func sitemapKey(site string, live []*domain.Article, ls []*listing) string {
	var k keyHasher
	k.str(site)
	k.int(int64(len(live)))
	for _, a := range live {
		k.str(a.Slug)
		k.time(modifiedAt(a))
	}
	for _, l := range ls {
		k.str(l.dir())
	}
	return k.sum()
}

// newsSitemapKey digests what the news sitemap lists.
func newsSitemapKey(site string, recent []*domain.Article) string {
	var k keyHasher
	k.str(site)
	k.int(int64(len(recent)))
	for _, a := range recent {
		k.str(a.Slug)
		k.str(a.Headline)
		k.time(a.PublishedAt)
	}
	return k.sum()
}

// sitemapFiles are the two sitemaps, when the site has a base URL.
func (e *exporter) sitemapFiles(live []*domain.Article, ls []*listing) []siteFileSpec {
	if e.site.BaseURL == "" {
		return nil
	}
	key := sitemapKey(e.siteKey, live, ls)
	recent := newsArticles(live, e.pageOpt.Now)
	newsKey := newsSitemapKey(e.siteKey, recent)
	return []siteFileSpec{
		{sitemapPath, key, func() ([]byte, string, error) {
			data, err := renderSitemap(live, ls, e.site)
			return data, key, err
		}},
		{newsSitemapPath, newsKey, func() ([]byte, string, error) {
			data, err := renderNewsSitemap(recent, e.site)
			return data, newsKey, err
		}},
	}
}
