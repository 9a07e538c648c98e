package storage

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"newsroom/domain"
)

func TestEmptyDraftIsReused(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	desk, otherWindow := twoDesks(t, f, "rita", "rita")
	const rita = "Rita Reporter"
	empty := func(slug string) *domain.Article {
		t.Helper()
		a := &domain.Article{Slug: slug, Byline: rita, Status: domain.StatusDraft}
		if err := desk.CreateArticle(ctx, a, "rita"); err != nil {
			t.Fatal(err)
		}
		return a
	}
	want := func(what string, id int64) {
		t.Helper()
		got, err := desk.EmptyDraft(ctx, rita)
		if id == 0 {
			if !errors.Is(err, domain.ErrNotFound) {
				t.Fatalf("%s: found %d (%v), want none", what, got, err)
			}
			return
		}
		if err != nil || got != id {
			t.Fatalf("%s: found %d (%v), want %d", what, got, err, id)
		}
	}
	want("no empty draft yet (rita's fixture article has text)", 0)
	older := empty("untitled-1")
	newer := empty("untitled-2")
	want("two empty drafts", newer.ID)
	if _, err := desk.EmptyDraft(ctx, "Ed Editor"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("another byline's empty draft: %v", err)
	}

	// Open in another window of hers: not offered; open in this one: offered.
	if _, err := otherWindow.AcquireLock(ctx, newer.ID); err != nil {
		t.Fatal(err)
	}
	want("the newer one is open in another window", older.ID)
	if err := otherWindow.ReleaseLock(ctx, newer.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := desk.AcquireLock(ctx, newer.ID); err != nil {
		t.Fatal(err)
	}
	want("the newer one is open in this window", newer.ID)
	if err := desk.ReleaseLock(ctx, newer.ID); err != nil {
		t.Fatal(err)
	}

	// Anything written makes it a story, not an empty draft.
	for i, change := range []struct {
		what string
		edit func(a *domain.Article)
	}{
		{"a headline", func(a *domain.Article) { a.Headline = "Harbour budget" }},
		{"tags", func(a *domain.Article) { a.Keywords = []string{"Harbour"} }},
		{"a body typed then removed (version 3)", nil},
		{"a quote", func(a *domain.Article) {
			a.Body = "{{quote q}}"
			a.Quotes = []domain.Quote{{Ref: "q", Text: "We will build it.", Speaker: "Mayor"}}
		}},
	} {
		a := empty(fmt.Sprintf("untitled-change-%d", i))
		want("a fresh one before "+change.what, a.ID)
		if change.edit == nil {
			a.Body = "Draft"
			if _, err := desk.SaveArticle(ctx, a, "rita"); err != nil {
				t.Fatal(err)
			}
			a.Body = ""
		} else {
			change.edit(a)
		}
		if _, err := desk.SaveArticle(ctx, a, "rita"); err != nil {
			t.Fatalf("save %s: %v", change.what, err)
		}
		want("after "+change.what, newer.ID)
	}
	if err := desk.TrashArticle(ctx, newer.ID, "rita"); err != nil {
		// A reporter may not delete: an editor does it.
		signIn(t, desk, "ed")
		if err := desk.TrashArticle(ctx, newer.ID, "ed"); err != nil {
			t.Fatal(err)
		}
		signIn(t, desk, "rita")
	}
	want("the newer one in the trash", older.ID)
}
