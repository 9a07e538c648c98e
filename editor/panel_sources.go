package editor

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/markup"
)

// sourcesPanel edits the article's source register. Sources are shared
// across articles by name: saving upserts them by name.
type sourcesPanel struct {
	p        *sidePanels
	list     *widget.List
	selected int
	content  fyne.CanvasObject
}

func newSourcesPanel(p *sidePanels) *sourcesPanel {
	sp := &sourcesPanel{p: p, selected: -1}
	sp.list = widget.NewList(sp.count, func() fyne.CanvasObject {
		return container.NewVBox(truncLabel(fyne.TextStyle{Bold: true}), truncLabel(fyne.TextStyle{}))
	}, sp.fill)
	sp.list.OnSelected = func(id widget.ListItemID) { sp.selected = id }
	sp.list.OnUnselected = func(widget.ListItemID) { sp.selected = -1 }
	buttons := listButtons(
		widget.NewButton("Add", func() { sp.showForm(-1) }),
		widget.NewButton("Edit", func() { sp.withSelected(sp.showForm) }),
		widget.NewButton("Remove", func() { sp.withSelected(sp.confirmRemove) }),
		widget.NewButton("↑", func() { sp.withSelected(func(i int) { sp.move(i, -1) }) }),
		widget.NewButton("↓", func() { sp.withSelected(func(i int) { sp.move(i, 1) }) }),
	)
	insert := widget.NewButton("Insert excerpt", func() { sp.withSelected(sp.insertExcerpt) })
	sp.content = container.NewBorder(nil, container.NewVBox(buttons, insert), nil, nil, sp.list)
	return sp
}

func (sp *sourcesPanel) sources() []domain.Source {
	if a := sp.p.s.article; a != nil {
		return a.Sources
	}
	return nil
}

func (sp *sourcesPanel) count() int { return len(sp.sources()) }

func (sp *sourcesPanel) fill(id widget.ListItemID, o fyne.CanvasObject) {
	ss := sp.sources()
	if id >= len(ss) {
		return
	}
	rows := o.(*fyne.Container).Objects
	rows[0].(*widget.Label).SetText(ss[id].Name)
	detail := string(ss[id].Kind)
	if ss[id].URL != "" {
		detail += " · " + ss[id].URL
	}
	rows[1].(*widget.Label).SetText(detail)
}

// refresh re-reads the working copy.
func (sp *sourcesPanel) refresh() {
	if sp.selected >= sp.count() {
		sp.list.UnselectAll()
	}
	sp.list.Refresh()
}

func (sp *sourcesPanel) withSelected(fn func(int)) {
	if sp.p.s.article == nil {
		return
	}
	if sp.selected < 0 || sp.selected >= sp.count() {
		sp.p.s.notice.SetText("Select a source in the list first.")
		return
	}
	fn(sp.selected)
}

// apply stores src as entry index (-1 adds it). Names are unique in the
// register (ignoring case). Renaming updates the quotes that credit the
// source.
func (sp *sourcesPanel) apply(index int, src domain.Source) (domain.Source, error) {
	a := sp.p.s.article
	if a == nil {
		return src, errors.New("no article is open")
	}
	src.Name, src.URL = oneLine(src.Name), strings.TrimSpace(src.URL)
	src.Note = strings.TrimSpace(src.Note)
	if src.Kind == "" {
		src.Kind = domain.SourceNewspaper
	}
	for i, other := range a.Sources {
		if i != index && strings.EqualFold(other.Name, src.Name) {
			return src, fmt.Errorf("the article already has a source named %q", other.Name)
		}
	}
	if src.URL != "" {
		if u, err := url.Parse(src.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return src, fmt.Errorf("source %q: the address must start with http:// or https://", src.Name)
		}
	}
	if err := src.Validate(); err != nil {
		return src, fmt.Errorf("source %q: %w", src.Name, err)
	}
	sources := append([]domain.Source(nil), a.Sources...)
	if index < 0 || index >= len(sources) {
		sources = append(sources, src)
	} else {
		old := sources[index].Name
		src.ID = sources[index].ID
		sources[index] = src
		if old != src.Name {
			a.Quotes = renameQuoteSource(a.Quotes, old, src.Name)
		}
	}
	a.Sources = sources
	sp.p.changed()
	return src, nil
}

// renameQuoteSource returns quotes with credits to old renamed to name.
func renameQuoteSource(quotes []domain.Quote, old, name string) []domain.Quote {
	out := append([]domain.Quote(nil), quotes...)
	for i := range out {
		if strings.EqualFold(strings.TrimSpace(out[i].Source), old) {
			out[i].Source = name
		}
	}
	return out
}

// usedBy counts the quotes crediting name and whether the body does.
func (sp *sourcesPanel) usedBy(name string) (quotes int, body bool) {
	a := sp.p.s.article
	for _, q := range a.Quotes {
		if strings.EqualFold(strings.TrimSpace(q.Source), name) {
			quotes++
		}
	}
	return quotes, markup.CreditsExcerpt(a, name)
}

