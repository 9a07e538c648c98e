package editor

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
)

// lockBar is the line above the form: who is editing, and Take over.
type lockBar struct {
	box      *fyne.Container
	text     *widget.Label
	takeOver *revealButton
}

// buildLockBar makes the (hidden) lock line.
func (s *Screen) buildLockBar() fyne.CanvasObject {
	b := &lockBar{text: widget.NewLabel("")}
	b.text.Wrapping = fyne.TextWrapWord
	b.text.Importance = widget.WarningImportance
	b.takeOver = newRevealButton("Take over", s.takeOver)
	b.takeOver.Importance = widget.HighImportance
	b.box = container.NewBorder(nil, nil, nil, b.takeOver, b.text)
	b.box.Hide()
	s.lockUI = b
	return b.box
}

// setLockBar shows text (hidden when empty) and the Take over button.
func (s *Screen) setLockBar(text string, takeOver bool) {
	if s.lockUI == nil {
		return
	}
	changed := text != s.lockUI.text.Text || (text != "") != s.lockUI.box.Visible()
	s.lockUI.text.SetText(text)
	if takeOver {
		s.lockUI.takeOver.Show()
	} else {
		s.lockUI.takeOver.Hide()
	}
	if text == "" {
		s.lockUI.box.Hide()
	} else {
		s.lockUI.box.Show()
	}
	if changed {
		s.relayoutForm() // the head gets the lines the notice now takes
	}
}

// LockText is what the lock line says (for tests and the window).
func (s *Screen) LockText() string {
	if s.lockUI == nil || !s.lockUI.box.Visible() {
		return ""
	}
	return s.lockUI.text.Text
}

// ReadOnly reports whether the open article is shown read-only.
func (s *Screen) ReadOnly() bool { return s.lock.readOnly }

// editingText is the lock line of a reader: "Maria Lopez is editing since 10:42…".
func editingText(holder domain.Lock) string {
	return fmt.Sprintf("%s is editing since %s. Read-only here: you see the saves as they are made.",
		holder.Name, holder.Since.Local().Format("15:04"))
}

// applyLockState sets the widgets for the lock state and the role.
func (s *Screen) applyLockState() {
	s.setEditable(!s.lock.readOnly)
	if s.lock.readOnly {
		return
	}
	s.setLockBar("", false)
	_, me, ok := s.locker()
	if !ok || s.article == nil {
		return
	}
	facts := domain.ArticleFacts{Authors: s.lock.authors, Status: s.article.Status}
	if !s.lock.policy.Can(me, domain.ActFactCheck, facts) {
		s.factCheck.Disable()
	}
	if !s.lock.policy.Can(me, domain.ActPublish, facts) {
		if s.article.Status == domain.StatusPublished {
			s.status.Disable()
			s.pubTime.Disable()
		} else {
			s.status.Options = []string{string(domain.StatusDraft), string(domain.StatusReview)}
			s.status.Refresh()
		}
	}
}

// setEditable turns every field on or off; off also stops autosave.
func (s *Screen) setEditable(on bool) {
	widgets := []fyne.Disableable{s.headline, s.slug, s.standfirst, s.byline, s.status, s.pubTime, s.factCheck}
	if s.filing != nil {
		widgets = append(widgets, s.filing.kind, s.filing.section, s.filing.tags)
	}
	for _, w := range widgets {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if len(s.status.Options) != 3 {
		s.status.Options = []string{string(domain.StatusDraft), string(domain.StatusReview), string(domain.StatusPublished)}
		if s.article != nil {
			s.status.Selected = string(s.article.Status)
		}
		s.status.Refresh()
	}
	s.body.SetReadOnly(!on)
}
