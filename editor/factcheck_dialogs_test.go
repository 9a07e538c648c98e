package editor

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
)

// overlayButton finds a button by its label in the top overlay.
func overlayButton(t *testing.T, s *Screen, label string) *widget.Button {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open (looking for %q)", label)
	}
	var found *widget.Button
	walkObjects(top, func(o fyne.CanvasObject) {
		switch b := o.(type) {
		case *widget.Button:
			if b.Text == label {
				found = b
			}
		case *safeButton:
			if b.Text == label {
				found = &b.Button
			}
		}
	})
	if found == nil {
		t.Fatalf("no %q button in the dialog", label)
	}
	return found
}

// overlayText gathers the labels of the top overlay.
func overlayText(s *Screen) string {
	var b strings.Builder
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		walkObjects(top, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				b.WriteString(l.Text + "\n")
			}
		})
	}
	return b.String()
}

// walkObjects calls fn for o and everything drawn inside it.
func walkObjects(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkObjects(c, fn)
		}
	}
}

// pressOnFocused types a key into whatever has the keyboard.
func pressOnFocused(t *testing.T, s *Screen, key fyne.KeyName) {
	t.Helper()
	f := s.win.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard")
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

func TestCheckingAsksAndNamesWhoChecks(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks in Sochi", Body: "Text."})
	id := s.Current().ID
	s.factCheck.SetChecked(true)
	if text := overlayText(s); !strings.Contains(text, "You, Tester, vouch") || !strings.Contains(text, "Talks in Sochi") {
		t.Fatalf("the question does not name who checks what:\n%s", text)
	}
	overlayButton(t, s, "Mark checked by Tester")
	if b, ok := s.win.Canvas().Focused().(*safeButton); !ok || b.Text != "Cancel" {
		t.Fatalf("focused: %T, want the Cancel button", s.win.Canvas().Focused())
	}
	pressOnFocused(t, s, fyne.KeyReturn) // Enter takes the safe answer
	waitFor(t, s, "the dialog to close", func() bool { return s.win.Canvas().Overlays().Top() == nil })
	if s.factCheck.Checked {
		t.Error("the box stayed ticked after Cancel")
	}
	fakeOf(s).Advance(3 * saveMaxWait)
	if got := stored(t, st, id); got.FactCheck.Checked {
		t.Fatal("Cancel checked the article")
	}

	s.factCheck.SetChecked(true)
	test.Tap(overlayButton(t, s, "Mark checked by Tester"))
	waitFor(t, s, "the check stored", func() bool {
		got := stored(t, st, id)
		return got.FactCheck.Checked && got.FactCheck.By == "Tester"
	})
	if !strings.Contains(s.factInfo.Text, "by Tester") {
		t.Errorf("fact info %q", s.factInfo.Text)
	}
	// Clearing needs no question.
	s.factCheck.SetChecked(false)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Error("clearing the mark asked")
	}
	waitFor(t, s, "the mark cleared", func() bool { return !stored(t, st, id).FactCheck.Checked })
}

func TestPublishGuardDefaultsToCancel(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "Text.", Status: domain.StatusReview})
	id := s.Current().ID
	s.status.SetSelected(string(domain.StatusPublished))
	if text := overlayText(s); !strings.Contains(text, "not fact-checked") {
		t.Fatalf("the guard does not say why:\n%s", text)
	}
	overlayButton(t, s, "Publish anyway")
	if b, ok := s.win.Canvas().Focused().(*safeButton); !ok || b.Text != "Cancel" || b.Importance != widget.HighImportance {
		t.Fatalf("focused: %T, want the highlighted Cancel button", s.win.Canvas().Focused())
	}
	pressOnFocused(t, s, fyne.KeyEnter)
	waitFor(t, s, "the guard to close", func() bool { return s.win.Canvas().Overlays().Top() == nil })
	if s.status.Selected != string(domain.StatusReview) {
		t.Errorf("status shows %q after Cancel", s.status.Selected)
	}
	fakeOf(s).Advance(3 * saveMaxWait)
	if got := stored(t, st, id); got.Status != domain.StatusReview {
		t.Fatalf("Enter published the article: %s", got.Status)
	}
	// Escape cancels too.
	s.status.SetSelected(string(domain.StatusPublished))
	pressOnFocused(t, s, fyne.KeyEscape)
	if s.win.Canvas().Overlays().Top() != nil || s.status.Selected != string(domain.StatusReview) {
		t.Fatal("Escape did not cancel")
	}
	// Only the explicit answer publishes.
	s.status.SetSelected(string(domain.StatusPublished))
	test.Tap(overlayButton(t, s, "Publish anyway"))
	waitFor(t, s, "the article published", func() bool { return stored(t, st, id).Status == domain.StatusPublished })
}

func TestUndoBackToCheckedTextRestoresTheMark(t *testing.T) {
	a := &domain.Article{Headline: "Talks", Body: "Checked text."}
	if err := domain.MarkChecked(a, "Fiona", newTestScheduler().Now()); err != nil {
		t.Fatal(err)
	}
	s, st := newPanelScreen(t, a)
	id := s.Current().ID
	body := s.Body()
	for _, r := range "Typo" {
		body.TypedRune(r)
	}
	waitFor(t, s, "the revocation", func() bool { return !stored(t, st, id).FactCheck.Checked && !s.factCheck.Checked })
	if !strings.Contains(s.notice.Text, "revoked") {
		t.Errorf("notice after the edit: %q", s.notice.Text)
	}
	body.Undo()
	if body.Text() != "Checked text." {
		t.Fatalf("undo left %q", body.Text())
	}
	waitFor(t, s, "the mark to stand again", func() bool {
		got := stored(t, st, id)
		return got.FactCheck.Checked && got.FactCheck.By == "Fiona" && s.factCheck.Checked
	})
	if !strings.Contains(s.notice.Text, "restored") {
		t.Errorf("notice after the undo: %q", s.notice.Text)
	}
	hist, err := st.History(context.Background(), id)
	if err != nil || len(hist) == 0 || hist[len(hist)-1].Kind != domain.EventFactCheckRestored {
		t.Errorf("history does not end with the restore: %+v %v", hist, err)
	}
}
