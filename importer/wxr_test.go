package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

const fixture = "testdata/wordpress-theme-unit-test.xml"

func TestImportWordPressFixture(t *testing.T) {
	st := newMemStore()
	ctx := context.Background()
	var calls, last int
	sum, err := ImportFile(ctx, st, fixture, func(done int) { calls++; last = done })
	if err != nil {
		t.Fatalf("ImportFile: %v", err)
	}
	want := "created " + fixture + ": 58 articles (58 new, 0 updated, 0 unchanged), 28 comments; skipped 21 pages, 37 attachments, 70 menu items, 5 page comments"
	if sum.String() != want {
		t.Errorf("summary\n%s\nwant\n%s", sum, want)
	}
	if sum.Format != FormatWordPress || sum.ArticlesCreated != 58 || sum.CommentsCreated != 28 ||
		sum.Skipped["page"] != 21 || sum.Skipped["attachment"] != 37 || sum.Skipped["nav_menu_item"] != 70 {
		t.Errorf("summary counts: %+v", sum)
	}
	if calls != 58 || last != 58 {
		t.Errorf("progress called %d times, last %d; want 58, 58", calls, last)
	}
	if st.commits != 1 || st.rollbacks != 0 || len(st.articles) != 58 || len(st.comments) != 28 {
		t.Fatalf("store: %d commits, %d rollbacks, %d articles, %d comments", st.commits, st.rollbacks, len(st.articles), len(st.comments))
	}

	statuses := map[domain.Status]int{}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	embargoed := 0
	for _, a := range st.articles {
		statuses[a.Status]++
		if a.IsEmbargoed(now) {
			embargoed++
		}
		if !strings.HasPrefix(a.Origin, "wxr:") || a.Headline == "" || a.Byline == "" {
			t.Errorf("article %q: origin %q, headline %q, byline %q", a.Slug, a.Origin, a.Headline, a.Byline)
		}
	}
	// 55 published + 1 future (published, embargoed); draft and the
	// password-protected post are drafts.
	if statuses[domain.StatusPublished] != 56 || statuses[domain.StatusDraft] != 2 || embargoed != 1 {
		t.Errorf("statuses %v, %d embargoed; want 56 published (1 embargoed), 2 drafts", statuses, embargoed)
	}

	checks := []struct {
		slug, headline, byline string
		status                 domain.Status
		published              time.Time
	}{
		{"scheduled", "Scheduled", "Theme Buster", domain.StatusPublished, time.Date(2030, 1, 1, 19, 0, 18, 0, time.UTC)},
		{"draft", "Draft", "Theme Buster", domain.StatusDraft, time.Date(2013, 4, 9, 18, 20, 39, 0, time.UTC)},
		{"template-password-protected", `Template: Password Protected (the password is "enter")`, "Theme Buster", domain.StatusDraft, time.Date(2012, 1, 4, 16, 38, 5, 0, time.UTC)},
		{"edge-case-no-title", "Untitled post 1169", "Theme Buster", domain.StatusPublished, time.Date(2009, 9, 5, 16, 0, 23, 0, time.UTC)},
		{"markup-title-with-markup", "Markup: Title With Markup", "Theme Buster", domain.StatusPublished, time.Date(2013, 1, 5, 17, 0, 49, 0, time.UTC)},
		{"wp-6-1-font-size-scale", "WP 6.1 Font size scale", "Theme Reviewer", domain.StatusPublished, time.Date(2023, 1, 16, 7, 8, 31, 0, time.UTC)},
	}
	for _, c := range checks {
		a, ok := st.bySlug(c.slug)
		if !ok {
			t.Errorf("no article %q", c.slug)
			continue
		}
		if a.Headline != c.headline || a.Byline != c.byline || a.Status != c.status || !a.PublishedAt.Equal(c.published) {
			t.Errorf("article %q = %q by %q, %s at %v; want %q by %q, %s at %v", c.slug, a.Headline, a.Byline, a.Status, a.PublishedAt, c.headline, c.byline, c.status, c.published)
		}
	}

	// Two posts share a guid in this export: both are kept, identified by
	// the blog's address and their post ids.
	img, _ := st.bySlug("post-format-image-linked")
	img2, _ := st.bySlug("post-format-image")
	if img.Origin != "wxr:https://wpthemetestdata.wordpress.com post 568" || img2.Origin != "wxr:https://wpthemetestdata.wordpress.com post 1158" {
		t.Errorf("origins of the posts sharing a guid: %q, %q", img.Origin, img2.Origin)
	}
	excerpt, _ := st.bySlug("template-excerpt-defined")
	if !strings.HasPrefix(excerpt.Standfirst, "This is a user-defined post excerpt.") {
		t.Errorf("standfirst from the excerpt: %q", excerpt.Standfirst)
	}
	many, _ := st.bySlug("edge-case-many-tags")
	if len(many.Keywords) < 40 || many.Keywords[0] != "Classic" {
		t.Errorf("keywords of many-tags: %v", many.Keywords)
	}
	markup, _ := st.bySlug("markup-html-tags-and-formatting")
	for _, w := range []string{"# Header one", "| Employee ", "> Stay hungry. Stay foolish.", "~~strike out text~~"} {
		if !strings.Contains(markup.Body, w) {
			t.Errorf("markup body lacks %q", w)
		}
	}

	commentStatuses := map[domain.CommentStatus]int{}
	types := map[domain.CommentType]int{}
	replies := 0
	for _, c := range st.comments {
		commentStatuses[c.Status]++
		types[c.Type]++
		// The queue shows why each held comment is held.
		if held := c.Status == domain.CommentPending; held != (len(c.Reasons) == 1 && strings.Contains(c.Reasons[0], "WordPress site")) {
			t.Errorf("comment %s (%s) has reasons %q", c.Origin, c.Status, c.Reasons)
		}
		if c.ParentID != 0 {
			replies++
			parent, ok := st.comments[c.ParentID]
			if !ok || parent.ArticleID != c.ArticleID {
				t.Errorf("reply %s has parent %d not on its article", c.Origin, c.ParentID)
			}
		}
	}
	if commentStatuses[domain.CommentApproved] != 27 || commentStatuses[domain.CommentPending] != 1 || replies != 9 ||
		types[domain.TypePingback]+types[domain.TypeTrackback] != 4 {
		t.Errorf("comments: statuses %v, types %v, %d replies; want 27 approved, 1 pending, 4 pings, 9 replies", commentStatuses, types, replies)
	}
	const post = "wxr:https://wpthemetestdata.wordpress.com post 1148"
	child, ok1 := st.commentByOrigin(post + "#906")
	parent, ok2 := st.commentByOrigin(post + "#905")
	if !ok1 || !ok2 || child.ParentID != parent.ID || child.Author != "Fred Bloggs" ||
		!child.SubmittedAt.Equal(time.Date(2013, 3, 14, 15, 2, 6, 0, time.UTC)) {
		t.Errorf("reply 906 = %+v, parent 905 id %d", child, parent.ID)
	}
	ping, _ := st.commentByOrigin("wxr:https://wpthemetestdata.wordpress.com post 1149#921")
	if ping.Type != domain.TypeTrackback || ping.Author != "Ping 1 « What’s a tellyworth?" {
		t.Errorf("trackback 921 = %+v", ping)
	}

	// Re-import: everything matched by origin, nothing duplicated.
	before := len(st.articles)
	sum2, err := ImportFile(ctx, st, fixture, nil)
	if err != nil {
		t.Fatalf("re-import: %v", err)
	}
	if sum2.ArticlesCreated != 0 || sum2.ArticlesUnchanged != 58 || sum2.CommentsCreated != 0 || sum2.CommentsUpdated != 28 {
		t.Errorf("re-import summary %+v", sum2)
	}
	if !strings.Contains(sum2.String(), "58 articles (0 new, 0 updated, 58 unchanged), 28 comments") {
		t.Errorf("re-import summary string %q", sum2)
	}
	if len(st.articles) != before || len(st.comments) != 28 || st.commits != 2 {
		t.Errorf("after re-import: %d articles, %d comments, %d commits", len(st.articles), len(st.comments), st.commits)
	}
	child2, _ := st.commentByOrigin(post + "#906")
	if child2.ID != child.ID || child2.ParentID != parent.ID {
		t.Errorf("re-imported reply %+v", child2)
	}
}

