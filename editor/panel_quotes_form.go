package editor

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/textedit"
)

// showForm edits record index (-1: a new one) in a form dialog.
func (q *quotesPanel) showForm(index int) {
	var rec domain.Quote
	if index >= 0 {
		rec = q.quotes()[index]
	}
	// A placed record keeps its reference: the body names it.
	f := newQuoteFields(rec, index >= 0 && q.placed(rec.Ref), q.sourceOptions(rec.Source))
	title := "New quote"
	if index >= 0 {
		title = "Edit quote"
	}
	d := dialog.NewForm(title, "Save", "Cancel", f.items(), func(ok bool) {
		if !ok {
			return
		}
		if _, err := q.apply(index, f.quote(rec)); err != nil {
			dialog.ShowError(err, q.p.s.win)
		}
	}, q.p.s.win)
	d.Resize(fyne.NewSize(520, 480))
	d.Show()
}

// quoteFields are the entries of the quote form.
type quoteFields struct {
	ref, text, speaker, role, context *textedit.Editor // no blinking caret in the dialog
	source                            *widget.Select
	refLocked                         bool
}

// newQuoteFields fills the form from rec; sources are the picker's
// choices (see sourceOptions).
func newQuoteFields(rec domain.Quote, refLocked bool, sources []string) *quoteFields {
	f := &quoteFields{ref: textedit.NewField(), text: textedit.NewLinesField(4),
		speaker: textedit.NewField(), role: textedit.NewField(), context: textedit.NewField()}
	f.ref.SetText(rec.Ref)
	f.ref.SetPlaceHolder("from the speaker's surname")
	f.ref.SetValidator(func(s string) error {
		if s = strings.TrimSpace(s); s != "" && !refPattern.MatchString(s) {
			return errors.New("only a-z, 0-9 and hyphens")
		}
		return nil
	})
	if refLocked {
		f.ref.Disable()
		f.refLocked = true
	}
	f.text.SetText(rec.Text)
	f.text.SetValidator(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("the quote needs its words")
		}
		return nil
	})
	f.speaker.SetText(rec.Speaker)
	f.role.SetText(rec.Role)
	f.context.SetText(rec.Context)
	f.context.SetPlaceHolder("in a written statement")
	f.source = widget.NewSelect(sources, nil)
	f.source.SetSelected(noneIfEmpty(rec.Source))
	return f
}

func (f *quoteFields) items() []*widget.FormItem {
	ref := widget.NewFormItem("Reference", f.ref)
	if f.refLocked {
		ref.HintText = "the body places the quote by this reference"
	}
	return []*widget.FormItem{
		widget.NewFormItem("Text", f.text),
		widget.NewFormItem("Speaker", f.speaker),
		widget.NewFormItem("Role", f.role),
		widget.NewFormItem("Context", f.context),
		widget.NewFormItem("Source", f.source),
		ref,
	}
}

// quote returns rec with the form's values.
func (f *quoteFields) quote(rec domain.Quote) domain.Quote {
	rec.Ref, rec.Text, rec.Speaker = f.ref.Text(), f.text.Text(), f.speaker.Text()
	rec.Role, rec.Context = f.role.Text(), f.context.Text()
	rec.Source = emptyIfNone(f.source.Selected)
	return rec
}

// noSource is the source picker's choice for "no source".
const noSource = "(none)"

func noneIfEmpty(s string) string {
	if s == "" {
		return noSource
	}
	return s
}

func emptyIfNone(s string) string {
	if s == noSource {
		return ""
	}
	return s
}

// sourceOptions lists the article's source names for the picker, with
// the current value kept even when the register no longer has it.
func (q *quotesPanel) sourceOptions(current string) []string {
	opts := []string{noSource}
	found := current == ""
	if a := q.p.s.article; a != nil {
		for _, s := range a.Sources {
			opts = append(opts, s.Name)
			found = found || s.Name == current
		}
	}
	if !found {
		opts = append(opts, current)
	}
	return opts
}
