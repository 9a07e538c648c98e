package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSettingsCommandFeedsTheAboutPage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	md := filepath.Join(dir, "story.md")
	os.WriteFile(md, []byte(story), 0o644)
	if code, _, errOut := run(t, "import", "--db", db, md); code != 0 {
		t.Fatal(errOut)
	}
	for _, kv := range [][2]string{
		{"staff", "Anna Reporter | Sochi correspondent | Anna writes about diplomacy."},
		{"corrections_policy", "We correct errors at once."},
		{"base_url", "https://news.example"},
	} {
		if code, _, errOut := run(t, "settings", "set", kv[0], kv[1], "--db", db); code != 0 {
			t.Fatalf("set %s: %s", kv[0], errOut)
		}
	}
	if code, _, errOut := run(t, "settings", "set", "password", "x", "--db", db); code != 2 || !strings.Contains(errOut, "unknown setting") {
		t.Errorf("unknown key: %d %s", code, errOut)
	}
	if code, out, _ := run(t, "settings", "get", "corrections_policy", "--db", db); code != 0 || out != "We correct errors at once.\n" {
		t.Errorf("get: %d %q", code, out)
	}
	site := filepath.Join(dir, "site")
	if code, _, errOut := run(t, "export", "--db", db, "--out", site); code != 0 {
		t.Fatal(errOut)
	}
	about, _ := os.ReadFile(filepath.Join(site, "about", "index.html"))
	author, _ := os.ReadFile(filepath.Join(site, "author", "anna-reporter", "index.html"))
	page, _ := os.ReadFile(filepath.Join(site, "lavrov-meets-kerry", "index.html"))
	if !strings.Contains(string(about), "We correct errors at once.") || !strings.Contains(string(author), "Anna writes about diplomacy.") ||
		!strings.Contains(string(page), `"correctionsPolicy":"https://news.example/about/#corrections-policy"`) {
		t.Errorf("settings not exported:\nabout %s\nauthor %s", about, author)
	}
}
