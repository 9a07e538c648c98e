package editor

import (
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/markup"
)

// TestPreviewAgreesWithCheck feeds bodies on which the preview, the check
// and the sources panel once read the grammar differently, and requires
// the preview's missing quotes and credited excerpts to be the check's.
func TestPreviewAgreesWithCheck(t *testing.T) {
	bodies := []string{
		"> [!Excerpt The Guardian]\n> Text.",
		"> [!excerpt]\n> Text.",
		"{{quote two words}}",
		"{{quote}}",
		"{{ QUOTE harf }}",
		"He said {{quote harf}} loudly.",
		"- item\n\n  > [!excerpt The Guardian]\n  > Text.",
		"> [!excerpt Pravda]\n> Text.",
	}
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for _, body := range bodies {
		a := previewArticle()
		a.Body = body
		text := previewText(a, now)
		unknown := 0
		for _, f := range markup.CheckAttribution(a) {
			if f.Kind == domain.FindingQuoteUnknownRef {
				unknown++
			}
		}
		if got := strings.Count(text, "Missing quote:"); got != unknown {
			t.Errorf("body %q: preview shows %d missing quotes, the check reports %d\n%s", body, got, unknown, text)
		}
		excerpts := markup.BodyMarks(a).Excerpts
		if got := strings.Count(text, " reports:"); got != len(excerpts) {
			t.Errorf("body %q: preview shows %d credited excerpts, the check reads %d\n%s", body, got, len(excerpts), text)
		}
		for _, e := range excerpts {
			if !markup.CreditsExcerpt(a, e.Name) {
				t.Errorf("body %q: the sources panel does not see the excerpt credited to %q", body, e.Name)
			}
		}
	}
}
