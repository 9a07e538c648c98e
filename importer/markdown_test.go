package importer

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            domain.Article
	}{
		{
			name: "hugo yaml",
			file: "content/posts/kerry.md",
			src:  "---\ntitle: \"Kerry to meet Putin\"\ndate: 2015-05-12T10:00:00+02:00\nlastmod: 2015-05-13\nauthor: Jane Roe\ndescription: First trip since the crisis.\ntags: [diplomacy, Russia]\ncategories:\n  - World\n  - diplomacy\ndraft: false\n---\n\nBody **text**.\n",
			want: domain.Article{Slug: "kerry", Headline: "Kerry to meet Putin", Standfirst: "First trip since the crisis.", Byline: "Jane Roe",
				Body: "Body **text**.\n", Status: domain.StatusPublished, PublishedAt: time.Date(2015, 5, 12, 8, 0, 0, 0, time.UTC),
				Keywords: []string{"diplomacy", "Russia", "World"}},
		},
		{
			name: "jekyll file name gives slug and date",
			file: "_posts/2014-05-01-my-post.markdown",
			src:  "---\nlayout: post\ntitle: My Post\ntags: one two\nsummary: Short.\n---\nHello\n",
			want: domain.Article{Slug: "my-post", Headline: "My Post", Standfirst: "Short.", Body: "Hello\n", Status: domain.StatusPublished,
				PublishedAt: time.Date(2014, 5, 1, 0, 0, 0, 0, time.UTC), Keywords: []string{"one", "two"}},
		},
		{
			name: "explicit slug, draft, jekyll date form",
			file: "whatever.md",
			src:  "---\ntitle: Drafted\nslug: the-slug\ndate: 2014-05-01 10:00:00 +0200\ndraft: true\nkeywords: a, b, A\n---\nx",
			want: domain.Article{Slug: "the-slug", Headline: "Drafted", Body: "x", Status: domain.StatusDraft,
				PublishedAt: time.Date(2014, 5, 1, 8, 0, 0, 0, time.UTC), Keywords: []string{"a", "b"}},
		},
		{
			name: "jekyll published false is a draft; authors list",
			file: "notes.md",
			src:  "---\ntitle: Notes\npublished: false\nauthors: [Ann, Bob]\n---\n",
			want: domain.Article{Slug: "notes", Headline: "Notes", Byline: "Ann, Bob", Status: domain.StatusDraft},
		},
		{
			name: "toml front matter",
			file: "post.md",
			src:  "+++\ntitle = \"TOML Post\"\ndate = 2020-01-02T03:04:05Z\ntags = [\"x\"]\nslug = \"toml-post\"\n+++\nBody\n",
			want: domain.Article{Slug: "toml-post", Headline: "TOML Post", Body: "Body\n", Status: domain.StatusPublished,
				PublishedAt: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC), Keywords: []string{"x"}},
		},
		{
			name: "hugo bundle index takes the folder name; BOM and CRLF",
			file: "content/posts/big-story/index.md",
			src:  "\uFEFF---\r\ntitle: Big\r\n---\r\nText\r\n",
			want: domain.Article{Slug: "big-story", Headline: "Big", Body: "Text\r\n", Status: domain.StatusPublished},
		},
		{
			name: "file name without letters falls back to the title",
			file: "2014-05-01-!!!.md",
			src:  "---\ntitle: Fallback Title\n---\n",
			want: domain.Article{Slug: "fallback-title", Headline: "Fallback Title", Status: domain.StatusPublished,
				PublishedAt: time.Date(2014, 5, 1, 0, 0, 0, 0, time.UTC)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := ParseMarkdown(tt.file, []byte(tt.src))
			if err != nil {
				t.Fatalf("ParseMarkdown: %v", err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Fatalf("got\n%+v\nwant\n%+v", *got, tt.want)
			}
		})
	}
}

func TestParseMarkdownErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unterminated", "---\ntitle: x\n\nBody without a closing fence\n", 1, "never closed"},
		{"bad yaml", "---\ntitle: x\nslug: a\n  bad: indent: here\n---\n", 4, "not valid YAML"},
		{"yaml tab", "---\ntitle: x\n\tslug: y\n---\n", 3, "not valid YAML"},
		{"bad toml", "+++\ntitle = \"x\"\ndate = = 3\n+++\n", 3, "not valid TOML"},
		{"title only markup", "---\nslug: a\ntitle: \"** **\"\n---\nbody", 3, "no text once its markup is removed"},
		{"year zero", "---\ntitle: x\ndate: 0000-01-01\n---\n", 3, "year 0000"},
		{"year zero string", "---\ntitle: x\ndate: \"0000-01-01 10:00:00\"\n---\n", 3, "year 0000"},
		{"bad json", "{\n\"title\": \"x\",\n\"date\": ]\n}\n", 3, "not valid JSON"},
		{"bad date", "---\ntitle: x\ndate: next tuesday\n---\n", 3, "not a date"},
		{"slug without letters", "---\ntitle: x\nslug: \"!!!\"\n---\n", 3, "slug"},
		{"title as a list", "---\ntitle: [a, b]\n---\n", 2, "expected text"},
		{"draft not a bool", "---\ntitle: x\ndraft: maybe\n---\n", 3, "true or false"},
		{"invalid utf-8", "---\ntitle: x\n---\nfine\nbad \xff byte\n", 5, "UTF-8"},
		{"front matter not a mapping", "---\n- a\n- b\n---\n", 2, "not a list of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseMarkdown("story.md", []byte(tt.src))
			if err == nil {
				t.Fatal("no error")
			}
			var le *lineError
			if !errors.As(err, &le) {
				t.Fatalf("error %v carries no line", err)
			}
			if le.line != tt.line || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("error %q at line %d; want line %d and %q", err, le.line, tt.line, tt.msg)
			}
		})
	}
}
