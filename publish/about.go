package publish

import (
	"bytes"
	"fmt"
)

// aboutDir is the folder of the about page.
const aboutDir = "about/"

// aboutView is the data of the about page template.
type aboutView struct {
	Site         siteView
	Chrome       renderedChrome
	CanonicalURL string
	About        []string
	Staff        []staffView
	Policies     []policy
}

// staffView is one person on the about page.
type staffView struct {
	Author
	Href string // their author page, when they have one
}

// renderAbout renders about/index.html: the masthead text, the staff and
// the policies. staffPages are the slugs of the author pages written.
func renderAbout(m *Masthead, site siteView, staffPages map[string]bool) ([]byte, error) {
	t, err := templates()
	if err != nil {
		return nil, err
	}
	v := aboutView{Site: site, About: paragraphs(m.About), Policies: m.policies()}
	if v.Chrome, err = siteChrome(t, chromeAt(site, "../")); err != nil {
		return nil, err
	}
	if site.BaseURL != "" {
		v.CanonicalURL = site.BaseURL + "/" + aboutDir
	}
	for _, a := range m.Staff {
		p := m.person(a.Name)
		sv := staffView{Author: p}
		if slug := filingSlug(p.Name); staffPages[slug] {
			sv.Href = "../author/" + slug + "/index.html"
		}
		v.Staff = append(v.Staff, sv)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "about", v); err != nil {
		return nil, fmt.Errorf("render about page: %w", err)
	}
	return buf.Bytes(), nil
}

// aboutKey digests what the about page shows.
func aboutKey(site string, m *Masthead, staffPages map[string]bool) string {
	var k keyHasher
	k.str(site)
	m.hash(&k)
	for _, a := range m.Staff {
		k.bool(staffPages[filingSlug(a.Name)])
	}
	return k.sum()
}

// siteKeyWith is siteKey with what every page shows of the masthead.
func siteKeyWith(site siteView, commentsURL string, m *Masthead) (string, error) {
	key, err := siteKey(site, commentsURL)
	if err != nil {
		return "", err
	}
	var k keyHasher
	k.str(key)
	m.hashPublisher(&k)
	return k.sum(), nil
}

// authorPages lists the slugs of the author pages of live.
func authorPages(ls []*listing) map[string]bool {
	out := map[string]bool{}
	for _, l := range ls {
		if l.Kind == "author" {
			out[l.Slug] = true
		}
	}
	return out
}
