package intake

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSite(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html":                "<h1>Front page</h1>",
		"hello/index.html":          "<h1>Hello</h1>",
		".newsroom-manifest.json":   `{"secret": true}`,
		"hello/.hidden":             "hidden",
		"assets/site.css":           "body{}",
		".git/config":               "[core]",
		"assets/nested/picture.txt": "not listed",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	withSite := newFixture(t, Options{Site: dir})
	bare := newFixture(t, Options{})
	cases := []struct {
		name     string
		f        *fixture
		method   string
		path     string
		code     int
		contains string
	}{
		{"front page", withSite, "GET", "/", 200, "Front page"},
		{"article page", withSite, "GET", "/hello/", 200, "<h1>Hello</h1>"},
		{"stylesheet", withSite, "GET", "/assets/site.css", 200, "body{}"},
		{"HEAD", withSite, "HEAD", "/hello/", 200, ""},
		{"manifest hidden", withSite, "GET", "/.newsroom-manifest.json", 404, ""},
		{"dot-file in a folder hidden", withSite, "GET", "/hello/.hidden", 404, ""},
		{"dot-folder hidden", withSite, "GET", "/.git/config", 404, ""},
		{"no folder listing", withSite, "GET", "/assets/", 404, ""},
		{"no nested folder listing", withSite, "GET", "/assets/nested/", 404, ""},
		{"escape attempt is cleaned first", withSite, "GET", "/../../etc/passwd", 307, ""},
		{"no such file", withSite, "GET", "/etc/passwd", 404, ""},
		{"POST to the site", withSite, "POST", "/hello/", 405, ""},
		{"status page", bare, "GET", "/", 200, "comment intake"},
		{"status page has no other paths", bare, "GET", "/hello/", 404, ""},
		{"GET /comments", bare, "GET", "/comments", 405, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, tc.path, nil)
			w := tc.f.do(r)
			if w.Code != tc.code {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.code, w.Body.String())
			}
			if w.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Error("missing X-Content-Type-Options: nosniff")
			}
			body := w.Body.String()
			if !strings.Contains(body, tc.contains) {
				t.Errorf("body %q lacks %q", body, tc.contains)
			}
			for _, secret := range []string{"secret", "[core]", "picture.txt", "root:"} {
				if strings.Contains(body, secret) {
					t.Errorf("body reveals %q: %s", secret, body)
				}
			}
			if tc.code == 405 && w.Header().Get("Allow") == "" {
				t.Error("405 without Allow")
			}
		})
	}
}

func TestHTTPServerLimits(t *testing.T) {
	f := newFixture(t, Options{})
	srv := f.srv.httpServer()
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 || srv.MaxHeaderBytes <= 0 {
		t.Errorf("server without timeouts or header limit: %+v", srv)
	}
	if srv.WriteTimeout <= storeTimeout {
		t.Errorf("write timeout %v must exceed the store timeout %v, or a slow write loses its answer", srv.WriteTimeout, storeTimeout)
	}
	if srv.Handler == nil || srv.BaseContext != nil {
		t.Error("the http.Server must use the intake handler and request contexts independent of Serve's")
	}
}

// TestSiteNeverFollowsLinksOut: symbolic links in the site folder to a
// file or folder outside it are not served; a link inside it is.
func TestSiteNeverFollowsLinksOut(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	outside := filepath.Join(parent, "private")
	for p, content := range map[string]string{
		filepath.Join(dir, "index.html"):          "<h1>Front page</h1>",
		filepath.Join(dir, "hello", "index.html"): "<h1>Hello</h1>",
		filepath.Join(outside, "passwd"):          "root:x:0:0",
		filepath.Join(outside, "index.html"):      "private index",
	} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"passwd-link":  filepath.Join(outside, "passwd"),
		"private-link": outside,
		"relative-out": "../private/passwd",
		"hello-again":  "hello", // inside the folder: served
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	f := newFixture(t, Options{Site: dir})
	for _, tc := range []struct {
		path string
		code int
	}{
		{"/passwd-link", 404},
		{"/private-link/passwd", 404},
		{"/private-link/", 404},
		{"/relative-out", 404},
		{"/hello-again/", 200},
	} {
		w := f.do(httptest.NewRequest("GET", tc.path, nil))
		if w.Code != tc.code || strings.Contains(w.Body.String(), "root:x") || strings.Contains(w.Body.String(), "private index") {
			t.Errorf("GET %s: %d %q, want %d and nothing from outside", tc.path, w.Code, w.Body.String(), tc.code)
		}
	}
}
