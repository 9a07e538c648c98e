package domain

import (
	"strings"
	"testing"
)

func TestSlugWithSuffix(t *testing.T) {
	long := strings.Repeat("a", MaxSlugLen)
	accented := strings.Repeat("é", MaxSlugLen/2) // 2 bytes each
	hyphenAtCut := strings.Repeat("a", MaxSlugLen-3) + "-bb"
	for _, tc := range []struct{ slug, suffix, want string }{
		{"hello", "-2", "hello-2"},
		{long, "-2", strings.Repeat("a", MaxSlugLen-2) + "-2"},
		{accented, "-13", strings.Repeat("é", (MaxSlugLen-3)/2) + "-13"},
		{hyphenAtCut, "-12", strings.Repeat("a", MaxSlugLen-3) + "-12"},
	} {
		got := SlugWithSuffix(tc.slug, tc.suffix)
		if got != tc.want {
			t.Errorf("SlugWithSuffix(%.20q…, %q) = %.20q… (%d bytes), want %d bytes", tc.slug, tc.suffix, got, len(got), len(tc.want))
		}
		if err := ValidateSlug(got); err != nil {
			t.Errorf("SlugWithSuffix(%.20q…) = invalid slug: %v", tc.slug, err)
		}
	}
}
