package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/storage"
)

// openDB opens a real database file in a temporary folder.
func openDB(t *testing.T) *storage.Store {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// writeTree writes files (slash paths → content) under a new folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func mustImport(t *testing.T, st *storage.Store, path string, opt Options) Report {
	t.Helper()
	rep, err := Import(context.Background(), ForStorage(st), path, opt)
	if err != nil {
		t.Fatalf("Import(%s): %v", path, err)
	}
	return rep
}

func byFile(rep Report) map[string]Summary {
	out := map[string]Summary{}
	for _, s := range rep.Files {
		out[s.File] = s
	}
	return out
}

func revisions(t *testing.T, st *storage.Store, slug string) (*domain.Article, int) {
	t.Helper()
	a, err := st.GetArticleBySlug(context.Background(), slug)
	if err != nil {
		t.Fatalf("article %q: %v", slug, err)
	}
	n, err := st.RevisionCount(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return a, n
}

// TestImportFolderNeverOverwrites imports a documentation-site shape:
// same-named files in two folders, a file named like a hand-written
// article, a list page, an image and a .git folder; then imports it again
// unchanged, then with one file changed.
func TestImportFolderNeverOverwrites(t *testing.T) {
	st := openDB(t)
	ctx := context.Background()
	hand := &domain.Article{Slug: "about", Headline: "About us (written here)", Body: "Our own words.", Status: domain.StatusPublished}
	if err := st.CreateArticle(ctx, hand, "Editor"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetFactCheck(ctx, hand.ID, hand.Version, "Checker", true); err != nil {
		t.Fatal(err)
	}
	root := writeTree(t, map[string]string{
		"guide/introduction.md":     "---\ntitle: Guide introduction\ndate: 2020-01-02\n---\nGuide text.\n",
		"reference/introduction.md": "---\ntitle: Reference introduction\ndate: 2020-01-03\n---\nReference text.\n",
		"about.md":                  "---\ntitle: About the docs\ndate: 2020-01-04\n---\nImported words.\n",
		"guide/_index.md":           "---\ntitle: Guide\n---\nSection list.\n",
		"guide/diagram.png":         "\x89PNG",
		".git/config":               "[core]\n",
	})

	rep := mustImport(t, st, root, Options{})
	files := byFile(rep)
	if files["guide/introduction.md"].Slug != "introduction" || files["reference/introduction.md"].Slug != "introduction-2" {
		t.Errorf("same-named files: %+v / %+v", files["guide/introduction.md"], files["reference/introduction.md"])
	}
	if s := files["reference/introduction.md"]; len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0].String(), `reference/introduction.md:1: the slug "introduction" belongs to an article this file did not make: stored as "introduction-2"`) {
		t.Errorf("clash warning %v", s.Warnings)
	}
	if files["about.md"].Slug != "about-2" || files["about.md"].Outcome != Created {
		t.Errorf("about.md = %+v, want created as about-2", files["about.md"])
	}
	if files["guide/_index.md"].SkipReason == "" || files["guide/diagram.png"].SkipReason == "" || files[".git/"].SkipReason == "" {
		t.Errorf("skips: %+v", rep.Files)
	}
	tot := rep.Totals()
	if tot.Created != 3 || tot.Updated != 0 || tot.Skipped != 3 || tot.Failed != 0 {
		t.Errorf("totals %+v; lines:\n%s", tot, rep)
	}
	kept, _ := revisions(t, st, "about")
	if kept.Headline != hand.Headline || kept.Body != hand.Body || !kept.FactCheck.Checked {
		t.Errorf("the hand-written article was touched: %+v", kept)
	}

	// Unchanged re-import: nothing written, no revision.
	_, revsBefore := revisions(t, st, "introduction-2")
	rep = mustImport(t, st, root, Options{})
	if tot := rep.Totals(); tot.Unchanged != 3 || tot.Created+tot.Updated != 0 {
		t.Errorf("re-import totals %+v:\n%s", tot, rep)
	}
	if _, n := revisions(t, st, "introduction-2"); n != revsBefore {
		t.Errorf("unchanged re-import added revisions: %d → %d", revsBefore, n)
	}

	// One file changed: updated, one revision.
	if err := os.WriteFile(filepath.Join(root, "reference", "introduction.md"), []byte("---\ntitle: Reference introduction\ndate: 2020-01-03\n---\nReference text, revised.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep = mustImport(t, st, root, Options{})
	if s := byFile(rep)["reference/introduction.md"]; s.Outcome != Updated || s.Slug != "introduction-2" {
		t.Errorf("changed file: %+v", s)
	}
	a, n := revisions(t, st, "introduction-2")
	if n != revsBefore+1 || a.Body != "Reference text, revised.\n" {
		t.Errorf("after change: %d revisions (want %d), body %q", n, revsBefore+1, a.Body)
	}
	if g, _ := revisions(t, st, "introduction"); g.Body != "Guide text.\n" {
		t.Errorf("the other introduction changed: %q", g.Body)
	}
	if !strings.Contains(rep.SummaryLine(), "0 articles created, 1 updated, 2 unchanged; 3 files skipped, 0 failed") {
		t.Errorf("summary line %q", rep.SummaryLine())
	}
}

// TestImportReplace overwrites a hand-written article only when asked,
// keeping its old text in the history.
func TestImportReplace(t *testing.T) {
	st := openDB(t)
	ctx := context.Background()
	hand := &domain.Article{Slug: "about", Headline: "About us", Body: "Our own words.", Status: domain.StatusPublished}
	if err := st.CreateArticle(ctx, hand, "Editor"); err != nil {
		t.Fatal(err)
	}
	root := writeTree(t, map[string]string{"about.md": "---\ntitle: About the docs\ndate: 2020-01-04\n---\nImported words.\n"})
	rep := mustImport(t, st, root, Options{Replace: true})
	if s := rep.Files[0]; s.Slug != "about" || s.Outcome != Updated || len(s.Warnings) != 0 {
		t.Fatalf("replace: %+v", s)
	}
	a, n := revisions(t, st, "about")
	if a.Body != "Imported words.\n" || a.ID != hand.ID || n != 2 {
		t.Errorf("replaced article %+v with %d revisions", a, n)
	}
	revs, err := st.Revisions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range revs {
		found = found || r.Body == "Our own words."
	}
	if !found {
		t.Error("the replaced text is not in the history")
	}
	// The file now owns the article: a plain re-import is unchanged.
	if rep := mustImport(t, st, root, Options{}); rep.Files[0].Outcome != Unchanged || rep.Files[0].Slug != "about" {
		t.Errorf("re-import after replace: %+v", rep.Files[0])
	}
}

// TestImportDryRun reports what would happen and writes nothing.
func TestImportDryRun(t *testing.T) {
	st := openDB(t)
	root := writeTree(t, map[string]string{
		"a/intro.md": "---\ntitle: A\n---\nx\n",
		"b/intro.md": "---\ntitle: B\n---\ny\n",
		"notes.txt":  "not content",
	})
	rep := mustImport(t, st, root, Options{DryRun: true})
	text := rep.String()
	for _, want := range []string{`created a/intro.md: article "intro"`, `created b/intro.md: article "intro-2"`,
		"skipped notes.txt: not a Markdown file or a WordPress export", "warning: a/intro.md:", "dry run, nothing written: would be 2 articles created"} {
		if !strings.Contains(text, want) {
			t.Errorf("dry run report lacks %q:\n%s", want, text)
		}
	}
	list, err := st.ListArticles(context.Background(), storage.ArticleQuery{})
	if err != nil || len(list) != 0 {
		t.Errorf("dry run stored %d articles (%v)", len(list), err)
	}
}

// TestImportEditedSinceImport keeps an editor's changes when the file has
// not changed since it was imported.
func TestImportEditedSinceImport(t *testing.T) {
	st := openDB(t)
	ctx := context.Background()
	root := writeTree(t, map[string]string{"story.md": "---\ntitle: Story\ndate: 2020-01-04\n---\nFirst.\n"})
	mustImport(t, st, root, Options{})
	a, _ := revisions(t, st, "story")
	a.Body = "First, with the editor's fix."
	if _, err := st.SaveArticle(ctx, a, "Editor"); err != nil {
		t.Fatal(err)
	}
	rep := mustImport(t, st, root, Options{})
	if rep.Files[0].Outcome != Unchanged {
		t.Errorf("re-import of an unchanged file over an edited article: %+v", rep.Files[0])
	}
	if got, _ := revisions(t, st, "story"); got.Body != "First, with the editor's fix." {
		t.Errorf("the editor's fix was lost: %q", got.Body)
	}
}

// TestImportWordPressReimportAfterFreeSlug is the WordPress re-import
// case: a post given a free slug because a hand-written article holds its
// own imports again as unchanged; two blogs whose posts share a GUID stay
// apart.
func TestImportWordPressReimportAfterFreeSlug(t *testing.T) {
	st := openDB(t)
	ctx := context.Background()
	if err := st.CreateArticle(ctx, &domain.Article{Slug: "hello-world", Headline: "Hello (ours)", Status: domain.StatusDraft}, "Editor"); err != nil {
		t.Fatal(err)
	}
	blog := func(base, body string) string {
		return strings.Replace(wxrDoc("1.2", `<item><title>Hello world!</title><guid isPermaLink="false">http://localhost/?p=1</guid>
<content:encoded><![CDATA[`+body+`]]></content:encoded><wp:post_id>1</wp:post_id><wp:post_name>hello-world</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>A</wp:comment_author><wp:comment_content>Hi</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment></item>`),
			"<wp:wxr_version>", "<wp:base_blog_url>"+base+"</wp:base_blog_url>\n<wp:wxr_version>", 1)
	}
	one := writeFile(t, "one.xml", blog("http://localhost", "Welcome to blog one."))
	two := writeFile(t, "two.xml", blog("http://localhost:8080", "Welcome to blog two."))
	first := mustImport(t, st, one, Options{})
	if s := first.Files[0]; s.ArticlesCreated != 1 || len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0].Message, `stored as "hello-world-2"`) {
		t.Fatalf("first import: %+v", s)
	}
	again := mustImport(t, st, one, Options{})
	if s := again.Files[0]; s.Err != nil || s.ArticlesUnchanged != 1 || s.CommentsUnchanged != 1 || s.Status() != "unchanged" {
		t.Fatalf("re-import: %+v", s)
	}
	other := mustImport(t, st, two, Options{})
	if s := other.Files[0]; s.ArticlesCreated != 1 {
		t.Fatalf("second blog with the same GUID: %+v", s)
	}
	a2, _ := revisions(t, st, "hello-world-2")
	a3, _ := revisions(t, st, "hello-world-3")
	if a2.Body != "Welcome to blog one." || a3.Body != "Welcome to blog two." {
		t.Errorf("blogs merged: %q / %q", a2.Body, a3.Body)
	}
}

