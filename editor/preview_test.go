package editor

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
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

// previewText is the text the preview of a reads as.
func previewText(a *domain.Article, now time.Time) string {
	return previewPlain(previewPage(a, now, nil))
}

func TestPreviewText(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	text := previewText(previewArticle(), now)
	for _, want := range []string{
		"Kerry to visit Russia\n✓ Fact checked\nBy Jane Reporter · 11 May 2015",
		"\nThe secretary of state travels to Sochi.\n",
		"\nThe trip\n",
		"\nKerry will meet Putin on Tuesday.\n",
		"\n“He will meet the president.”\n— Marie Harf, State Department spokeswoman, in a statement (source: US State Department)\n",
		"\nThe Guardian reports:\nIt will be his first trip to Russia.\n",
		"\n• one\n• two\n",
		"\n1. first\n2. second\n",
		"Missing quote: no quote record is called “nobody”.",
		"\nSources: The Guardian (newspaper), US State Department (official statement), A diplomat (anonymous source)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
	for _, unwanted := range []string{"raw html", "**", "{{quote", "[!excerpt", "https://example.org", "# ", "> "} {
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
	if !strings.HasPrefix(plain, "Untitled\nDraft") || strings.Contains(plain, "Fact checked") {
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
	if !strings.Contains(p.Text(), "✓ Fact checked") || !strings.Contains(p.Text(), "Marie Harf") {
		t.Fatalf("preview view shows:\n%s", p.Text())
	}
	if len(p.view.box.shown) != len(p.view.blocks) || len(p.view.blocks) < 8 {
		t.Fatalf("the view shows %d objects for %d blocks", len(p.view.box.shown), len(p.view.blocks))
	}

	retype(s.headline, "First change")
	retype(s.headline, "Second change")
	waitFor(t, s, "the preview to follow", func() bool { return strings.HasPrefix(p.Text(), "Second change") })
	if p.view.built != 1 {
		t.Errorf("a headline change rebuilt %d blocks, want only the headline's", p.view.built)
	}
	fakeOf(s).Advance(2 * previewDelay)
	if !strings.HasPrefix(p.Text(), "Second change") {
		t.Fatalf("a stale render replaced the newest: %q", firstLine(p.Text()))
	}

	s.factCheck.SetChecked(false)
	waitFor(t, s, "the badge to go", func() bool {
		return !strings.Contains(p.Text(), "Fact checked") && strings.HasPrefix(p.Text(), "Second change")
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
// characters: building the preview blocks (off the UI goroutine) and
// showing them (on it), a headline change each time as when typing.
func BenchmarkPreview60000(b *testing.B) {
	benchPreview(b, genBody(60000)+"\n\n{{quote harf}}\n\n> [!excerpt The Guardian]\n> Passage.")
}

// BenchmarkPreview1300Words is the same for an article of 1,300 words.
func BenchmarkPreview1300Words(b *testing.B) {
	benchPreview(b, genBody(9600)) // 1,300 words
}

// BenchmarkPreviewEditTop60000 edits the first paragraph, in view.
func BenchmarkPreviewEditTop60000(b *testing.B) {
	benchPreviewEdit(b, genBody(60000), true)
}

func benchPreview(b *testing.B, body string) { benchPreviewEdit(b, body, false) }

func benchPreviewEdit(b *testing.B, body string, top bool) {
	test.NewTempApp(b)
	a := previewArticle()
	a.Body = body
	v := newPageView()
	w := test.NewWindow(v.scroll)
	defer w.Close()
	w.Resize(fyne.NewSize(500, 700))
	now := time.Now()
	b.ReportMetric(float64(domain.WordCount(body)), "words")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a.Body = body + strconv.Itoa(i) // the last paragraph changes, as when typing
		if top {
			a.Body = strconv.Itoa(i) + body
		}
		i++
		v.show(newRenderedPage(previewPage(a, now, nil)), true)
	}
}

// BenchmarkPreviewFirst60000 is the first preview of a 60,000-character
// article: every block built and laid out.
func BenchmarkPreviewFirst60000(b *testing.B) {
	test.NewTempApp(b)
	a := previewArticle()
	a.Body = genBody(60000)
	w := test.NewWindow(nil)
	defer w.Close()
	now := time.Now()
	b.ReportAllocs()
	for b.Loop() {
		v := newPageView()
		w.SetContent(v.scroll)
		w.Resize(fyne.NewSize(500, 700))
		v.show(newRenderedPage(previewPage(a, now, nil)), false)
	}
}

func TestPreviewFollowsCaret(t *testing.T) {
	a := previewArticle()
	a.Body = strings.ReplaceAll(genBody(20000), "\n", "\n\n")
	s, _ := newPanelScreen(t, a)
	p := s.preview
	s.TogglePreview()
	waitFor(t, s, "the first preview", func() bool { return strings.Contains(p.Text(), "Kerry to visit Russia") })
	if made, n := p.view.box.made, len(p.view.blocks); made >= n {
		t.Errorf("all %d blocks were made for the first view, want only those near it", n)
	}
	s.body.SetCursorOffset(len(a.Body))
	if y := p.view.scroll.Offset.Y; y < 1000 {
		t.Fatalf("caret at the end: preview scrolled to %v", y)
	}
	last := p.view.box.shown[len(p.view.box.shown)-1]
	if last != p.view.items[len(p.view.items)-1].obj {
		t.Errorf("the last block is not shown with the caret at the end: shown %d of %d, offset %v, ys %v, size %v", len(p.view.box.shown), len(p.view.items), p.view.scroll.Offset.Y, p.view.box.ys[len(p.view.box.ys)-5:], p.view.scroll.Size())
		for _, it := range p.view.items[len(p.view.items)-5:] {
			t.Logf("h %v chars %d measured %v obj %T size %v", it.h, it.chars, it.measured, it.obj, func() fyne.Size {
				if it.obj == nil {
					return fyne.Size{}
				}
				return it.obj.Size()
			}())
		}
	}
	s.body.SetCursorOffset(0)
	if y := p.view.scroll.Offset.Y; y != 0 {
		t.Errorf("caret at the start: preview scrolled to %v, want the top", y)
	}
}

func TestPreviewBlocks(t *testing.T) {
	a := previewArticle()
	a.Body = "Intro with `code` and *it* and ***both***.\n\n" +
		"| Name | Age |\n|---|---|\n| Ann | **40** |\n\n" +
		"![A harbour at dawn](harbour.jpg)\n\n" +
		"- one\n  - nested\n- two\n\n" +
		"3. three\n4. four\n\n" +
		"```\nx := 1\n```\n\n" +
		"> [!NOTE]\n> Mind the gap.\n\n---\n\nEnd, with a note.[^n]\n\n[^n]: The note."
	blocks := previewPage(a, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	kinds := map[blockKind]int{}
	for _, b := range blocks {
		kinds[b.kind]++
	}
	if kinds[blockTable] != 1 || kinds[blockImage] != 1 || kinds[blockQuoted] != 1 {
		t.Errorf("block kinds %v, want a table, an image and a quoted callout", kinds)
	}
	text := previewPlain(blocks)
	for _, want := range []string{
		"Intro with code and it and both.",
		"Name | Age\nAnn | 40",
		"[Image: A harbour at dawn]",
		"• one\n   • nested\n• two",
		"3. three\n4. four",
		"x := 1",
		"Note\nMind the gap.",
		"⁂",
		"End, with a note.[1]",
		"The note.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
	// Emphasis and code keep their styles.
	var styles []string
	for _, b := range blocks {
		if b.at < 0 || b.kind != blockPlain {
			continue
		}
		for _, sg := range b.segs {
			if ts, ok := sg.(*widget.TextSegment); ok && ts.Text != "" {
				st := ts.Style.TextStyle
				styles = append(styles, fmt.Sprintf("%s:%v%v%v", ts.Text, st.Bold, st.Italic, st.Monospace))
			}
		}
		break
	}
	want := []string{"Intro with :falsefalsefalse", "code:falsefalsetrue", " and :falsefalsefalse", "it:falsetruefalse", " and :falsefalsefalse", "both:truetruefalse", ".:falsefalsefalse"}
	if strings.Join(styles, "|") != strings.Join(want, "|") {
		t.Errorf("styles of the first paragraph:\n%q\nwant\n%q", styles, want)
	}
}
