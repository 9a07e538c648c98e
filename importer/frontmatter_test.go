package importer

import (
	"strings"
	"testing"
	"time"
)

// TestFrontMatterAsHugoAndJekyllWriteIt covers the front matter shapes
// real sites use.
func TestFrontMatterAsHugoAndJekyllWriteIt(t *testing.T) {
	tests := []struct {
		name, file, src string
		slug, title     string
		date            time.Time
		warning         string // a fragment of a warning, when one is expected
	}{
		{"json front matter", "post.md", "{\n  \"title\": \"JSON post\",\n  \"date\": \"2020-01-02T03:04:05Z\",\n  \"slug\": \"json-post\"\n}\n\nBody.\n",
			"json-post", "JSON post", time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC), ""},
		{"date with UTC name", "a.md", "---\ntitle: A\ndate: 2020-01-02 10:00:00 UTC\n---\n", "a", "A", time.Date(2020, 1, 2, 10, 0, 0, 0, time.UTC), ""},
		{"date with fraction and -0700", "a.md", "---\ntitle: A\ndate: 2021-03-04T05:06:07.123-0700\n---\n", "a", "A", time.Date(2021, 3, 4, 12, 6, 7, 123e6, time.UTC), ""},
		{"jekyll date with zone", "a.md", "---\ntitle: A\ndate: 2016-05-20 22:30:00 +0200\n---\n", "a", "A", time.Date(2016, 5, 20, 20, 30, 0, 0, time.UTC), ""},
		{"toml date plain", "a.md", "+++\ntitle = \"A\"\ndate = 2019-07-08\n+++\n", "a", "A", time.Date(2019, 7, 8, 0, 0, 0, 0, time.UTC), ""},
		{"hugo_build slug normalised", "a.md", "---\ntitle: A\nslug: hugo_build\ndate: 2020-01-01\n---\n", "hugo-build", "A", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{"slug with case and accents", "a.md", "---\ntitle: A\nslug: Café_Crème\ndate: 2020-01-01\n---\n", "cafe-creme", "A", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{"file name with underscores and case", "My_First_Post.md", "---\ntitle: A\ndate: 2020-01-01\n---\n", "my-first-post", "A", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{"jekyll title from file name", "_posts/2020-01-02-my-post.md", "---\nlayout: post\n---\nText\n", "my-post", "My Post", time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), "taken from the file name"},
		{"no front matter at all", "notes/getting-started.md", "# Getting started\n\nText.\n", "getting-started", "Getting Started", time.Time{}, "no front matter"},
		{"entities decoded twice", "a.md", "---\ntitle: \"Special&amp;nbsp;--- &lt;chars&gt;\"\ndate: 2020-01-01\n---\n", "a", "Special --- <chars>", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{"markdown removed from title", "a.md", "---\ntitle: \"Title *with* `code` and [a link](http://x)\"\ndate: 2020-01-01\n---\n", "a", "Title with code and a link", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{"control characters removed", "a.md", "---\ntitle: \"Bad\\u001b[31m red\\u0007 title\"\ndate: 2020-01-01\n---\n", "a", "Bad[31m red title", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{"no date: no time, warned", "a.md", "---\ntitle: A\n---\n", "a", "A", time.Time{}, "no date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, warns, err := ParseMarkdown(tt.file, []byte(tt.src))
			if err != nil {
				t.Fatalf("ParseMarkdown: %v", err)
			}
			if a.Slug != tt.slug || a.Headline != tt.title || !a.PublishedAt.Equal(tt.date) {
				t.Errorf("got slug %q, title %q, date %v; want %q, %q, %v", a.Slug, a.Headline, a.PublishedAt, tt.slug, tt.title, tt.date)
			}
			var all []string
			for _, w := range warns {
				all = append(all, w.Message)
				if w.Line < 1 {
					t.Errorf("warning without a line: %+v", w)
				}
			}
			joined := strings.Join(all, "\n")
			if tt.warning == "" && len(warns) > 0 || tt.warning != "" && !strings.Contains(joined, tt.warning) {
				t.Errorf("warnings %q, want %q", joined, tt.warning)
			}
		})
	}
}

// TestBodyControlCharacters removes terminal escapes from a body, saying
// where.
func TestBodyControlCharacters(t *testing.T) {
	a, warns, err := ParseMarkdown("a.md", []byte("---\ntitle: A\ndate: 2020-01-01\n---\nfine\nred \x1b[31malert\x07\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Body != "fine\nred [31malert\n" || len(warns) != 1 || warns[0].Line != 6 {
		t.Errorf("body %q, warnings %+v", a.Body, warns)
	}
}

// TestFrontMatterID identifies a file by its id field, so renaming it
// does not make a new article.
func TestFrontMatterID(t *testing.T) {
	a, _, err := ParseMarkdown("x.md", []byte("---\ntitle: A\nid: 3f2a\ndate: 2020-01-01\n---\n"))
	if err != nil || a.Origin != "file-id:3f2a" {
		t.Fatalf("origin %q, %v", a.Origin, err)
	}
}
