package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPasswordProtectedPostsStayOut imports WordPress's Theme Unit Test
// export, whose password-protected post becomes a draft: export --drafts
// leaves it out, --include-protected writes it and its page says so.
func TestPasswordProtectedPostsStayOut(t *testing.T) {
	db := filepath.Join(t.TempDir(), "wp.db")
	fixture := filepath.Join("..", "importer", "testdata", "wordpress-theme-unit-test.xml")
	if code, _, errOut := run(t, "import", "--db", db, fixture); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	page := func(site string) string { return filepath.Join(site, "template-password-protected", "index.html") }
	drafts := filepath.Join(t.TempDir(), "drafts")
	code, _, errOut := run(t, "export", "--db", db, "--out", drafts, "--drafts")
	if code != 0 {
		t.Fatalf("export --drafts: %s", errOut)
	}
	if _, err := os.Stat(page(drafts)); !os.IsNotExist(err) {
		t.Errorf("export --drafts wrote the password-protected post (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(drafts, "draft", "index.html")); err != nil {
		t.Errorf("the ordinary draft was not written: %v", err)
	}
	if !strings.Contains(errOut, "1 password-protected WordPress drafts left out") {
		t.Errorf("export did not say so: %q", errOut)
	}
	all := filepath.Join(t.TempDir(), "all")
	if code, _, errOut := run(t, "export", "--db", db, "--out", all, "--drafts", "--include-protected"); code != 0 {
		t.Fatalf("export --include-protected: %s", errOut)
	}
	html, err := os.ReadFile(page(all))
	if err != nil {
		t.Fatalf("--include-protected did not write the post: %v", err)
	}
	if !strings.Contains(string(html), "password-protected in WordPress") {
		t.Error("the protected post's page does not say it was password-protected")
	}
}
