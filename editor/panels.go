package editor

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// sidePanels are the editorial panels beside the body: quote records,
// the source register, the attribution check and the history.
type sidePanels struct {
	s       *Screen
	tabs    *panelTabs
	quotes  *quotesPanel
	sources *sourcesPanel
	check   *checkPanel
	history *historyPanel
	notes   *correctionsPanel
	images  *imagesPanel
	shownID int64 // the article the panels last showed
}

// Tab positions in sidePanels.tabs.
const (
	tabQuotes = iota
	tabSources
	tabCheck
	tabHistory
	tabCorrections
	tabImages
)

// panels returns the screen's side panels, nil before buildSide.
func (s *Screen) panels() *sidePanels { return s.side }

// buildSide builds the side panels. It is called once, after the body
// editor exists: the attribution check also follows body edits.
func (s *Screen) buildSide() fyne.CanvasObject {
	p := &sidePanels{s: s}
	p.quotes = newQuotesPanel(p)
	p.sources = newSourcesPanel(p)
	p.check = newCheckPanel(p)
	p.history = newHistoryPanel(p)
	p.notes = newCorrectionsPanel(p)
	p.images = newImagesPanel(p)
	p.tabs = newPanelTabs(
		container.NewTabItem("Quotes", p.quotes.content),
		container.NewTabItem("Sources", p.sources.content),
		container.NewTabItem("Check", p.check.content),
		container.NewTabItem("History", p.history.content),
		container.NewTabItem("Corrections", p.notes.content),
		container.NewTabItem("Images", p.images.content),
	)
	p.tabs.OnSelected = func(*container.TabItem) {
		switch p.tabs.SelectedIndex() {
		case tabHistory:
			p.history.loadIfStale()
		case tabImages:
			p.images.refresh() // the body may place other images now
		}
	}
	s.side = p
	if prev := s.body.OnChanged; prev != nil {
		s.body.OnChanged = func(text string) {
			prev(text)
			if !s.loading {
				p.check.schedule()
			}
		}
	}
	return p.tabs
}

// refreshPanels makes every panel, and the preview when shown, re-read
// the working copy (after a load, a save that changed something, a fact
// check or a restore).
func (s *Screen) refreshPanels() {
	p := s.panels()
	if p == nil {
		return
	}
	var id int64
	if s.article != nil {
		id = s.article.ID
	}
	if id != p.shownID {
		p.shownID = id
		p.quotes.list.UnselectAll()
		p.sources.list.UnselectAll()
		p.history.clear()
	}
	p.quotes.refresh()
	p.sources.refresh()
	p.check.schedule()
	p.history.invalidate()
	p.notes.refresh()
	p.images.refresh()
	if s.previewShown && s.article != nil {
		s.preview.Update(s.article) // a fact check or restore changes the page
	}
}

// changed records a change a panel made to the working copy: lists are
// redrawn, an autosave is scheduled and the check runs again.
func (p *sidePanels) changed() {
	p.quotes.refresh()
	p.sources.refresh()
	p.s.Changed()
	p.check.schedule()
}

// setTabTitle renames a tab (the check shows its number of findings).
func (p *sidePanels) setTabTitle(i int, title string) {
	if p.tabs.Items[i].Text != title {
		p.tabs.Items[i].Text = title
		p.tabs.Refresh()
	}
}

// moveItem moves xs[i] by delta places; it reports whether it moved.
func moveItem[T any](xs []T, i, delta int) bool {
	j := i + delta
	if i < 0 || i >= len(xs) || j < 0 || j >= len(xs) {
		return false
	}
	xs[i], xs[j] = xs[j], xs[i]
	return true
}

// blockInsertion returns block padded with the line breaks that make it a
// paragraph of its own when it replaces text[start:end]: a blank line
// before and after, without doubling blank lines already there. With
// open, nothing is added after (the caret stays inside the block).
func blockInsertion(text string, start, end int, block string, open bool) string {
	start = clampOffset(start, len(text))
	end = clampOffset(end, len(text))
	if end < start {
		start, end = end, start
	}
	before, after := text[:start], text[end:]
	var b strings.Builder
	switch {
	case strings.TrimRight(before, " \t") == "" || strings.HasSuffix(before, "\n\n"):
	case strings.HasSuffix(before, "\n"):
		b.WriteString("\n")
	default:
		b.WriteString("\n\n")
	}
	b.WriteString(block)
	if open {
		return b.String()
	}
	switch {
	case strings.HasPrefix(after, "\n\n"):
	case strings.HasPrefix(after, "\n"):
		b.WriteString("\n")
	default:
		b.WriteString("\n\n")
	}
	return b.String()
}

// clampOffset keeps off inside [0, n].
func clampOffset(off, n int) int {
	if off < 0 {
		return 0
	}
	if off > n {
		return n
	}
	return off
}

// listButtons is the row of buttons under a panel's list.
func listButtons(objs ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWithColumns(len(objs), objs...)
}

// truncLabel is a one-line label that ellipsises long text.
// newDetailLabel is a wrapping label under a list showing the chosen row
// whole; it takes no room while empty.
func newDetailLabel() *noticeLabel {
	n := newNoticeLabel()
	n.Importance = widget.MediumImportance
	return n
}

func truncLabel(style fyne.TextStyle) *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle = style
	return l
}
