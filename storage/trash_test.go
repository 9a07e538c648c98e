package storage

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

// trashAndEmpty deletes an article for good, the only way there is: to
// the trash, then the trash emptied.
func trashAndEmpty(ctx context.Context, s *Store, id int64) error {
	if err := s.TrashArticle(ctx, id, "test"); err != nil {
		return err
	}
	_, err := s.EmptyTrash(ctx)
	return err
}

// rowCounts counts the rows that belong to article id in every table that
// holds its parts.
func rowCounts(t *testing.T, s *Store, id int64) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"quotes", "article_sources", "revisions", "article_events", "comments", "corrections"} {
		var n int
		if err := s.reader.QueryRow(`SELECT count(*) FROM `+table+` WHERE article_id = ?`, id).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

// trashFixture stores a published article with quotes, sources, a
// correction and two comments (one a reply), and a second live article.
func trashFixture(t *testing.T, s *Store) (a, other *domain.Article) {
	t.Helper()
	ctx := context.Background()
	a = publishedSample(t, s, "kerry")
	if _, err := s.AddCorrection(ctx, a.ID, domain.CorrectionFix, "A date was wrong.", "Desk"); err != nil {
		t.Fatal(err)
	}
	first := &domain.Comment{ArticleID: a.ID, Author: "Reader", Email: "r@example.org", Body: "Good piece", Status: domain.CommentApproved}
	if err := s.AddComment(ctx, first); err != nil {
		t.Fatal(err)
	}
	reply := &domain.Comment{ArticleID: a.ID, ParentID: first.ID, Author: "Other", Body: "Agreed", Status: domain.CommentPending}
	if err := s.AddComment(ctx, reply); err != nil {
		t.Fatal(err)
	}
	other = sample("merkel")
	other.Headline, other.Body, other.Quotes = "Merkel in Moscow", "Angela Merkel went to Moscow.", nil
	if err := s.CreateArticle(ctx, other, "ann"); err != nil {
		t.Fatal(err)
	}
	var err error
	if a, err = s.GetArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	return a, other
}

func slugsOf(list []ArticleSummary) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.Slug)
	}
	return out
}

func TestTrashHidesArticleAndKeepsItWhole(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	s.SetClock(func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC) })
	a, _ := trashFixture(t, s)
	before := rowCounts(t, s, a.ID)
	if err := s.TrashArticle(ctx, a.ID, "Ed Itor"); err != nil {
		t.Fatalf("trash: %v", err)
	}
	// Nothing is erased.
	after := rowCounts(t, s, a.ID)
	after["article_events"]-- // the "trashed" line
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("rows after trashing %v, before %v", after, before)
	}
	// Gone from every reader of live articles.
	if _, err := s.GetArticle(ctx, a.ID); !errors.Is(err, ErrInTrash) || !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("GetArticle of a trashed article: %v", err)
	}
	if _, err := s.GetArticleBySlug(ctx, "kerry"); !errors.Is(err, ErrInTrash) {
		t.Errorf("GetArticleBySlug of a trashed article: %v", err)
	}
	if got, _ := s.ListArticles(ctx, ArticleQuery{}); !reflect.DeepEqual(slugsOf(got), []string{"merkel"}) {
		t.Errorf("list after trash = %v", slugsOf(got))
	}
	if got, _ := s.ListArticles(ctx, ArticleQuery{Search: "sochi"}); len(got) != 0 {
		t.Errorf("search finds a trashed article: %v", slugsOf(got))
	}
	if got, _ := s.ExportSummaries(ctx, true); len(got) != 1 || got[0].Slug != "merkel" {
		t.Errorf("export summaries hold %d articles", len(got))
	}
	if got, _ := s.ExportArticles(ctx, false); len(got) != 0 {
		t.Errorf("export articles hold a trashed article: %d", len(got))
	}
	if got, _ := s.ArticlesByID(ctx, []int64{a.ID}); len(got) != 0 {
		t.Errorf("articles by id hold a trashed article")
	}
	if got, _ := s.ApprovedCommentsByArticle(ctx); len(got[a.ID]) != 0 {
		t.Errorf("a trashed article's comments are exported: %v", got[a.ID])
	}
	if got, _ := s.ListComments(ctx, CommentQuery{}); len(got) != 0 {
		t.Errorf("the queue lists a trashed article's comments: %d", len(got))
	}
	if counts, _ := s.CommentCounts(ctx, 0); counts[domain.CommentPending] != 0 || counts[domain.CommentApproved] != 0 {
		t.Errorf("comment counts include the trash: %v", counts)
	}
	// The slug stays reserved, and the desk still holding it cannot save.
	if err := s.CreateArticle(ctx, sample("kerry"), "ann"); !errors.Is(err, domain.ErrSlugTaken) {
		t.Errorf("new article on a trashed slug: %v", err)
	}
	if _, err := s.SaveArticle(ctx, a, "ann"); err == nil {
		t.Errorf("saving into the trash succeeded")
	}
	if err := s.TrashArticle(ctx, a.ID, "x"); !errors.Is(err, ErrInTrash) {
		t.Errorf("trashing twice: %v", err)
	}
	// Listed in the trash, with who and when.
	trash, err := s.ListTrash(ctx)
	if err != nil || len(trash) != 1 || trash[0].Slug != "kerry" || trash[0].TrashedBy != "Ed Itor" ||
		!trash[0].TrashedAt.Equal(time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)) {
		t.Fatalf("trash = %+v (%v)", trash, err)
	}
	if got, err := s.TrashedBySlug(ctx, "kerry"); err != nil || got.ID != a.ID {
		t.Errorf("trashed by slug = %+v (%v)", got, err)
	}
	if _, err := s.TrashedBySlug(ctx, "merkel"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("a live article found in the trash: %v", err)
	}

	// Restored whole.
	if err := s.RestoreFromTrash(ctx, a.ID, "Ed Itor"); err != nil {
		t.Fatalf("restore: %v", err)
	}
	back, err := s.GetArticle(ctx, a.ID)
	if err != nil {
		t.Fatalf("get restored: %v", err)
	}
	if back.Body != a.Body || !reflect.DeepEqual(back.Quotes, a.Quotes) || !reflect.DeepEqual(back.Sources, a.Sources) ||
		len(back.Corrections) != 1 || back.FactCheck != a.FactCheck || back.Status != a.Status {
		t.Errorf("restored article differs:\n%+v\nwas\n%+v", back, a)
	}
	if got, _ := s.ListArticles(ctx, ArticleQuery{Search: "sochi"}); !reflect.DeepEqual(slugsOf(got), []string{"kerry"}) {
		t.Errorf("search after restore = %v", slugsOf(got))
	}
	if got, _ := s.ListComments(ctx, CommentQuery{}); len(got) != 2 {
		t.Errorf("comments after restore: %d", len(got))
	}
	if trash, _ := s.ListTrash(ctx); len(trash) != 0 {
		t.Errorf("trash after restore: %+v", trash)
	}
	if err := s.RestoreFromTrash(ctx, a.ID, "x"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("restoring a live article: %v", err)
	}
	events, err := s.History(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range events {
		if e.Kind == domain.EventTrashed || e.Kind == domain.EventUntrashed {
			kinds = append(kinds, e.Kind+" by "+e.Who)
		}
	}
	if want := []string{"trashed by Ed Itor", "untrashed by Ed Itor"}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("history = %v, want %v", kinds, want)
	}
}

