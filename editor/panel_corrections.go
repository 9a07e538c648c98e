package editor

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/textedit"
)

// correctionsPanel shows the article's corrections log and adds notes to
// it. The log is append-only: a note, once added, is never edited here.
// Notes are stored at once (not with the autosave) and need the article
// published; adding one leaves it published.
type correctionsPanel struct {
	p       *sidePanels
	list    *widget.List
	kind    *widget.Select
	text    *textedit.Editor
	add     *widget.Button
	state   *widget.Label
	content fyne.CanvasObject

	adding bool // a note is being stored (UI goroutine only)
}

// correctionKinds are the kinds offered, in the order shown.
var correctionKinds = []domain.CorrectionKind{domain.CorrectionFix, domain.CorrectionClarification, domain.CorrectionUpdate}

func newCorrectionsPanel(p *sidePanels) *correctionsPanel {
	c := &correctionsPanel{p: p, state: widget.NewLabel("")}
	c.state.Wrapping = fyne.TextWrapWord
	c.list = widget.NewList(func() int { return len(c.notes()) }, func() fyne.CanvasObject {
		return container.NewVBox(truncLabel(fyne.TextStyle{Bold: true}), truncLabel(fyne.TextStyle{}))
	}, c.fill)
	var labels []string
	for _, k := range correctionKinds {
		labels = append(labels, k.Label())
	}
	c.kind = widget.NewSelect(labels, nil)
	c.kind.SetSelectedIndex(0)
	c.text = textedit.NewLinesField(3)
	c.text.SetPlaceHolder("What was wrong, what is clearer, or what happened since — as readers will see it")
	c.add = widget.NewButton("Add to the log", c.submit)
	form := container.NewBorder(nil, container.NewVBox(container.NewBorder(nil, nil, c.kind, c.add), c.state), nil, nil, c.text)
	split := container.NewVSplit(c.list, form)
	split.Offset = 0.55
	c.content = split
	return c
}

// notes is the open article's log, oldest first.
func (c *correctionsPanel) notes() []domain.Correction {
	if a := c.p.s.article; a != nil {
		return a.Corrections
	}
	return nil
}

func (c *correctionsPanel) fill(id widget.ListItemID, o fyne.CanvasObject) {
	notes := c.notes()
	if id >= len(notes) {
		return
	}
	n := notes[id]
	rows := o.(*fyne.Container).Objects
	rows[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", n.Kind.Label(), n.At.Local().Format("2 Jan 2006 15:04"), n.By))
	rows[1].(*widget.Label).SetText(n.Text)
}

// refresh redraws the log and says whether notes can be added.
func (c *correctionsPanel) refresh() {
	c.list.Refresh()
	a := c.p.s.article
	switch {
	case a == nil:
		c.state.SetText("")
		c.add.Disable()
	case domain.CanCorrect(a) != nil:
		c.state.SetText("Corrections are for published articles: edit a draft directly.")
		c.add.Disable()
	case c.adding:
		c.add.Disable()
	default:
		c.state.SetText(fmt.Sprintf("%d in the log. A note is published with the next export and cannot be changed afterwards.", len(a.Corrections)))
		c.add.Enable()
	}
}

// submit stores the note off the UI goroutine, after saving pending edits
// (so the article's status on screen is the stored one).
func (c *correctionsPanel) submit() {
	s := c.p.s
	a := s.article
	text := strings.TrimSpace(c.text.Text())
	if a == nil || c.adding {
		return
	}
	kind := correctionKinds[max(c.kind.SelectedIndex(), 0)]
	if err := (domain.Correction{Kind: kind, Text: text}).Validate(); err != nil {
		c.state.SetText("Not added: " + err.Error())
		return
	}
	c.adding = true
	c.add.Disable()
	id, who := a.ID, s.user()
	s.Flush(func() {
		s.sched.Go(func() {
			note, err := s.store.AddCorrection(context.Background(), id, kind, text, who)
			s.sched.Do(func() { c.added(id, note, err) })
		})
	})
}

// added shows the outcome of submit.
func (c *correctionsPanel) added(id int64, note domain.Correction, err error) {
	c.adding = false
	s := c.p.s
	if s.article == nil || s.article.ID != id {
		c.refresh()
		return
	}
	if err != nil {
		c.refresh()
		c.state.SetText("Not added: " + err.Error())
		return
	}
	s.article.Corrections = append(s.article.Corrections, note)
	c.text.SetText("")
	c.refresh()
	c.p.history.invalidate()
	if s.previewShown {
		s.preview.Update(s.article)
	}
}
