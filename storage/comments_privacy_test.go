package storage

import (
	"context"
	"testing"
	"time"

	"newsroom/domain"
)

func addTestComment(t *testing.T, s *Store, articleID int64, author, email, body string, at time.Time) *domain.Comment {
	t.Helper()
	c := &domain.Comment{ArticleID: articleID, Author: author, Email: email, URL: "https://" + author + ".example/", Body: body,
		Status: domain.CommentApproved, SubmittedAt: at, ClientAddr: "203.0.113.9", UserAgent: "Firefox/140"}
	if err := s.AddComment(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCommentPersonalDataExportAndErase(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := publishedSample(t, s, "kerry")
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	mine := addTestComment(t, s, a.ID, "mallory", "Mallory@Example.com", "First.", at)
	addTestComment(t, s, a.ID, "mallory", "mallory@example.com", "Second.", at.Add(time.Hour))
	other := addTestComment(t, s, a.ID, "carol", "carol@example.com", "Other.", at)

	list, err := s.CommentsByEmail(ctx, " MALLORY@example.com ")
	if err != nil || len(list) != 2 || list[0].Body != "First." || list[0].ClientAddr != "203.0.113.9" || list[0].UserAgent != "Firefox/140" {
		t.Fatalf("export: %+v %v", list, err)
	}
	if _, err := s.CommentsByEmail(ctx, " "); err == nil {
		t.Error("export without an email succeeded")
	}

	n, err := s.EraseCommentsByEmail(ctx, "mallory@example.com", false)
	if err != nil || n != 2 {
		t.Fatalf("erase: %d %v", n, err)
	}
	got, err := s.GetComment(ctx, mine.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Author != AnonymousAuthor || got.Email != "" || got.URL != "" || got.ClientAddr != "" || got.UserAgent != "" || got.Body != "First." {
		t.Errorf("anonymised comment = %+v", got)
	}
	if left, _ := s.CommentsByEmail(ctx, "mallory@example.com"); len(left) != 0 {
		t.Errorf("still found by email: %+v", left)
	}
	if c, _ := s.GetComment(ctx, other.ID); c.Author != "carol" || c.ClientAddr == "" {
		t.Errorf("another reader's comment changed: %+v", c)
	}

	n, err = s.EraseCommentsByEmail(ctx, "carol@example.com", true)
	if err != nil || n != 1 {
		t.Fatalf("remove: %d %v", n, err)
	}
	if _, err := s.GetComment(ctx, other.ID); err == nil {
		t.Error("removed comment still there")
	}
}

func TestCommentRetentionClearsOldAddresses(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	a := publishedSample(t, s, "kerry")
	old := addTestComment(t, s, a.ID, "old", "old@example.com", "Old.", now.AddDate(0, 0, -31))
	recent := addTestComment(t, s, a.ID, "new", "new@example.com", "New.", now.AddDate(0, 0, -29))

	if n, err := s.ApplyCommentRetention(ctx); err != nil || n != 0 {
		t.Fatalf("without a setting: %d %v", n, err)
	}
	if err := s.SetSetting(ctx, SettingCommentRetentionDays, "30"); err != nil {
		t.Fatal(err)
	}
	if n, err := s.ApplyCommentRetention(ctx); err != nil || n != 1 {
		t.Fatalf("retention: %d %v", n, err)
	}
	o, _ := s.GetComment(ctx, old.ID)
	r, _ := s.GetComment(ctx, recent.ID)
	if o.ClientAddr != "" || o.UserAgent != "" || o.Author != "old" || o.Email != "old@example.com" {
		t.Errorf("old comment = %+v", o)
	}
	if r.ClientAddr == "" || r.UserAgent == "" {
		t.Errorf("recent comment lost its address: %+v", r)
	}
	if err := s.SetSetting(ctx, SettingCommentRetentionDays, "a month"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyCommentRetention(ctx); err == nil {
		t.Error("a retention setting that is not a number was accepted")
	}
}
