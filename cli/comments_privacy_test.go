package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

func TestCommentsExportAndEraseCommands(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "n.db")
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	a := &domain.Article{Slug: "one", Headline: "One", Body: "Text.", Status: domain.StatusPublished, PublishedAt: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)}
	if err := store.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"First.", "Second."} {
		c := &domain.Comment{ArticleID: a.ID, Author: "Reader", Email: "reader@example.com", Body: body, Status: domain.CommentApproved,
			ClientAddr: "198.51.100.7", UserAgent: "Lynx"}
		if err := store.AddComment(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()

	if code, _, errOut := run(t, "comments", "export", "--db", db); code != 2 || !strings.Contains(errOut, "--email") {
		t.Errorf("export without email: %d %s", code, errOut)
	}
	code, out, errOut := run(t, "comments", "export", "--email", "READER@example.com", "--db", db)
	var list []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 2 || list[0]["network_address"] != "198.51.100.7" || list[0]["browser"] != "Lynx" || list[0]["body"] != "First." {
		t.Fatalf("export: %d %s %s", code, out, errOut)
	}
	if code, out, errOut := run(t, "comments", "erase", "--email", "reader@example.com", "--db", db); code != 0 || !strings.Contains(out, "2 comment(s) anonymised") {
		t.Fatalf("erase: %d %s %s", code, out, errOut)
	}
	_, out, _ = run(t, "comments", "list", "--json", "--db", db)
	if !strings.Contains(out, `"author": "Anonymous"`) || strings.Contains(out, "reader@example.com") || !strings.Contains(out, "Second.") {
		t.Errorf("after erase:\n%s", out)
	}
	if code, out, _ := run(t, "comments", "erase", "--email", "nobody@example.com", "--remove", "--db", db); code != 0 || !strings.Contains(out, "0 comment(s) removed") {
		t.Errorf("erase of nobody: %d %s", code, out)
	}
	if code, _, errOut := run(t, "settings", "set", "comment_retention_days", "soon", "--db", db); code != 2 {
		t.Errorf("bad retention accepted: %s", errOut)
	}
	if code, out, _ := run(t, "comments", "retention", "--db", db); code != 0 || !strings.Contains(out, "no retention period set") {
		t.Errorf("retention without a setting: %d %s", code, out)
	}
}
