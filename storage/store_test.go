package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/markup"
	"newsroom/storage/storetest"
)

// openTemp opens a fresh database: a file in a temporary folder, or a new
// database on the PostgreSQL server of NEWSROOM_TEST_POSTGRES. The second
// result is what Open takes to open it again.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := storetest.Target(t, "newsroom.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// sample returns a valid article.
func sample(slug string) *domain.Article {
	return &domain.Article{
		Slug:       slug,
		Headline:   "Kerry to meet Putin",
		Standfirst: "First visit since the crisis",
		Byline:     "Staff reporter",
		Body:       "John Kerry will travel to Sochi.\n\n{{quote harf}}\n",
		Status:     domain.StatusDraft,
		Keywords:   []string{"Russia", "Diplomacy"},
		Sources: []domain.Source{
			{Name: "Reuters", Kind: domain.SourceNewsAgency, URL: "https://www.reuters.com", Note: "wire"},
			{Name: "US State Department", Kind: domain.SourceOfficial},
		},
		Quotes: []domain.Quote{{Ref: "harf", Text: "This trip is part of our ongoing effort.", Speaker: "Marie Harf",
			Role: "State Department spokeswoman", Context: "in a written statement", Source: "US State Department"}},
	}
}

func TestOpenCreatesSchemaAndReopens(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	if err := s.CreateArticle(ctx, sample("kerry"), "ann"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	var v int
	if err := s2.reader.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil || v != SchemaVersion() {
		t.Fatalf("schema version %d (%v), want %d", v, err, SchemaVersion())
	}
	if s2.backend == backendSQLite {
		var mode string
		if err := s2.writer.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Fatalf("journal mode %q (%v), want wal", mode, err)
		}
		var fk int
		if err := s2.writer.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Fatalf("foreign keys %d (%v), want 1", fk, err)
		}
	}
	a, err := s2.GetArticleBySlug(ctx, "kerry")
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != "Kerry to meet Putin" || len(a.Quotes) != 1 || len(a.Sources) != 2 || a.Sources[0].Name != "Reuters" {
		t.Fatalf("round trip lost data: %+v", a)
	}
	if a.Quotes[0].Speaker != "Marie Harf" || strings.Join(a.Keywords, ",") != "Russia,Diplomacy" {
		t.Fatalf("quote or keywords lost: %+v", a)
	}
}

func TestOpenBadFiles(t *testing.T) {
	storetest.SkipOnPostgres(t, "damaged and foreign files")
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte(strings.Repeat("this is not a database\n", 200)), 0o644)
	damaged := filepath.Join(dir, "damaged.db")
	{
		s, err := Open(damaged)
		if err != nil {
			t.Fatal(err)
		}
		s.CreateArticle(context.Background(), sample("x"), "")
		s.Close()
		f, _ := os.OpenFile(damaged, os.O_WRONLY, 0)
		f.WriteAt([]byte(strings.Repeat("\xff", 100)), 0) // smash the header
		f.Close()
	}
	cases := []struct {
		name, path, want string
	}{
		{"not sqlite", notDB, "not a Newsroom database"},
		{"damaged header", damaged, "not a Newsroom database"},
		{"a folder", dir, "it is a folder"},
		{"missing folder", filepath.Join(dir, "nope", "x.db"), "does not exist"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(c.path)
			if err == nil {
				s.Close()
				t.Fatal("opened without error")
			}
			if !errors.Is(err, ErrOpen) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.path) {
				t.Fatalf("error %q should wrap ErrOpen, name %s and say %q", err, c.path, c.want)
			}
		})
	}
}

func TestOpenReadOnly(t *testing.T) {
	storetest.SkipOnPostgres(t, "read-only files and folders")
	if os.Geteuid() == 0 {
		// root ignores file modes; use a read-only bind of the data instead:
		// a read-only directory does not stop root either, so check the
		// error path with a file whose WAL cannot be created via chattr-less
		// means: an unwritable path under /proc.
		_, err := Open("/proc/newsroom.db")
		if err == nil || !errors.Is(err, ErrOpen) || !strings.Contains(err.Error(), "/proc/newsroom.db") {
			t.Fatalf("error %v should wrap ErrOpen and name the file", err)
		}
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	_, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "read-only") || !strings.Contains(err.Error(), path) {
		t.Fatalf("got %v, want a read-only error naming the file", err)
	}
}