// remove deletes entry i; quotes crediting it lose their source.
func (sp *sourcesPanel) remove(i int) {
	a := sp.p.s.article
	if a == nil || i < 0 || i >= len(a.Sources) {
		return
	}
	name := a.Sources[i].Name
	a.Sources = append(append([]domain.Source(nil), a.Sources[:i]...), a.Sources[i+1:]...)
	a.Quotes = renameQuoteSource(a.Quotes, name, "")
	sp.list.UnselectAll()
	sp.p.changed()
}

func (sp *sourcesPanel) confirmRemove(i int) {
	name := sp.sources()[i].Name
	quotes, body := sp.usedBy(name)
	if quotes == 0 && !body {
		sp.remove(i)
		return
	}
	var uses []string
	if quotes > 0 {
		uses = append(uses, fmt.Sprintf("%d quote(s) credit it and will have no source", quotes))
	}
	if body {
		uses = append(uses, "the body credits an excerpt to it")
	}
	dialog.ShowConfirm("Remove source?", fmt.Sprintf("%s: %s. Remove it anyway?", name, strings.Join(uses, "; ")),
		func(ok bool) {
			if ok {
				sp.remove(i)
			}
		}, sp.p.s.win)
}

func (sp *sourcesPanel) move(i, delta int) {
	a := sp.p.s.article
	sources := append([]domain.Source(nil), a.Sources...)
	if !moveItem(sources, i, delta) {
		return
	}
	a.Sources = sources
	sp.p.changed()
	sp.list.Select(i + delta)
}

// insertExcerpt starts a credited excerpt of source i at the caret; the
// caret is left on the quoted line, ready for the passage.
func (sp *sourcesPanel) insertExcerpt(i int) {
	body := sp.p.s.Body()
	start, end := body.SelectionRange()
	block := domain.ExcerptMarker(sp.sources()[i].Name) + "\n> "
	body.InsertAtCursor(blockInsertion(body.Text(), start, end, block, true))
	sp.p.s.win.Canvas().Focus(body)
}

// showForm edits entry index (-1: a new one) in a form dialog.
func (sp *sourcesPanel) showForm(index int) {
	src := domain.Source{Kind: domain.SourceNewspaper}
	if index >= 0 {
		src = sp.sources()[index]
	}
	name := widget.NewSelectEntry(nil)
	name.SetText(src.Name)
	name.SetPlaceHolder("The Guardian — or pick one used before")
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a source needs a name")
		}
		return nil
	}
	if index >= 0 && markup.CreditsExcerpt(sp.p.s.article, src.Name) {
		name.Disable() // excerpts in the body credit it by this name
	}
	kinds := make([]string, len(domain.SourceKinds))
	for i, k := range domain.SourceKinds {
		kinds[i] = string(k)
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelected(string(src.Kind))
	link := widget.NewEntry()
	link.SetText(src.URL)
	link.SetPlaceHolder("https://…")
	note := widget.NewMultiLineEntry()
	note.Wrapping = fyne.TextWrapWord
	note.SetMinRowsVisible(3)
	note.SetText(src.Note)
	note.SetPlaceHolder("private: how reliable, how reached (never published)")
	title := "New source"
	if index >= 0 {
		title = "Edit source"
	} else {
		sp.offerKnownSources(name, kind, link, note)
	}
	d := dialog.NewForm(title, "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("URL", link),
		widget.NewFormItem("Note", note),
	}, func(ok bool) {
		if !ok {
			return
		}
		src.Name, src.Kind, src.URL, src.Note = name.Text, domain.SourceKind(kind.Selected), link.Text, note.Text
		if _, err := sp.apply(index, src); err != nil {
			dialog.ShowError(err, sp.p.s.win)
		}
	}, sp.p.s.win)
	d.Resize(fyne.NewSize(480, 380))
	d.Show()
}

// SourceLister is implemented by stores that keep a source register shared
// across articles; the source form then offers its entries.
type SourceLister interface {
	ListSources(ctx context.Context) ([]domain.Source, error)
}

// offerKnownSources loads the shared register off the UI goroutine and
// offers its names; picking one fills in its kind, URL and note.
func (sp *sourcesPanel) offerKnownSources(name *widget.SelectEntry, kind *widget.Select, link, note *widget.Entry) {
	lister, ok := sp.p.s.store.(SourceLister)
	if !ok {
		return
	}
	go func() {
		known, err := lister.ListSources(context.Background())
		if err != nil || len(known) == 0 {
			return
		}
		fyne.Do(func() {
			names := make([]string, len(known))
			for i, k := range known {
				names[i] = k.Name
			}
			name.SetOptions(names)
			name.OnChanged = func(text string) {
				for _, k := range known {
					if strings.EqualFold(strings.TrimSpace(text), k.Name) {
						kind.SetSelected(string(k.Kind))
						link.SetText(k.URL)
						note.SetText(k.Note)
						return
					}
				}
			}
		})
	}()
}
