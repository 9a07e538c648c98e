package publish

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"newsroom/domain"
)

func samplePage(t *testing.T, opt Options) string {
	t.Helper()
	a := sampleArticle()
	page, err := RenderArticlePage(&a, hostileComments(), opt)
	if err != nil {
		t.Fatalf("RenderArticlePage: %v", err)
	}
	return string(page)
}

var fullOptions = Options{
	SiteTitle: "The Daily Sample", PublisherName: "Sample Media Ltd",
	BaseURL: "https://news.example/", CommentsURL: "https://news.example/comments",
}

// parseHTML parses a page and returns its nodes in document order.
func parseHTML(t *testing.T, page string) []*html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parse page: %v", err)
	}
	var nodes []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		nodes = append(nodes, n)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return nodes
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// inComments reports whether n is inside the comments section.
func inComments(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if id, _ := attr(p, "id"); id == "comments" {
			return true
		}
	}
	return false
}

func TestArticlePageJSONLD(t *testing.T) {
	page := samplePage(t, fullOptions)
	var scripts []*html.Node
	for _, n := range parseHTML(t, page) {
		if n.Type == html.ElementNode && n.Data == "script" {
			scripts = append(scripts, n)
		}
	}
	if len(scripts) != 1 {
		t.Fatalf("page has %d script elements, want exactly 1", len(scripts))
	}
	if typ, _ := attr(scripts[0], "type"); typ != "application/ld+json" {
		t.Fatalf("script type = %q", typ)
	}
	raw := scripts[0].FirstChild.Data
	if strings.ContainsAny(raw, "<>&") {
		t.Errorf("JSON-LD holds unescaped <, > or &: %s", raw)
	}
	var ld struct {
		Context       string `json:"@context"`
		Type          string `json:"@type"`
		Headline      string
		Description   string
		DatePublished string
		DateModified  string
		Author        []struct{ Name string }
		Publisher     struct{ Name string }
		Keywords      []string
		URL           string
		MainEntity    struct {
			ID string `json:"@id"`
		} `json:"mainEntityOfPage"`
	}
	if err := json.Unmarshal([]byte(raw), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, raw)
	}
	a := sampleArticle()
	checks := []struct{ field, got, want string }{
		{"@context", ld.Context, "https://schema.org"},
		{"@type", ld.Type, "NewsArticle"},
		{"headline", ld.Headline, a.Headline},
		{"description", ld.Description, a.Standfirst},
		{"datePublished", ld.DatePublished, "2015-05-11T09:30:00Z"},
		{"dateModified", ld.DateModified, "2015-05-11T11:30:00Z"},
		{"publisher", ld.Publisher.Name, "Sample Media Ltd"},
		{"keywords", strings.Join(ld.Keywords, ","), "World,Russia,Ukraine"},
		{"url", ld.URL, "https://news.example/kerry-to-meet-putin/"},
		{"mainEntityOfPage", ld.MainEntity.ID, "https://news.example/kerry-to-meet-putin/"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if len(ld.Author) != 1 || ld.Author[0].Name != "Jane Reporter" {
		t.Errorf("author = %+v, want Jane Reporter", ld.Author)
	}

	noBase := samplePage(t, Options{})
	if strings.Contains(noBase, `"url"`) || strings.Contains(noBase, "mainEntityOfPage") || strings.Contains(noBase, `rel="canonical"`) {
		t.Error("page without BaseURL carries url, mainEntityOfPage or canonical link")
	}
}

func TestArticlePageHostileComments(t *testing.T) {
	page := samplePage(t, fullOptions)
	nodes := parseHTML(t, page)
	for _, n := range nodes {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has event handler %s=%q", n.Data, a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "src" || a.Key == "action" || a.Key == "cite") && strings.Contains(strings.ToLower(a.Val), "javascript") {
				t.Errorf("<%s %s=%q> is a javascript link", n.Data, a.Key, a.Val)
			}
		}
		switch n.Data {
		case "img", "svg", "b", "iframe":
			if inComments(n) {
				t.Errorf("hostile comment became a <%s> element", n.Data)
			}
		}
	}
	for _, want := range []string{
		"&lt;img src=x onerror=&#34;document.title=&#39;pwned&#39;&#34;&gt;",
		"&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;<br>\n&lt;/p&gt;&lt;/li&gt;&lt;/ol&gt;&lt;b&gt;broken",
		"&#34;&gt;&lt;svg onload=alert(1)&gt;",
		`<a href="https://ok.example/a" rel="nofollow ugc">https://ok.example/a</a>&#34;onmouseover=&#34;alert(1)`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks escaped text %q", want)
		}
	}
	for _, secret := range []string{"secret1@example.com", "@example.com", "203.0.113.77", "PENDING-TEXT", "PRIVATE-NOTE"} {
		if strings.Contains(page, secret) {
			t.Errorf("page leaks %q", secret)
		}
	}
}

