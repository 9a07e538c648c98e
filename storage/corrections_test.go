package storage

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

// publishedSample stores a published sample article.
func publishedSample(t *testing.T, s *Store, slug string) *domain.Article {
	t.Helper()
	a := sample(slug)
	a.Status = domain.StatusPublished
	a.PublishedAt = time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	if err := s.CreateArticle(context.Background(), a, "ann"); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAddCorrectionAppendsAndRecordsHistory(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	clock := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return clock })
	a := publishedSample(t, s, "kerry")
	other := publishedSample(t, s, "other")

	c1, err := s.AddCorrection(ctx, a.ID, domain.CorrectionFix, "  Marie Harf's title was wrong.  ", "Desk")
	if err != nil {
		t.Fatal(err)
	}
	if c1.ID == 0 || c1.Text != "Marie Harf's title was wrong." || !c1.At.Equal(clock) || c1.By != "Desk" {
		t.Errorf("stored note = %+v", c1)
	}
	clock = clock.Add(time.Hour)
	if _, err := s.AddCorrection(ctx, a.ID, domain.CorrectionUpdate, "The talks ended on Friday.", "Desk"); err != nil {
		t.Fatal(err)
	}
	log, err := s.Corrections(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Kind != domain.CorrectionFix || log[1].Kind != domain.CorrectionUpdate || !log[1].At.Equal(clock) {
		t.Fatalf("log = %+v", log)
	}
	if got, _ := s.Corrections(ctx, other.ID); len(got) != 0 {
		t.Errorf("other article's log = %+v", got)
	}

	// The article itself is untouched: same version, still published, and
	// it loads with its log.
	got, err := s.GetArticle(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != a.Version || got.Status != domain.StatusPublished || len(got.Corrections) != 2 {
		t.Errorf("after notes: version %d (was %d), status %s, %d notes", got.Version, a.Version, got.Status, len(got.Corrections))
	}
	// A save of the working copy keeps the log.
	got.Headline = "Kerry meets Putin"
	if _, err := s.SaveArticle(ctx, got, "ann"); err != nil {
		t.Fatal(err)
	}
	if log, _ := s.Corrections(ctx, a.ID); len(log) != 2 {
		t.Errorf("a save changed the log: %+v", log)
	}

	events, err := s.History(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, e := range events {
		if e.Kind == domain.EventCorrection {
			notes = append(notes, e.Who+"|"+e.Detail)
		}
	}
	if strings.Join(notes, "\n") != "Desk|Correction: Marie Harf's title was wrong.\nDesk|Update: The talks ended on Friday." {
		t.Errorf("history notes = %q", notes)
	}

	// Export readers carry the logs.
	sums, err := s.ExportSummaries(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, sm := range sums {
		if want := map[string]int{"kerry": 2, "other": 0}[sm.Slug]; len(sm.Corrections) != want {
			t.Errorf("summary %s has %d notes, want %d", sm.Slug, len(sm.Corrections), want)
		}
	}
	full, err := s.ArticlesByID(ctx, []int64{a.ID, other.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range full {
		if want := map[string]int{"kerry": 2, "other": 0}[f.Slug]; len(f.Corrections) != want {
			t.Errorf("full %s has %d notes, want %d", f.Slug, len(f.Corrections), want)
		}
	}
}

func TestAddCorrectionRefusals(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	draft := sample("draft")
	if err := s.CreateArticle(ctx, draft, "ann"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCorrection(ctx, draft.ID, domain.CorrectionFix, "x", "Desk"); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("note on a draft: %v, want ErrInvalid", err)
	}
	if _, err := s.AddCorrection(ctx, 9999, domain.CorrectionFix, "x", "Desk"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("note on a missing article: %v, want ErrNotFound", err)
	}
	pub := publishedSample(t, s, "pub")
	if _, err := s.AddCorrection(ctx, pub.ID, "retraction", "x", "Desk"); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("unknown kind: %v, want ErrInvalid", err)
	}
	if _, err := s.AddCorrection(ctx, pub.ID, domain.CorrectionFix, " ", "Desk"); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("empty text: %v, want ErrInvalid", err)
	}
	if log, _ := s.Corrections(ctx, pub.ID); len(log) != 0 {
		t.Errorf("refused notes were stored: %+v", log)
	}
	events, _ := s.History(ctx, draft.ID)
	if len(events) != 0 {
		t.Errorf("refused note recorded in history: %+v", events)
	}
}

func TestCorrectionsAreAppendOnly(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := publishedSample(t, s, "kerry")
	if _, err := s.AddCorrection(ctx, a.ID, domain.CorrectionFix, "Original note.", "Desk"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.writer.ExecContext(ctx, `UPDATE corrections SET text = 'rewritten'`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("UPDATE of a note: %v, want the append-only refusal", err)
	}
	if _, err := s.writer.ExecContext(ctx, `DELETE FROM corrections`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("DELETE of a note: %v, want the append-only refusal", err)
	}
	if log, _ := s.Corrections(ctx, a.ID); len(log) != 1 || log[0].Text != "Original note." {
		t.Errorf("log after refused changes = %+v", log)
	}
	// Deleting the whole article still works and takes its log along.
	if err := trashAndEmpty(ctx, s, a.ID); err != nil {
		t.Fatalf("delete a corrected article: %v", err)
	}
	var n int
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM corrections`).Scan(&n); err != nil || n != 0 {
		t.Errorf("notes left after deleting the article: %d (%v)", n, err)
	}
}

func TestSectionAndKindRoundTrip(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	a := publishedSample(t, s, "view")
	a.Section, a.Kind = "Comment", domain.KindOpinion
	if _, err := s.SaveArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.GetArticle(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Section != "Comment" || got.Kind != domain.KindOpinion || got.StoredDigest != domain.ContentDigest(got) {
		t.Errorf("reloaded: section %q, kind %q, digest ok %v", got.Section, got.Kind, got.StoredDigest == domain.ContentDigest(got))
	}
	sums, err := s2.ExportSummaries(ctx, false)
	if err != nil || len(sums) != 1 {
		t.Fatal(sums, err)
	}
	sm := sums[0]
	if sm.Section != "Comment" || sm.Kind != domain.KindOpinion || sm.Byline != "Staff reporter" || strings.Join(sm.Keywords, ",") != "Russia,Diplomacy" || sm.Body != "" {
		t.Errorf("summary: %+v", sm)
	}
	// A change of kind alone is a change (saved, digest moves).
	got.Kind = domain.KindAnalysis
	res, err := s2.SaveArticle(ctx, got, "ann")
	if err != nil || !res.Changed || got.StoredDigest == sm.StoredDigest {
		t.Errorf("kind change: %+v %v", res, err)
	}
}
