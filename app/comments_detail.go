package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
)

// Styles of the detail pane: every part is a block of its own in one
// RichText, so long lines wrap and push what follows down instead of
// being drawn over it.
var (
	detailHeadStyle  = blockStyle(fyne.TextStyle{Bold: true}, widget.RichTextStyleParagraph.ColorName)
	detailMetaStyle  = blockStyle(fyne.TextStyle{}, widget.RichTextStyleParagraph.ColorName)
	detailQuoteStyle = blockStyle(fyne.TextStyle{Italic: true}, widget.RichTextStyleParagraph.ColorName)
)

// blockStyle is a paragraph style with another text style.
func blockStyle(ts fyne.TextStyle, color fyne.ThemeColorName) widget.RichTextStyle {
	st := widget.RichTextStyleParagraph
	st.TextStyle = ts
	st.ColorName = color
	return st
}

// newCommentDetail builds the detail pane's text.
func newCommentDetail() *widget.RichText {
	rt := widget.NewRichText()
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// showDetail fills the detail pane from the current comment: who, on
// which article, the meta lines, the comment it answers, its text and
// the replies to it on this page.
func (s *CommentsScreen) showDetail() {
	s.detail.Segments = s.detailSegments()
	s.detail.Refresh()
	if s.detailScroll != nil {
		s.detailScroll.ScrollToTop()
		s.detailScroll.Refresh()
	}
}

// detailSegments is what showDetail shows.
func (s *CommentsScreen) detailSegments() []widget.RichTextSegment {
	text := func(st widget.RichTextStyle, t string) widget.RichTextSegment {
		return &widget.TextSegment{Style: st, Text: strings.ToValidUTF8(t, "\uFFFD")}
	}
	c := s.currentComment()
	if c == nil {
		return []widget.RichTextSegment{
			text(detailHeadStyle, "No comment selected"),
			text(detailMetaStyle, "j and k move, a approves, s marks spam, d trashes, u unapproves."),
		}
	}
	now := s.sched.Now()
	segs := []widget.RichTextSegment{
		text(detailHeadStyle, fmt.Sprintf("%s on “%s” — %s", displayAuthor(c), articleTitle(c), c.Status)),
	}
	add := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			segs = append(segs, text(detailMetaStyle, label+": "+oneLine(value, 400)))
		}
	}
	add("Email", c.Email)
	add("Website", c.URL)
	add("Address", c.ClientAddr)
	add("Browser", c.UserAgent)
	add("Sent", c.SubmittedAt.In(now.Location()).Format("Mon 2 Jan 2006 15:04"))
	if c.Type != domain.TypeComment && c.Type != "" {
		add("Type", string(c.Type))
	}
	if c.ByEditor {
		add("Written by", "an editor")
	}
	add("Reasons", strings.Join(c.Reasons, "; "))
	segs = append(segs, &widget.SeparatorSegment{})
	if c.ParentID != 0 {
		if p, ok := s.parentOf(c); ok {
			segs = append(segs,
				text(detailMetaStyle, fmt.Sprintf("In reply to %s, %s (%s):", displayAuthor(&p), commentDate(p.SubmittedAt, now), p.Status)),
				text(detailQuoteStyle, "    "+oneLine(p.Body, 600)))
		} else {
			segs = append(segs, text(detailMetaStyle, fmt.Sprintf("In reply to comment %d", c.ParentID)))
		}
	}
	segs = append(segs, text(widget.RichTextStyleParagraph, c.Body))
	var replies []widget.RichTextSegment
	for i := range s.rows {
		r := &s.rows[i]
		if r.ParentID == c.ID && r.ID != c.ID {
			replies = append(replies, text(detailMetaStyle, fmt.Sprintf("    ↳ %s, %s: %s",
				displayAuthor(r), commentDate(r.SubmittedAt, now), oneLine(r.Body, commentExcerptRunes))))
		}
	}
	if len(replies) > 0 {
		segs = append(segs, &widget.SeparatorSegment{}, text(detailHeadStyle, fmt.Sprintf("Replies (%d)", len(replies))))
		segs = append(segs, replies...)
	}
	return segs
}

// parentOf finds the comment c answers: on this page, or as loaded with
// the page.
func (s *CommentsScreen) parentOf(c *domain.Comment) (domain.Comment, bool) {
	for _, r := range s.rows {
		if r.ID == c.ParentID {
			return r, true
		}
	}
	p, ok := s.parents[c.ParentID]
	return p, ok
}

// detailText is the pane's text, for tests.
func (s *CommentsScreen) detailText() string {
	var b strings.Builder
	for _, seg := range s.detail.Segments {
		if t, ok := seg.(*widget.TextSegment); ok {
			b.WriteString(t.Text + "\n")
		}
	}
	return b.String()
}
