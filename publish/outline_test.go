package publish

import (
	"regexp"
	"strings"
	"testing"
)

func TestBodyHeadingsPlacedUnderTheHeadline(t *testing.T) {
	levels := regexp.MustCompile(`<h([1-6])[ >]`)
	for _, tc := range []struct {
		name, body, want string
	}{
		{"starts at h3", "### A\n\ntext\n\n#### B\n\n### C", "2 3 2"},
		{"uses h1", "# A\n\n## B", "2 3"},
		{"skips a level", "## A\n\n#### B\n\n###### C\n\n## D", "2 3 4 2"},
		{"deeper first", "#### A\n\n## B\n\n### C", "2 2 3"},
		{"already fine", "## A\n\n### B", "2 3"},
		{"no headings", "Just text.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := sampleArticle()
			a.Body = tc.body
			html, err := RenderBody(&a)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range levels.FindAllStringSubmatch(html, -1) {
				got = append(got, m[1])
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("levels %v, want %s\n%s", got, tc.want, html)
			}
		})
	}
}