// writeFile writes content into a temporary file and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportWordPressMalformed(t *testing.T) {
	full, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	mid := len(full) / 2
	stray := strings.Replace(string(full), "<title>Template: Comments</title>", "<title>Template: Comments</title>\n\t<wp:post_id>1 < 2</wp:post_id>", 1)
	if stray == string(full) {
		t.Fatal("fixture changed: no place for the stray '<'")
	}
	badDate := strings.Replace(string(full), "<wp:post_date_gmt>2012-01-04 16:38:05<", "<wp:post_date_gmt>4 January 2012<", 1)
	if badDate == string(full) {
		t.Fatal("fixture changed: no date to spoil")
	}
	tests := []struct {
		name, content string
		msg           string
		line          int // 0: any line > 1
	}{
		{"cut in half", string(full[:mid]), "truncated", 0},
		{"stray < mid item", stray, "malformed XML", lineOf(stray, "<wp:post_id>1 < 2")},
		{"cut after an item", string(full[:strings.Index(string(full), "</item>")+len("</item>")]) + "\n", "truncated", 0},
		{"bad post date", badDate, "not in WordPress's form", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "export.xml", tt.content)
			st := newMemStore()
			_, err := ImportFile(context.Background(), st, path, nil)
			if err == nil {
				t.Fatal("no error")
			}
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *Error", err)
			}
			if ie.File != path || ie.Line <= 1 || (tt.line != 0 && ie.Line != tt.line) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("error %q (line %d); want file %s, line %d, %q", err, ie.Line, path, tt.line, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), path+":") {
				t.Errorf("message %q does not start with the file name", err)
			}
			if st.rollbacks != 1 || st.commits != 0 || len(st.articles) != 0 || len(st.comments) != 0 {
				t.Fatalf("store after failure: %d rollbacks, %d commits, %d articles, %d comments", st.rollbacks, st.commits, len(st.articles), len(st.comments))
			}
		})
	}
}

