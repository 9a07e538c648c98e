package intake

import (
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

func TestRefusals(t *testing.T) {
	f := newFixture(t, Options{})
	f.approvedAuthor(t)
	pending := f.addComment(t, domain.Comment{Author: "Bo", Email: "bo@example.org", Body: "Held.", Status: domain.CommentPending})
	onOther := f.addComment(t, domain.Comment{ArticleID: f.other.ID, Author: "Cy", Email: "cy@example.org", Body: "Elsewhere.", Status: domain.CommentApproved})

	with := func(change func(url.Values)) url.Values {
		v := form("Dee", "dee@example.org", "A fair point.")
		change(v)
		return v
	}
	cases := []struct {
		name     string
		form     url.Values
		mutate   func(r *http.Request)
		code     int
		contains string
	}{
		{"missing name", with(func(v url.Values) { v.Del("author") }), nil, 400, "name is required"},
		{"blank name", with(func(v url.Values) { v.Set("author", "   ") }), nil, 400, "name is required"},
		{"missing email", with(func(v url.Values) { v.Del("email") }), nil, 400, "email address is required"},
		{"missing text", with(func(v url.Values) { v.Set("body", "") }), nil, 400, "comment text is required"},
		{"malformed email", with(func(v url.Values) { v.Set("email", "dee at example") }), nil, 400, "malformed"},
		{"email with display name", with(func(v url.Values) { v.Set("email", "Dee <dee@example.org>") }), nil, 400, "malformed"},
		{"missing article", with(func(v url.Values) { v.Del("article") }), nil, 400, "which article"},
		{"invalid UTF-8 text", with(func(v url.Values) { v.Set("body", "bad \xff byte") }), nil, 400, "UTF-8"},
		{"invalid UTF-8 name", with(func(v url.Values) { v.Set("author", "\xc3\x28") }), nil, 400, "UTF-8"},
		{"NUL in the text", with(func(v url.Values) { v.Set("body", "nul\x00byte") }), nil, 400, "control characters"},
		{"escape in the name", with(func(v url.Values) { v.Set("author", "Dee\x1b[31m") }), nil, 400, "control characters"},
		{"parent not a number", with(func(v url.Values) { v.Set("parent", "abc") }), nil, 400, "not a valid comment number"},
		{"parent missing", with(func(v url.Values) { v.Set("parent", "99999") }), nil, 400, "does not exist"},
		{"parent pending", with(func(v url.Values) { v.Set("parent", strconv.FormatInt(pending.ID, 10)) }), nil, 400, "not a published comment"},
		{"parent on another article", with(func(v url.Values) { v.Set("parent", strconv.FormatInt(onOther.ID, 10)) }), nil, 400, "not a published comment"},
		{"text over 10,000 characters", with(func(v url.Values) { v.Set("body", strings.Repeat("é", domain.MaxCommentBody+1)) }), nil, 413, "over the limit"},
		{"request over 64 KiB", with(func(v url.Values) { v.Set("body", strings.Repeat("a", MaxRequestBytes)) }), nil, 413, "64 KiB"},
		{"unknown article", with(func(v url.Values) { v.Set("article", "no-such-story") }), nil, 404, "no published article"},
		{"malformed slug", with(func(v url.Values) { v.Set("article", "../etc") }), nil, 404, "no published article"},
		{"draft article", with(func(v url.Values) { v.Set("article", "draft") }), nil, 404, "no published article"},
		{"embargoed article", with(func(v url.Values) { v.Set("article", "later") }), nil, 404, "no published article"},
		{"GET", form("Dee", "dee@example.org", "x"), func(r *http.Request) { r.Method = http.MethodGet }, 405, "POST"},
		{"PUT", form("Dee", "dee@example.org", "x"), func(r *http.Request) { r.Method = http.MethodPut }, 405, "POST"},
		{"JSON body", form("Dee", "dee@example.org", "x"), func(r *http.Request) { r.Header.Set("Content-Type", "application/json") }, 415, "form"},
	}
	for _, tc := range cases {
		for _, asJSON := range []bool{true, false} {
			name := tc.name + map[bool]string{true: " (JSON)", false: " (text)"}[asJSON]
			t.Run(name, func(t *testing.T) {
				r := request(tc.form, "198.51.100.7", nil)
				if asJSON {
					r.Header.Set("Accept", "application/json")
				}
				if tc.mutate != nil {
					tc.mutate(r)
				}
				w := f.do(r)
				if w.Code != tc.code {
					t.Fatalf("status %d, want %d; body %q", w.Code, tc.code, w.Body.String())
				}
				if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
					t.Errorf("X-Content-Type-Options = %q", got)
				}
				msg := w.Body.String()
				if asJSON {
					var e map[string]string
					if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || len(e) != 1 || e["error"] == "" {
						t.Fatalf("JSON refusal %q: %v", w.Body.String(), err)
					}
					msg = e["error"]
				} else if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
					t.Errorf("Content-Type = %q, want text/plain", ct)
				}
				if !strings.Contains(msg, tc.contains) {
					t.Errorf("message %q does not contain %q", msg, tc.contains)
				}
				if tc.code == 405 && w.Header().Get("Allow") != "POST" {
					t.Errorf("Allow = %q, want POST", w.Header().Get("Allow"))
				}
			})
		}
	}
	if n := countComments(t, f.store, f.article.ID); n != 2 {
		t.Errorf("refused comments were stored: %d comments on the article, want the 2 set up", n)
	}
}