// TestImportPasswordToggled: a post whose password is removed after its
// first import stays the same article.
func TestImportPasswordToggled(t *testing.T) {
	st := openDB(t)
	post := func(password string) string {
		return writeFile(t, "blog.xml", wxrDoc("1.2", `<item><title>Secret</title><wp:post_id>5</wp:post_id><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type><wp:post_password>`+password+`</wp:post_password><content:encoded>Words.</content:encoded></item>`))
	}
	mustImport(t, st, post("enter"), Options{})
	a, _ := revisions(t, st, "secret")
	if a.Status != domain.StatusDraft || !strings.HasSuffix(a.Origin, storage.ProtectedOriginSuffix) || !strings.Contains(a.Body, "password-protected in WordPress") {
		t.Fatalf("protected post imported as %+v", a)
	}
	ids, err := st.ProtectedDraftIDs(context.Background())
	if err != nil || !ids[a.ID] {
		t.Fatalf("ProtectedDraftIDs = %v, %v", ids, err)
	}
	rep := mustImport(t, st, post(""), Options{})
	if s := rep.Files[0]; s.ArticlesUpdated != 1 || s.ArticlesCreated != 0 {
		t.Fatalf("password removed: %+v", s)
	}
	b, _ := revisions(t, st, "secret")
	if b.ID != a.ID || b.Status != domain.StatusPublished || b.Body != "Words." {
		t.Errorf("after the password was removed: %+v", b)
	}
}

// TestImportFolderWithExports: a WordPress export in a folder is
// imported; other XML (a sitemap) is skipped with the reason.
func TestImportFolderWithExports(t *testing.T) {
	st := openDB(t)
	root := writeTree(t, map[string]string{
		"exports/blog.xml": wxrDoc("1.2", `<item><title>From WordPress</title><wp:post_id>3</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>`),
		"sitemap.xml":      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>`,
	})
	files := byFile(mustImport(t, st, root, Options{}))
	if s := files["exports/blog.xml"]; s.Format != FormatWordPress || s.ArticlesCreated != 1 {
		t.Errorf("export in a folder: %+v", s)
	}
	if s := files["sitemap.xml"]; !strings.Contains(s.SkipReason, "not a WordPress export") {
		t.Errorf("sitemap: %+v", s)
	}
}