func TestArticlePageCommentLinksAreNofollow(t *testing.T) {
	page := samplePage(t, fullOptions)
	var commentLinks int
	for _, n := range parseHTML(t, page) {
		if n.Type != html.ElementNode || n.Data != "a" || !inComments(n) {
			continue
		}
		href, _ := attr(n, "href")
		if strings.HasPrefix(href, "#") || href == "../privacy/index.html" { // the site's own privacy page
			continue
		}
		commentLinks++
		if rel, _ := attr(n, "rel"); rel != "nofollow ugc" {
			t.Errorf("comment link %q has rel=%q, want \"nofollow ugc\"", href, rel)
		}
	}
	// mallory's and carol's author links, and three URLs in comment text.
	if commentLinks != 4 {
		t.Errorf("found %d outbound comment links, want 4", commentLinks)
	}
	if strings.Contains(page, `>Mallory</a>`) {
		t.Error("author with a javascript: URL is linked")
	}
	if !strings.Contains(page, `<a href="https://example.org/path?a=1&amp;b=2" rel="nofollow ugc">https://example.org/path?a=1&amp;b=2</a>.`) {
		t.Error("URL in comment text not linked with trailing full stop left out")
	}
}

func TestArticlePageCommentNesting(t *testing.T) {
	page := samplePage(t, fullOptions)
	// Order and nesting: Mallory(1) > Replier(4) > Deep(5); "> svg"(2); Carol(3); Orphan(6).
	order := regexp.MustCompile(`id="comment-(\d+)"`).FindAllStringSubmatch(page, -1)
	var ids []string
	for _, m := range order {
		ids = append(ids, m[1])
	}
	if got := strings.Join(ids, ","); got != "1,4,5,2,3,6" {
		t.Errorf("comment order = %s, want 1,4,5,2,3,6", got)
	}
	depth := map[string]int{}
	for _, n := range parseHTML(t, page) {
		if n.Type != html.ElementNode || n.Data != "li" {
			continue
		}
		id, _ := attr(n, "id")
		d := 0
		for p := n.Parent; p != nil; p = p.Parent {
			if p.Type == html.ElementNode && p.Data == "ol" {
				d++
			}
		}
		depth[strings.TrimPrefix(id, "comment-")] = d
	}
	want := map[string]int{"1": 1, "4": 2, "5": 3, "2": 1, "3": 1, "6": 1}
	for id, d := range want {
		if depth[id] != d {
			t.Errorf("comment %s nested at depth %d, want %d", id, depth[id], d)
		}
	}
	if !strings.Contains(page, "6 comments") {
		t.Error("comment count heading missing")
	}
}

func TestCommentThreadSurvivesCycles(t *testing.T) {
	list := []domain.Comment{
		{ID: 1, ParentID: 2, Status: domain.CommentApproved, Body: "a"},
		{ID: 2, ParentID: 1, Status: domain.CommentApproved, Body: "b"},
		{ID: 3, ParentID: 3, Status: domain.CommentApproved, Body: "self"},
	}
	tree, n := commentThread(list)
	if n != 3 || len(flattenComments(tree)) != 3 {
		t.Errorf("cyclic comments: shown %d, want 3", n)
	}
	var deep []domain.Comment
	for i := int64(1); i <= 50; i++ {
		deep = append(deep, domain.Comment{ID: i, ParentID: i - 1, Status: domain.CommentApproved})
	}
	tree, n = commentThread(deep)
	if n != 50 {
		t.Fatalf("deep thread shows %d comments, want 50", n)
	}
	depth := 0
	for level := tree; len(level) > 0; level = level[0].Replies {
		depth++
	}
	if depth != maxReplyDepth {
		t.Errorf("deep thread nests %d levels, want %d", depth, maxReplyDepth)
	}
}

