package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestArticlesTrashUntrashEmpty(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	md := filepath.Join(dir, "story.md")
	if err := os.WriteFile(md, []byte(story), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "import", "--db", db, md); code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	code, out, errOut := run(t, "articles", "trash", "lavrov-meets-kerry", "--by", "Ed", "--db", db)
	if code != 0 || !strings.Contains(out, "moved to the trash") {
		t.Fatalf("trash: %d %q %s", code, out, errOut)
	}
	if _, out, _ = run(t, "articles", "list", "--db", db); strings.Contains(out, "lavrov") {
		t.Errorf("list shows a trashed article:\n%s", out)
	}
	if code, _, errOut = run(t, "articles", "show", "lavrov-meets-kerry", "--db", db); code == 0 || !strings.Contains(errOut, "trash") {
		t.Errorf("show of a trashed article: %d %s", code, errOut)
	}
	code, out, _ = run(t, "articles", "list", "--trash", "--json", "--db", db)
	var trash []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &trash) != nil || len(trash) != 1 || trash[0]["slug"] != "lavrov-meets-kerry" || trash[0]["trashed_by"] != "Ed" {
		t.Fatalf("list --trash --json: %d %s", code, out)
	}
	if code, out, _ = run(t, "articles", "list", "--trash", "--db", db); code != 0 || !strings.Contains(out, "lavrov-meets-kerry") {
		t.Errorf("list --trash: %d %s", code, out)
	}
	if code, _, _ = run(t, "articles", "list", "--trash", "--status", "draft", "--db", db); code != 2 {
		t.Errorf("list --trash --status: status %d, want 2", code)
	}
	if code, out, errOut = run(t, "articles", "untrash", "lavrov-meets-kerry", "--db", db); code != 0 {
		t.Fatalf("untrash: %d %s %s", code, out, errOut)
	}
	if _, out, _ = run(t, "articles", "list", "--db", db); !strings.Contains(out, "lavrov-meets-kerry") {
		t.Errorf("list after untrash:\n%s", out)
	}
	if code, _, errOut = run(t, "articles", "untrash", "lavrov-meets-kerry", "--db", db); code != 1 || !strings.Contains(errOut, "not in the trash") {
		t.Errorf("untrash of a live article: %d %s", code, errOut)
	}
	_, out, _ = run(t, "articles", "history", "lavrov-meets-kerry", "--db", db)
	if !strings.Contains(out, "trashed") || !strings.Contains(out, "untrashed") {
		t.Errorf("history lacks trash and restore:\n%s", out)
	}
	// Emptying needs --yes, and is for good.
	run(t, "articles", "trash", "lavrov-meets-kerry", "--db", db)
	if code, _, errOut = run(t, "articles", "empty-trash", "--db", db); code != 2 || !strings.Contains(errOut, "--yes") {
		t.Errorf("empty-trash without --yes: %d %s", code, errOut)
	}
	if code, out, _ = run(t, "articles", "empty-trash", "--yes", "--db", db); code != 0 || !strings.Contains(out, "deleted 1 article") {
		t.Errorf("empty-trash: %d %s", code, out)
	}
	if _, out, _ = run(t, "articles", "list", "--trash", "--db", db); strings.Contains(out, "lavrov") {
		t.Errorf("trash after emptying:\n%s", out)
	}
}

// An import never writes into the trash: the file that made a trashed
// article fails with a clear message and the trashed article is untouched.
func TestImportRefusesToUpdateATrashedArticle(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	md := filepath.Join(dir, "story.md")
	if err := os.WriteFile(md, []byte(story), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "import", "--db", db, md); code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	run(t, "articles", "trash", "lavrov-meets-kerry", "--db", db)
	if err := os.WriteFile(md, []byte(strings.Replace(story, "four hours", "five hours", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "import", "--db", db, md)
	if code == 0 || !strings.Contains(out+errOut, "in the trash") {
		t.Errorf("import over a trashed article: %d %s %s", code, out, errOut)
	}
	run(t, "articles", "untrash", "lavrov-meets-kerry", "--db", db)
	if _, out, _ = run(t, "articles", "show", "lavrov-meets-kerry", "--db", db); !strings.Contains(out, "four hours") {
		t.Errorf("the trashed article changed:\n%s", out)
	}
}
