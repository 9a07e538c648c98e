package editor

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/markup"
	"newsroom/textedit"
)

// sourcesPanel edits the article's source register. Sources are shared
// across articles by name: saving upserts them by name.
type sourcesPanel struct {
	*recordPanel[domain.Source]
}

func newSourcesPanel(p *sidePanels) *sourcesPanel {
	sp := &sourcesPanel{}
	sp.recordPanel = newRecordPanel(p, recordKind[domain.Source]{
		noun:          "source",
		titleStyle:    fyne.TextStyle{Bold: true},
		get:           func(a *domain.Article) []domain.Source { return a.Sources },
		set:           func(a *domain.Article, ss []domain.Source) { a.Sources = ss },
		lines:         sourceLines,
		edit:          sp.showForm,
		confirmRemove: sp.confirmRemove,
		insertLabel:   "Insert excerpt",
		insert:        sp.insertExcerpt,
	})
	return sp
}

// sources returns the working copy's source register.
func (sp *sourcesPanel) sources() []domain.Source { return sp.records() }

// sourceLines is a source's row: its name, then kind and address.
func sourceLines(src domain.Source) (title, detail string) {
	detail = string(src.Kind)
	if src.URL != "" {
		detail += " · " + src.URL
	}
	return src.Name, detail
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
	if old, ok := sp.at(index); ok {
		src.ID = old.ID
		if old.Name != src.Name {
			a.Quotes = renameQuoteSource(a.Quotes, old.Name, src.Name)
		}
	}
	sp.put(index, src)
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
	a.Quotes = renameQuoteSource(a.Quotes, a.Sources[i].Name, "")
	sp.removeAt(i)
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
	name := NewChoiceField(nil)
	name.SetText(src.Name)
	name.Field.SetPlaceHolder("The Guardian — or pick one used before")
	name.Field.SetValidator(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a source needs a name")
		}
		return nil
	})
	if index >= 0 && markup.CreditsExcerpt(sp.p.s.article, src.Name) {
		name.Disable() // excerpts in the body credit it by this name
	}
	kinds := make([]string, len(domain.SourceKinds))
	for i, k := range domain.SourceKinds {
		kinds[i] = string(k)
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelected(string(src.Kind))
	link := textedit.NewField()
	link.SetText(src.URL)
	link.SetPlaceHolder("https://…")
	note := textedit.NewLinesField(3)
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
		src.Name, src.Kind, src.URL, src.Note = name.Text(), domain.SourceKind(kind.Selected), link.Text(), note.Text()
		if _, err := sp.apply(index, src); err != nil {
			dialog.ShowError(err, sp.p.s.win)
		}
	}, sp.p.s.win)
	d.Resize(fyne.NewSize(480, 380))
	d.Show()
	if !name.Disabled() {
		sp.p.s.win.Canvas().Focus(name.Field) // type the name at once
	}
}

// SourceLister is implemented by stores that keep a source register shared
// across articles; the source form then offers its entries.
type SourceLister interface {
	ListSources(ctx context.Context) ([]domain.Source, error)
}

// offerKnownSources loads the shared register off the UI goroutine and
// offers its names; picking one fills in its kind, URL and note.
func (sp *sourcesPanel) offerKnownSources(name *ChoiceField, kind *widget.Select, link, note *textedit.Editor) {
	lister, ok := sp.p.s.store.(SourceLister)
	if !ok {
		return
	}
	sp.p.s.sched.Go(func() {
		known, err := lister.ListSources(context.Background())
		if err != nil || len(known) == 0 {
			return
		}
		sp.p.s.sched.Do(func() {
			names := make([]string, len(known))
			for i, k := range known {
				names[i] = k.Name
			}
			name.SetOptions(names)
			name.Field.OnChanged = func(text string) {
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
	})
}
