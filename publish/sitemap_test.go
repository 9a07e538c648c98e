package publish

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

func TestSitemapsAndSharingMeta(t *testing.T) {
	dir := t.TempDir()
	opt := baseExportOptions()
	opt.Now = t0.Add(36 * time.Hour) // the newest story is 12 h old, the seed 36 h, the older one 84 h
	mustExport(t, smallSite(), dir, opt)
	files := readTree(t, dir)
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &set); err != nil {
		t.Fatal(err)
	}
	locs := map[string]string{}
	for _, u := range set.URLs {
		locs[u.Loc] = u.LastMod
	}
	for _, want := range []string{"https://news.example/", "https://news.example/older-story/", "https://news.example/about/",
		"https://news.example/corrections/", "https://news.example/section/world/", "https://news.example/tag/russia/", "https://news.example/author/jane-reporter/"} {
		if _, ok := locs[want]; !ok {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	if locs["https://news.example/older-story/"] != "2015-05-09T10:30:00Z" {
		t.Errorf("older story lastmod %q", locs["https://news.example/older-story/"])
	}
	if _, ok := locs["https://news.example/embargoed-story/"]; ok {
		t.Error("sitemap lists the embargoed story")
	}
	news := string(files["news-sitemap.xml"])
	if !strings.Contains(news, "<loc>https://news.example/newest-story/</loc>") || !strings.Contains(news, "<loc>https://news.example/kerry-to-meet-putin/</loc>") ||
		strings.Contains(news, "older-story") || !strings.Contains(news, "<news:name>Sample Media Ltd</news:name>") ||
		!strings.Contains(news, `xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"`) {
		t.Errorf("news sitemap:\n%s", news)
	}

	page := string(files["kerry-to-meet-putin/index.html"])
	for _, want := range []string{`<link rel="canonical" href="https://news.example/kerry-to-meet-putin/">`,
		`<meta property="og:url" content="https://news.example/kerry-to-meet-putin/">`, `<meta property="og:type" content="article">`,
		`<meta property="og:title" content="Kerry to meet Putin in first Russian visit since start of Ukraine crisis">`,
		`<meta property="article:published_time" content="2015-05-11T09:30:00Z">`, `<meta property="article:section" content="World">`,
		`<meta property="article:tag" content="Ukraine">`, `<meta name="twitter:card" content="summary">`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}

	// Without a base URL there are no sitemaps and no canonical URLs.
	dir2 := t.TempDir()
	opt.BaseURL = ""
	mustExport(t, smallSite(), dir2, opt)
	files = readTree(t, dir2)
	if _, ok := files["sitemap.xml"]; ok {
		t.Error("sitemap without a base URL")
	}
	if strings.Contains(string(files["kerry-to-meet-putin/index.html"]), "canonical") {
		t.Error("canonical URL without a base URL")
	}
}
