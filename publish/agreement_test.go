package publish

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/markup"
)

// agreementCases are bodies on which the renderer, the attribution check,
// the export warnings and the editor's panels once disagreed, or could.
// want lists the finding kinds the check must give, in order.
var agreementCases = []struct {
	name string
	body string
	want []string
}{
	{"excerpt keyword capitalised, known source", "> [!Excerpt Reuters]\n> Iran will be discussed.", nil},
	{"excerpt keyword capitalised, unknown source", "> [!Excerpt The Times]\n> Iran will be discussed.", []string{domain.FindingExcerptUnknownSource}},
	{"excerpt in a list item's blockquote", "- item\n\n  > [!excerpt Reuters]\n  > Text.", nil},
	{"excerpt without a name", "> [!excerpt]\n> Text.", []string{domain.FindingMarkerAsText}},
	{"excerpt marker with text after it", "> [!excerpt Reuters] said so\n> Text.", []string{domain.FindingMarkerAsText}},
	{"excerpt marker outside a blockquote", "[!excerpt Reuters]\n\nText.", []string{domain.FindingMarkerAsText}},
	{"quote ref of two words", "Intro.\n\n{{quote two words}}", []string{domain.FindingQuoteUnknownRef}},
	{"quote marker without ref", "{{quote}}", []string{domain.FindingQuoteUnknownRef}},
	{"quote keyword in capitals, spaced", "{{ QUOTE harf }}", nil},
	{"quote marker inside a sentence", "He said {{quote harf}} loudly.", []string{domain.FindingMarkerAsText}},
	{"quote marker in a code span", "Write `{{quote lavrov}}` to place it.", nil},
	{"quote marker in an indented code block", "Intro.\n\n    {{quote lavrov}}", nil},
	{"quote marker in a blockquote", "> {{quote lavrov}}", []string{domain.FindingQuoteUnknownRef}},
	{"embed of a bad address", "{{embed javascript:alert(1)}}", []string{domain.FindingMarkerAsText}},
	{"embed of a video", "{{embed https://www.youtube.com/watch?v=dQw4w9WgXcQ}}", nil},
	{"callout", "> [!NOTE]\n> “The talks will go on for days.”", []string{domain.FindingUnattributedQuote}},
}

// codeElements are code spans and blocks on a page, where marker syntax
// is shown as code on purpose.
var codeElements = regexp.MustCompile(`(?s)<code>.*?</code>`)

// TestRendererCheckAndExportAgree feeds each agreement case to the page
// renderer, the attribution check and the export, and requires them to
// tell the same story: a missing quote on the page is a finding and an
// export warning, a credited excerpt on the page is an excerpt the check
// (and the sources panel) sees, marker syntax printed as text is a
// finding, and nothing else is.
func TestRendererCheckAndExportAgree(t *testing.T) {
	for _, tt := range agreementCases {
		t.Run(tt.name, func(t *testing.T) {
			a := sampleArticle()
			a.Body = tt.body
			html, err := RenderBody(&a)
			if err != nil {
				t.Fatal(err)
			}
			findings := markup.CheckAttribution(&a)
			count := map[string]int{}
			var kinds []string
			for _, f := range findings {
				count[f.Kind]++
				kinds = append(kinds, f.Kind)
			}
			if fmt.Sprint(kinds) != fmt.Sprint(tt.want) {
				t.Errorf("findings %v, want %v: %+v", kinds, tt.want, findings)
			}
			if got := strings.Count(html, `class="missing-quote"`); got != count[domain.FindingQuoteUnknownRef] {
				t.Errorf("page shows %d missing quotes, the check reports %d\n%s", got, count[domain.FindingQuoteUnknownRef], html)
			}
			marks := markup.BodyMarks(&a)
			if got := strings.Count(html, `<figure class="excerpt">`); got != len(marks.Excerpts) {
				t.Errorf("page shows %d credited excerpts, the check reads %d\n%s", got, len(marks.Excerpts), html)
			}
			for _, e := range marks.Excerpts {
				if !markup.CreditsExcerpt(&a, e.Name) {
					t.Errorf("the sources panel does not see the excerpt credited to %q", e.Name)
				}
			}
			outsideCode := codeElements.ReplaceAllString(html, "")
			literal := strings.Contains(outsideCode, "{{") || strings.Contains(strings.ToLower(outsideCode), "[!excerpt") ||
				strings.Contains(outsideCode, `class="missing-embed"`)
			if literal != (count[domain.FindingMarkerAsText] > 0) {
				t.Errorf("page prints marker syntax: %v; the check reports it: %v\n%s", literal, count[domain.FindingMarkerAsText] > 0, html)
			}

			src := &fakeSource{articles: []domain.Article{a}}
			opt := baseExportOptions()
			opt.Check = func(a *domain.Article) []string {
				var out []string
				for _, f := range markup.AttributionFindings(a) {
					out = append(out, f.Kind)
				}
				return out
			}
			rep := mustExport(t, src, t.TempDir(), opt)
			warnings := strings.Join(rep.Warnings, "\n")
			if placed := strings.Count(warnings, "places quote"); placed != count[domain.FindingQuoteUnknownRef] {
				t.Errorf("export warns of %d missing quotes, the check reports %d:\n%s", placed, count[domain.FindingQuoteUnknownRef], warnings)
			}
			for _, k := range tt.want {
				if !strings.Contains(warnings, k) {
					t.Errorf("export warnings lack %s:\n%s", k, warnings)
				}
			}
		})
	}
}
