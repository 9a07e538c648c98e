package app

import (
	"image/color"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
)

// displayAuthor is the author's name, or a stand-in for an empty one.
func displayAuthor(c *domain.Comment) string {
	if a := oneLine(c.Author, 80); a != "" {
		return a
	}
	return "(no name)"
}

// oneLine collapses white space and shortens s to at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// commentRowHead is the first line of a queue row; now gives the year
// its dates leave out.
func commentRowHead(c *domain.Comment, now time.Time) string {
	parts := []string{strings.ToUpper(string(c.Status)), displayAuthor(c)}
	if c.Email != "" {
		parts[1] += " <" + oneLine(c.Email, 80) + ">"
	}
	// The reasons come before the article and time: they are what an
	// editor decides on, and a narrow row cuts the end off.
	if len(c.Reasons) > 0 {
		parts = append(parts, strings.Join(c.Reasons, "; "))
	}
	parts = append(parts, commentDate(c.SubmittedAt, now), "on “"+articleTitle(c)+"”")
	return strings.Join(parts, " · ")
}

// commentRow is one row of the queue: a check box and two lines, set in
// by how deep a reply it is.
type commentRow struct {
	widget.BaseWidget
	indent *canvas.Rectangle
	check  *widget.Check
	head   *widget.Label
	text   *widget.Label
	box    *fyne.Container
}

// threadIndent is how far each level of reply is set in.
const threadIndent = 28

// newCommentRow builds an empty row.
func newCommentRow() *commentRow {
	r := &commentRow{indent: canvas.NewRectangle(color.Transparent), check: widget.NewCheck("", nil), head: widget.NewLabel(""), text: widget.NewLabel("")}
	r.head.Truncation = fyne.TextTruncateEllipsis
	r.head.TextStyle = fyne.TextStyle{Bold: true}
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.box = container.NewBorder(nil, nil, container.NewHBox(r.indent, r.check), nil, container.NewVBox(r.head, r.text))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row.
func (r *commentRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// show fills the row with a comment that is a reply depth levels deep.
func (r *commentRow) show(c *domain.Comment, depth int, now time.Time, checked bool, onCheck func(bool)) {
	depth = min(depth, maxThreadIndent)
	if w := float32(depth * threadIndent); r.indent.MinSize().Width != w {
		r.indent.SetMinSize(fyne.NewSize(w, 1))
		r.box.Refresh()
	}
	r.check.OnChanged = nil
	r.check.SetChecked(checked)
	r.check.OnChanged = onCheck
	head := commentRowHead(c, now)
	if depth > 0 {
		head = "↳ " + head
	}
	r.head.SetText(head)
	switch c.Status {
	case domain.CommentPending:
		r.head.Importance = widget.WarningImportance
	case domain.CommentSpam, domain.CommentTrash:
		r.head.Importance = widget.DangerImportance
	default:
		r.head.Importance = widget.MediumImportance
	}
	r.head.Refresh()
	r.text.SetText(oneLine(c.Body, commentExcerptRunes))
}

// commentList is the queue's list. It takes the keyboard focus when a
// row is tapped and passes the queue's keys to the screen.
type commentList struct {
	widget.List
	screen *CommentsScreen
}

var _ fyne.Focusable = (*commentList)(nil)

// newCommentList builds the list over the screen's rows.
func newCommentList(s *CommentsScreen) *commentList {
	l := &commentList{screen: s}
	l.Length = func() int { return len(s.rows) }
	l.CreateItem = func() fyne.CanvasObject { return newCommentRow() }
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < 0 || i >= len(s.rows) {
			return
		}
		c := &s.rows[i]
		id := c.ID
		// A tapped check box takes the keyboard focus: give it back to the
		// list, so j/k/a/s/d/u keep working after ticking a row.
		o.(*commentRow).show(c, s.depth[id], s.sched.Now(), s.checked[id], func(on bool) { s.setChecked(id, on); s.Focus() })
	}
	l.OnSelected = s.selectRow
	l.ExtendBaseWidget(l)
	return l
}

// TypedRune passes the queue's keys to the screen.
func (l *commentList) TypedRune(r rune) { l.screen.TypedRune(r) }

// TypedKey moves the current comment with the arrow keys and checks it
// with the space bar.
func (l *commentList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		l.screen.move(1)
	case fyne.KeyUp:
		l.screen.move(-1)
	case fyne.KeySpace:
		if c := l.screen.currentComment(); c != nil {
			l.screen.setChecked(c.ID, !l.screen.checked[c.ID])
			l.Refresh()
		}
	default:
		l.List.TypedKey(ev)
	}
}
