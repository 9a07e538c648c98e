package publish

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

func baseExportOptions() ExportOptions {
	return ExportOptions{
		SiteTitle: "The Daily Sample", PublisherName: "Sample Media Ltd",
		BaseURL: "https://news.example", CommentsURL: "https://news.example/comments", Now: exportT,
	}
}

// smallSite is three live articles (one not fact-checked), an embargoed
// one and a draft.
func smallSite() *fakeSource {
	a := sampleArticle()
	b := sampleArticle()
	b.ID, b.Slug, b.Headline = 2, "older-story", "An older story"
	b.PublishedAt, b.UpdatedAt = t0.Add(-48*time.Hour), t0.Add(-47*time.Hour)
	b.FactCheck = domain.FactCheck{}
	c := sampleArticle()
	c.ID, c.Slug, c.Headline = 3, "newest-story", "The newest story"
	c.PublishedAt, c.UpdatedAt = t0.Add(24*time.Hour), t0.Add(25*time.Hour)
	embargoed := sampleArticle()
	embargoed.ID, embargoed.Slug, embargoed.Headline = 4, "embargoed-story", "EMBARGOED headline"
	embargoed.PublishedAt = exportT.Add(time.Hour)
	draft := sampleArticle()
	draft.ID, draft.Slug, draft.Headline, draft.Status = 5, "draft-story", "DRAFT headline", domain.StatusDraft
	draft.PublishedAt = time.Time{}
	return &fakeSource{
		articles: []domain.Article{a, b, c, embargoed, draft},
		comments: map[int64][]domain.Comment{1: hostileComments()},
	}
}

func mustExport(t *testing.T, src Source, dir string, opt ExportOptions) Report {
	t.Helper()
	rep, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return rep
}

// readTree returns every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestExportWritesSite(t *testing.T) {
	dir := t.TempDir()
	var calls [][2]int
	rep, err := Export(context.Background(), smallSite(), dir, baseExportOptions(), func(done, total int) {
		calls = append(calls, [2]int{done, total})
	})
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	want := []string{manifestName, "about/index.html", "author/jane-reporter/index.html", "corrections/index.html", "feed.xml", "index.html", "kerry-to-meet-putin/index.html", "newest-story/index.html", "news-sitemap.xml", "older-story/index.html", "privacy/index.html", "section/world/feed.xml", "section/world/index.html", "site.css", "sitemap.xml", "tag/russia/index.html", "tag/ukraine/index.html", "tag/world/index.html"}
	if got := keys(files); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files = %v, want %v", got, want)
	}
	if rep.Written != 17 || rep.Unchanged != 0 || rep.Removed != 0 {
		t.Errorf("report = %+v, want 17 written", rep)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] || calls[i][1] != 17 {
			t.Errorf("progress went %v then %v", calls[i-1], calls[i])
		}
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{17, 17} {
		t.Errorf("progress calls = %v, want the last to be 17/17", calls)
	}
	if strings.Join(rep.Warnings, "|") != `article "older-story" is not fact-checked` {
		t.Errorf("warnings = %q", rep.Warnings)
	}
	index := string(files["index.html"])
	newest := strings.Index(index, "The newest story")
	seed := strings.Index(index, "Kerry to meet Putin")
	older := strings.Index(index, "An older story")
	if newest < 0 || !(newest < seed && seed < older) {
		t.Errorf("index order wrong: newest %d, seed %d, older %d", newest, seed, older)
	}
	for _, w := range []string{`<link rel="stylesheet" href="site.css">`, `href="kerry-to-meet-putin/index.html"`, "Fact checked", `<p class="standfirst">`} {
		if !strings.Contains(index, w) {
			t.Errorf("index lacks %q", w)
		}
	}
	if strings.Count(index, "Fact checked</span>") != 2 {
		t.Errorf("index shows %d fact-checked marks, want 2", strings.Count(index, "Fact checked</span>"))
	}
	for name, content := range files {
		for _, hidden := range []string{"EMBARGOED", "DRAFT headline", "secret1@example.com", "PRIVATE-NOTE", "203.0.113.77"} {
			if bytes.Contains(content, []byte(hidden)) {
				t.Errorf("%s contains %q", name, hidden)
			}
		}
	}
	if !bytes.Equal(files["site.css"], SiteCSS()) {
		t.Error("site.css differs from the embedded stylesheet")
	}
}

