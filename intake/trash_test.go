package intake

import (
	"context"
	"testing"
)

// A trashed article takes no comments: intake finds no published article
// by its slug, and nothing is stored.
func TestCommentOnTrashedArticleRefused(t *testing.T) {
	f := newFixture(t, Options{})
	if w := f.postJSON(form("Dee", "dee@example.org", "Before the trash."), "198.51.100.7"); w.Code >= 400 {
		t.Fatalf("a comment on the live article: %d %s", w.Code, w.Body.String())
	}
	before := countComments(t, f.store, f.article.ID)
	if err := f.store.TrashArticle(context.Background(), f.article.ID, "ed"); err != nil {
		t.Fatal(err)
	}
	w := f.postJSON(form("Eve", "eve@example.org", "After the trash."), "198.51.100.8")
	if w.Code != 404 {
		t.Fatalf("a comment on a trashed article: status %d, want 404; %s", w.Code, w.Body.String())
	}
	if n := countComments(t, f.store, f.article.ID); n != before {
		t.Errorf("comments on the trashed article: %d, want %d", n, before)
	}
}
