package domain

import (
	"reflect"
	"strings"
	"testing"
)

func TestSiteURLRules(t *testing.T) {
	tests := []struct {
		in             string
		base, comments bool // accepted as
	}{
		{"", true, true},
		{"https://news.example", true, true},
		{"HTTPS://news.example/x", true, true},
		{"http://localhost:8080/c", true, true},
		{" https://news.example ", true, true},
		{"/comments", false, true},
		{"//evil.example/c", false, false},
		{"/a b", false, false},
		{"news.example", false, false},
		{"javascript:alert(1)", false, false},
		{"https://news.example/a b", false, false},
		{"https://user:pw@news.example/", false, false},
		{"https://news.example/\"onmouseover", false, false},
		{"https://" + strings.Repeat("a", 2050) + ".example", false, false},
	}
	for _, tc := range tests {
		if got := CheckBaseURL(tc.in) == nil; got != tc.base {
			t.Errorf("CheckBaseURL(%q) accepted=%v, want %v", tc.in, got, tc.base)
		}
		if got := CheckCommentsURL(tc.in) == nil; got != tc.comments {
			t.Errorf("CheckCommentsURL(%q) accepted=%v, want %v", tc.in, got, tc.comments)
		}
		if got := (Site{BaseURL: tc.in, CommentsURL: "/c"}).Validate() == nil; got != tc.base {
			t.Errorf("Site{BaseURL: %q}.Validate accepted=%v, want %v", tc.in, got, tc.base)
		}
	}
	if err := (Site{BaseURL: "ftp://x", CommentsURL: "//y"}).Validate(); err == nil ||
		!strings.Contains(err.Error(), "base URL") || !strings.Contains(err.Error(), "comments URL") {
		t.Errorf("Validate of two bad URLs says %v, want both named", err)
	}
}

func TestSiteDefaults(t *testing.T) {
	tests := []struct {
		in, want Site
	}{
		{Site{}, Site{Title: DefaultSiteTitle, PublisherName: DefaultSiteTitle}},
		{Site{Title: " The Daily Test "}, Site{Title: "The Daily Test", PublisherName: "The Daily Test"}},
		{Site{Title: "Daily", PublisherName: "Daily Media", BaseURL: " https://x.example "},
			Site{Title: "Daily", PublisherName: "Daily Media", BaseURL: "https://x.example"}},
		{Site{PublisherName: "Media Group"}, Site{Title: DefaultSiteTitle, PublisherName: "Media Group"}},
	}
	for _, tc := range tests {
		if got := tc.in.WithDefaults(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%+v.WithDefaults() = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}
