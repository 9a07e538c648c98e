package importer

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

func TestImportMarkdownFile(t *testing.T) {
	st := newMemStore()
	ctx := context.Background()
	path := writeFile(t, "story.md", "---\ntitle: Kerry to meet Putin\nslug: kerry-putin\ndate: 2015-05-12\n---\nFirst version.\n")
	sum, err := ImportFile(ctx, st, path, nil)
	if err != nil {
		t.Fatalf("ImportFile: %v", err)
	}
	if got := sum.String(); got != `created `+path+`: article "kerry-putin"` {
		t.Errorf("summary %q", got)
	}
	if err := os.WriteFile(path, []byte("---\ntitle: Kerry to meet Putin\nslug: kerry-putin\ndate: 2015-05-12\n---\nSecond version.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err = ImportFile(ctx, st, path, nil)
	if err != nil {
		t.Fatalf("re-import: %v", err)
	}
	if got := sum.String(); got != `updated `+path+`: article "kerry-putin"` {
		t.Errorf("summary %q", got)
	}
	a, _ := st.bySlug("kerry-putin")
	if len(st.articles) != 1 || a.Body != "Second version.\n" || a.Origin != "file:"+path || st.commits != 2 {
		t.Errorf("store: %d articles, %+v, %d commits", len(st.articles), a, st.commits)
	}
}

// TestImportMarkdownFileWithoutDate: no date gives no publication time
// and a warning, never the file's modification time.
func TestImportMarkdownFileWithoutDate(t *testing.T) {
	st := newMemStore()
	path := writeFile(t, "undated.md", "---\ntitle: Undated\n---\nx\n")
	mod := time.Date(2021, 6, 7, 8, 9, 10, 0, time.UTC)
	if err := os.Chtimes(path, mod, mod); err != nil {
		t.Fatal(err)
	}
	sum, err := ImportFile(context.Background(), st, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := st.bySlug("undated")
	if !a.PublishedAt.IsZero() || a.Status != domain.StatusPublished {
		t.Errorf("article %+v, want published without a time", a)
	}
	if len(sum.Warnings) != 1 || !strings.Contains(sum.Warnings[0].String(), "undated.md:") || !strings.Contains(sum.Warnings[0].Message, "no date") {
		t.Errorf("warnings %v", sum.Warnings)
	}
}

func TestImportMarkdownFileErrors(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"bad yaml", "---\ntitle: x\nslug: [a\n---\n", ":3: front matter is not valid YAML"},
		{"unterminated", "---\ntitle: x\nbody\n", ":1: front matter opened with \"---\" is never closed"},
		{"title without text", "---\ntitle: \"<b></b>\"\n---\n", ":2: front matter title"},
		{"invalid utf-8", "---\ntitle: x\n---\n\xc3\x28\n", ":4: the file is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newMemStore()
			path := writeFile(t, "story.md", tt.content)
			_, err := ImportFile(context.Background(), st, path, nil)
			var ie *Error
			if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), path+tt.want) {
				t.Fatalf("error %q, want prefix %q", err, path+tt.want)
			}
			if st.rollbacks != 1 || st.commits != 0 || len(st.articles) != 0 {
				t.Fatalf("%d rollbacks, %d commits, %d articles", st.rollbacks, st.commits, len(st.articles))
			}
		})
	}
}

func TestSummaryString(t *testing.T) {
	tests := []struct {
		sum  Summary
		want string
	}{
		{Summary{File: "a/site.xml", Format: FormatWordPress, ArticlesCreated: 1, CommentsUpdated: 1},
			"created a/site.xml: 1 article (1 new, 0 updated, 0 unchanged), 1 comment"},
		{Summary{File: "site.xml", Format: FormatWordPress, ArticlesUnchanged: 2, Skipped: map[string]int{"page": 1, "wp_block": 2, "page comments": 3, "attachment": 0}},
			`unchanged site.xml: 2 articles (0 new, 0 updated, 2 unchanged), 0 comments; skipped 1 page, 2 "wp_block" items, 3 page comments`},
		{Summary{File: "x/story.md", Format: FormatMarkdown, Slug: "s", Outcome: Updated, ArticlesUpdated: 1}, `updated x/story.md: article "s"`},
		{Summary{File: "x/_index.md", SkipReason: "a list page"}, `skipped x/_index.md: a list page`},
	}
	for _, tt := range tests {
		if got := tt.sum.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
