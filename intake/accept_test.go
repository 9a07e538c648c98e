package intake

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/storage"
)

func TestVerdicts(t *testing.T) {
	f := newFixture(t, Options{})
	parent := f.approvedAuthor(t)
	if err := f.store.SetSetting(context.Background(), storage.SettingModerationKeys, "Casino\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.store.SetSetting(context.Background(), storage.SettingDisallowedKeys, "viagra\n"); err != nil {
		t.Fatal(err)
	}
	reply := form("Ann", "ann@example.org", "Replying to myself.")
	reply.Set("parent", strconv.FormatInt(parent.ID, 10))
	honey := form("Bot", "bot@example.org", "Nice post")
	honey.Set("website_confirm", "http://spam.example")
	cases := []struct {
		name       string
		form       url.Values
		code       int
		status     domain.CommentStatus // as stored
		answered   string               // status in the answer
		reason     string               // a reason the answer gives
		storedWhy  string               // a reason stored for the editor
		hiddenWhy  string               // a word the answer must not reveal
		wantParent int64
	}{
		{name: "known approved author", form: form("ann", "ANN@example.org", "Well said."), code: 201,
			status: domain.CommentApproved, answered: "approved"},
		{name: "approved reply", form: reply, code: 201, status: domain.CommentApproved, answered: "approved", wantParent: parent.ID},
		{name: "new author", form: form("Newcomer", "new@example.org", "Hello there."), code: 202,
			status: domain.CommentPending, answered: "pending", reason: "first comment from this author", storedWhy: "first comment from this author"},
		{name: "moderation keyword", form: form("Ann", "ann@example.org", "Visit my casino."), code: 202,
			status: domain.CommentPending, answered: "pending", reason: "contains a word the editors review", storedWhy: "matches moderation keyword 'casino'", hiddenWhy: "casino"},
		{name: "honeypot", form: honey, code: 202, status: domain.CommentSpam, answered: "pending",
			reason: heldForModeration, storedWhy: "honeypot field was filled", hiddenWhy: "honeypot"},
		{name: "disallowed keyword", form: form("Ann", "ann@example.org", "Cheap VIAGRA here."), code: 202,
			status: domain.CommentSpam, answered: "pending", reason: heldForModeration, storedWhy: "matches disallowed keyword 'viagra'", hiddenWhy: "viagra"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.clock.Advance(CommentInterval)
			w := f.postJSON(tc.form, "192.0.2."+strconv.Itoa(i+1))
			if w.Code != tc.code {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.code, w.Body.String())
			}
			if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			var raw map[string]json.RawMessage
			if err := json.Unmarshal(w.Body.Bytes(), &raw); err != nil {
				t.Fatal(err)
			}
			keys := make([]string, 0, len(raw))
			for k := range raw {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, []string{"id", "reasons", "status"}) {
				t.Errorf("answer keys %v, want id, reasons, status", keys)
			}
			a := decodeAnswer(t, w)
			if a.Status != tc.answered || a.ID <= 0 || a.Reasons == nil {
				t.Errorf("answer %+v, want status %s, an id and a reasons list", a, tc.answered)
			}
			if tc.reason != "" && !slices.Contains(a.Reasons, tc.reason) {
				t.Errorf("answer reasons %q lack %q", a.Reasons, tc.reason)
			}
			if tc.reason == "" && len(a.Reasons) != 0 {
				t.Errorf("approved comment has reasons %q", a.Reasons)
			}
			if tc.hiddenWhy != "" && strings.Contains(strings.ToLower(w.Body.String()), tc.hiddenWhy) {
				t.Errorf("answer %s reveals %q", w.Body.String(), tc.hiddenWhy)
			}
			c := f.stored(t, a.ID)
			if c.Status != tc.status || c.ArticleID != f.article.ID || c.ParentID != tc.wantParent {
				t.Errorf("stored status %s article %d parent %d, want %s %d %d", c.Status, c.ArticleID, c.ParentID, tc.status, f.article.ID, tc.wantParent)
			}
			if tc.storedWhy != "" && !slices.Contains(c.Reasons, tc.storedWhy) {
				t.Errorf("stored reasons %q lack %q", c.Reasons, tc.storedWhy)
			}
			if !c.SubmittedAt.Equal(f.clock.Now()) {
				t.Errorf("submitted at %v, want the clock's %v", c.SubmittedAt, f.clock.Now())
			}
		})
	}
}

