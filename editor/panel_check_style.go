package editor

import (
	"fmt"

	"newsroom/domain"
	"newsroom/textedit"
)

// showStyle lists the house-style findings after the attribution ones
// (their text is a's as checked); the tab title counts the attribution
// findings, the summary both.
func (c *checkPanel) showStyle(style []domain.StyleFinding, a *domain.Article) {
	c.style = style
	c.fixing = -1
	c.fix.Hide()
	if len(style) > 0 {
		c.summary.SetText(c.summary.Text + fmt.Sprintf(" House style: %d.", len(style)))
	}
	c.list.Refresh()
}

// jumpStyle shows style finding i: in the body its range is selected;
// in the headline or standfirst that field gets the keyboard. When the
// finding has an obvious fix, the Fix button offers it.
func (c *checkPanel) jumpStyle(i int) {
	if i < 0 || i >= len(c.style) {
		return
	}
	f := c.style[i]
	s := c.p.s
	switch f.Field {
	case domain.FieldHeadline:
		s.win.Canvas().Focus(s.headline)
	case domain.FieldStandfirst:
		s.win.Canvas().Focus(s.standfirst)
	default:
		if f.Start >= 0 {
			text := s.Body().Text()
			s.Body().Select(clampOffset(f.End, len(text)), clampOffset(f.Start, len(text)))
			s.win.Canvas().Focus(s.Body())
		}
	}
	c.fixing = -1
	c.fix.Hide()
	if f.Suggestion != "" || f.Kind == domain.StyleDoubleSpace {
		c.fixing = i
		c.fix.SetText(fmt.Sprintf("Fix: %s", fixLabel(f)))
		c.fix.Show()
	}
}

// fixLabel says what the fix writes.
func fixLabel(f domain.StyleFinding) string {
	switch {
	case f.Kind == domain.StyleDoubleSpace:
		return "one space"
	case len([]rune(f.Suggestion)) > 60:
		return "“" + string([]rune(f.Suggestion)[:60]) + "…”"
	}
	return "“" + f.Suggestion + "”"
}

// applyFix writes the chosen finding's suggestion in place, when the
// field still holds the text it was found in (else the check runs again).
func (c *checkPanel) applyFix() {
	if c.fixing < 0 || c.fixing >= len(c.style) || c.p.s.article == nil {
		return
	}
	f := c.style[c.fixing]
	s := c.p.s
	c.fixing = -1
	c.fix.Hide()
	switch f.Field {
	case domain.FieldHeadline:
		if t := s.headline.Text(); f.Start >= 0 && f.End <= len(t) && f.Start <= f.End {
			s.headline.Replace(textedit.Span{Start: f.Start, End: f.End}, f.Suggestion)
		}
	case domain.FieldStandfirst:
		if t := s.standfirst.Text(); f.Start >= 0 && f.End <= len(t) && f.Start <= f.End {
			s.standfirst.Replace(textedit.Span{Start: f.Start, End: f.End}, f.Suggestion)
		}
	default:
		if c.body == s.Body().Text() {
			s.Body().Replace(textedit.Span{Start: f.Start, End: f.End}, f.Suggestion)
		}
	}
	c.schedule()
}

// styleExcerpt shows the text a style finding is about, with some of
// what surrounds it.
func styleExcerpt(a *domain.Article, f domain.StyleFinding) string {
	if a == nil || f.Start < 0 {
		return ""
	}
	text := a.Body
	switch f.Field {
	case domain.FieldHeadline:
		text = a.Headline
	case domain.FieldStandfirst:
		text = a.Standfirst
	}
	if f.End > len(text) || f.Start > f.End {
		return ""
	}
	from, to := max(0, f.Start-30), min(len(text), f.End+30)
	for from > 0 && text[from]&0xC0 == 0x80 {
		from--
	}
	for to < len(text) && text[to]&0xC0 == 0x80 {
		to++
	}
	return text[from:to]
}