func TestSaveConflictAndRevisions(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	clock := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return clock })
	a := sample("kerry")
	if err := s.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	stale := *a
	// A burst of saves within RevisionBurst makes one revision.
	for i := 0; i < 5; i++ {
		clock = clock.Add(2 * time.Second)
		a.Body += " more"
		if _, err := s.SaveArticle(ctx, a, "ann"); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := s.RevisionCount(ctx, a.ID); n != 2 {
		t.Fatalf("revisions after a burst = %d, want 2 (created + burst)", n)
	}
	clock = clock.Add(RevisionBurst + time.Second)
	a.Body += " later"
	if _, err := s.SaveArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.RevisionCount(ctx, a.ID); n != 3 {
		t.Fatalf("revisions after a pause = %d, want 3", n)
	}
	stale.Body = "overwrite"
	if _, err := s.SaveArticle(ctx, &stale, "bob"); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("stale save: %v, want ErrConflict", err)
	}
	got, _ := s.GetArticle(ctx, a.ID)
	if got.Body != a.Body || got.Version != a.Version {
		t.Fatalf("stale save overwrote: %q v%d", got.Body, got.Version)
	}
	// Restoring the first revision is itself a new revision.
	revs, err := s.Revisions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	first := revs[len(revs)-1]
	restored, _, err := s.RestoreRevision(ctx, first.ID, got.Version, "ann")
	if err != nil {
		t.Fatal(err)
	}
	if restored.Body != sample("x").Body {
		t.Fatalf("restore gave body %q", restored.Body)
	}
	if n, _ := s.RevisionCount(ctx, a.ID); n != 4 {
		t.Fatalf("revisions after restore = %d, want 4", n)
	}
}

func TestFactCheckRevokedByTextChange(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := sample("kerry")
	if err := s.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	a, err := s.SetFactCheck(ctx, a.ID, a.Version, "Fiona Checker", true)
	if err != nil {
		t.Fatal(err)
	}
	if !a.FactCheck.Checked || a.FactCheck.By != "Fiona Checker" {
		t.Fatalf("not checked: %+v", a.FactCheck)
	}
	a.Byline = "Someone else" // not covered
	res, err := s.SaveArticle(ctx, a, "ann")
	if err != nil || res.FactCheckRevoked {
		t.Fatalf("byline change revoked the check: %+v %v", res, err)
	}
	a.Quotes[0].Text = "Changed words."
	res, err = s.SaveArticle(ctx, a, "ann")
	if err != nil || !res.FactCheckRevoked {
		t.Fatalf("quote change did not revoke: %+v %v", res, err)
	}
	got, _ := s.GetArticle(ctx, a.ID)
	if got.FactCheck.Checked {
		t.Fatal("stored article still checked")
	}
	hist, _ := s.History(ctx, a.ID)
	var kinds []string
	for _, e := range hist {
		kinds = append(kinds, e.Kind)
	}
	if strings.Join(kinds, ",") != "fact-checked,fact-check-revoked" {
		t.Fatalf("history %v", kinds)
	}
}

