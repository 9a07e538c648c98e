package storage

import (
	"context"
	"errors"
	"testing"

	"newsroom/domain"
)

// TestGetArticleReadsOneSnapshot saves a new version with other quotes
// from a second connection between the reads of one GetArticle: what it
// returns is the old version whole, never the old row with the new quotes.
func TestGetArticleReadsOneSnapshot(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	a := sample("snapshot")
	if err := s.CreateArticle(ctx, a, "alice"); err != nil {
		t.Fatal(err)
	}
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	saved := false
	testHookBetweenArticleReads = func() {
		if saved {
			return
		}
		saved = true
		b, err := other.GetArticle(ctx, a.ID)
		if err != nil {
			t.Error(err)
			return
		}
		b.Quotes[0].Text = "A newer statement."
		if _, err := other.SaveArticle(ctx, b, "bob"); err != nil {
			t.Error(err)
		}
	}
	t.Cleanup(func() { testHookBetweenArticleReads = nil })
	got, err := s.GetArticle(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !saved {
		t.Fatal("the hook did not run")
	}
	if got.Version != 1 || got.Quotes[0].Text != a.Quotes[0].Text {
		t.Fatalf("read version %d with quote %q: not one snapshot", got.Version, got.Quotes[0].Text)
	}
	testHookBetweenArticleReads = nil
	if now, _ := s.GetArticle(ctx, a.ID); now.Version != 2 || now.Quotes[0].Text != "A newer statement." {
		t.Fatalf("after the read: version %d, quote %q", now.Version, now.Quotes[0].Text)
	}
}

// TestDistinctWriteErrors: a stale version, a taken slug and an origin
// already imported each give their own error, and none passes for another.
func TestDistinctWriteErrors(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	first := sample("first")
	first.Origin = "wxr:https://old.example/?p=1"
	if err := s.CreateArticle(ctx, first, "alice"); err != nil {
		t.Fatal(err)
	}
	second := sample("second")
	if err := s.CreateArticle(ctx, second, "alice"); err != nil {
		t.Fatal(err)
	}
	all := []error{domain.ErrConflict, domain.ErrSlugTaken, domain.ErrOriginTaken}
	only := func(t *testing.T, what string, err, want error) {
		t.Helper()
		for _, e := range all {
			if errors.Is(err, e) != (e == want) {
				t.Errorf("%s: %v; errors.Is(%v) = %v", what, err, e, errors.Is(err, e))
			}
		}
	}

	sameOrigin := sample("third")
	sameOrigin.Origin = first.Origin
	only(t, "same origin", s.CreateArticle(ctx, sameOrigin, "alice"), domain.ErrOriginTaken)
	only(t, "same slug", s.CreateArticle(ctx, sample("first"), "alice"), domain.ErrSlugTaken)

	renamed := *second
	renamed.Slug = "first"
	_, err := s.SaveArticle(ctx, &renamed, "alice")
	only(t, "renamed to a taken slug", err, domain.ErrSlugTaken)

	stale := *second
	stale.Version = 0
	stale.Headline = "Stale"
	_, err = s.SaveArticle(ctx, &stale, "alice")
	only(t, "stale version", err, domain.ErrConflict)
}
