package e2e

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"newsroom/domain"
	"newsroom/storage"
)

const sampleSlug = "kerry-to-meet-putin-in-first-russian-visit-since-start-of-ukraine-crisis"

// freeAddr returns a loopback address nobody listens on.
func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestCommentFromServeToQueueToPage posts a hostile comment to
// `newsroom serve`, approves it in the window's queue with the keyboard,
// exports, and checks the page shows it as inert text without the email.
func TestCommentFromServeToQueueToPage(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	bin := binary(t)
	db := filepath.Join(home, "data", "newsroom", "newsroom.db")
	// Create the default database with its sample article.
	cmd := exec.Command(bin, "articles", "list")
	cmd.Env = d.env(home)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("articles list: %v %s", err, out)
	}
	addr := freeAddr(t)
	serve := exec.Command(bin, "serve", "--db", db, "--addr", addr)
	serve.Env = d.env(home)
	var serveLog strings.Builder
	serve.Stdout, serve.Stderr = &serveLog, &serveLog
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { serve.Process.Signal(os.Interrupt); serve.Wait() }()
	waitFor(t, 20*time.Second, "serve to listen", func() bool {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
		}
		return err == nil
	})
	hostile := `<script>document.title='pwned'</script> Great piece <img src=x onerror=alert(1)> see http://example.com/a`
	form := url.Values{"article": {sampleSlug}, "author": {"Rita Reader"}, "email": {"rita@example.com"},
		"url": {"javascript:alert(1)"}, "body": {hostile}}
	req, _ := http.NewRequest("POST", "http://"+addr+"/comments", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("post: %v\n%s", err, serveLog.String())
	}
	var answer struct {
		ID      int64    `json:"id"`
		Status  string   `json:"status"`
		Reasons []string `json:"reasons"`
	}
	json.NewDecoder(resp.Body).Decode(&answer)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("a javascript: website answered %d, want 400", resp.StatusCode)
	}
	form.Set("url", "https://rita.example.org/")
	req, _ = http.NewRequest("POST", "http://"+addr+"/comments", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&answer)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted || answer.Status != "pending" {
		t.Fatalf("post answered %d %+v, want 202 pending\n%s", resp.StatusCode, answer, serveLog.String())
	}
	// The window's queue shows it with its reason; the keyboard approves it.
	a := startApp(t, d, home)
	a.key("ctrl+2")
	var text string
	waitFor(t, 30*time.Second, "the comment in the queue", func() bool {
		text = a.ocr(a.screenshot("10-queue"))
		return strings.Contains(text, "Rita Reader") && strings.Contains(strings.ToLower(text), "first comment")
	})
	a.key("j", "a") // j makes the first comment current, a approves it
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	waitFor(t, 30*time.Second, "the comment approved in the database", func() bool {
		c, err := store.GetComment(context.Background(), answer.ID)
		return err == nil && c.Status == domain.CommentApproved
	})
	a.screenshot("11-approved")
	a.quit()
	// The next export shows it as text, without the email.
	site := filepath.Join(t.TempDir(), "site")
	exp := exec.Command(bin, "export", "--db", db, "--out", site, "--comments-url", "http://"+addr+"/comments")
	exp.Env = d.env(home)
	if out, err := exp.CombinedOutput(); err != nil {
		t.Fatalf("export: %v %s", err, out)
	}
	page, err := os.ReadFile(filepath.Join(site, sampleSlug, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	pageText := string(page)
	if strings.Contains(pageText, "rita@example.com") {
		t.Error("the page shows the commenter's email")
	}
	for _, want := range []string{"Rita Reader", "&lt;script&gt;", "Great piece", `rel="nofollow ugc"`, "Leave a Reply"} {
		if !strings.Contains(pageText, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	doc, err := html.Parse(strings.NewReader(pageText))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Data == "img" || (n.Data == "script" && attr(n, "type") != "application/ld+json") {
			t.Errorf("the comment became markup: <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Errorf("<%s %s=%q> on the page", n.Data, a.Key, a.Val)
			}
		}
	}
}

// attr returns an element's attribute value.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
