package publish

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

// pageJSONLD decodes the JSON-LD of a rendered page.
func pageJSONLD(t *testing.T, page string) map[string]any {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("page has no JSON-LD")
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, m[1])
	}
	return ld
}

func correctedArticle() domain.Article {
	a := sampleArticle()
	a.Corrections = []domain.Correction{
		{ID: 7, ArticleID: a.ID, Kind: domain.CorrectionFix, Text: "Marie Harf's title was <wrong>.", At: t0.Add(5 * time.Hour), By: "Desk"},
		{ID: 9, ArticleID: a.ID, Kind: domain.CorrectionUpdate, Text: "The talks ended on Friday.", At: t0.Add(30 * time.Hour), By: "Desk"},
	}
	return a
}

func TestPageShowsCorrections(t *testing.T) {
	a := correctedArticle()
	page, err := RenderArticlePage(&a, nil, Options{SiteTitle: "Daily", BaseURL: "https://news.example"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	notice := strings.Index(s, `class="correction-notice"`)
	body := strings.Index(s, `class="story-body"`)
	log := strings.Index(s, `id="corrections"`)
	if notice < 0 || log < 0 || !(notice < body && body < log) {
		t.Fatalf("notice at %d, body at %d, log at %d: want notice above the body and the log below", notice, body, log)
	}
	if !strings.Contains(s[notice:body], "<strong>Updated</strong> <time datetime=\"2015-05-12T15:30:00Z\">") {
		t.Errorf("notice does not name the newest note:\n%s", s[notice:body])
	}
	for _, want := range []string{
		`<strong class="correction-kind">Correction</strong>, <time datetime="2015-05-11T14:30:00Z">`,
		`Marie Harf&#39;s title was &lt;wrong&gt;.`,
		`<strong class="correction-kind">Update</strong>`,
	} {
		if !strings.Contains(s[log:], want) {
			t.Errorf("log lacks %q", want)
		}
	}
	if strings.Contains(s, "Desk</") {
		t.Error("the page names who added the note")
	}
	ld := pageJSONLD(t, s)
	if ld["dateModified"] != "2015-05-12T15:30:00Z" {
		t.Errorf("dateModified = %v, want the newest note's time", ld["dateModified"])
	}
	list, _ := ld["correction"].([]any)
	if len(list) != 2 {
		t.Fatalf("correction = %v", ld["correction"])
	}
	first := list[0].(map[string]any)
	if first["@type"] != "CorrectionComment" || first["datePublished"] != "2015-05-11T14:30:00Z" || !strings.Contains(first["text"].(string), "title was <wrong>") {
		t.Errorf("first correction = %v", first)
	}

	plain := sampleArticle()
	page, _ = RenderArticlePage(&plain, nil, Options{})
	if strings.Contains(string(page), "correction-notice") || strings.Contains(string(page), `id="corrections"`) {
		t.Error("a page without notes shows a notice or a log")
	}
	if _, ok := pageJSONLD(t, string(page))["correction"]; ok {
		t.Error("JSON-LD without notes has a correction")
	}
}

func TestCorrectionsArchiveAndIncrementalExport(t *testing.T) {
	dir := t.TempDir()
	src := smallSite()
	mustExport(t, src, dir, baseExportOptions())
	archive := string(readTree(t, dir)[correctionsPath])
	if !strings.Contains(archive, "No corrections or updates have been published.") {
		t.Errorf("empty archive:\n%s", archive)
	}
	before := readTree(t, dir)

	// A note on the older story: its page, the archive and the feed change,
	// nothing else.
	src.articles[1].Corrections = []domain.Correction{{ID: 1, ArticleID: 2, Kind: domain.CorrectionFix, Text: "An earlier version misdated the talks.", At: t0.Add(time.Hour)}}
	rep := mustExport(t, src, dir, baseExportOptions())
	after := readTree(t, dir)
	var changed []string
	for name, b := range after {
		if name != manifestName && string(before[name]) != string(b) {
			changed = append(changed, name)
		}
	}
	if rep.Written != 5 || strings.Join(sortedStrings(changed), " ") != "corrections/index.html feed.xml older-story/index.html section/world/feed.xml sitemap.xml" {
		t.Errorf("after a note: %+v, changed %v; want the page, the archive, the feed, its section's feed and the sitemap (lastmod)", rep, changed)
	}
	feed := string(after["feed.xml"])
	if !strings.Contains(feed, "<updated>2015-05-11T10:30:00Z</updated>") {
		t.Errorf("feed entry not updated to the note's time:\n%s", feed)
	}

	// A second note, newer, on another article comes first in the archive.
	src.articles[0].Corrections = []domain.Correction{{ID: 2, ArticleID: 1, Kind: domain.CorrectionClarification, Text: "The meeting is in Sochi, not Moscow.", At: t0.Add(3 * time.Hour)}}
	mustExport(t, src, dir, baseExportOptions())
	archive = string(readTree(t, dir)[correctionsPath])
	first, second := strings.Index(archive, "not Moscow"), strings.Index(archive, "misdated")
	if first < 0 || second < 0 || first > second {
		t.Errorf("archive not newest first (%d, %d):\n%s", first, second, archive)
	}
	if !strings.Contains(archive, `href="../older-story/index.html#corrections"`) {
		t.Errorf("archive does not link to the note on its page:\n%s", archive)
	}
	if rep := mustExport(t, src, dir, baseExportOptions()); rep.Written != 0 {
		t.Errorf("no-change re-export after notes wrote %d files", rep.Written)
	}
}

func sortedStrings(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
