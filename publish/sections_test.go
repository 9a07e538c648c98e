package publish

import (
	"strings"
	"testing"

	"newsroom/domain"
)

func TestKindOfWorkOnPageAndJSONLD(t *testing.T) {
	a := sampleArticle()
	a.Kind, a.Section = domain.KindOpinion, "Comment"
	page, err := RenderArticlePage(&a, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	if !strings.Contains(s, `<p class="kicker"><span class="work-kind">Opinion</span> <a href="../section/comment/index.html">Comment</a></p>`) {
		t.Errorf("kicker lacks the label or the section link:\n%s", s[:min(len(s), 2500)])
	}
	ld := pageJSONLD(t, s)
	if ld["@type"] != "OpinionNewsArticle" || ld["articleSection"] != "Comment" {
		t.Errorf("JSON-LD type %v, section %v", ld["@type"], ld["articleSection"])
	}
	if !strings.Contains(s, `<a href="../tag/russia/index.html">Russia</a>`) {
		t.Error("tags are not linked to their pages")
	}
	// A draft links to no listing (it is on none).
	a.Status = domain.StatusDraft
	page, _ = RenderArticlePage(&a, nil, Options{Draft: true})
	if strings.Contains(string(page), "../section/") || strings.Contains(string(page), "../tag/") {
		t.Error("a draft links to section or tag pages")
	}
	// Without a section the first tag files it, as the kicker did before.
	b := sampleArticle()
	page, _ = RenderArticlePage(&b, nil, Options{})
	if !strings.Contains(string(page), `<p class="kicker"><a href="../section/world/index.html">World</a></p>`) {
		t.Error("no fallback to the first tag")
	}
	if ld := pageJSONLD(t, string(page)); ld["@type"] != "NewsArticle" {
		t.Errorf("plain news type %v", ld["@type"])
	}
}

func TestSectionAndTagPages(t *testing.T) {
	dir := t.TempDir()
	src := smallSite()
	src.articles[0].Section, src.articles[0].Kind = "Comment", domain.KindOpinion
	mustExport(t, src, dir, baseExportOptions())
	files := readTree(t, dir)
	comment := string(files["section/comment/index.html"])
	if !strings.Contains(comment, "<h1>Comment</h1>") || !strings.Contains(comment, `href="../../kerry-to-meet-putin/index.html"`) ||
		!strings.Contains(comment, `<span class="work-kind">Opinion</span>`) || strings.Contains(comment, "older-story") {
		t.Errorf("section page:\n%s", comment)
	}
	world := string(files["section/world/index.html"])
	if !strings.Contains(world, "newest-story") || !strings.Contains(world, "older-story") || strings.Contains(world, "kerry-to-meet-putin") ||
		strings.Index(world, "newest-story") > strings.Index(world, "older-story") {
		t.Errorf("world section page not the other two, newest first:\n%s", world)
	}
	for _, embargoed := range []string{"embargoed-story", "EMBARGOED"} {
		for name, b := range files {
			if strings.Contains(string(b), embargoed) && name != manifestName {
				t.Errorf("%s shows the embargoed story", name)
			}
		}
	}
	feed := string(files["section/comment/feed.xml"])
	if !strings.Contains(feed, "<title>The Daily Sample – Comment</title>") || !strings.Contains(feed, "<id>https://news.example/section/comment/</id>") ||
		!strings.Contains(feed, "https://news.example/kerry-to-meet-putin/") || strings.Contains(feed, "older-story") {
		t.Errorf("section feed:\n%s", feed)
	}
	tag := string(files["tag/russia/index.html"])
	if !strings.Contains(tag, "<h1>Russia</h1>") || strings.Count(tag, `class="teaser"`) != 3 {
		t.Errorf("tag page:\n%s", tag)
	}
	if _, ok := files["tag/russia/feed.xml"]; ok {
		t.Error("tags have feeds")
	}

	// Refiling one article rewrites both sections' pages and feeds and the
	// article's page; the main feed and the tag pages stay.
	before := files
	src.articles[1].Section = "Comment"
	mustExport(t, src, dir, baseExportOptions())
	after := readTree(t, dir)
	var changed []string
	for name, b := range after {
		if name != manifestName && string(before[name]) != string(b) {
			changed = append(changed, name)
		}
	}
	want := "older-story/index.html section/comment/feed.xml section/comment/index.html section/world/feed.xml section/world/index.html"
	if got := strings.Join(sortedStrings(changed), " "); got != want {
		t.Errorf("refiling changed %s\nwant %s", got, want)
	}
}