func TestEmptyTrashDeletesOnlyTheTrash(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a, other := trashFixture(t, s)
	otherBefore := rowCounts(t, s, other.ID)
	if n, err := s.EmptyTrash(ctx); err != nil || n != 0 {
		t.Fatalf("emptying an empty trash: %d, %v", n, err)
	}
	if err := s.TrashArticle(ctx, a.ID, "ed"); err != nil {
		t.Fatal(err)
	}
	n, err := s.EmptyTrash(ctx)
	if err != nil || n != 1 {
		t.Fatalf("empty trash: %d, %v", n, err)
	}
	for table, c := range rowCounts(t, s, a.ID) {
		if c != 0 {
			t.Errorf("%d rows of the deleted article left in %s", c, table)
		}
	}
	if got := rowCounts(t, s, other.ID); !reflect.DeepEqual(got, otherBefore) {
		t.Errorf("the live article lost rows: %v, had %v", got, otherBefore)
	}
	if err := s.RestoreFromTrash(ctx, a.ID, "ed"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("restore after emptying: %v", err)
	}
	// Its slug is free again.
	if err := s.CreateArticle(ctx, sample("kerry"), "ann"); err != nil {
		t.Errorf("reuse the slug after emptying: %v", err)
	}
}

// Migration 0006 forgets the last check of a mark cleared on purpose, so
// the digest rule cannot bring it back; a revoked mark keeps its digest.
func TestMigrationForgetsClearedChecks(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	cleared, revoked := sample("cleared"), sample("revoked")
	for _, a := range []*domain.Article{cleared, revoked} {
		if err := s.CreateArticle(ctx, a, "ann"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetFactCheck(ctx, a.ID, a.Version, "Fiona", true); err != nil {
			t.Fatal(err)
		}
	}
	// As the previous version left them: a cleared mark with its digest.
	if _, err := s.writer.Exec(`INSERT INTO article_events (article_id, at, who, kind) VALUES (?, 1, 'x', 'fact-check-cleared')`, cleared.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.writer.Exec(`INSERT INTO article_events (article_id, at, who, kind) VALUES (?, 1, 'x', 'fact-check-revoked')`, revoked.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.writer.Exec(`UPDATE articles SET fc_checked = 0`); err != nil {
		t.Fatal(err)
	}
	sql := mustMigration(t, 6)
	if _, err := s.writer.Exec(sql[strings.Index(sql, "UPDATE articles SET fc_digest"):]); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id         int64
		wantDigest bool
	}{{cleared.ID, false}, {revoked.ID, true}} {
		var digest, by string
		if err := s.reader.QueryRow(`SELECT fc_digest, fc_by FROM articles WHERE id = ?`, c.id).Scan(&digest, &by); err != nil {
			t.Fatal(err)
		}
		if (digest != "") != c.wantDigest || (by != "") != c.wantDigest {
			t.Errorf("article %d: digest %q by %q, want kept %v", c.id, digest, by, c.wantDigest)
		}
	}
}

// mustMigration returns the text of migration version v.
func mustMigration(t *testing.T, v int) string {
	t.Helper()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.version == v {
			return m.sql
		}
	}
	t.Fatalf("no migration %d", v)
	return ""
}
