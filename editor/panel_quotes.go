package editor

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"newsroom/domain"
)

// quotesPanel lists the article's quote records and edits them. The body
// only places records by reference, so editing one changes every place
// it appears.
type quotesPanel struct {
	p        *sidePanels
	list     *widget.List
	selected int
	content  fyne.CanvasObject
}

func newQuotesPanel(p *sidePanels) *quotesPanel {
	q := &quotesPanel{p: p, selected: -1}
	q.list = widget.NewList(q.count, func() fyne.CanvasObject {
		return container.NewVBox(truncLabel(fyne.TextStyle{Italic: true}), truncLabel(fyne.TextStyle{}))
	}, q.fill)
	q.list.OnSelected = func(id widget.ListItemID) { q.selected = id }
	q.list.OnUnselected = func(widget.ListItemID) { q.selected = -1 }
	buttons := listButtons(
		widget.NewButton("Add", func() { q.showForm(-1) }),
		widget.NewButton("Edit", func() { q.withSelected(q.showForm) }),
		widget.NewButton("Remove", func() { q.withSelected(q.confirmRemove) }),
		widget.NewButton("↑", func() { q.withSelected(func(i int) { q.move(i, -1) }) }),
		widget.NewButton("↓", func() { q.withSelected(func(i int) { q.move(i, 1) }) }),
	)
	insert := widget.NewButton("Insert at caret", func() { q.withSelected(q.insert) })
	q.content = container.NewBorder(nil, container.NewVBox(buttons, insert), nil, nil, q.list)
	return q
}

func (q *quotesPanel) quotes() []domain.Quote {
	if a := q.p.s.article; a != nil {
		return a.Quotes
	}
	return nil
}

func (q *quotesPanel) count() int { return len(q.quotes()) }

func (q *quotesPanel) fill(id widget.ListItemID, o fyne.CanvasObject) {
	qs := q.quotes()
	if id >= len(qs) {
		return
	}
	rows := o.(*fyne.Container).Objects
	rows[0].(*widget.Label).SetText("“" + oneLine(qs[id].Text) + "”")
	who := oneLine(qs[id].Speaker)
	if who == "" {
		who = "(no speaker)"
	}
	if role := oneLine(qs[id].Role); role != "" {
		who += ", " + role
	}
	rows[1].(*widget.Label).SetText("— " + who + "  [" + qs[id].Ref + "]")
}

// refresh re-reads the working copy.
func (q *quotesPanel) refresh() {
	if q.selected >= q.count() {
		q.list.UnselectAll()
	}
	q.list.Refresh()
}

// withSelected runs fn on the selected record, or says to pick one.
func (q *quotesPanel) withSelected(fn func(int)) {
	if q.p.s.article == nil {
		return
	}
	if q.selected < 0 || q.selected >= q.count() {
		q.p.s.notice.SetText("Select a quote in the list first.")
		return
	}
	fn(q.selected)
}

// refPattern is what a quote reference may hold.
var refPattern = regexp.MustCompile(`^[a-z0-9-]+$`)

// apply stores q as record index (-1 adds it) and returns the record as
// stored. An empty reference is made from the speaker's surname; a given
// one must be unique and hold only a-z, 0-9 and hyphens.
func (q *quotesPanel) apply(index int, rec domain.Quote) (domain.Quote, error) {
	a := q.p.s.article
	if a == nil {
		return rec, errors.New("no article is open")
	}
	rec.Ref = strings.TrimSpace(rec.Ref)
	rec.Text = strings.TrimSpace(rec.Text)
	rec.Speaker, rec.Role = oneLine(rec.Speaker), oneLine(rec.Role)
	rec.Context, rec.Source = oneLine(rec.Context), oneLine(rec.Source)
	taken := make(map[string]bool)
	for i, other := range a.Quotes {
		if i != index {
			taken[other.Ref] = true
		}
	}
	switch {
	case rec.Ref == "":
		rec.Ref = autoRef(rec.Speaker, taken)
	case !refPattern.MatchString(rec.Ref):
		return rec, fmt.Errorf("reference %q may hold only a-z, 0-9 and hyphens", rec.Ref)
	case taken[rec.Ref]:
		return rec, fmt.Errorf("another quote already has the reference %q", rec.Ref)
	}
	if err := rec.Validate(); err != nil {
		return rec, fmt.Errorf("quote %q: %w", rec.Ref, err)
	}
	quotes := append([]domain.Quote(nil), a.Quotes...)
	if index < 0 || index >= len(quotes) {
		quotes = append(quotes, rec)
	} else {
		rec.ID = quotes[index].ID
		quotes[index] = rec
	}
	a.Quotes = quotes
	q.p.changed()
	return rec, nil
}

// autoRef makes a free reference from the speaker's surname: "Marie
// Harf" → "harf", then "harf-2"…; "quote" when there is no usable name.
func autoRef(speaker string, taken map[string]bool) string {
	base := ""
	if words := strings.Fields(speaker); len(words) > 0 {
		base = refWord(words[len(words)-1])
	}
	if base == "" {
		base = "quote"
	}
	ref := base
	for n := 2; taken[ref]; n++ {
		ref = fmt.Sprintf("%s-%d", base, n)
	}
	return ref
}

// refWord lower-cases w and keeps its ASCII letters, digits and hyphens,
// dropping accents ("Müller" → "muller").
func refWord(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		} else if unicode.IsSpace(r) {
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// placed reports whether the body places quote ref.
func (q *quotesPanel) placed(ref string) bool {
	a := q.p.s.article
	return a != nil && strings.Contains(a.Body, domain.QuoteMarker(ref))
}

// remove deletes record i.
func (q *quotesPanel) remove(i int) {
	a := q.p.s.article
	if a == nil || i < 0 || i >= len(a.Quotes) {
		return
	}
	a.Quotes = append(append([]domain.Quote(nil), a.Quotes[:i]...), a.Quotes[i+1:]...)
	q.list.UnselectAll()
	q.p.changed()
}

func (q *quotesPanel) confirmRemove(i int) {
	ref := q.quotes()[i].Ref
	if !q.placed(ref) {
		q.remove(i)
		return
	}
	dialog.ShowConfirm("Remove quote?",
		fmt.Sprintf("The body places this quote (%s). Remove the record anyway? The marker will point at nothing until you delete it.", domain.QuoteMarker(ref)),
		func(ok bool) {
			if ok {
				q.remove(i)
			}
		}, q.p.s.win)
}

// move moves record i up (-1) or down (+1), keeping it selected.
func (q *quotesPanel) move(i, delta int) {
	a := q.p.s.article
	quotes := append([]domain.Quote(nil), a.Quotes...)
	if !moveItem(quotes, i, delta) {
		return
	}
	a.Quotes = quotes
	q.p.changed()
	q.list.Select(i + delta)
}

// insert places record i in the body at the caret, as a paragraph of its
// own.
func (q *quotesPanel) insert(i int) {
	body := q.p.s.Body()
	start, end := body.SelectionRange()
	body.InsertAtCursor(blockInsertion(body.Text(), start, end, domain.QuoteMarker(q.quotes()[i].Ref), false))
	q.p.s.win.Canvas().Focus(body)
}