func TestSearchAndFilters(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := sample("kerry")
	b := sample("merkel")
	b.Headline, b.Body, b.Quotes, b.Status = "Merkel urges Russia", "Angela Merkel visited Moscow on Sunday.", nil, domain.StatusPublished
	for _, x := range []*domain.Article{a, b} {
		if err := s.CreateArticle(ctx, x, "ann"); err != nil {
			t.Fatal(err)
		}
	}
	yes := true
	cases := []struct {
		q    ArticleQuery
		want string
	}{
		{ArticleQuery{Search: "sochi"}, "kerry"},
		{ArticleQuery{Search: "Harf"}, "kerry"},  // quote speaker
		{ArticleQuery{Search: "mosc"}, "merkel"}, // prefix while typing
		{ArticleQuery{Search: `"AND OR (`}, ""},  // operators are not syntax
		{ArticleQuery{Status: domain.StatusPublished}, "merkel"},
		{ArticleQuery{FactChecked: &yes}, ""},
		{ArticleQuery{}, "merkel,kerry"},
	}
	for _, c := range cases {
		got, err := s.ListArticles(ctx, c.q)
		if err != nil {
			t.Fatalf("%+v: %v", c.q, err)
		}
		var slugs []string
		for _, g := range got {
			slugs = append(slugs, g.Slug)
		}
		if strings.Join(slugs, ",") != c.want {
			t.Errorf("%+v: got %v, want %s", c.q, slugs, c.want)
		}
	}
	// The index follows edits and deletes.
	a.Body = "Now about Ankara."
	if _, err := s.SaveArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ListArticles(ctx, ArticleQuery{Search: "sochi"}); len(got) != 0 {
		t.Fatalf("stale index: %v", got)
	}
	if err := trashAndEmpty(ctx, s, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ListArticles(ctx, ArticleQuery{Search: "ankara"}); len(got) != 0 {
		t.Fatalf("deleted article still found: %v", got)
	}
	if _, err := s.GetArticle(ctx, a.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("get deleted: %v", err)
	}
}

func TestInvalidInputRejected(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	cases := map[string]func(a *domain.Article){
		"bad slug":     func(a *domain.Article) { a.Slug = "Has Spaces" },
		"invalid utf8": func(a *domain.Article) { a.Body = "ok \xff\xfe" },
		"huge body":    func(a *domain.Article) { a.Body = strings.Repeat("x", domain.MaxBodyLen+1) },
		"bad status":   func(a *domain.Article) { a.Status = "live" },
	}
	for name, mutate := range cases {
		a := sample("ok")
		mutate(a)
		if err := s.CreateArticle(ctx, a, ""); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if err := s.CreateArticle(ctx, sample("dup"), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateArticle(ctx, sample("dup"), ""); !errors.Is(err, domain.ErrSlugTaken) || errors.Is(err, domain.ErrConflict) {
		t.Fatalf("duplicate slug: %v, want ErrSlugTaken and not ErrConflict", err)
	}
}

func TestTwoProcessesOnOneFile(t *testing.T) {
	_, path := openTemp(t)
	s1, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ctx := context.Background()
	a := sample("shared")
	if err := s1.CreateArticle(ctx, a, "one"); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for w, st := range []*Store{s1, s2} {
		wg.Add(1)
		go func(w int, st *Store) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				c := &domain.Comment{ArticleID: a.ID, Author: "r", Email: "r@example.com", Body: "hi", Status: domain.CommentPending}
				if err := st.AddComment(ctx, c); err != nil {
					errs <- err
				}
			}
		}(w, st)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent write failed: %v", err)
	}
	counts, _ := s2.CommentCounts(ctx, a.ID)
	if counts[domain.CommentPending] != 100 {
		t.Fatalf("pending = %d, want 100", counts[domain.CommentPending])
	}
	// Optimistic concurrency across connections.
	b, _ := s2.GetArticle(ctx, a.ID)
	a.Body = "from one"
	if _, err := s1.SaveArticle(ctx, a, "one"); err != nil {
		t.Fatal(err)
	}
	revs, _ := s1.RevisionCount(ctx, a.ID)
	b.Body = "from two"
	if _, err := s2.SaveArticle(ctx, b, "two"); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second writer: %v, want ErrConflict", err)
	}
	// The refused save wrote nothing.
	if got, err := s1.GetArticle(ctx, a.ID); err != nil || got.Body != "from one" || got.Version != a.Version {
		t.Fatalf("after the conflict: %+v %v", got, err)
	}
	if after, _ := s1.RevisionCount(ctx, a.ID); after != revs {
		t.Fatalf("the refused save added revisions: %d, then %d", revs, after)
	}
}

func TestMigrationIsAtomic(t *testing.T) {
	s, _ := openTemp(t)
	// A broken migration must leave no trace of itself, and the version
	// table must not claim it.
	ms, _ := loadMigrationsOf(s.backend)
	bad := migration{version: 9999, name: "9999_bad.sql", sql: "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;"}
	if err := s.applyMigrations(context.Background(), append(ms, bad)); err == nil {
		t.Fatal("bad migration applied")
	}
	var n, v int
	tables := `SELECT count(*) FROM sqlite_master WHERE name = 'half'`
	if s.backend == backendPostgres {
		tables = `SELECT count(*) FROM information_schema.tables WHERE table_name = 'half'`
	}
	if err := s.reader.QueryRow(tables).Scan(&n); err != nil {
		t.Fatal(err)
	}
	s.reader.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&v)
	if n != 0 || v != SchemaVersion() {
		t.Fatalf("half-applied migration: table left %d, version %d", n, v)
	}
	s.Close()
}

