package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"newsroom/domain"
)

// fillNewsroom puts something in every copied table of s.
func fillNewsroom(t testing.TB, s *Store, articles int) {
	t.Helper()
	ctx := context.Background()
	// An admin, and the sample byline's reporter, whose articles link to them.
	for _, m := range []domain.Staff{{Name: "Ann Admin", Role: domain.RoleAdmin}, {Name: sample("x").Byline, Role: domain.RoleReporter}} {
		if _, err := s.AddStaff(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	photo, _, err := s.AddMedia(ctx, []byte("the bytes of a harbour photo \x00\xff"), sampleMedia())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < articles; i++ {
		a := sample(fmt.Sprintf("story-%d", i))
		if i%2 == 1 {
			a.LeadImage = photo.Ref
		}
		a.Body = fmt.Sprintf("Story %d from Sochi, café and crème.\n\n{{quote harf}}\n", i)
		if i%2 == 0 {
			a.Status, a.PublishedAt = domain.StatusPublished, time.Date(2026, 11, 1+i%28, 9, 0, 0, 0, time.UTC)
		}
		if err := s.CreateArticle(ctx, a, "ann"); err != nil {
			t.Fatal(err)
		}
		a.Standfirst = "Edited " + a.Standfirst
		if _, err := s.SaveArticle(ctx, a, "bob"); err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			if _, err := s.SetFactCheck(ctx, a.ID, a.Version, "cat", true); err != nil {
				t.Fatal(err)
			}
		}
		if a.Status == domain.StatusPublished && i%4 == 0 {
			if _, err := s.AddCorrection(ctx, a.ID, domain.CorrectionKind("correction"), "The minister's name was misspelt.", "ed"); err != nil {
				t.Fatal(err)
			}
		}
		parent := &domain.Comment{ArticleID: a.ID, Author: "Reader", Email: "r@example.com", Body: "First!", Status: domain.CommentApproved}
		if err := s.AddComment(ctx, parent); err != nil {
			t.Fatal(err)
		}
		reply := &domain.Comment{ArticleID: a.ID, ParentID: parent.ID, Author: "Other", Body: "Reply <b>", Status: domain.CommentPending,
			ClientAddr: "192.0.2.1", Reasons: []string{"first comment"}}
		if err := s.AddComment(ctx, reply); err != nil {
			t.Fatal(err)
		}
		if err := s.IgnoreWord(ctx, a.ID, "Sochi"); err != nil {
			t.Fatal(err)
		}
	}
	binned := sample("binned")
	if err := s.CreateArticle(ctx, binned, "ann"); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashArticle(ctx, binned.ID, "ann"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, SettingSiteTitle, "The Daily Test"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddDictionaryWord(ctx, "Kerry", "ann"); err != nil {
		t.Fatal(err)
	}
}

// TestCopyRoundTrip copies a newsroom from a SQLite file to the test
// backend (PostgreSQL under NEWSROOM_TEST_POSTGRES) and back to another
// file: every table's rows and digest are equal at each step, and the
// copies work as newsrooms (search, new rows).
func TestCopyRoundTrip(t *testing.T) {
	ctx := context.Background()
	first, err := Open(filepath.Join(t.TempDir(), "first.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	fillNewsroom(t, first, 12)
	middle, _ := openTemp(t)
	src, dst, err := CopyNewsroom(ctx, first, middle, false)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(src, dst) || len(src) != len(copyTables) {
		t.Fatalf("digests differ:\n%v\n%v", src, dst)
	}
	for _, d := range src {
		if d.Rows == 0 {
			t.Errorf("table %s was empty in the test newsroom", d.Table)
		}
	}
	last, err := Open(filepath.Join(t.TempDir(), "last.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer last.Close()
	back, _, err := CopyNewsroom(ctx, middle, last, false)
	if err != nil {
		t.Fatal(err)
	}
	again, err := last.Digests(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(src, back) || !reflect.DeepEqual(src, again) {
		t.Fatalf("round trip changed the newsroom:\n%v\n%v\n%v", src, back, again)
	}
	for _, s := range []*Store{middle, last} {
		hits, err := s.ListArticles(ctx, ArticleQuery{Search: "creme soch"})
		if err != nil || len(hits) != 12 {
			t.Fatalf("%s: search after copy: %d hits, %v", s.backend, len(hits), err)
		}
		a := sample("after-copy")
		if err := s.CreateArticle(ctx, a, "ann"); err != nil {
			t.Fatalf("%s: new article after copy: %v", s.backend, err)
		}
		if err := s.AddComment(ctx, &domain.Comment{ArticleID: a.ID, Author: "x", Body: "y", Status: domain.CommentPending}); err != nil {
			t.Fatalf("%s: new comment after copy: %v", s.backend, err)
		}
	}
}

// TestCopyRefusesANonEmptyTargetUnlessForced: nothing is written without
// --force; with it the target becomes exactly the source.
func TestCopyRefusesANonEmptyTargetUnlessForced(t *testing.T) {
	ctx := context.Background()
	from, err := Open(filepath.Join(t.TempDir(), "from.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer from.Close()
	fillNewsroom(t, from, 3)
	to, _ := openTemp(t)
	fillNewsroom(t, to, 5)
	before, err := to.Digests(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := CopyNewsroom(ctx, from, to, false); !errors.Is(err, ErrTargetNotEmpty) {
		t.Fatalf("copy into a full newsroom: %v, want ErrTargetNotEmpty", err)
	}
	if after, _ := to.Digests(ctx); !reflect.DeepEqual(before, after) {
		t.Fatal("a refused copy changed the target")
	}
	src, _, err := CopyNewsroom(ctx, from, to, true)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := to.Digests(ctx); !reflect.DeepEqual(src, after) {
		t.Fatalf("forced copy:\n%v\n%v", src, after)
	}
	if hits, _ := to.ListArticles(ctx, ArticleQuery{Search: "sochi"}); len(hits) != 3 {
		t.Fatalf("the old index survived the forced copy: %d hits", len(hits))
	}
}

// TestCopyTablesCoverTheSchema fails when a migration adds a table the
// copy does not know.
func TestCopyTablesCoverTheSchema(t *testing.T) {
	s, _ := openTemp(t)
	query := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%'`
	if s.backend == backendPostgres {
		query = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	rows, err := s.reader.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, c := range copyTables {
		known[c.name] = true
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		if !known[name] && !notCopied[name] {
			t.Errorf("table %s is not in copyTables (storage/copy.go)", name)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestStatsOfIsStatsOfThoseArticles: counting a few articles gives their
// counts from the whole table's, and nothing of the others.
func TestStatsOfIsStatsOfThoseArticles(t *testing.T) {
	s, _ := openTemp(t)
	fillNewsroom(t, s, 4)
	ctx := context.Background()
	all, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.ListArticles(ctx, ArticleQuery{})
	if err != nil || len(list) != 4 {
		t.Fatal(len(list), err)
	}
	some, err := s.StatsOf(ctx, []int64{list[0].ID, list[2].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(some) != 2 || !reflect.DeepEqual(some[list[0].ID], all[list[0].ID]) || !reflect.DeepEqual(some[list[2].ID], all[list[2].ID]) ||
		some[list[0].ID].Revisions != 2 || some[list[0].ID].Comments[domain.CommentApproved] != 1 {
		t.Fatalf("StatsOf: %+v, Stats: %+v", some, all)
	}
}
