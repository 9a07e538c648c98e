package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
)

// TestRecordPanelsShareTheirBehaviour runs the generic list behaviour on
// both kinds of records: rows, the selection notice, add, replace, move
// and remove, out-of-range indexes ignored.
func TestRecordPanelsShareTheirBehaviour(t *testing.T) {
	s, _ := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "Intro.",
		Sources: []domain.Source{guardian},
		Quotes:  []domain.Quote{{Ref: "harf", Text: "Yes.", Speaker: "Marie Harf", Role: "spokeswoman"}}})
	row := func(list *widget.List, i int) (string, string) {
		o := list.CreateItem()
		list.UpdateItem(i, o)
		rows := o.(*fyne.Container).Objects
		return rows[0].(*widget.Label).Text, rows[1].(*widget.Label).Text
	}
	qp, sp := s.panels().quotes, s.panels().sources
	if title, detail := row(qp.list, 0); title != "“Yes.”" || detail != "— Marie Harf, spokeswoman  [harf]" {
		t.Errorf("quote row %q / %q", title, detail)
	}
	if title, detail := row(sp.list, 0); title != "The Guardian" || detail != string(guardian.Kind)+" · "+guardian.URL {
		t.Errorf("source row %q / %q", title, detail)
	}

	called := false
	sp.withSelected(func(int) { called = true })
	if called || s.notice.Text != "Select a source in the list first." {
		t.Fatalf("with nothing selected: called %v, notice %q", called, s.notice.Text)
	}
	qp.withSelected(func(int) { called = true })
	if called || s.notice.Text != "Select a quote in the list first." {
		t.Fatalf("with nothing selected: called %v, notice %q", called, s.notice.Text)
	}

	sp.put(-1, domain.Source{Name: "Reuters", Kind: domain.SourceNewsAgency})
	sp.put(0, domain.Source{Name: "The Guardian", Kind: domain.SourceNewspaper, Note: "edited"})
	if len(s.article.Sources) != 2 || s.article.Sources[0].Note != "edited" || s.article.Sources[1].Name != "Reuters" {
		t.Fatalf("after put: %+v", s.article.Sources)
	}
	sp.list.Select(1)
	sp.move(1, -1)
	if s.article.Sources[0].Name != "Reuters" || sp.selected != 0 {
		t.Fatalf("after move: %+v, selected %d", s.article.Sources, sp.selected)
	}
	sp.move(0, -1)
	sp.removeAt(5)
	if len(s.article.Sources) != 2 || s.article.Sources[0].Name != "Reuters" {
		t.Fatalf("out-of-range move or remove changed %+v", s.article.Sources)
	}
	qp.removeAt(0)
	if len(s.article.Quotes) != 0 || qp.count() != 0 {
		t.Fatalf("after removing the quote: %+v", s.article.Quotes)
	}
	if _, ok := qp.at(0); ok {
		t.Fatal("at(0) of an empty list reports a record")
	}
}
