package publish

import (
	"strings"
	"testing"
)

// TestCoAuthoredByline: a byline of two staff names links each to its own
// author page, both pages list the article, and JSON-LD names both.
func TestCoAuthoredByline(t *testing.T) {
	dir := t.TempDir()
	opt := baseExportOptions()
	opt.Masthead = trustMasthead()
	src := smallSite()
	src.articles[0].Byline = "By Jane Reporter and Sam Okafor"
	mustExport(t, src, dir, opt)
	files := readTree(t, dir)
	page := string(files["kerry-to-meet-putin/index.html"])
	want := `<span class="byline"><a href="../author/jane-reporter/index.html" rel="author">Jane Reporter</a> and <a href="../author/sam-okafor/index.html" rel="author">Sam Okafor</a></span>`
	if !strings.Contains(page, want) {
		t.Errorf("page lacks %s", want)
	}
	for _, name := range []string{"author/jane-reporter/index.html", "author/sam-okafor/index.html"} {
		if !strings.Contains(string(files[name]), `href="../../kerry-to-meet-putin/index.html"`) {
			t.Errorf("%s does not list the co-authored article", name)
		}
	}
	if _, ok := files["author/jane-reporter-and-sam-okafor/index.html"]; ok {
		t.Error("the byline as a whole got an author page")
	}
	authors := pageJSONLD(t, page)["author"].([]any)
	if len(authors) != 2 || authors[1].(map[string]any)["name"] != "Sam Okafor" ||
		authors[1].(map[string]any)["url"] != "https://news.example/author/sam-okafor/" {
		t.Errorf("JSON-LD authors %v", authors)
	}
	if got := coAuthorViews(&src.articles[0], false); len(got) != 2 || got[1].Href != "" || got[1].Sep != " and " {
		t.Errorf("a draft's co-authors %+v", got)
	}
}