func TestArticlePageParts(t *testing.T) {
	tests := []struct {
		name    string
		opt     Options
		edit    func(a *domain.Article)
		want    []string
		notWant []string
	}{
		{
			name: "published and fact-checked",
			opt:  fullOptions,
			want: []string{
				`<html lang="en">`, `<h1>Kerry to meet Putin in first Russian visit since start of Ukraine crisis</h1>`,
				`Fact checked</span>`, `<span class="byline"><a href="../author/jane-reporter/index.html" rel="author">By Jane Reporter</a></span>`,
				`<time datetime="2015-05-11T09:30:00Z">11 May 2015 at 09:30 UTC</time>`,
				`<p class="standfirst">US Secretary of State will discuss Iran, Syria and Ukraine with Vladimir Putin &amp; Sergey Lavrov in Sochi &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>`,
				`<link rel="stylesheet" href="../site.css">`,
				`<a href="https://www.theguardian.com/world/2015/may/11/kerry-putin">The Guardian</a> <span class="source-kind">(newspaper)</span>`,
				`<li>Interfax <span class="source-kind">(news agency)</span></li>`,
				`<form class="comment-form" id="respond" method="post" action="https://news.example/comments">`,
				"Leave a Reply", "Your email address will not be published.",
				`<input type="hidden" name="article" value="kerry-to-meet-putin">`,
				`name="author" type="text" maxlength="245" autocomplete="name" required>`,
				`name="email" type="email" maxlength="100" autocomplete="email" required>`,
				`name="body" rows="8" maxlength="10000" required>`,
				`name="url" type="url"`, `<select id="comment-parent" name="parent">`,
				`<div class="hp-field" aria-hidden="true">`, `<label for="website-confirm">Leave this field empty</label>`,
				`name="website_confirm" type="text" tabindex="-1"`,
				`<span class="required" aria-hidden="true">*</span>`,
			},
			notWant: []string{"noindex", "Draft", "Be the first to comment", "Comments are closed", "PRIVATE-NOTE"},
		},
		{
			name:    "draft, not checked, no comments, closed",
			opt:     Options{Draft: true, Language: "de"},
			edit:    func(a *domain.Article) { a.FactCheck.Checked = false; a.PublishedAt = a.PublishedAt.AddDate(0, 0, 0) },
			want:    []string{`<html lang="de">`, `<meta name="robots" content="noindex, nofollow">`, "<strong>Draft</strong>", "Be the first to comment", "Comments are closed."},
			notWant: []string{"Fact checked", "<form", "Leave a Reply"},
		},
		{
			name:    "open comments without comments have no reply picker",
			opt:     Options{CommentsURL: "/comments"},
			want:    []string{"Be the first to comment", `action="/comments"`},
			notWant: []string{`name="parent"`},
		},
		{
			name:    "unsafe comments URL neutralised",
			opt:     Options{CommentsURL: "javascript:alert(1)"},
			notWant: []string{`action="javascript`},
			want:    []string{`action="#ZgotmplZ"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := sampleArticle()
			comments := hostileComments()
			if tt.edit != nil {
				tt.edit(&a)
				comments = nil
			}
			if tt.opt.CommentsURL != fullOptions.CommentsURL {
				comments = nil
			}
			page, err := RenderArticlePage(&a, comments, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !bytes.Contains(page, []byte(w)) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, nw := range tt.notWant {
				if bytes.Contains(page, []byte(nw)) {
					t.Errorf("page contains %q", nw)
				}
			}
		})
	}
	if _, err := RenderArticlePage(nil, nil, Options{}); err == nil {
		t.Error("RenderArticlePage(nil) returned no error")
	}
}

func TestCommentHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "<p>plain</p>\n"},
		{"a\r\nb\n\n\n c ", "<p>a<br>\nb</p>\n<p> c</p>\n"},
		{"<b>x</b> & \"q\"", "<p>&lt;b&gt;x&lt;/b&gt; &amp; &#34;q&#34;</p>\n"},
		{"see (https://e.example/a_(b)) now", `<p>see (<a href="https://e.example/a_(b)" rel="nofollow ugc">https://e.example/a_(b)</a>) now</p>` + "\n"},
		{"javascript:alert(1) data:text/html,x", "<p>javascript:alert(1) data:text/html,x</p>\n"},
		{"   \n\n  ", ""},
	}
	for _, tt := range tests {
		if got := string(commentHTML(tt.in)); got != tt.want {
			t.Errorf("commentHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
