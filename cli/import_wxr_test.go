package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/storage"
)

// TestImportWordPressFixtureIntoDatabase imports WordPress's Theme Unit
// Test export into a real database, twice.
func TestImportWordPressFixtureIntoDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "wp.db")
	fixture := filepath.Join("..", "importer", "testdata", "wordpress-theme-unit-test.xml")
	counts := func() (map[domain.Status]int, map[domain.CommentStatus]int, int, int) {
		store, err := storage.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		ctx := context.Background()
		list, err := store.ListArticles(ctx, storage.ArticleQuery{})
		if err != nil {
			t.Fatal(err)
		}
		byStatus := map[domain.Status]int{}
		for _, a := range list {
			byStatus[a.Status]++
		}
		cs, err := store.ListComments(ctx, storage.CommentQuery{})
		if err != nil {
			t.Fatal(err)
		}
		byCStatus := map[domain.CommentStatus]int{}
		replies, pings := 0, 0
		for _, c := range cs {
			byCStatus[c.Status]++
			if c.ParentID != 0 {
				replies++
			}
			if c.Type != domain.TypeComment {
				pings++
			}
		}
		return byStatus, byCStatus, replies, pings
	}
	code, out, errOut := run(t, "import", "--db", db, fixture)
	if code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	if !strings.Contains(out, "58 articles") || !strings.Contains(out, "28 comments") || !strings.Contains(out, "21 pages") {
		t.Errorf("summary %q", out)
	}
	st, cst, replies, pings := counts()
	if st[domain.StatusPublished] != 56 || st[domain.StatusDraft] != 2 {
		t.Errorf("article statuses %v, want 56 published and 2 drafts", st)
	}
	if cst[domain.CommentApproved] != 27 || cst[domain.CommentPending] != 1 || replies != 9 || pings != 4 {
		t.Errorf("comments %v, replies %d, pings %d", cst, replies, pings)
	}
	code, out, errOut = run(t, "import", "--db", db, fixture)
	if code != 0 || !strings.Contains(out, "0 new") {
		t.Fatalf("re-import: %d %s %s", code, out, errOut)
	}
	st2, cst2, replies2, pings2 := counts()
	if st2[domain.StatusPublished] != 56 || st2[domain.StatusDraft] != 2 || cst2[domain.CommentApproved] != 27 ||
		cst2[domain.CommentPending] != 1 || replies2 != 9 || pings2 != 4 {
		t.Errorf("re-import changed counts: %v %v %d %d", st2, cst2, replies2, pings2)
	}
	// The imported articles export as pages.
	site := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := run(t, "export", "--db", db, "--out", site); code != 0 {
		t.Fatalf("export of imported site: %s", errOut)
	}
}
