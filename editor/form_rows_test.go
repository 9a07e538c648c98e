package editor

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
)

// box is an object's rectangle on the canvas.
type box struct{ top, bottom float32 }

func boxOf(o fyne.CanvasObject) box {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return box{p.Y, p.Y + o.Size().Height}
}

// TestSmallWindowNothingOverlaps: in the editor's part of an 800×600
// (and a 1024×700) window, a wrapped lock notice does not draw over the
// fields, and with the find and replace bar open the status line is
// whole and nothing overlaps: the head scrolls instead.
func TestSmallWindowNothingOverlaps(t *testing.T) {
	path, a := lockNewsroom(t)
	rita := openDesk(t, path, "rita")
	rita.s.Load(a.ID, FocusBody)
	waitFor(t, rita.s, "rita's lock", func() bool { return rita.s.lock.held })
	ed := openDesk(t, path, "ed")
	ed.s.Load(a.ID, FocusBody)
	waitFor(t, ed.s, "ed sees the lock", func() bool { return ed.s.LockText() != "" })
	s := ed.s

	// The editor's room in the window: right of the article list, under
	// the menu and the tabs.
	for _, size := range []fyne.Size{{Width: 552, Height: 530}, {Width: 776, Height: 630}} {
		for _, findOpen := range []bool{false, true} {
			t.Run(fmt.Sprintf("%vx%v find %v", size.Width, size.Height, findOpen), func(t *testing.T) {
				if findOpen {
					s.FindReplace()
				} else {
					s.find.close()
				}
				s.win.Resize(size)
				s.win.Content().Refresh() // the layouts a frame would run
				fakeOf(s).Settle()
				canvasH := s.win.Canvas().Size().Height
				// A window cannot be smaller than its content: a taller
				// minimum pushes the status line out of the window.
				if min := s.Content().MinSize(); min.Height > size.Height {
					t.Errorf("the editor needs %v of height, more than the %v it has", min.Height, size.Height)
				}
				if got, need := s.lockUI.text.Size().Height, s.lockUI.text.MinSize().Height; got < need {
					t.Errorf("the lock notice has %v of height for the %v its wrapped lines take", got, need)
				}
				lock, headline, filing := boxOf(s.lockUI.box), boxOf(s.headline), boxOf(s.filing.row)
				if lock.bottom-lock.top < 1 {
					t.Fatal("the lock notice is not shown")
				}
				if lock.bottom > headline.top || headline.bottom > filing.top {
					t.Errorf("the lock notice (%v) overlaps the headline (%v) or the filing row (%v)", lock, headline, filing)
				}
				form := s.form.(*fyne.Container)
				head, main, bottom := boxOf(form.Objects[0]), boxOf(s.main.box), boxOf(s.info)
				if head.bottom > main.top || main.bottom > bottom.top {
					t.Errorf("the fields (%v), the body row (%v) and the status line (%v) overlap", head, main, bottom)
				}
				if bottom.bottom > canvasH || bottom.bottom-bottom.top < s.info.MinSize().Height {
					t.Errorf("the status line (%v) is cut off in a canvas %v high", bottom, canvasH)
				}
				if findOpen && boxOf(s.find.box).bottom > boxOf(s.body).top {
					t.Error("the find bar overlaps the body")
				}
				if body := boxOf(s.body); body.bottom-body.top < 60 || body.top < main.top {
					t.Errorf("the body gets %v (body row %v)", body, main)
				}
			})
		}
	}
}

// TestTabScrollsTheFocusedFieldIntoView: with the find bar open in an
// 800×600 window the fields above the body scroll; Tab and Shift+Tab to a
// field scrolled out of view bring it into view, whatever kind of field
// it is (our text fields, the choice fields, the check box).
func TestTabScrollsTheFocusedFieldIntoView(t *testing.T) {
	s, _ := newPanelScreen(t, checkedArticle())
	s.FindReplace()
	s.win.Resize(fyne.NewSize(552, 530)) // the editor's room in an 800×600 window
	s.win.Content().Refresh()
	fakeOf(s).Settle()
	head := s.form.(*fyne.Container).Objects[0]
	if content := s.form.(*fyne.Container).Layout.(*formRows).head.Content; content.Size().Height <= head.Size().Height {
		t.Fatalf("the fields (%v high) fit their %v: nothing to scroll, the test shows nothing", content.Size().Height, head.Size().Height)
	}
	c := s.win.Canvas()
	inView := func(step string) {
		t.Helper()
		f := c.Focused()
		o, ok := f.(fyne.CanvasObject)
		if !ok {
			t.Fatalf("%s: %T has the focus", step, f)
		}
		view, got := boxOf(head), boxOf(o)
		if got.top < view.top-0.5 || got.bottom > view.bottom+0.5 {
			t.Errorf("%s: the focused %T (%v) is out of the fields' view (%v)", step, f, got, view)
		}
	}
	c.Focus(s.headline)
	stops := 0
	for i := 0; i < 12; i++ {
		c.FocusNext()
		if c.Focused() == fyne.Focusable(s.body) {
			break
		}
		stops++
		inView(fmt.Sprintf("Tab %d", i+1))
	}
	if stops < 8 {
		t.Fatalf("Tab made %d stops before the body", stops)
	}
	c.Focus(s.factCheck)
	for i := 0; i < stops; i++ {
		c.FocusPrevious()
		inView(fmt.Sprintf("Shift+Tab %d", i+1))
	}
	if c.Focused() != fyne.Focusable(s.headline) {
		t.Errorf("Shift+Tab from the fact check ends at %T, not the headline", c.Focused())
	}
}
