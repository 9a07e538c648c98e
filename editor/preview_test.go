package editor

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/textedit"
)

// previewArticle has every convention the preview resolves.
func previewArticle() *domain.Article {
	return &domain.Article{
		Slug:        "kerry-to-visit-russia",
		Headline:    "Kerry to visit Russia",
		Standfirst:  "The secretary of state travels to Sochi.",
		Byline:      "Jane Reporter",
		Status:      domain.StatusPublished,
		PublishedAt: time.Date(2015, 5, 11, 9, 30, 0, 0, time.UTC),
		FactCheck:   domain.FactCheck{Checked: true, By: "Fay"},
		Sources:     []domain.Source{guardian, {Name: "US State Department", Kind: domain.SourceOfficial}, {Name: "A diplomat", Kind: domain.SourceAnonymous}},
		Quotes: []domain.Quote{{Ref: "harf", Text: "He will meet the president.", Speaker: "Marie Harf",
			Role: "State Department spokeswoman", Context: "in a statement", Source: "US State Department"}},
		Body: "## The trip\n\nKerry will **meet** [Putin](https://example.org) on Tuesday.\n\n{{quote harf}}\n\n" +
			"> [!excerpt the guardian]\n> It will be his first trip to Russia.\n\n- one\n- two\n\n1. first\n2. second\n\n" +
			"<div>raw html</div>\n\n{{quote nobody}}",
	}
}

func TestPreviewText(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	text := previewText(previewArticle(), now)
	for _, want := range []string{
		"# Kerry to visit Russia\n✓ Fact checked\nBy Jane Reporter · 11 May 2015",
		"\nThe secretary of state travels to Sochi.\n",
		"\n## The trip\n",
		"\nKerry will meet Putin on Tuesday.\n",
		"\n> “He will meet the president.”\n> — Marie Harf, State Department spokeswoman, in a statement (source: US State Department)\n",
		"\nThe Guardian reports:\n\n> It will be his first trip to Russia.\n",
		"\n• one\n\n• two\n",
		"\n1. first\n\n2. second\n",
		"Missing quote: no quote record is called “nobody”.",
		"\nSources: The Guardian (newspaper), US State Department (official statement), A diplomat (anonymous source)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
	for _, unwanted := range []string{"raw html", "**", "{{quote", "[!excerpt", "https://example.org"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("preview shows %q:\n%s", unwanted, text)
		}
	}
}

func TestPreviewDateline(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		status domain.Status
		at     time.Time
		byline string
		want   string
	}{
		{"draft", domain.StatusDraft, time.Time{}, "Jo", "By Jo · Draft"},
		{"in review", domain.StatusReview, now, "", "Draft"},
		{"embargoed", domain.StatusPublished, now.Add(48 * time.Hour), "Jo", "By Jo · Embargoed until 3 January 2026"},
		{"published", domain.StatusPublished, now.Add(-time.Hour), "", "31 December 2025"},
	}
	for _, tt := range tests {
		a := &domain.Article{Status: tt.status, PublishedAt: tt.at, Byline: tt.byline}
		if got := previewDateline(a, now); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: got %q, want it to start %q", tt.name, got, tt.want)
		}
	}
	plain := previewText(&domain.Article{Status: domain.StatusDraft}, now)
	if !strings.HasPrefix(plain, "# Untitled\nDraft") || strings.Contains(plain, "Fact checked") {
		t.Errorf("an empty unchecked draft previews as %q", plain)
	}
}

func TestPreviewPaneUpdates(t *testing.T) {
	s, _ := newPanelScreen(t, previewArticle())
	p := s.preview
	s.TogglePreview()
	if s.main.trailing != p.Content() {
		t.Fatal("the preview does not replace the side panels")
	}
	waitFor(t, s, "the first preview", func() bool { return strings.Contains(p.Text(), "Kerry to visit Russia") })
	if !strings.Contains(p.view.Text(), "✓ Fact checked") || !strings.Contains(p.view.Text(), "Marie Harf") {
		t.Fatalf("preview view shows:\n%s", p.view.Text())
	}

	retype(s.headline, "First change")
	retype(s.headline, "Second change")
	waitFor(t, s, "the preview to follow", func() bool { return strings.HasPrefix(p.Text(), "# Second change") })
	fakeOf(s).Advance(2 * previewDelay)
	if !strings.HasPrefix(p.view.Text(), "# Second change") {
		t.Fatalf("a stale render replaced the newest: %q", firstLine(p.view.Text()))
	}

	s.factCheck.SetChecked(false)
	waitFor(t, s, "the badge to go", func() bool {
		return !strings.Contains(p.Text(), "Fact checked") && strings.HasPrefix(p.Text(), "# Second change")
	})

	s.TogglePreview()
	if s.main.trailing != s.sideBox {
		t.Fatal("the side panels did not come back")
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func TestPreviewWritePage(t *testing.T) {
	s, _ := newPanelScreen(t, previewArticle())
	path, err := s.preview.writePage(cloneArticle(s.article))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(s.preview.tmpDir) })
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, "kerry-to-visit-russia/index.html") || !strings.Contains(string(page), "Kerry to visit Russia") {
		t.Fatalf("page %s does not show the article", path)
	}
	if _, err := os.Stat(strings.TrimSuffix(path, "kerry-to-visit-russia/index.html") + "site.css"); err != nil {
		t.Fatalf("no stylesheet beside the page: %v", err)
	}
	bad := cloneArticle(s.article)
	bad.Slug = "Not A Slug"
	if _, err := s.preview.writePage(bad); err == nil {
		t.Fatal("a page with an invalid slug was written")
	}
}

// BenchmarkPreview60000 measures the work after the pause at 60,000
// characters: building the preview text (off the UI goroutine) and
// showing it in the read-only view (on it).
func BenchmarkPreview60000(b *testing.B) {
	test.NewTempApp(b)
	a := previewArticle()
	a.Body = genBody(60000) + "\n\n{{quote harf}}\n\n> [!excerpt The Guardian]\n> Passage."
	r := textedit.NewViewer()
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(500, 700))
	now := time.Now()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a.Headline = "Headline " + string(rune('a'+i%26))
		i++
		r.SetText(previewText(a, now), true)
		test.WidgetRenderer(r).Layout(r.Size())
	}
}
