package importer

import (
	"testing"

	"newsroom/domain"
)

func TestImportedReasons(t *testing.T) {
	for _, tc := range []struct {
		status domain.CommentStatus
		want   string
	}{
		{domain.CommentPending, "awaiting moderation on the WordPress site it was imported from"},
		{domain.CommentSpam, "marked spam on the WordPress site it was imported from"},
		{domain.CommentApproved, ""},
		{domain.CommentTrash, ""},
	} {
		got := importedReasons(tc.status)
		if (tc.want == "" && got != nil) || (tc.want != "" && (len(got) != 1 || got[0] != tc.want)) {
			t.Errorf("%s: %q, want %q", tc.status, got, tc.want)
		}
	}
}