func TestExportFeed(t *testing.T) {
	dir := t.TempDir()
	mustExport(t, smallSite(), dir, baseExportOptions())
	data, err := os.ReadFile(filepath.Join(dir, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Entries []struct {
			ID        string `xml:"id"`
			Title     string `xml:"title"`
			Updated   string `xml:"updated"`
			Published string `xml:"published"`
			Content   string `xml:"content"`
			Link      struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(data, &feed); err != nil {
		t.Fatalf("feed does not parse: %v", err)
	}
	if feed.ID != "https://news.example/" || feed.Updated != "2015-05-12T10:30:00Z" {
		t.Errorf("feed id %q updated %q", feed.ID, feed.Updated)
	}
	if len(feed.Entries) != 3 {
		t.Fatalf("feed has %d entries, want 3", len(feed.Entries))
	}
	e := feed.Entries[0]
	if e.ID != "https://news.example/newest-story/" || e.Link.Href != e.ID || e.Published != "2015-05-12T09:30:00Z" || e.Updated != "2015-05-12T10:30:00Z" {
		t.Errorf("first entry = %+v", e)
	}
	if !strings.Contains(e.Content, `<figure class="quote">`) {
		t.Error("entry content lacks the rendered body")
	}
	for _, hidden := range []string{"EMBARGOED", "DRAFT"} {
		if bytes.Contains(data, []byte(hidden)) {
			t.Errorf("feed contains %q", hidden)
		}
	}

	noBase := t.TempDir()
	opt := baseExportOptions()
	opt.BaseURL = ""
	mustExport(t, smallSite(), noBase, opt)
	data, _ = os.ReadFile(filepath.Join(noBase, "feed.xml"))
	if !bytes.Contains(data, []byte("<id>urn:newsroom:article:newest-story</id>")) || !bytes.Contains(data, []byte("<id>urn:newsroom:feed:the-daily-sample</id>")) {
		t.Errorf("feed without base URL lacks stable URN ids:\n%s", data)
	}
}

func TestExportDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	mustExport(t, smallSite(), a, baseExportOptions())
	opt := baseExportOptions()
	mustExport(t, smallSite(), b, opt)
	fa, fb := readTree(t, a), readTree(t, b)
	if strings.Join(keys(fa), " ") != strings.Join(keys(fb), " ") {
		t.Fatalf("exports hold different files: %v vs %v", keys(fa), keys(fb))
	}
	for name := range fa {
		if !bytes.Equal(fa[name], fb[name]) {
			t.Errorf("%s differs between two exports of the same input", name)
		}
	}
}

func TestExportIncremental(t *testing.T) {
	dir := t.TempDir()
	src := smallSite()
	mustExport(t, src, dir, baseExportOptions())
	stranger := filepath.Join(dir, "older-story", "notes.txt")
	if err := os.WriteFile(stranger, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	strangerTop := filepath.Join(dir, "robots.txt")
	if err := os.WriteFile(strangerTop, []byte("User-agent: *"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dir)
	info := map[string]time.Time{}
	for name := range before {
		fi, _ := os.Stat(filepath.Join(dir, name))
		info[name] = fi.ModTime()
	}

	rep := mustExport(t, src, dir, baseExportOptions())
	if rep.Written != 0 || rep.Unchanged != 17 || rep.Removed != 0 {
		t.Errorf("no-change re-export report = %+v, want 0 written, 17 unchanged", rep)
	}
	if len(rep.Warnings) != 1 {
		t.Errorf("re-export warnings = %q, want the fact-check warning again", rep.Warnings)
	}
	for name := range before {
		fi, _ := os.Stat(filepath.Join(dir, name))
		if !fi.ModTime().Equal(info[name]) {
			t.Errorf("%s was rewritten by a no-change export", name)
		}
	}

	// A comment arrives on one article: only its page changes.
	src.comments[2] = []domain.Comment{{ID: 50, ArticleID: 2, Author: "New", Body: "Fresh comment", Status: domain.CommentApproved, SubmittedAt: t0}}
	rep = mustExport(t, src, dir, baseExportOptions())
	if rep.Written != 1 || rep.Unchanged != 16 {
		t.Errorf("after a new comment: report = %+v, want 1 written", rep)
	}

	// The older story is unpublished: its page goes, the stranger's files stay.
	src.articles[1].Status = domain.StatusDraft
	rep = mustExport(t, src, dir, baseExportOptions())
	if rep.Removed != 1 {
		t.Errorf("after unpublishing: report = %+v, want 1 removed", rep)
	}
	if _, err := os.Stat(filepath.Join(dir, "older-story", "index.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("unpublished page still exists (err %v)", err)
	}
	for _, p := range []string{stranger, strangerTop} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("stranger's file %s was removed: %v", p, err)
		}
	}

	// A page edited by hand after export is kept when its article goes.
	page := filepath.Join(dir, "newest-story", "index.html")
	if err := os.WriteFile(page, []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	src.articles[2].Status = domain.StatusDraft
	rep = mustExport(t, src, dir, baseExportOptions())
	if rep.Removed != 0 || len(rep.Warnings) == 0 || !strings.Contains(strings.Join(rep.Warnings, "|"), "changed after it was exported") {
		t.Errorf("hand-edited page: report = %+v, want it kept with a warning", rep)
	}
	if got, _ := os.ReadFile(page); string(got) != "edited by hand" {
		t.Error("hand-edited page was deleted or overwritten")
	}
}

func TestExportRepairsDeletedFile(t *testing.T) {
	dir := t.TempDir()
	mustExport(t, smallSite(), dir, baseExportOptions())
	if err := os.Remove(filepath.Join(dir, "kerry-to-meet-putin", "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "site.css")); err != nil {
		t.Fatal(err)
	}
	rep := mustExport(t, smallSite(), dir, baseExportOptions())
	if rep.Written != 2 || rep.Unchanged != 15 {
		t.Errorf("report = %+v, want the 2 deleted files rewritten", rep)
	}
}

func TestExportRefusesToOverwriteStrangers(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>someone else's site</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Export(context.Background(), smallSite(), dir, baseExportOptions(), nil)
	if err == nil || !strings.Contains(err.Error(), "refusing to overwrite") {
		t.Fatalf("Export over a stranger's index.html: err = %v, want refusal", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(got) != "<p>someone else's site</p>" {
		t.Error("stranger's index.html was overwritten")
	}
	// Pages written before the refusal are recorded, so they are owned.
	m, _, err := loadManifest(dir)
	if err != nil || len(m.Files) != 3 {
		t.Errorf("manifest after refusal holds %d files (err %v), want the 3 pages", len(m.Files), err)
	}
}

func TestExportReadsFirstManifestFormat(t *testing.T) {
	dir := t.TempDir()
	mustExport(t, smallSite(), dir, baseExportOptions())
	page, err := os.ReadFile(filepath.Join(dir, "older-story", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(page)
	other := `{"sha256":"` + strings.Repeat("0", 64) + `","size":1}`
	v1 := `{"version":1,"files":{"older-story/index.html":{"sha256":"` + hex.EncodeToString(sum[:]) + `","size":1,"input":"x"},` +
		`"index.html":` + other + `,"feed.xml":` + other + `,"site.css":` + other + `,` +
		`"kerry-to-meet-putin/index.html":` + other + `,"newest-story/index.html":` + other + `}}`
	// A site of the first format has no archives or listings.
	for _, d := range []string{"about", "author", "corrections", "privacy", "section", "tag"} {
		if err := os.RemoveAll(filepath.Join(dir, d)); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"sitemap.xml", "news-sitemap.xml"} {
		if err := os.Remove(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, manifestName), []byte(v1), 0o644); err != nil {
		t.Fatal(err)
	}
	src := smallSite()
	src.articles[1].Status = domain.StatusDraft
	rep := mustExport(t, src, dir, baseExportOptions())
	if rep.Removed != 1 || rep.Written != 16 {
		t.Errorf("export over a first-format manifest: %+v, want the older story removed, 5 files rewritten and 11 archive, about, privacy, listing and sitemap files written", rep)
	}
}

func TestExportManifestCannotDeleteOutside(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	victim := filepath.Join(parent, "victim.txt")
	if err := os.WriteFile(victim, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	forged := `{"version":2,"files":{"../victim.txt":"x 4 ","a/../../victim.txt":"x 4 ","/etc/hostname":"x 4 "}}`
	if err := os.WriteFile(filepath.Join(dir, manifestName), []byte(forged), 0o644); err != nil {
		t.Fatal(err)
	}
	mustExport(t, smallSite(), dir, baseExportOptions())
	if _, err := os.Stat(victim); err != nil {
		t.Errorf("file outside the export directory was removed: %v", err)
	}
}

func TestExportEmbargoAndDrafts(t *testing.T) {
	dir := t.TempDir()
	opt := baseExportOptions()
	opt.Drafts = true
	mustExport(t, smallSite(), dir, opt)
	files := readTree(t, dir)
	if _, ok := files["embargoed-story/index.html"]; ok {
		t.Error("embargoed article was written")
	}
	draft, ok := files["draft-story/index.html"]
	if !ok {
		t.Fatal("draft page missing with Drafts set")
	}
	for _, w := range []string{`<meta name="robots" content="noindex, nofollow">`, "<strong>Draft</strong>"} {
		if !bytes.Contains(draft, []byte(w)) {
			t.Errorf("draft page lacks %q", w)
		}
	}
	if bytes.Contains(files["kerry-to-meet-putin/index.html"], []byte("noindex")) {
		t.Error("published page is noindex")
	}
	if bytes.Contains(files["feed.xml"], []byte("DRAFT")) || bytes.Contains(files["feed.xml"], []byte("EMBARGOED")) {
		t.Error("feed holds a draft or embargoed article")
	}
	if !bytes.Contains(files["index.html"], []byte("Drafts — not published")) {
		t.Error("index does not list drafts in their own section")
	}

	// Once the embargo passes, the article appears.
	opt.Now = exportT.Add(2 * time.Hour)
	mustExport(t, smallSite(), dir, opt)
	if _, err := os.Stat(filepath.Join(dir, "embargoed-story", "index.html")); err != nil {
		t.Errorf("article not published after its embargo: %v", err)
	}
	// Without Drafts the draft page is removed again.
	opt.Drafts = false
	rep := mustExport(t, smallSite(), dir, opt)
	if rep.Removed != 1 {
		t.Errorf("report = %+v, want the draft page removed", rep)
	}
}

func TestExportWarningsAndCheck(t *testing.T) {
	src := smallSite()
	src.articles[0].Body += "\n\n{{quote ghost}}\n"
	src.articles = append(src.articles, src.articles[0])
	src.articles[len(src.articles)-1].ID = 99
	bad := sampleArticle()
	bad.ID, bad.Slug = 98, "../escape"
	src.articles = append(src.articles, bad)
	opt := baseExportOptions()
	var checked []string
	opt.Check = func(a *domain.Article) []string {
		checked = append(checked, a.Slug)
		return []string{"check:" + a.Slug}
	}
	dir := t.TempDir()
	rep := mustExport(t, src, dir, opt)
	got := strings.Join(rep.Warnings, "\n")
	for _, w := range []string{
		`article 98 skipped:`, `article 99 skipped: slug "kerry-to-meet-putin" is used by another article`,
		`article "older-story" is not fact-checked`, "check:kerry-to-meet-putin", "check:older-story", "check:newest-story",
		`article "kerry-to-meet-putin" places quote "ghost", which has no record`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("warnings lack %q:\n%s", w, got)
		}
	}
	if len(checked) != 3 {
		t.Errorf("Check called for %v, want the 3 exported articles", checked)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape")); err == nil {
		t.Error("a slug escaped the export directory")
	}
	// The missing-quote warning survives a re-export that renders nothing.
	rep = mustExport(t, src, dir, opt)
	if rep.Written != 0 || !strings.Contains(strings.Join(rep.Warnings, "\n"), `places quote "ghost"`) {
		t.Errorf("re-export: %+v", rep)
	}
}

func TestExportBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		src  Source
		dir  string
		opt  ExportOptions
	}{
		{"no source", nil, dir, ExportOptions{}},
		{"no dir", smallSite(), " ", ExportOptions{}},
		{"bad base URL", smallSite(), dir, ExportOptions{BaseURL: "javascript:alert(1)"}},
		{"bad comments URL", smallSite(), dir, ExportOptions{CommentsURL: "javascript:alert(1)"}},
		{"failing source", failingSource{}, dir, ExportOptions{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Export(context.Background(), tt.src, tt.dir, tt.opt, nil); err == nil {
				t.Error("Export returned no error")
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Export(ctx, corpus(50, 50), t.TempDir(), baseExportOptions(), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export: err = %v, want context.Canceled", err)
	}
}

type failingSource struct{}

func (failingSource) ExportSummaries(context.Context, bool) ([]domain.Article, error) {
	return nil, errors.New("database is locked")
}

func (failingSource) ArticlesByID(context.Context, []int64) ([]domain.Article, error) {
	return nil, errors.New("database is locked")
}

func (failingSource) ApprovedCommentsByArticle(context.Context) (map[int64][]domain.Comment, error) {
	return nil, nil
}

func TestWritePreview(t *testing.T) {
	dir := t.TempDir()
	a := sampleArticle()
	path, err := WritePreview(context.Background(), dir, &a, hostileComments(), Options{Draft: true}, Preview{})
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "kerry-to-meet-putin", "index.html") {
		t.Errorf("path = %s", path)
	}
	if _, err := os.Stat(filepath.Join(dir, "site.css")); err != nil {
		t.Errorf("preview lacks its stylesheet: %v", err)
	}
	a.Slug = "../x"
	if _, err := WritePreview(context.Background(), dir, &a, nil, Options{}, Preview{}); err == nil {
		t.Error("WritePreview accepted a slug with ../")
	}
}

func BenchmarkExport1000(b *testing.B) {
	src := corpus(1000, 600)
	for b.Loop() {
		dir := b.TempDir()
		if _, err := Export(context.Background(), src, dir, baseExportOptions(), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReexportNoChange1000(b *testing.B) {
	src := corpus(1000, 600)
	dir := b.TempDir()
	if _, err := Export(context.Background(), src, dir, baseExportOptions(), nil); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		rep, err := Export(context.Background(), src, dir, baseExportOptions(), nil)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Written != 0 {
			b.Fatalf("no-change re-export wrote %d files", rep.Written)
		}
	}
}

// staleDigestSource reports the same stored digest whatever the
// articles hold, like a database edited behind the store's back.
type staleDigestSource struct{ *fakeSource }

func (s staleDigestSource) ExportSummaries(ctx context.Context, includeDrafts bool) ([]domain.Article, error) {
	list, err := s.fakeSource.ExportSummaries(ctx, includeDrafts)
	for i := range list {
		list[i].StoredDigest = "stale"
	}
	return list, err
}

func TestExportDoesNotTrustAStaleStoredDigest(t *testing.T) {
	src := staleDigestSource{smallSite()}
	dir := t.TempDir()
	if _, err := Export(context.Background(), src, dir, baseExportOptions(), nil); err != nil {
		t.Fatal(err)
	}
	src.articles[0].Body += "\n\nA late correction.\n"
	rep, err := Export(context.Background(), src, dir, baseExportOptions(), nil)
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, src.articles[0].Slug, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "A late correction.") {
		t.Errorf("the page kept the old text (report %+v)", rep)
	}
}

// TestStyleWarningsUseStoredFindings: the export's style warnings come
// from the findings stored with the article when they were computed under
// the same house style, and from a fresh check otherwise.
func TestStyleWarningsUseStoredFindings(t *testing.T) {
	a := &domain.Article{Slug: "s", Headline: "Kerry To meet Putin", Body: "Talks."}
	style := domain.DefaultStyleSettings()
	fresh := StyleWarnings(a, style)
	if len(fresh) != 1 || !strings.Contains(fresh[0], `article "s": style: headline-case in headline:`) {
		t.Fatalf("fresh warnings %q", fresh)
	}
	a.Attribution.Style = []domain.StyleFinding{{Kind: "stored-marker", Field: domain.FieldBody, Message: "from the store"}}
	a.Attribution.StyleKey = domain.StyleKey(a, style)
	if got := StyleWarnings(a, style); len(got) != 1 || !strings.Contains(got[0], "stored-marker") {
		t.Fatalf("stored findings not used: %q", got)
	}
	title := style
	title.HeadlineCase = domain.TitleCase
	if got := StyleWarnings(a, title); len(got) != 1 || strings.Contains(got[0], "stored-marker") {
		t.Fatalf("findings stored for another style were used: %q", got)
	}
}