func TestFormAnswers(t *testing.T) {
	f := newFixture(t, Options{})
	f.approvedAuthor(t)
	cases := []struct {
		name     string
		form     url.Values
		header   map[string]string
		base     string
		code     int
		location string // prefix; the comment's fragment follows
	}{
		{name: "approved, no referer", form: form("Ann", "ann@example.org", "One."), code: 303, location: "/hello/#comment-"},
		{name: "approved, same-site referer", form: form("Ann", "ann@example.org", "Two."),
			header: map[string]string{"Referer": "http://comments.example/hello/?x=1#respond"}, code: 303, location: "http://comments.example/hello/?x=1#comment-"},
		{name: "approved, referer on the site's base URL", form: form("Ann", "ann@example.org", "Three."), base: "https://news.example/",
			header: map[string]string{"Referer": "https://news.example/hello/"}, code: 303, location: "https://news.example/hello/#comment-"},
		{name: "approved, foreign referer", form: form("Ann", "ann@example.org", "Four."), base: "https://news.example",
			header: map[string]string{"Referer": "https://evil.example/phish"}, code: 303, location: "https://news.example/hello/#comment-"},
		{name: "approved, javascript referer", form: form("Ann", "ann@example.org", "Five."),
			header: map[string]string{"Referer": "javascript:alert(1)"}, code: 303, location: "/hello/#comment-"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := f.store.SetSetting(context.Background(), storage.SettingBaseURL, tc.base); err != nil {
				t.Fatal(err)
			}
			f.clock.Advance(CommentInterval)
			w := f.do(request(tc.form, "192.0.2."+strconv.Itoa(50+i), tc.header))
			if w.Code != tc.code {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.code, w.Body.String())
			}
			loc := w.Header().Get("Location")
			if !strings.HasPrefix(loc, tc.location) {
				t.Fatalf("Location %q, want %q…", loc, tc.location)
			}
			id, err := strconv.ParseInt(strings.TrimPrefix(loc, tc.location), 10, 64)
			if err != nil {
				t.Fatalf("Location %q does not end in the comment id", loc)
			}
			if c := f.stored(t, id); c.Status != domain.CommentApproved {
				t.Errorf("comment %d is %s", id, c.Status)
			}
		})
	}
}

func TestHostileCommentIsStoredVerbatimAndEscaped(t *testing.T) {
	f := newFixture(t, Options{})
	body := `<script>alert(1)</script><img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>`
	author := `<b onmouseover=alert(4)>Mallory</b>`
	w := f.do(request(form(author, "mallory@example.org", body), "192.0.2.77", nil))
	if w.Code != http.StatusAccepted {
		t.Fatalf("status %d, want 202 (held, as a first comment): %s", w.Code, w.Body.String())
	}
	if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	page := w.Body.String()
	for _, raw := range []string{"<script>", "<img", "<b onmouseover", `href="javascript:`} {
		if strings.Contains(page, raw) {
			t.Errorf("the answer echoes %q unescaped:\n%s", raw, page)
		}
	}
	for _, escaped := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b onmouseover=alert(4)&gt;Mallory&lt;/b&gt;", "awaiting moderation", "Hello &lt;world&gt;"} {
		if !strings.Contains(page, escaped) {
			t.Errorf("the answer lacks %q:\n%s", escaped, page)
		}
	}
	cs, err := f.store.ListComments(context.Background(), storage.CommentQuery{ArticleSlug: "hello"})
	if err != nil || len(cs) != 1 {
		t.Fatalf("stored %d comments (%v), want 1", len(cs), err)
	}
	if cs[0].Body != body || cs[0].Author != author {
		t.Errorf("stored %q by %q, want the text verbatim", cs[0].Body, cs[0].Author)
	}
}

func TestClientAddress(t *testing.T) {
	oneHop := ProxyTrust{Hops: 1}
	lan, err := ParseProxies("192.0.2.10, 10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	named := ProxyTrust{Proxies: lan}
	cases := []struct {
		name  string
		trust ProxyTrust
		xff   string
		want  string
	}{
		{"XFF ignored without trust", ProxyTrust{}, "203.0.113.200", "192.0.2.10"},
		{"one hop: the entry the proxy appended", oneHop, "203.0.113.200", "203.0.113.200"},
		{"one hop: spoofed leftmost entries ignored", oneHop, "1.2.3.4, 5.6.7.8, 203.0.113.200", "203.0.113.200"},
		{"two hops", ProxyTrust{Hops: 2}, "1.2.3.4, 203.0.113.200, 10.0.0.1", "203.0.113.200"},
		{"hops beyond the chain give its leftmost", ProxyTrust{Hops: 5}, "203.0.113.200", "203.0.113.200"},
		{"named proxies skipped from the right", named, "1.2.3.4, 203.0.113.200, 10.1.2.3, 10.0.0.1", "203.0.113.200"},
		{"connection not a named proxy: header ignored", ProxyTrust{Proxies: lan[1:]}, "203.0.113.200", "192.0.2.10"},
		{"garbage next to the proxy: the proxy's address", oneHop, "203.0.113.200, garbage", "192.0.2.10"},
		{"empty header falls back", oneHop, "", "192.0.2.10"},
		{"mapped IPv4 is unmapped", oneHop, "::ffff:198.51.100.3", "198.51.100.3"},
		{"IPv6 client", named, "2001:db8::1, 10.0.0.1", "2001:db8::1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, Options{Proxies: tc.trust})
			ua := strings.Repeat("Ü", 400) // 800 bytes
			r := request(form("Hal", "hal@example.org", "Where am I?"), "192.0.2.10",
				map[string]string{"Accept": "application/json", "X-Forwarded-For": tc.xff, "User-Agent": ua})
			w := f.do(r)
			if w.Code != http.StatusAccepted {
				t.Fatalf("status %d: %s", w.Code, w.Body.String())
			}
			c := f.stored(t, decodeAnswer(t, w).ID)
			if c.ClientAddr != tc.want {
				t.Errorf("client address %q, want %q", c.ClientAddr, tc.want)
			}
			if want := strings.Repeat("Ü", 250); c.UserAgent != want {
				t.Errorf("user agent of %d bytes, want cut to 500 bytes on a character boundary", len(c.UserAgent))
			}
		})
	}
}
