package publish

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

// The web checks need Java (vnu), Node with the packages of
// testdata/webcheck, Chromium and xmllint. Without them the checks are
// skipped, unless NEWSROOM_REQUIRE_WEBCHECKS=1, which makes that a failure.

const webcheckDir = "testdata/webcheck"

func requireTool(t *testing.T, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("NEWSROOM_REQUIRE_WEBCHECKS") == "1" {
		t.Fatalf("web check tool missing: %s (install: cd publish/testdata/webcheck && npm install; apt-get install -y chromium libxml2-utils; Java 17)", what)
	}
	t.Skipf("web check tool missing: %s; set NEWSROOM_REQUIRE_WEBCHECKS=1 to make this a failure", what)
}

func haveCommand(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

func haveFile(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// exportWebSample exports the sample site the web checks look at: the
// seed story with hostile comments, quotes and excerpts, a story without
// fact check, a draft and one with a missing quote record.
func exportWebSample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	seed := correctedArticle()
	plain := sampleArticle()
	plain.ID, plain.Slug, plain.Headline = 2, "sochi-talks-end", "Sochi talks end without a breakthrough"
	plain.FactCheck = domain.FactCheck{}
	plain.Byline = "Jane Reporter, Sam Okafor and Desk Editor" // co-authors, each linked
	plain.PublishedAt = t0.Add(-24 * time.Hour)
	plain.Headline = "Sochi talks end without a breakthrough: Antidisestablishmentarianismcounterrevolutionariesextraordinarilylongword"
	plain.Body = "### Background\n\nTalks ended at https://www.example.org/a/very/long/unbroken/address/that/keeps/going/and/going/without/any/break/at/all/index.html[^1]\n\n##### Detail\n\n{{quote missing-ref}}\n\n1. first\n2. second\n\n```\ncode <b>\n```\n\n" +
		"> [!NOTE]\n> Updated on Tuesday.\n\n{{embed https://www.youtube.com/watch?v=dQw4w9WgXcQ}}\n\n{{embed ftp://x}}\n\n[^1]: In Sochi."
	draft := sampleArticle()
	draft.ID, draft.Slug, draft.Headline, draft.Status = 3, "draft-analysis", "Analysis: what Kerry wants", domain.StatusDraft
	draft.PublishedAt = time.Time{}
	// Photos: the seed story carries a lead photo with credit, the plain
	// one a portrait inline (caption overridden) and a missing image.
	src := newMediaFakeSource(&fakeSource{comments: map[int64][]domain.Comment{1: hostileComments()}})
	leadFile := testPhoto(t, 1700, 1100, 21)
	lead := src.add(leadFile, libraryImage(leadFile, "jpeg", 1700, 1100, "John Kerry arrives in Sochi", "Photo: Pool/Reuters", "John Kerry walking down the steps of a plane"))
	portraitFile := testPhoto(t, 500, 700, 22)
	portrait := src.add(portraitFile, libraryImage(portraitFile, "jpeg", 500, 700, "", "Photo: <Desk> & Co", "Sergey Lavrov at a lectern"))
	seed.LeadImage = lead.Ref
	plain.Body += "\n\n{{image " + portrait.Ref + " \"Sergey Lavrov, “in Sochi”\"}}\n\n{{image ffffffffffff}}\n"
	src.articles = []domain.Article{seed, plain, draft}
	_, err := Export(context.Background(), src, dir, ExportOptions{
		SiteTitle: "The Daily Sample", PublisherName: "Sample Media Ltd", BaseURL: "https://news.example",
		CommentsURL: "https://news.example/wp-comments-post", Drafts: true, Now: exportT, Masthead: trustMasthead(),
	}, nil)
	if err != nil {
		t.Fatalf("export sample: %v", err)
	}
	// The checks must see the photos.
	for slug, want := range map[string]string{seed.Slug: `<figure class="lead-photo"><img`, plain.Slug: `<figure class="photo"><img`} {
		if page := readPage(t, dir, slug); !strings.Contains(page, want) {
			t.Fatalf("sample page %s lacks %s", slug, want)
		}
	}
	return dir
}

func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, pattern := range []string{"*/index.html", "*/*/index.html"} {
		more, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pattern)))
		files = append(files, more...)
	}
	// The index, three articles, the corrections archive, the about and
	// privacy pages, three author pages, a section page and three tag pages.
	if len(files) != 14 {
		t.Fatalf("sample export has %d pages, want 14: %v", len(files), files)
	}
	return files
}

func TestWebcheckHTMLValid(t *testing.T) {
	jar := filepath.Join(webcheckDir, "node_modules/vnu-jar/build/dist/vnu.jar")
	requireTool(t, haveCommand("java"), "java")
	requireTool(t, haveFile(jar), jar)
	dir := exportWebSample(t)
	args := append([]string{"-jar", jar, "--errors-only", "--also-check-css"}, htmlFiles(t, dir)...)
	args = append(args, filepath.Join(dir, "site.css"))
	out, err := exec.Command("java", args...).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("vnu reports errors (%v):\n%s", err, out)
	}
}

