package domain

import (
	"strings"
	"unicode/utf8"
)

// SlugWithSuffix appends suffix (such as "-2") to slug, first cutting
// slug on a rune boundary (and dropping hyphens left at the cut) so the
// result stays within MaxSlugLen. Every importer and store that makes a
// slug unique goes through it, so the cut is the same everywhere.
func SlugWithSuffix(slug, suffix string) string {
	return CutSlug(slug, MaxSlugLen-len(suffix)) + suffix
}

// CutSlug shortens slug to at most max bytes on a rune boundary, without
// a hyphen at its end.
func CutSlug(slug string, max int) string {
	if max < 0 {
		max = 0
	}
	if len(slug) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(slug[cut]) {
			cut--
		}
		slug = slug[:cut]
	}
	return strings.TrimRight(slug, "-")
}
