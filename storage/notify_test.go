package storage

import (
	"context"
	"testing"
	"time"

	"newsroom/domain"
)

// TestChangesAreHeardAcrossStores: a comment added through one store (one
// desk) moves the other store's counter within a second; on PostgreSQL
// that value is heard through LISTEN/NOTIFY, not read by a query.
func TestChangesAreHeardAcrossStores(t *testing.T) {
	s1, path := openTemp(t)
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ctx := context.Background()
	a := sample("watched")
	if err := s1.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	if s2.watcher != nil {
		waitFor(t, func() bool { _, ok := s2.watcher.counter("comments"); return ok })
	}
	before, err := s2.ChangeCounter(ctx, "comments")
	if err != nil {
		t.Fatal(err)
	}
	if err := s1.AddComment(ctx, &domain.Comment{ArticleID: a.ID, Author: "r", Body: "hi", Status: domain.CommentPending}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool {
		n, err := s2.ChangeCounter(ctx, "comments")
		return err == nil && n > before
	})
	if s2.watcher != nil {
		if s2.watcher.heard.Load() == 0 {
			t.Fatal("the change was not heard through NOTIFY")
		}
		if _, ok := s2.watcher.counter("comments"); !ok {
			t.Fatal("the counter is not served from what was heard")
		}
	}
}

// waitFor polls cond for up to a second.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("not within 1 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
