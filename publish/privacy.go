package publish

import (
	"bytes"
	"fmt"
	"strings"
)

// privacyDir is the folder of the privacy page.
const privacyDir = "privacy/"

// privacyView is the data of the privacy page template.
type privacyView struct {
	Site          siteView
	Chrome        renderedChrome
	CanonicalURL  string
	Contact       string
	RetentionDays int
	CommentsOpen  bool
}

// renderPrivacy renders privacy/index.html: what the site stores about
// commenters, for how long, who sees it and how to ask for a copy or
// erasure.
func renderPrivacy(m *Masthead, site siteView, commentsOpen bool) ([]byte, error) {
	t, err := templates()
	if err != nil {
		return nil, err
	}
	v := privacyView{Site: site, Contact: strings.TrimSpace(cleanText(m.PrivacyContact)), RetentionDays: m.RetentionDays, CommentsOpen: commentsOpen}
	if v.Chrome, err = siteChrome(t, chromeAt(site, "../")); err != nil {
		return nil, err
	}
	if site.BaseURL != "" {
		v.CanonicalURL = site.BaseURL + "/" + privacyDir
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "privacy", v); err != nil {
		return nil, fmt.Errorf("render privacy page: %w", err)
	}
	return buf.Bytes(), nil
}

// privacyFile is the privacy page as a site file.
func (e *exporter) privacyFile() siteFileSpec {
	m := e.pageOpt.Masthead
	open := strings.TrimSpace(e.pageOpt.CommentsURL) != ""
	var k keyHasher
	k.str(e.siteKey)
	k.str(m.PrivacyContact)
	k.int(int64(m.RetentionDays))
	k.bool(open)
	key := k.sum()
	return siteFileSpec{privacyDir + "index.html", key, func() ([]byte, string, error) {
		data, err := renderPrivacy(m, e.site, open)
		return data, key, err
	}}
}
