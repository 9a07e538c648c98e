package cli

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
	"newsroom/storage/storetest"
)

// copyNewsroom fills a SQLite file with published articles, sources,
// quotes, corrections and comments.
func copyNewsroom(t *testing.T, path string, n int) {
	t.Helper()
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := 0; i < n; i++ {
		a := &domain.Article{
			Slug: fmt.Sprintf("story-%02d", i), Headline: fmt.Sprintf("Story %d: “quotes” & café", i),
			Standfirst: "A standfirst", Byline: "Anna Reporter", Section: "World",
			Body:   "Sergey Lavrov met John Kerry.\n\n{{quote lavrov}}\n\nThe talks lasted four hours.\n",
			Status: domain.StatusPublished, PublishedAt: time.Date(2026, 10, 1+i, 9, 30, 0, 0, time.UTC),
			Keywords: []string{"Russia", fmt.Sprintf("tag%d", i%3)},
			Sources:  []domain.Source{{Name: "Reuters", Kind: domain.SourceNewsAgency, URL: "https://www.reuters.com"}},
			Quotes: []domain.Quote{{Ref: "lavrov", Text: "We are ready.", Speaker: "Sergey Lavrov", Role: "Foreign minister",
				Source: "Reuters"}},
		}
		if err := s.CreateArticle(ctx, a, "ann"); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			if _, err := s.AddCorrection(ctx, a.ID, domain.CorrectionKind("correction"), "An earlier version misspelt a name.", "ed"); err != nil {
				t.Fatal(err)
			}
		}
		c := &domain.Comment{ArticleID: a.ID, Author: "Reader", Email: "r@example.com", Body: "Good <b>piece</b>",
			Status: domain.CommentApproved, SubmittedAt: time.Date(2026, 10, 2+i, 8, 0, 0, 0, time.UTC)}
		if err := s.AddComment(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetSetting(ctx, storage.SettingSiteTitle, "The Copy Times"); err != nil {
		t.Fatal(err)
	}
}

// readTree returns every file under dir by its relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCopyCommandRoundTripAndIdenticalExport copies a SQLite newsroom to
// the test backend (PostgreSQL under NEWSROOM_TEST_POSTGRES) and back, with
// every table's digest printed equal, refuses to copy onto a full
// newsroom without --force, and exports the same site, byte for byte,
// from the copy as from the original.
func TestCopyCommandRoundTripAndIdenticalExport(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "first.db")
	copyNewsroom(t, first, 6)
	middle := storetest.Target(t, "middle.db")
	code, out, errOut := run(t, "copy", "--from", first, "--to", middle)
	if code != 0 {
		t.Fatalf("copy: %d %s", code, errOut)
	}
	for _, table := range []string{"articles", "quotes", "sources", "revisions", "comments", "corrections", "settings"} {
		if !strings.Contains(out, "\n"+table+" ") {
			t.Errorf("copy did not report table %s:\n%s", table, out)
		}
	}
	if strings.Count(out, " equal\n") < 11 || strings.Contains(out, "DIFFERS") {
		t.Errorf("copy report:\n%s", out)
	}
	if code, _, errOut := run(t, "copy", "--from", first, "--to", middle); code == 0 || !strings.Contains(errOut, "not empty") {
		t.Fatalf("copy onto a full newsroom: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "copy", "--from", first, "--to", middle, "--force"); code != 0 {
		t.Fatalf("copy --force: %d %s", code, errOut)
	}
	last := filepath.Join(dir, "last.db")
	code, back, errOut := run(t, "copy", "--from", middle, "--to", last)
	if code != 0 {
		t.Fatalf("copy back: %d %s", code, errOut)
	}
	digests := func(report string) string { // the table lines, without the header naming the ends
		_, rest, _ := strings.Cut(report, "\n")
		return rest
	}
	if digests(out) != digests(back) {
		t.Fatalf("round trip changed digests:\n%s\n%s", out, back)
	}
	siteA, siteB := filepath.Join(dir, "site-a"), filepath.Join(dir, "site-b")
	for _, c := range [][]string{{first, siteA}, {middle, siteB}} {
		if code, _, errOut := run(t, "export", "--db", c[0], "--out", c[1], "--base-url", "https://news.example.com/"); code != 0 {
			t.Fatalf("export %s: %d %s", c[0], code, errOut)
		}
	}
	a, b := readTree(t, siteA), readTree(t, siteB)
	if len(a) < 6 {
		t.Fatalf("the export wrote %d files", len(a))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between the export of the file and of its copy", name)
		}
	}
	if len(a) != len(b) {
		t.Errorf("exports hold %d and %d files", len(a), len(b))
	}
}

// TestDBFlagNamesTheServerNeverThePassword: a server that is not there
// gives an error naming it, without the password given in the URL.
func TestDBFlagNamesTheServerNeverThePassword(t *testing.T) {
	code, _, errOut := run(t, "articles", "list", "--db", "postgres://ann:Tr0ub4dor@127.0.0.1:1/desk?connect_timeout=5")
	if code == 0 || !strings.Contains(errOut, "127.0.0.1:1/desk") || strings.Contains(errOut, "Tr0ub4dor") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}