func lineOf(s, sub string) int {
	return strings.Count(s[:strings.Index(s, sub)], "\n") + 1
}

func TestImportWordPressStoreFailureRollsBack(t *testing.T) {
	st := newMemStore()
	st.failArticle = "template-comments"
	_, err := ImportFile(context.Background(), st, fixture, nil)
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), "template-comments") {
		t.Fatalf("error %v", err)
	}
	var ie *Error
	if !errors.As(err, &ie) || ie.Line != lineOf(readString(t, fixture), "<title>Template: Comments</title>")-1 {
		t.Errorf("error should point at the item's line: %v", err)
	}
	if st.rollbacks != 1 || st.commits != 0 || len(st.articles) != 0 {
		t.Fatalf("%d rollbacks, %d commits, %d articles", st.rollbacks, st.commits, len(st.articles))
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// wxrDoc builds a small WXR file of the given version around items.
func wxrDoc(version, items string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/` + version + `/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/` + version + `/">
<channel>
<title>Test</title>
<wp:wxr_version>` + version + `</wp:wxr_version>
<wp:author><wp:author_login>ed</wp:author_login><wp:author_display_name><![CDATA[Ed Itor]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>1</wp:term_id><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
` + items + `
</channel>
</rss>
`
}

func TestImportWordPressRepliesBeforeParents(t *testing.T) {
	// Reply 3 comes before its parent 2; reply 4 answers a comment that is
	// not in the file and stays top-level.
	items := `<item>
<title>Hello &amp; welcome</title>
<guid isPermaLink="false">http://example.com/?p=7</guid>
<dc:creator>ed</dc:creator>
<content:encoded><![CDATA[Para one.

Para two.]]></content:encoded>
<excerpt:encoded><![CDATA[<p>The <em>short</em> version.</p>]]></excerpt:encoded>
<wp:post_id>7</wp:post_id>
<wp:post_date>2020-02-02 12:00:00</wp:post_date>
<wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
<wp:post_name></wp:post_name>
<wp:status>pending</wp:status>
<wp:post_type>post</wp:post_type>
<wp:post_password></wp:post_password>
<category domain="category" nicename="news"><![CDATA[News]]></category>
<category domain="post_tag" nicename="news"><![CDATA[news]]></category>
<category domain="post_format" nicename="post-format-aside"><![CDATA[Aside]]></category>
<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author>Child</wp:comment_author><wp:comment_date_gmt>2020-02-03 10:00:00</wp:comment_date_gmt><wp:comment_content>Me too</wp:comment_content><wp:comment_approved>spam</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>2</wp:comment_parent><wp:comment_author_IP>192.0.2.9</wp:comment_author_IP></wp:comment>
<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Parent</wp:comment_author><wp:comment_author_email>p@example.com</wp:comment_author_email><wp:comment_author_url>http://p.example.com</wp:comment_author_url><wp:comment_date_gmt>2020-02-02 13:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[First!
Second line]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>4</wp:comment_id><wp:comment_author>Orphan</wp:comment_author><wp:comment_content>?</wp:comment_content><wp:comment_approved>trash</wp:comment_approved><wp:comment_parent>99</wp:comment_parent></wp:comment>
</item>
<item>
<title>Hello &amp; welcome</title>
<dc:creator>nobody</dc:creator>
<wp:post_id>8</wp:post_id>
<wp:status>private</wp:status>
<wp:post_type>post</wp:post_type>
</item>
<item>
<title>Gone</title>
<wp:post_id>9</wp:post_id>
<wp:status>trash</wp:status>
<wp:post_type>post</wp:post_type>
</item>`
	for _, version := range []string{"1.0", "1.1", "1.2"} {
		t.Run(version, func(t *testing.T) {
			path := writeFile(t, "site.wxr", wxrDoc(version, items))
			st := newMemStore()
			sum, err := ImportFile(context.Background(), st, path, nil)
			if err != nil {
				t.Fatalf("ImportFile: %v", err)
			}
			if got, want := sum.String(), "created "+path+": 2 articles (2 new, 0 updated, 0 unchanged), 3 comments; skipped 1 trashed post"; got != want {
				t.Errorf("summary %q, want %q", got, want)
			}
			a, ok := st.bySlug("hello-welcome")
			want := domain.Article{ID: a.ID, Slug: "hello-welcome", Headline: "Hello & welcome", Standfirst: "The short version.", Byline: "Ed Itor",
				Body: "Para one.\n\nPara two.", Status: domain.StatusReview, PublishedAt: time.Date(2020, 2, 2, 12, 0, 0, 0, time.UTC),
				Keywords: []string{"News"}, Origin: "wxr:post 7"}
			if !ok || a.Headline != want.Headline || a.Standfirst != want.Standfirst || a.Byline != want.Byline || a.Body != want.Body ||
				a.Status != want.Status || !a.PublishedAt.Equal(want.PublishedAt) || strings.Join(a.Keywords, "|") != "News" || a.Origin != want.Origin {
				t.Errorf("article\n%+v\nwant\n%+v", a, want)
			}
			second, ok := st.bySlug("hello-welcome-8")
			if !ok || second.Status != domain.StatusDraft || second.Origin != "wxr:post 8" || second.Byline != "nobody" || !second.PublishedAt.IsZero() {
				t.Errorf("second post (same title, private, no guid) = %+v", second)
			}
			parent, _ := st.commentByOrigin("wxr:post 7#2")
			child, _ := st.commentByOrigin("wxr:post 7#3")
			orphan, _ := st.commentByOrigin("wxr:post 7#4")
			if parent.ID == 0 || child.ParentID != parent.ID || child.Status != domain.CommentSpam || child.ClientAddr != "192.0.2.9" {
				t.Errorf("child %+v, parent id %d", child, parent.ID)
			}
			if parent.Body != "First!\nSecond line" || parent.Email != "p@example.com" || parent.URL != "http://p.example.com" || parent.Type != domain.TypeComment || parent.ArticleID != a.ID {
				t.Errorf("parent %+v", parent)
			}
			if orphan.ParentID != 0 || orphan.Status != domain.CommentTrash {
				t.Errorf("orphan %+v", orphan)
			}
		})
	}
}

func TestImportFileFormatDetection(t *testing.T) {
	tests := []struct {
		name, content, msg string
	}{
		{"plain rss", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, "without the WordPress export namespace"},
		{"other xml", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>`, "root is <feed>"},
		{"wxr 2.0 unknown", `<rss xmlns:wp="http://wordpress.org/export/2.0/"></rss>`, "without the WordPress export namespace"},
		{"empty", "   \n", "empty"},
		{"plain text", "Just some words\n", "unknown format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newMemStore()
			path := writeFile(t, "story.xml", tt.content)
			_, err := ImportFile(context.Background(), st, path, nil)
			if err == nil || !strings.Contains(err.Error(), tt.msg) || !strings.Contains(err.Error(), path) {
				t.Fatalf("error %v, want %q naming the file", err, tt.msg)
			}
			if st.commits != 0 || len(st.articles) != 0 {
				t.Fatal("something was stored")
			}
		})
	}
	// A name ending in .md does not make XML Markdown, nor the reverse.
	path := writeFile(t, "export.md", wxrDoc("1.1", ""))
	sum, err := ImportFile(context.Background(), newMemStore(), path, nil)
	if err != nil || sum.Format != FormatWordPress {
		t.Fatalf("WXR named .md: %v, %+v", err, sum)
	}
	path = writeFile(t, "story.xml", "---\ntitle: Story\n---\nText\n")
	sum, err = ImportFile(context.Background(), newMemStore(), path, nil)
	if err != nil || sum.Format != FormatMarkdown {
		t.Fatalf("Markdown named .xml: %v, %+v", err, sum)
	}
}

func TestImportFileMissing(t *testing.T) {
	_, err := ImportFile(context.Background(), newMemStore(), filepath.Join(t.TempDir(), "nope.md"), nil)
	var ie *Error
	if !errors.As(err, &ie) || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("error %v", err)
	}
}

func TestImportWordPressCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	st := newMemStore()
	_, err := ImportFile(ctx, st, fixture, nil)
	if !errors.Is(err, context.Canceled) || st.rollbacks != 1 || st.commits != 0 {
		t.Fatalf("error %v, %d rollbacks, %d commits", err, st.rollbacks, st.commits)
	}
}
