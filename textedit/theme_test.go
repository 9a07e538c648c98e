package textedit

import (
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func firstText(e *Editor) *canvas.Text {
	for _, o := range test.WidgetRenderer(e).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			return t
		}
	}
	return nil
}

func TestBodyFollowsTheme(t *testing.T) {
	app := test.NewTempApp(t)
	app.Settings().SetTheme(test.Theme())
	e, _, _ := newTestBody(t, genBody(3000), 500, 400)
	before := e.contentHeight()
	if got, want := firstText(e).TextSize, test.Theme().Size(theme.SizeNameText); got != want {
		t.Fatalf("text size %v, want theme's %v", got, want)
	}
	bigger := test.NewTheme()
	app.Settings().SetTheme(bigger)
	txt := firstText(e)
	if txt.TextSize != bigger.Size(theme.SizeNameText) {
		t.Fatalf("after the theme change the text size is %v, want %v", txt.TextSize, bigger.Size(theme.SizeNameText))
	}
	if txt.Color != bigger.Color(theme.ColorNameForeground, app.Settings().ThemeVariant()) {
		t.Fatalf("text colour did not follow the theme")
	}
	if e.contentHeight() <= before {
		t.Fatalf("bigger text did not re-wrap: height %.0f -> %.0f", before, e.contentHeight())
	}
	checkLines(t, e, e.textWidth())
}

func TestBodyHeadingsAreLarger(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, "# Title\nbody text", 500, 400)
	h := e.doc.paras[0]
	b := e.doc.paras[1]
	if e.m.size(h.style) <= e.m.size(b.style) || !e.m.textStyle(h.style).Bold {
		t.Fatalf("heading style %v size %v vs body %v", e.m.textStyle(h.style), e.m.size(h.style), e.m.size(b.style))
	}
	if firstText(e).TextSize != e.m.size(styleH1) {
		t.Fatalf("heading line drawn at size %v", firstText(e).TextSize)
	}
}

func TestBodyCaretShownOnlyWhenFocused(t *testing.T) {
	test.NewTempApp(t)
	e, w, _ := newTestBody(t, "text", 300, 200)
	r := test.WidgetRenderer(e).(*bodyRenderer)
	if r.caret.Visible() {
		t.Fatalf("caret visible before focus")
	}
	w.Canvas().Focus(e)
	if !r.caret.Visible() {
		t.Fatalf("caret hidden while focused")
	}
	w.Canvas().Unfocus()
	if r.caret.Visible() {
		t.Fatalf("caret visible after focus loss")
	}
}