func TestMultipartIsAccepted(t *testing.T) {
	f := newFixture(t, Options{})
	f.approvedAuthor(t)
	var b strings.Builder
	mw := multipart.NewWriter(&b)
	for k, v := range form("Ann", "ann@example.org", "Sent as multipart.") {
		mw.WriteField(k, v[0])
	}
	mw.Close()
	r := httptest.NewRequest(http.MethodPost, "http://comments.example/comments", strings.NewReader(b.String()))
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("Accept", "application/json")
	w := f.do(r)
	if w.Code != http.StatusCreated {
		t.Fatalf("status %d, want 201: %s", w.Code, w.Body.String())
	}
	if got := f.stored(t, decodeAnswer(t, w).ID).Body; got != "Sent as multipart." {
		t.Errorf("stored body %q", got)
	}
}

func TestRateLimit(t *testing.T) {
	f := newFixture(t, Options{})
	if w := f.postJSON(form("Eve", "eve@example.org", "First."), "203.0.113.5"); w.Code != http.StatusAccepted {
		t.Fatalf("first comment: %d %s", w.Code, w.Body.String())
	}
	f.clock.Advance(5 * time.Second)
	cases := []struct {
		name   string
		form   url.Values
		remote string
	}{
		{"same address, other email", form("Fay", "fay@example.org", "Second."), "203.0.113.5"},
		{"same email, other address", form("Eve", "EVE@example.org", "Third."), "203.0.113.6"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := f.postJSON(tc.form, tc.remote)
			if w.Code != http.StatusTooManyRequests {
				t.Fatalf("status %d, want 429: %s", w.Code, w.Body.String())
			}
			if got := w.Header().Get("Retry-After"); got != "10" {
				t.Errorf("Retry-After = %q, want 10 (seconds remaining)", got)
			}
		})
	}
	f.clock.Advance(10 * time.Second)
	if w := f.postJSON(form("Fay", "fay@example.org", "Second."), "203.0.113.5"); w.Code != http.StatusAccepted {
		t.Fatalf("after 15 s: %d %s", w.Code, w.Body.String())
	}
}

// TestRateLimitBehindProxySpoofing floods through a proxy from one client
// that writes a new X-Forwarded-For address each time: the proxy appends
// the real address, so every post after the first is refused and stored
// under the real address, never a spoofed one.
func TestRateLimitBehindProxySpoofing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		trust func(t *testing.T) ProxyTrust
	}{
		{"one hop", func(t *testing.T) ProxyTrust { return ProxyTrust{Hops: 1} }},
		{"named proxy", func(t *testing.T) ProxyTrust {
			p, err := ParseProxies("127.0.0.1")
			if err != nil {
				t.Fatal(err)
			}
			return ProxyTrust{Proxies: p}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, Options{Proxies: tc.trust(t)})
			const real = "198.51.100.77"
			accepted := 0
			for i := 0; i < 50; i++ {
				spoofed := fmt.Sprintf("203.0.113.%d, 10.9.8.%d", i, i)
				r := request(form(fmt.Sprintf("Bot %d", i), fmt.Sprintf("bot%d@example.org", i), fmt.Sprintf("Buy now %d.", i)),
					"127.0.0.1", map[string]string{"Accept": "application/json", "X-Forwarded-For": spoofed + ", " + real})
				w := f.do(r)
				switch w.Code {
				case http.StatusAccepted:
					accepted++
					if c := f.stored(t, decodeAnswer(t, w).ID); c.ClientAddr != real {
						t.Errorf("stored under %q, want the address the proxy saw, %s", c.ClientAddr, real)
					}
				case http.StatusTooManyRequests:
				default:
					t.Fatalf("post %d: status %d: %s", i, w.Code, w.Body.String())
				}
				f.clock.Advance(100 * time.Millisecond)
			}
			if accepted != 1 {
				t.Errorf("%d of 50 spoofed posts accepted within 5 s, want 1 (the flood limit)", accepted)
			}
		})
	}
}

func TestParseProxies(t *testing.T) {
	cases := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"127.0.0.1,10.0.0.0/8", "[127.0.0.1/32 10.0.0.0/8]", false},
		{" ::1 , 10.1.2.3/8 ", "[::1/128 10.0.0.0/8]", false},
		{"::ffff:10.0.0.0/104", "[10.0.0.0/8]", false},
		{"", "[]", false},
		{"localhost", "", true},
		{"10.0.0.0/40", "", true},
	}
	for _, tc := range cases {
		got, err := ParseProxies(tc.in)
		if (err != nil) != tc.wantErr {
			t.Errorf("ParseProxies(%q) error %v, want error %v", tc.in, err, tc.wantErr)
			continue
		}
		if !tc.wantErr && fmt.Sprint(got) != tc.want {
			t.Errorf("ParseProxies(%q) = %v, want %s", tc.in, got, tc.want)
		}
	}
}

func TestDuplicate(t *testing.T) {
	f := newFixture(t, Options{})
	if w := f.postJSON(form("Gus", "gus@example.org", "Same words."), "203.0.113.9"); w.Code != http.StatusAccepted {
		t.Fatalf("first: %d %s", w.Code, w.Body.String())
	}
	f.clock.Advance(time.Minute)
	w := f.postJSON(form("gus", "gus@example.org", "Same words."), "203.0.113.10")
	if w.Code != http.StatusConflict {
		t.Fatalf("repeat: %d, want 409: %s", w.Code, w.Body.String())
	}
	other := form("Gus", "gus@example.org", "Same words.")
	other.Set("article", "other")
	if w := f.postJSON(other, "203.0.113.10"); w.Code != http.StatusAccepted {
		t.Fatalf("same words on another article: %d, want 202: %s", w.Code, w.Body.String())
	}
}
