package editor

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
)

// recordKind is what a record-list panel knows of its records: where the
// working copy keeps them, how a row shows one, and the actions that
// differ from one kind to another.
type recordKind[T any] struct {
	noun       string         // "quote": "Select a quote in the list first."
	titleStyle fyne.TextStyle // of a row's first line
	get        func(a *domain.Article) []T
	set        func(a *domain.Article, records []T)
	lines      func(rec T) (title, detail string)

	edit          func(index int) // -1 adds a record
	confirmRemove func(index int)
	insertLabel   string
	insert        func(index int) // places the record in the body
}

// recordPanel is a side panel listing the records of one kind of the
// working copy, with Add, Edit, Remove, ↑, ↓ and an insert button. The
// quote and source panels are two of them.
type recordPanel[T any] struct {
	p        *sidePanels
	kind     recordKind[T]
	list     *widget.List
	selected int
	detail   *noticeLabel // the selected record in full (list rows are cut short)
	content  fyne.CanvasObject
}

// newRecordPanel builds the list and its buttons for kind.
func newRecordPanel[T any](p *sidePanels, kind recordKind[T]) *recordPanel[T] {
	r := &recordPanel[T]{p: p, kind: kind, selected: -1}
	r.list = widget.NewList(r.count, func() fyne.CanvasObject {
		return container.NewVBox(truncLabel(kind.titleStyle), truncLabel(fyne.TextStyle{}))
	}, r.fill)
	r.detail = newDetailLabel()
	r.list.OnSelected = func(id widget.ListItemID) {
		r.selected = id
		r.showDetail()
	}
	r.list.OnUnselected = func(widget.ListItemID) {
		r.selected = -1
		r.detail.SetText("")
	}
	buttons := listButtons(
		widget.NewButton("Add", func() { kind.edit(-1) }),
		widget.NewButton("Edit", func() { r.withSelected(kind.edit) }),
		widget.NewButton("Remove", func() { r.withSelected(kind.confirmRemove) }),
		widget.NewButton("↑", func() { r.withSelected(func(i int) { r.move(i, -1) }) }),
		widget.NewButton("↓", func() { r.withSelected(func(i int) { r.move(i, 1) }) }),
	)
	insert := widget.NewButton(kind.insertLabel, func() { r.withSelected(kind.insert) })
	r.content = container.NewBorder(nil, container.NewVBox(r.detail, buttons, insert), nil, nil, r.list)
	return r
}

// records returns the working copy's records (nil when nothing is open).
func (r *recordPanel[T]) records() []T {
	if a := r.p.s.article; a != nil {
		return r.kind.get(a)
	}
	return nil
}

func (r *recordPanel[T]) count() int { return len(r.records()) }

// at returns record i and whether there is one.
func (r *recordPanel[T]) at(i int) (T, bool) {
	recs := r.records()
	if i < 0 || i >= len(recs) {
		var zero T
		return zero, false
	}
	return recs[i], true
}

func (r *recordPanel[T]) fill(id widget.ListItemID, o fyne.CanvasObject) {
	rec, ok := r.at(id)
	if !ok {
		return
	}
	title, detail := r.kind.lines(rec)
	rows := o.(*fyne.Container).Objects
	rows[0].(*widget.Label).SetText(title)
	rows[1].(*widget.Label).SetText(detail)
}

// refresh re-reads the working copy.
func (r *recordPanel[T]) refresh() {
	if r.selected >= r.count() {
		r.list.UnselectAll()
	}
	r.list.Refresh()
	r.showDetail()
}

// showDetail shows the selected record's lines whole, wrapped.
func (r *recordPanel[T]) showDetail() {
	rec, ok := r.at(r.selected)
	if !ok {
		r.detail.SetText("")
		return
	}
	title, detail := r.kind.lines(rec)
	r.detail.SetText(strings.TrimSpace(title + "\n" + detail))
}

// withSelected runs fn on the selected record, or says to pick one.
func (r *recordPanel[T]) withSelected(fn func(int)) {
	if r.p.s.article == nil {
		return
	}
	if r.selected < 0 || r.selected >= r.count() {
		r.p.s.notice.SetText("Select a " + r.kind.noun + " in the list first.")
		return
	}
	fn(r.selected)
}

// put stores rec as record index, or adds it when index is -1 (or out of
// range), and records the change.
func (r *recordPanel[T]) put(index int, rec T) {
	a := r.p.s.article
	recs := append([]T(nil), r.kind.get(a)...)
	if index < 0 || index >= len(recs) {
		recs = append(recs, rec)
	} else {
		recs[index] = rec
	}
	r.kind.set(a, recs)
	r.p.changed()
}

// removeAt deletes record i and records the change.
func (r *recordPanel[T]) removeAt(i int) {
	a := r.p.s.article
	if a == nil {
		return
	}
	recs := r.kind.get(a)
	if i < 0 || i >= len(recs) {
		return
	}
	r.kind.set(a, append(append([]T(nil), recs[:i]...), recs[i+1:]...))
	r.list.UnselectAll()
	r.p.changed()
}

// move moves record i up (-1) or down (+1), keeping it selected.
func (r *recordPanel[T]) move(i, delta int) {
	a := r.p.s.article
	if a == nil {
		return
	}
	recs := append([]T(nil), r.kind.get(a)...)
	if !moveItem(recs, i, delta) {
		return
	}
	r.kind.set(a, recs)
	r.p.changed()
	r.list.Select(i + delta)
}
