package importer

import (
	"testing"

	"newsroom/domain"
)

func TestWXRStatus(t *testing.T) {
	tests := []struct {
		status, password string
		want             domain.Status
		skip             string
	}{
		{"publish", "", domain.StatusPublished, ""},
		{"future", "", domain.StatusPublished, ""},
		{"draft", "", domain.StatusDraft, ""},
		{"pending", "", domain.StatusReview, ""},
		{"private", "", domain.StatusDraft, ""},
		{"publish", "enter", domain.StatusDraft, ""},
		{"future", "secret", domain.StatusDraft, ""},
		{"pending", "secret", domain.StatusDraft, ""},
		{" Publish ", "", domain.StatusPublished, ""},
		{"inherit", "", domain.StatusDraft, ""},
		{"something-new", "", domain.StatusDraft, ""},
		{"trash", "", "", "trashed post"},
		{"auto-draft", "", "", "auto-draft"},
	}
	for _, tt := range tests {
		got, skip := wxrStatus(tt.status, tt.password)
		if got != tt.want || skip != tt.skip {
			t.Errorf("wxrStatus(%q, %q) = %q, %q; want %q, %q", tt.status, tt.password, got, skip, tt.want, tt.skip)
		}
	}
}

func TestCommentStatusAndType(t *testing.T) {
	statuses := []struct {
		in   string
		want domain.CommentStatus
	}{
		{"1", domain.CommentApproved},
		{"0", domain.CommentPending},
		{"", domain.CommentPending},
		{"spam", domain.CommentSpam},
		{"trash", domain.CommentTrash},
		{"post-trashed", domain.CommentTrash},
		{"SPAM", domain.CommentSpam},
	}
	for _, tt := range statuses {
		if got := commentStatus(tt.in); got != tt.want {
			t.Errorf("commentStatus(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	types := []struct {
		in   string
		want domain.CommentType
	}{
		{"", domain.TypeComment},
		{"comment", domain.TypeComment},
		{"pingback", domain.TypePingback},
		{"trackback", domain.TypeTrackback},
		{"note", domain.TypeComment},
	}
	for _, tt := range types {
		if got := commentType(tt.in); got != tt.want {
			t.Errorf("commentType(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWPTime(t *testing.T) {
	tests := []struct {
		gmt, local, want string
		wantErr          bool
	}{
		{"2012-01-04 16:38:05", "2012-01-04 09:38:05", "2012-01-04T16:38:05Z", false},
		{"0000-00-00 00:00:00", "2013-04-09 11:20:39", "2013-04-09T11:20:39Z", false},
		{"", "", "0001-01-01T00:00:00Z", false},
		{"0000-00-00 00:00:00", "0000-00-00 00:00:00", "0001-01-01T00:00:00Z", false},
		{"yesterday", "", "", true},
	}
	for _, tt := range tests {
		got, err := wpTime(tt.gmt, tt.local)
		if (err != nil) != tt.wantErr {
			t.Errorf("wpTime(%q, %q) error = %v, want error %v", tt.gmt, tt.local, err, tt.wantErr)
			continue
		}
		if err == nil && got.Format("2006-01-02T15:04:05Z07:00") != tt.want {
			t.Errorf("wpTime(%q, %q) = %v, want %s", tt.gmt, tt.local, got, tt.want)
		}
	}
}
