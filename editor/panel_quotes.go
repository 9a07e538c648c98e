package editor

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"golang.org/x/text/unicode/norm"

	"newsroom/domain"
	"newsroom/markup"
)

// quotesPanel lists the article's quote records and edits them. The body
// only places records by reference, so editing one changes every place
// it appears.
type quotesPanel struct {
	*recordPanel[domain.Quote]
}

func newQuotesPanel(p *sidePanels) *quotesPanel {
	q := &quotesPanel{}
	q.recordPanel = newRecordPanel(p, recordKind[domain.Quote]{
		noun:          "quote",
		titleStyle:    fyne.TextStyle{Italic: true},
		get:           func(a *domain.Article) []domain.Quote { return a.Quotes },
		set:           func(a *domain.Article, qs []domain.Quote) { a.Quotes = qs },
		lines:         quoteLines,
		edit:          q.showForm,
		confirmRemove: q.confirmRemove,
		insertLabel:   "Insert at caret",
		insert:        q.insert,
	})
	return q
}

// quotes returns the working copy's quote records.
func (q *quotesPanel) quotes() []domain.Quote { return q.records() }

// quoteLines is a quote's row: its words, then speaker, role and reference.
func quoteLines(rec domain.Quote) (title, detail string) {
	who := oneLine(rec.Speaker)
	if who == "" {
		who = "(no speaker)"
	}
	if role := oneLine(rec.Role); role != "" {
		who += ", " + role
	}
	return "“" + oneLine(rec.Text) + "”", "— " + who + "  [" + rec.Ref + "]"
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
	if old, ok := q.at(index); ok {
		rec.ID = old.ID
	}
	q.put(index, rec)
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
	return a != nil && markup.PlacesQuote(a, ref)
}

// remove deletes record i.
func (q *quotesPanel) remove(i int) { q.removeAt(i) }

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

// insert places record i in the body at the caret, as a paragraph of its
// own.
func (q *quotesPanel) insert(i int) {
	body := q.p.s.Body()
	start, end := body.SelectionRange()
	body.InsertAtCursor(blockInsertion(body.Text(), start, end, domain.QuoteMarker(q.quotes()[i].Ref), false))
	q.p.s.win.Canvas().Focus(body)
}
