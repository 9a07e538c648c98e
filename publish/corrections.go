package publish

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"newsroom/domain"
)

// correctionView is one note of a corrections log as pages show it.
type correctionView struct {
	Label    string // "Correction", "Clarification", "Update"
	Text     string
	DateISO  string
	DateText string
}

// correctionNotice is the short notice near the top of a corrected page.
type correctionNotice struct {
	Verb     string // "Corrected", "Clarified", "Updated"
	DateISO  string
	DateText string
}

// correctionViews returns a's log as pages show it, oldest first, and
// the notice of its newest note (nil without notes).
func correctionViews(a *domain.Article) ([]correctionView, *correctionNotice) {
	var out []correctionView
	var newest *domain.Correction
	for i := range a.Corrections {
		c := &a.Corrections[i]
		text := strings.TrimSpace(cleanText(c.Text))
		if text == "" {
			continue
		}
		out = append(out, newCorrectionView(c, text))
		if newest == nil || !c.At.Before(newest.At) {
			newest = c
		}
	}
	if newest == nil {
		return nil, nil
	}
	return out, &correctionNotice{Verb: correctionVerb(newest.Kind), DateISO: newest.At.Format(timeISO), DateText: newest.At.Format(timeHuman)}
}

func newCorrectionView(c *domain.Correction, text string) correctionView {
	return correctionView{Label: c.Kind.Label(), Text: text, DateISO: c.At.Format(timeISO), DateText: c.At.Format(timeHuman)}
}

// correctionVerb says what the newest note did to the article.
func correctionVerb(k domain.CorrectionKind) string {
	switch k {
	case domain.CorrectionFix:
		return "Corrected"
	case domain.CorrectionClarification:
		return "Clarified"
	}
	return "Updated"
}

// correctionsPath is the archive of every note on the site.
const correctionsPath = "corrections/index.html"

// archiveEntry is one note in the corrections archive.
type archiveEntry struct {
	correctionView
	Href     string
	Headline string
	at       int64
	id       int64
}

// correctionsView is the data of the corrections archive template.
type correctionsView struct {
	Site         siteView
	Chrome       renderedChrome
	CanonicalURL string
	Entries      []archiveEntry
}

// renderCorrectionsArchive renders corrections/index.html: every note of
// the live articles, newest first.
func renderCorrectionsArchive(live []*domain.Article, site siteView) ([]byte, error) {
	t, err := templates()
	if err != nil {
		return nil, err
	}
	v := correctionsView{Site: site}
	if v.Chrome, err = siteChrome(t, chromeAt(site, "../")); err != nil {
		return nil, err
	}
	if site.BaseURL != "" {
		v.CanonicalURL = site.BaseURL + "/corrections/"
	}
	for _, a := range live {
		headline := teaserHeadline(a)
		for i := range a.Corrections {
			c := &a.Corrections[i]
			text := strings.TrimSpace(cleanText(c.Text))
			if text == "" {
				continue
			}
			v.Entries = append(v.Entries, archiveEntry{
				correctionView: newCorrectionView(c, text),
				Href:           "../" + a.Slug + "/index.html#corrections",
				Headline:       headline,
				at:             c.At.UnixMicro(),
				id:             c.ID,
			})
		}
	}
	sort.SliceStable(v.Entries, func(i, j int) bool {
		x, y := v.Entries[i], v.Entries[j]
		if x.at != y.at {
			return x.at > y.at
		}
		return x.id > y.id
	})
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "corrections", v); err != nil {
		return nil, fmt.Errorf("render corrections archive: %w", err)
	}
	return buf.Bytes(), nil
}

// correctionsKey digests what the archive shows: the notes of the live
// articles with their articles' slugs and headlines.
func correctionsKey(site string, live []*domain.Article) string {
	var k keyHasher
	k.str(site)
	for _, a := range live {
		if len(a.Corrections) == 0 {
			continue
		}
		k.str(a.Slug)
		k.str(a.Headline)
		hashCorrections(&k, a.Corrections)
	}
	return k.sum()
}

// hashCorrections adds a log to a key.
func hashCorrections(k *keyHasher, list []domain.Correction) {
	k.int(int64(len(list)))
	for _, c := range list {
		k.int(c.ID)
		k.str(string(c.Kind))
		k.str(c.Text)
		k.time(c.At)
	}
}