func TestSourcesAreSharedAcrossArticles(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a, b := sample("one"), sample("two")
	b.Sources = []domain.Source{{Name: "reuters", Kind: domain.SourceNewsAgency, URL: "https://www.reuters.com", Note: "wire"}}
	for _, x := range []*domain.Article{a, b} {
		if err := s.CreateArticle(ctx, x, "t"); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, src := range list {
		names = append(names, src.Name)
	}
	// "reuters" is the same source as "Reuters": one register entry.
	if strings.Join(names, ",") != "Reuters,US State Department" {
		t.Fatalf("register %v", names)
	}
	if a.Sources[0].ID != b.Sources[0].ID {
		t.Fatalf("the two articles hold different Reuters records: %d and %d", a.Sources[0].ID, b.Sources[0].ID)
	}
}

func TestAttributionFindingsAreStoredWithTheArticle(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := sample("kerry")
	a.Body = "\"We will not stand by while this happens,\" a voice shouted.\n\n{{quote harf}}\n"
	if err := s.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetArticleBySlug(ctx, "kerry")
	if err != nil {
		t.Fatal(err)
	}
	f := got.Attribution
	if f.Rules != domain.AttributionRules || len(f.Findings) != 1 || f.Findings[0].Kind != domain.FindingUnattributedQuote {
		t.Fatalf("stored findings after create: %+v", f)
	}
	got.Body = "\"We will not stand by while this happens,\" Ann Smith said.\n\n{{quote harf}}\n"
	if _, err := s.SaveArticle(ctx, got, "ann"); err != nil {
		t.Fatal(err)
	}
	list, err := s.ExportArticles(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Attribution.Rules != domain.AttributionRules || len(list[0].Attribution.Findings) != 0 ||
		len(markup.AttributionFindings(&list[0])) != 0 {
		t.Fatalf("stored findings after save: %+v", list[0].Attribution)
	}
	// A damaged cache is ignored, not an error.
	if _, err := s.writer.Exec(`UPDATE articles SET attribution = '{not json'`); err != nil {
		t.Fatal(err)
	}
	again, err := s.GetArticleBySlug(ctx, "kerry")
	if err != nil {
		t.Fatalf("damaged findings must not stop loading: %v", err)
	}
	if again.Attribution.Rules != 0 || len(markup.AttributionFindings(again)) != 0 {
		t.Fatalf("damaged findings: %+v", again.Attribution)
	}
}

func TestExportSummariesAndArticlesByID(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := sample("kerry")
	a.Status = domain.StatusPublished
	a.PublishedAt = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := s.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	draft := sample("draft")
	draft.Quotes = nil
	if err := s.CreateArticle(ctx, draft, "ann"); err != nil {
		t.Fatal(err)
	}
	sums, err := s.ExportSummaries(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 1 {
		t.Fatalf("published summaries: %d", len(sums))
	}
	sum := sums[0]
	if sum.ID != a.ID || sum.Slug != "kerry" || sum.Headline != a.Headline || sum.Standfirst != a.Standfirst ||
		!sum.PublishedAt.Equal(a.PublishedAt) || sum.UpdatedAt.IsZero() || len(sum.Sources) != 2 || sum.Sources[0].URL == "" {
		t.Errorf("summary: %+v", sum)
	}
	if sum.Body != "" || sum.Quotes != nil {
		t.Error("a summary should not carry body or quotes")
	}
	if sum.StoredDigest == "" || sum.StoredDigest != domain.ContentDigest(a) {
		t.Errorf("stored digest %q, want the content digest %q", sum.StoredDigest, domain.ContentDigest(a))
	}
	if all, _ := s.ExportSummaries(ctx, true); len(all) != 2 {
		t.Errorf("summaries with drafts: %d", len(all))
	}
	full, err := s.ArticlesByID(ctx, []int64{draft.ID, a.ID, 999})
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != 2 {
		t.Fatalf("ArticlesByID gave %d articles", len(full))
	}
	for _, f := range full {
		if f.ID == a.ID && (f.Body != a.Body || len(f.Quotes) != 1 || len(f.Sources) != 2 || domain.ContentDigest(&f) != f.StoredDigest) {
			t.Errorf("full article: %+v", f)
		}
		if f.ID == draft.ID && (len(f.Quotes) != 0 || len(f.Sources) != 2) {
			t.Errorf("draft: %+v", f)
		}
	}
	// The summary must come from the covering index, never from walking
	// the bodies, with drafts or without (SQLite; PostgreSQL keeps bodies
	// out of line in TOAST and reads them only when selected).
	for _, where := range []string{`WHERE status = 'published'`, ``} {
		if s.backend != backendSQLite {
			break
		}
		if plan := queryPlan(t, s, `SELECT `+summaryColumns+` FROM articles `+where); !strings.Contains(plan, "COVERING INDEX articles_export_summary") {
			t.Errorf("summary query plan %q:\n%s", where, plan)
		}
	}
}

// queryPlan returns SQLite's plan for query, a line per step.
func queryPlan(t *testing.T, s *Store, query string) string {
	t.Helper()
	rows, err := s.reader.Query(`EXPLAIN QUERY PLAN ` + query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(detail + "\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan.String()
}

func TestOpenBackfillsExportCaches(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	a := sample("kerry")
	if err := s.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateArticle(ctx, sample("damaged"), "ann"); err != nil {
		t.Fatal(err)
	}
	// As a database written before migration 0002 would hold them, one
	// with a damaged field the backfill cannot read.
	if _, err := s.writer.Exec(`UPDATE articles SET attribution = '', content_digest = ''`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.writer.Exec(`UPDATE articles SET keywords = '{broken' WHERE slug = 'damaged'`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatalf("a damaged article must not stop the database from opening: %v", err)
	}
	defer s2.Close()
	if n := s2.backfillExportCaches(ctx); n != 0 {
		t.Errorf("a second backfill filled %d articles", n)
	}
	var pending int
	if err := s2.reader.QueryRow(`SELECT count(*) FROM articles WHERE content_digest = ''`).Scan(&pending); err != nil || pending != 1 {
		t.Errorf("articles left without a digest: %d (%v), want the damaged one", pending, err)
	}
	got, err := s2.GetArticleBySlug(ctx, "kerry")
	if err != nil {
		t.Fatal(err)
	}
	if got.StoredDigest != domain.ContentDigest(got) || got.Attribution.Rules != domain.AttributionRules {
		t.Errorf("after reopening: digest %q, findings %+v", got.StoredDigest, got.Attribution)
	}
	if got.Version != 1 {
		t.Errorf("the backfill changed the version to %d", got.Version)
	}
}

// TestConcurrentSavesOfOneVersionOneWins: desks saving the same version
// at once, through two stores (two processes), give exactly one save and
// conflicts for the rest — writers are serialised on both backends.
func TestConcurrentSavesOfOneVersionOneWins(t *testing.T) {
	s1, path := openTemp(t)
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ctx := context.Background()
	a := sample("contested")
	if err := s1.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	const desks = 8
	results := make(chan error, desks)
	var wg sync.WaitGroup
	for i := 0; i < desks; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			st := []*Store{s1, s2}[i%2]
			mine := *a // a desk's own copy: a save writes ids into its sources and quotes
			mine.Sources = append([]domain.Source(nil), a.Sources...)
			mine.Quotes = append([]domain.Quote(nil), a.Quotes...)
			mine.Keywords = append([]string(nil), a.Keywords...)
			mine.Body = fmt.Sprintf("desk %d's text", i)
			_, err := st.SaveArticle(ctx, &mine, fmt.Sprintf("desk-%d", i))
			results <- err
		}(i)
	}
	wg.Wait()
	close(results)
	saved := 0
	for err := range results {
		switch {
		case err == nil:
			saved++
		case !errors.Is(err, domain.ErrConflict):
			t.Fatalf("save: %v", err)
		}
	}
	got, err := s2.GetArticle(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if saved != 1 || got.Version != a.Version+1 {
		t.Fatalf("%d saves of version %d succeeded; the article is at version %d", saved, a.Version, got.Version)
	}
}
