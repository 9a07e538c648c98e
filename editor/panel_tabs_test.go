package editor

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// visibleTexts calls fn for each shown text drawn inside o.
func visibleTexts(o fyne.CanvasObject, fn func(*canvas.Text)) {
	if !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *canvas.Text:
		fn(x)
	case *fyne.Container:
		for _, c := range x.Objects {
			visibleTexts(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			visibleTexts(c, fn)
		}
	}
}

// TestEverySidePanelTitleIsOnScreen: at the side panel widths of a 1024
// and a 1200 px window, and at its narrowest, every panel's title is
// drawn whole inside the panel (none in a "…" menu), and so is the
// Images title after a drop or paste switched to it.
func TestEverySidePanelTitleIsOnScreen(t *testing.T) {
	s, _ := newPanelScreen(t, checkedArticle())
	p := s.panels()
	p.setTabTitle(tabCheck, "Check (12)")
	p.setTabTitle(tabImages, "Images (3)")
	// The editor's room: the window less the article list.
	for _, room := range []float32{952, 776, 745} {
		t.Run(fmt.Sprint(room), func(t *testing.T) {
			s.win.Resize(fyne.NewSize(room, 700))
			s.win.Content().Refresh()
			fakeOf(s).Settle()
			if !s.sideBox.Visible() {
				t.Fatalf("the side panel is not shown at %v", room)
			}
			t.Logf("side panel %v px wide", s.sideBox.Size().Width)
			for _, sel := range []int{tabQuotes, tabImages} {
				p.tabs.SelectIndex(sel)
				s.win.Content().Refresh()
				d := fyne.CurrentApp().Driver()
				left := d.AbsolutePositionForObject(s.sideBox).X
				right := left + s.sideBox.Size().Width
				drawn := map[string]bool{}
				visibleTexts(s.sideBox, func(tx *canvas.Text) {
					x := d.AbsolutePositionForObject(tx).X
					if x >= left-0.5 && x+tx.MinSize().Width <= right+0.5 && tx.Size().Width+0.5 >= tx.MinSize().Width {
						drawn[tx.Text] = true
					}
				})
				for _, item := range p.tabs.Items {
					if !drawn[item.Text] {
						t.Errorf("with %q selected, the title %q is not drawn whole in the %v px side panel", p.tabs.Items[sel].Text, item.Text, s.sideBox.Size().Width)
					}
				}
			}
		})
	}
}