func TestWebcheckFeedWellFormed(t *testing.T) {
	requireTool(t, haveCommand("xmllint"), "xmllint")
	dir := exportWebSample(t)
	out, err := exec.Command("xmllint", "--noout", filepath.Join(dir, "feed.xml"), filepath.Join(dir, "section", "world", "feed.xml"),
		filepath.Join(dir, "sitemap.xml"), filepath.Join(dir, "news-sitemap.xml")).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}

// browserResult is one page's report from testdata/webcheck/browsercheck.js.
type browserResult struct {
	File       string
	Title      string
	Handlers   []string
	Scripts    []string
	Dialogs    []string
	External   []string
	Errors     []string
	Stylesheet bool `json:"stylesheetLoaded"`
	// Overflow lists the viewport widths at which the page is wider than
	// the window; HeadingSkips the places where the outline skips a level.
	Overflow     []int
	HeadingSkips []string
	// Images are the page's img elements as loaded: naturalWidth 0 is a
	// file that is missing or does not decode.
	Images []struct {
		Src          string
		Current      string
		NaturalWidth int
	}
	Violations []struct {
		Scheme string
		ID     string
		Impact string
		Help   string
		Nodes  []string
	}
}

func TestWebcheckBrowser(t *testing.T) {
	requireTool(t, haveCommand("node"), "node")
	dir := exportWebSample(t)
	files := htmlFiles(t, dir)
	results := runBrowserCheck(t, files)
	for _, r := range results {
		name := filepath.Base(filepath.Dir(r.File)) + "/" + filepath.Base(r.File)
		for _, v := range r.Violations {
			t.Errorf("%s (%s): axe %s [%s] %s: %s", name, v.Scheme, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
		}
		if strings.Contains(r.Title, "pwned") || r.Title == "" {
			t.Errorf("%s: document.title is %q: a hostile script ran", name, r.Title)
		}
		if len(r.Handlers) > 0 || len(r.Dialogs) > 0 || len(r.Errors) > 0 {
			t.Errorf("%s: event handlers %v, dialogs %v, script errors %v", name, r.Handlers, r.Dialogs, r.Errors)
		}
		for _, s := range r.Scripts {
			if s != "application/ld+json" {
				t.Errorf("%s: has a %q script", name, s)
			}
		}
		if len(r.External) > 0 {
			t.Errorf("%s: loads external resources %v", name, r.External)
		}
		if len(r.Overflow) > 0 {
			t.Errorf("%s: wider than the window at %v px", name, r.Overflow)
		}
		if len(r.HeadingSkips) > 0 {
			t.Errorf("%s: the outline skips levels: %v", name, r.HeadingSkips)
		}
		if !r.Stylesheet {
			t.Errorf("%s: site.css did not load", name)
		}
		for _, img := range r.Images {
			if img.NaturalWidth <= 0 {
				t.Errorf("%s: image %s (%s) did not load", name, img.Src, img.Current)
			}
		}
	}
}

// runBrowserCheck runs testdata/webcheck/browsercheck.js on files.
func runBrowserCheck(t *testing.T, files []string) []browserResult {
	t.Helper()
	requireTool(t, haveCommand("node"), "node")
	requireTool(t, haveFile("/usr/bin/chromium"), "/usr/bin/chromium")
	requireTool(t, haveFile(filepath.Join(webcheckDir, "node_modules/playwright-core")), "playwright-core")
	requireTool(t, haveFile(filepath.Join(webcheckDir, "node_modules/axe-core")), "axe-core")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", append([]string{"browsercheck.js"}, files...)...)
	cmd.Dir = webcheckDir
	cmd.Env = append(os.Environ(), "SCREENSHOT_DIR="+os.Getenv("NEWSROOM_SCREENSHOT_DIR"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("browser check: %v\n%s", err, stderr.String())
	}
	var results []browserResult
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("browser check output: %v\n%s", err, out)
	}
	if len(results) != len(files) {
		t.Fatalf("browser checked %d pages, want %d", len(results), len(files))
	}
	return results
}

// TestWebcheckPreviewImages opens the page "Preview in browser" writes in
// Chromium: the lead and the inline image load from the files beside it.
func TestWebcheckPreviewImages(t *testing.T) {
	src, _, _ := imageExportFixture(t)
	a := src.articles[0]
	dir := t.TempDir()
	path, err := WritePreview(context.Background(), dir, &a, nil, Options{SiteTitle: "Daily", Draft: true}, Preview{Media: src})
	if err != nil {
		t.Fatal(err)
	}
	results := runBrowserCheck(t, []string{path})
	if n := len(results[0].Images); n != 2 {
		t.Fatalf("the preview shows %d images, want the lead and the inline one", n)
	}
	for _, img := range results[0].Images {
		if img.NaturalWidth <= 0 {
			t.Errorf("preview image %s (%s) did not load", img.Src, img.Current)
		}
	}
	if !results[0].Stylesheet {
		t.Error("site.css did not load")
	}
}
