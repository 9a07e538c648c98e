package editor

import (
	"strings"

	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/markup"
	"newsroom/publish"
	"newsroom/schedule"
)

// checkDelay is the pause in changes after which the attribution check
// runs again.
const checkDelay = 300 * time.Millisecond

// checkPanel lists the attribution check's findings; choosing one with a
// place in the body selects it there.
type checkPanel struct {
	p        *sidePanels
	list     *widget.List
	summary  *widget.Label
	content  fyne.CanvasObject
	findings []domain.Finding
	style    []domain.StyleFinding // house style, listed after findings
	body     string                // the body the findings were computed for
	fix      *widget.Button        // applies the chosen style finding's suggestion
	fixing   int                   // index into style of the finding fix applies, -1 none
	detail   *noticeLabel          // the chosen finding in full (list rows are cut short)

	gen   uint64 // UI goroutine only
	timer schedule.Timer
}

func newCheckPanel(p *sidePanels) *checkPanel {
	c := &checkPanel{p: p, summary: widget.NewLabel(""), fixing: -1}
	c.summary.Wrapping = fyne.TextWrapWord
	c.fix = widget.NewButton("Fix", c.applyFix)
	c.fix.Hide()
	c.detail = newDetailLabel()
	c.list = widget.NewList(func() int { return len(c.findings) + len(c.style) }, func() fyne.CanvasObject {
		return container.NewVBox(truncLabel(fyne.TextStyle{Bold: true}), truncLabel(fyne.TextStyle{Italic: true}))
	}, c.fill)
	c.list.OnSelected = func(id widget.ListItemID) {
		c.jump(id)
		c.list.UnselectAll() // so the same finding can be chosen again
	}
	c.content = container.NewBorder(c.summary, container.NewVBox(c.detail, c.fix), nil, nil, c.list)
	return c
}

func (c *checkPanel) fill(id widget.ListItemID, o fyne.CanvasObject) {
	rows := o.(*fyne.Container).Objects
	switch {
	case id < len(c.findings):
		f := c.findings[id]
		rows[0].(*widget.Label).SetText(f.Message)
		rows[1].(*widget.Label).SetText(f.Excerpt)
	case id-len(c.findings) < len(c.style):
		f := c.style[id-len(c.findings)]
		rows[0].(*widget.Label).SetText(f.Message)
		rows[1].(*widget.Label).SetText(styleExcerpt(c.p.s.article, f))
	}
}

// findingText is finding id's message and excerpt, whole.
func (c *checkPanel) findingText(id int) string {
	switch {
	case id < 0:
	case id < len(c.findings):
		f := c.findings[id]
		return strings.TrimSpace(f.Message + "\n" + f.Excerpt)
	case id-len(c.findings) < len(c.style):
		f := c.style[id-len(c.findings)]
		return strings.TrimSpace(f.Message + "\n" + styleExcerpt(c.p.s.article, f))
	}
	return ""
}

// schedule runs the check on a copy of the working copy, off the UI
// goroutine, after a short pause in changes. Results that a newer change
// has overtaken are dropped.
func (c *checkPanel) schedule() {
	c.gen++
	gen := c.gen
	if c.timer != nil {
		c.timer.Stop()
	}
	a := c.p.s.article
	if a == nil {
		c.show(nil, "")
		return
	}
	snap := cloneArticle(a)
	store := c.p.s.store
	spell := c.p.s.spell
	c.timer = c.p.s.sched.AfterFunc(checkDelay, func() {
		findings := markup.CheckAttribution(snap)
		if lib, ok := store.(publish.MediaLookup); ok {
			if images, err := publish.LibraryImages(context.Background(), lib, markup.ImageRefs(snap)); err == nil {
				findings = append(findings, markup.CheckImages(snap, images)...)
			}
		}
		settings, err := store.StyleSettings(context.Background())
		if err != nil {
			settings = domain.DefaultStyleSettings()
		}
		style := append(markup.CheckStyle(snap, settings), spell.fieldFindings(snap)...)
		c.p.s.sched.Do(func() {
			if gen == c.gen {
				c.show(findings, snap.Body)
				c.showStyle(style, snap)
			}
		})
	})
}

// show lists findings and counts them in the tab title.
func (c *checkPanel) show(findings []domain.Finding, body string) {
	c.findings, c.body = findings, body
	switch n := len(findings); n {
	case 0:
		c.summary.SetText("No findings: every quotation says who is speaking.")
		c.p.setTabTitle(tabCheck, "Check")
	case 1:
		c.summary.SetText("1 finding. Choose it to see it in the text.")
		c.p.setTabTitle(tabCheck, "Check (1)")
	default:
		c.summary.SetText(fmt.Sprintf("%d findings. Choose one to see it in the text.", n))
		c.p.setTabTitle(tabCheck, fmt.Sprintf("Check (%d)", n))
	}
	c.list.Refresh()
}

// jump selects finding id's place in the body and puts the keyboard
// there, caret at its start. Findings about a quote record open the
// Quotes tab with that record chosen.
func (c *checkPanel) jump(id int) {
	c.detail.SetText(c.findingText(id))
	if id >= len(c.findings) {
		c.jumpStyle(id - len(c.findings))
		return
	}
	if id < 0 {
		return
	}
	c.fixing = -1
	c.fix.Hide()
	f := c.findings[id]
	s := c.p.s
	if f.Offset < 0 && f.Image != "" {
		c.p.tabs.SelectIndex(tabImages)
		return
	}
	if f.Offset < 0 {
		c.p.tabs.SelectIndex(tabQuotes)
		if a := s.article; a != nil && f.Quote > 0 && f.Quote <= len(a.Quotes) {
			c.p.quotes.list.Select(f.Quote - 1)
		}
		return
	}
	text := s.Body().Text()
	start := clampOffset(f.Offset, len(text))
	end := clampOffset(f.End, len(text))
	if end < start {
		end = start
	}
	s.Body().Select(end, start)
	s.win.Canvas().Focus(s.Body())
}
