package editor

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/textedit"
)

// filingFields are the article's kind of work, section and tags.
type filingFields struct {
	s       *Screen
	kind    *revealSelect
	section *textedit.Editor
	tags    *textedit.Editor
	row     fyne.CanvasObject
}

// kindNotSaid is the choice for an article whose kind is not said.
const kindNotSaid = "(not said)"

func newFilingFields(s *Screen) *filingFields {
	f := &filingFields{s: s}
	options := []string{kindNotSaid}
	for _, k := range domain.WorkKinds {
		options = append(options, k.Label())
	}
	f.kind = newRevealSelect(options, f.kindPicked)
	f.section = textedit.NewField()
	f.section.SetPlaceHolder("Section (default: the first tag)")
	f.section.OnChanged = func(text string) {
		if s.article != nil && !s.loading {
			s.article.Section = strings.TrimSpace(text)
			s.Changed()
		}
	}
	f.tags = textedit.NewField()
	f.tags.SetPlaceHolder("Tags, separated by commas")
	f.tags.OnChanged = func(text string) {
		if s.article != nil && !s.loading {
			s.article.Keywords = domain.ParseTags(text)
			s.Changed()
		}
	}
	f.row = inOrder(layout.NewBorderLayout(nil, nil, f.kind, nil), f.kind,
		container.New(evenRow{},
			container.NewBorder(nil, nil, widget.NewLabel("Section"), nil, f.section),
			container.NewBorder(nil, nil, widget.NewLabel("Tags"), nil, f.tags)))
	return f
}

// kindPicked sets the kind of work chosen.
func (f *filingFields) kindPicked(label string) {
	s := f.s
	if s.article == nil || s.loading {
		return
	}
	var kind domain.WorkKind
	for _, k := range domain.WorkKinds {
		if k.Label() == label {
			kind = k
		}
	}
	s.article.Kind = kind
	s.Changed()
}

// fill shows a's filing; the caller has set s.loading.
func (f *filingFields) fill(a *domain.Article) {
	label := a.Kind.Label()
	if label == "" {
		label = kindNotSaid
	}
	f.kind.SetSelected(label)
	f.section.SetText(a.Section)
	f.section.SetPlaceHolder("Section (default: the first tag)")
	if first := domain.SectionOf(&domain.Article{Keywords: a.Keywords}); first != "" {
		f.section.SetPlaceHolder("Section (default: " + first + ")")
	}
	f.tags.SetText(strings.Join(a.Keywords, ", "))
}
