package cli

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	md := filepath.Join(dir, "story.md")
	os.WriteFile(md, []byte(story), 0o644)
	if code, _, errOut := run(t, "import", "--db", db, md); code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	copyPath := filepath.Join(dir, "copy.db")
	if code, out, errOut := run(t, "backup", "--db", db, "--to", copyPath); code != 0 || !strings.Contains(out, copyPath) {
		t.Fatalf("backup: %d %q %s", code, out, errOut)
	}
	if code, _, errOut := run(t, "backup", "--db", db, "--to", copyPath); code != 1 || !strings.Contains(errOut, "--force") {
		t.Errorf("backup over an existing file: %d %s, want status 1 naming --force", code, errOut)
	}
	if code, _, errOut := run(t, "backup", "--db", db, "--to", copyPath, "--force"); code != 0 {
		t.Errorf("backup --force: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "articles", "status", "lavrov-meets-kerry", "draft", "--yes", "--db", db); code != 0 {
		t.Fatalf("status: %d %s", code, errOut)
	}
	code, out, errOut := run(t, "restore", copyPath, "--db", db)
	if code != 0 || !strings.Contains(out, "kept as "+db+".before-restore-") {
		t.Fatalf("restore: %d %q %s", code, out, errOut)
	}
	if _, out, _ := run(t, "articles", "list", "--db", db); !strings.Contains(out, "published") {
		t.Errorf("after restore the article should be published again:\n%s", out)
	}
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("hello"), 0o644)
	if code, _, errOut := run(t, "restore", notes, "--db", db); code != 1 || !strings.Contains(errOut, "left as it was") {
		t.Errorf("restore from a text file: %d %s, want a refusal", code, errOut)
	}
	if code, out, errOut := run(t, "backup", "--db", db); code != 0 || !strings.Contains(out, filepath.Join(dir, "backups", "newsroom-"+time.Now().Format("2006-01-02")+".db")) {
		t.Errorf("rolling backup: %d %q %s", code, out, errOut)
	}
	if code, out, _ := run(t, "backup", "--db", db); code != 0 || !strings.Contains(out, "already") {
		t.Errorf("second rolling backup the same day: %d %q", code, out)
	}
}

// damagedDB is a Newsroom database with a comment, 8 KB of which were
// overwritten with random bytes in the middle.
func damagedDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "damaged.db")
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < 300; i++ {
		a := &domain.Article{Slug: fmt.Sprintf("story-%03d", i), Headline: "Story", Status: domain.StatusPublished,
			PublishedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
			Body:        strings.Repeat(fmt.Sprintf("Paragraph %d about the harbour. ", i), 60)}
		if err := st.CreateArticle(ctx, a, "t"); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.AddComment(ctx, &domain.Comment{ArticleID: 1, Author: "A", Email: "a@example.org", Body: "Hi", Status: domain.CommentPending}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	info, _ := os.Stat(path)
	junk := make([]byte, 8<<10)
	rand.New(rand.NewSource(13)).Read(junk)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(junk, info.Size()/2); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDamagedDatabaseCommandsFail: no command reports success on a
// damaged database, and each says how to restore it.
func TestDamagedDatabaseCommandsFail(t *testing.T) {
	db := damagedDB(t)
	md := filepath.Join(t.TempDir(), "story.md")
	os.WriteFile(md, []byte(story), 0o644)
	for _, args := range [][]string{
		{"import", md},
		{"articles", "status", "story-001", "draft", "--yes"},
		{"comments", "approve", "1"},
		{"articles", "list"},
		{"backup"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			before, _ := os.ReadFile(db)
			code, _, errOut := run(t, append(args, "--db", db)...)
			if code != 1 || !strings.Contains(errOut, "damaged") || !strings.Contains(errOut, "newsroom restore") {
				t.Errorf("status %d, stderr %q: want 1 and how to restore", code, errOut)
			}
			if after, _ := os.ReadFile(db); string(after) != string(before) {
				t.Error("the damaged file was written to")
			}
		})
	}
}
