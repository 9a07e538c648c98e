package storage

import (
	"context"
	"reflect"
	"testing"

	"newsroom/domain"
)

func TestSiteRoundTripAndRefusal(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if got, err := s.Site(ctx); err != nil || !reflect.DeepEqual(got, domain.Site{Style: domain.DefaultStyleSettings()}) {
		t.Fatalf("a new database's site is %+v (%v), want empty", got, err)
	}
	want := domain.Site{Title: "The Daily Test", PublisherName: "Test Media", BaseURL: "https://news.example", CommentsURL: "/comments",
		Style: domain.DefaultStyleSettings()}
	if err := s.SetSite(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Site(ctx); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("Site() = %+v (%v), want %+v", got, err, want)
	}
	if v, _ := s.Setting(ctx, SettingPublisherName, ""); v != "Test Media" {
		t.Fatalf("publisher stored under %q reads %q", SettingPublisherName, v)
	}
	bad := want
	bad.Title, bad.CommentsURL = "Changed", "javascript:alert(1)"
	if err := s.SetSite(ctx, bad); err == nil {
		t.Fatal("a bad comments URL was saved")
	}
	if got, _ := s.Site(ctx); !reflect.DeepEqual(got, want) {
		t.Fatalf("a refused save changed the site to %+v", got)
	}
}
