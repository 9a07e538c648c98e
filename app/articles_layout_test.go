package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestReporterWindowFitsEightHundredPixels: a reporter's list ("Delete
// (editors)" and the count) and an open article fit an 800 px window; a
// window is never narrower than its content, so a wider minimum is cut off
// at a small screen's edge. With room the count reads whole.
func TestReporterWindowFitsEightHundredPixels(t *testing.T) {
	st := newTestStore(t)
	twoStaff(t, st)
	if _, err := st.SignIn(context.Background(), "rita"); err != nil {
		t.Fatal(err)
	}
	ui, q := newSignInUI(t, st)
	ui.signIn(func() { ui.build() })
	q.waitUntil(t, "built", func() bool { return ui.tabs != nil })
	ui.articles.OpenSlug("story")
	q.waitUntil(t, "the article open", func() bool { return ui.articles.editor.Current() != nil })
	ui.win.Resize(fyne.NewSize(800, 600))
	if w := ui.win.Content().MinSize().Width; w > 800 {
		t.Errorf("a reporter's window needs %v px, more than 800", w)
	}
	// With room (1200 px) the list widens for its whole count.
	count := ui.articles.countLabel
	ui.win.Resize(fyne.NewSize(1200, 850))
	ui.articles.setCount("10,000 articles") // as a reload sets it
	if need := fyne.MeasureText(count.Text, theme.TextSize(), count.TextStyle).Width; count.Size().Width < need {
		t.Errorf("at 1200 px the count %q gets %v px of the %v it takes", count.Text, count.Size().Width, need)
	}
}
