package textedit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// bodyRenderer draws the editor. It owns canvas objects only for the lines
// in the viewport (plus their selection highlights), reused between frames.
type bodyRenderer struct {
	e      *Editor
	bg     *canvas.Rectangle
	caret  *canvas.Rectangle
	thumb  *canvas.Rectangle
	hint   *canvas.Text      // a field's placeholder
	rule   *canvas.Rectangle // a field's bottom line, the primary colour when focused
	texts  []*canvas.Text
	sels   []*canvas.Rectangle
	marks  []*canvas.Rectangle
	hits   []*canvas.Rectangle
	nText  int
	nSel   int
	nMark  int
	nHit   int
	objs   []fyne.CanvasObject
	colors struct{ fg, sel, caret, bar, bg, mark, hit, hint, rule color.Color }
	// hitFrom is the theme colour colors.hit was made from.
	hitFrom color.Color
	// laidHeight is the height of the last layout.
	laidHeight float32
}

func newBodyRenderer(e *Editor) *bodyRenderer {
	r := &bodyRenderer{e: e, bg: canvas.NewRectangle(color.Transparent),
		caret: canvas.NewRectangle(color.Transparent), thumb: canvas.NewRectangle(color.Transparent),
		hint: canvas.NewText("", color.Transparent), rule: canvas.NewRectangle(color.Transparent)}
	r.update()
	return r
}

// Destroy is part of fyne.WidgetRenderer.
func (r *bodyRenderer) Destroy() {}

// MinSize is part of fyne.WidgetRenderer.
func (r *bodyRenderer) MinSize() fyne.Size { return r.e.MinSize() }

// Objects returns the background, visible lines, selection, caret and
// scroll bar: their number grows with the viewport, not with the text.
func (r *bodyRenderer) Objects() []fyne.CanvasObject { return r.objs }

// Layout is part of fyne.WidgetRenderer.
func (r *bodyRenderer) Layout(size fyne.Size) {
	r.keepCaretInView(size.Height)
	r.update()
}

// keepCaretInView scrolls a focused editor made shorter (a notice
// appearing above the body, the find bar opening) so that a caret that was
// in view stays in view: the line being typed never drops out of sight.
func (r *bodyRenderer) keepCaretInView(height float32) {
	e := r.e
	was := r.laidHeight
	r.laidHeight = height
	if !e.focused || was <= 0 || height >= was {
		return
	}
	e.ensureLayout()
	_, y, h := e.caretRect()
	pad2 := 2 * e.pad()
	if y < e.offsetY || y+h > e.offsetY+was-pad2+0.5 {
		return // it was out of view: leave the scroll where the reader put it
	}
	if bottom := e.offsetY + height - pad2; y+h > bottom {
		e.offsetY = y + h - (height - pad2)
		e.clampScroll()
	}
}

// Refresh is part of fyne.WidgetRenderer; it also picks up theme changes.
func (r *bodyRenderer) Refresh() { r.update() }

func (r *bodyRenderer) readColors() {
	th := r.e.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.colors.fg = th.Color(theme.ColorNameForeground, v)
	if r.e.valid.disabled {
		r.colors.fg = th.Color(theme.ColorNameDisabled, v)
	}
	r.colors.sel = th.Color(theme.ColorNameSelection, v)
	r.colors.caret = th.Color(theme.ColorNamePrimary, v)
	r.colors.bar = th.Color(theme.ColorNameScrollBar, v)
	r.colors.bg = th.Color(theme.ColorNameInputBackground, v)
	r.colors.mark = th.Color(theme.ColorNameError, v)
	if warn := th.Color(theme.ColorNameWarning, v); warn != r.hitFrom {
		r.hitFrom, r.colors.hit = warn, hitColor(warn) // converted once, not every frame
	}
	r.colors.hint = th.Color(theme.ColorNamePlaceHolder, v)
	r.colors.rule = th.Color(theme.ColorNameInputBorder, v)
	if r.e.focused {
		r.colors.rule = r.colors.caret
	}
}

// update places the objects for the current size, scroll and selection.
func (r *bodyRenderer) update() {
	e := r.e
	e.ensureLayout()
	r.readColors()
	size := e.Size()
	pad := e.pad()
	r.bg.FillColor = r.colors.bg
	r.bg.Resize(size)
	r.nText, r.nSel, r.nMark, r.nHit = 0, 0, 0, 0

	x0 := pad - e.field.offsetX // left edge of the text (a field scrolls sideways)
	top, bottom := e.offsetY-pad, e.offsetY+size.Height
	a, b := orderPos(e.anchor, e.caret)
	for pi := e.paraAtY(max(top, 0)); pi < len(e.doc.paras) && e.paraY[pi] < bottom; pi++ {
		p := e.doc.paras[pi]
		h := e.m.lineHeight(p.style)
		for i, l := range p.lines {
			y := e.paraY[pi] + float32(i)*h
			if y+h < top {
				continue
			}
			if y >= bottom {
				break
			}
			if len(p.hits) > 0 {
				r.drawHits(p, l, x0, pad+y-e.offsetY, h)
			}
			r.drawSelection(pi, l, i == len(p.lines)-1, a, b, x0, pad+y-e.offsetY, h)
			r.drawLine(p, l, x0, pad+y-e.offsetY, h)
			r.drawMarks(p, l, x0, pad+y-e.offsetY, h)
		}
	}
	r.drawCaret(pad)
	r.drawThumb(size)

	r.objs = append(r.objs[:0], r.bg)
	for _, s := range r.hits[:r.nHit] {
		r.objs = append(r.objs, s)
	}
	if e.field.rows > 0 || e.field.hint != "" {
		r.drawField(size, pad)
		r.objs = append(r.objs, r.hint, r.rule)
	}
	for _, s := range r.sels[:r.nSel] {
		r.objs = append(r.objs, s)
	}
	for _, t := range r.texts[:r.nText] {
		r.objs = append(r.objs, t)
	}
	for _, m := range r.marks[:r.nMark] {
		r.objs = append(r.objs, m)
	}
	r.objs = append(r.objs, r.caret, r.thumb)
	canvas.Refresh(r.caret)
}

// drawLine shows one wrapped line using the next pooled text object.
func (r *bodyRenderer) drawLine(p *bodyPara, l bodyLine, x, y, h float32) {
	if r.nText == len(r.texts) {
		r.texts = append(r.texts, canvas.NewText("", r.colors.fg))
	}
	t := r.texts[r.nText]
	r.nText++
	text, size, style := p.text[l.start:l.end], r.e.m.size(p.style), r.e.m.textStyle(p.style)
	if t.Text != text || t.TextSize != size || t.TextStyle != style || t.Color != r.colors.fg {
		t.Text, t.TextSize, t.TextStyle, t.Color = text, size, style, r.colors.fg
		t.Refresh()
	}
	spacing := r.e.m.spacing
	t.Move(fyne.NewPos(x, y+spacing/2))
	t.Resize(fyne.NewSize(l.width, h-spacing))
}

// drawMarks underlines the marks of paragraph p that fall on line l.
func (r *bodyRenderer) drawMarks(p *bodyPara, l bodyLine, x, y, h float32) {
	for _, m := range p.marks {
		from, to := max(m.start, l.start), min(m.end, l.end)
		if from >= to {
			continue
		}
		x1, x2 := r.e.lineX(p, l, from), r.e.lineX(p, l, to)
		if r.nMark == len(r.marks) {
			r.marks = append(r.marks, canvas.NewRectangle(r.colors.mark))
		}
		u := r.marks[r.nMark]
		r.nMark++
		thick := max(1, h/14)
		if u.FillColor != r.colors.mark {
			u.FillColor = r.colors.mark
			u.Refresh()
		}
		u.Move(fyne.NewPos(x+x1, y+h-thick-r.e.m.spacing/4))
		u.Resize(fyne.NewSize(x2-x1, thick))
	}
}

// drawSelection highlights the part of line l of paragraph pi inside the
// ordered selection [a, b).
func (r *bodyRenderer) drawSelection(pi int, l bodyLine, last bool, a, b bodyPos, x, y, h float32) {
	if a == b || pi < a.p || pi > b.p {
		return
	}
	p := r.e.doc.paras[pi]
	from, to := l.start, l.end
	if pi == a.p {
		from = max(from, a.off)
	}
	if pi == b.p {
		to = min(to, b.off)
	}
	through := pi < b.p && last // the selection runs on past this paragraph
	if from > to || (from == to && !through) {
		return
	}
	x1 := r.e.lineX(p, l, from)
	x2 := r.e.lineX(p, l, to)
	if through {
		x2 += h / 3 // mark the selected paragraph break
	}
	if r.nSel == len(r.sels) {
		r.sels = append(r.sels, canvas.NewRectangle(r.colors.sel))
	}
	s := r.sels[r.nSel]
	r.nSel++
	s.FillColor = r.colors.sel
	s.Move(fyne.NewPos(x+x1, y))
	s.Resize(fyne.NewSize(x2-x1, h))
	s.Refresh()
}

// drawCaret places the caret, hidden when unfocused or scrolled away.
func (r *bodyRenderer) drawCaret(pad float32) {
	e := r.e
	x, y, h := e.caretRect()
	y += pad - e.offsetY
	r.caret.FillColor = r.colors.caret
	r.caret.Hidden = !e.focused || y+h < 0 || y > e.Size().Height
	x += pad - e.field.offsetX
	r.caret.Hidden = r.caret.Hidden || x < 0 || x > e.Size().Width
	r.caret.Move(fyne.NewPos(x-1, y))
	r.caret.Resize(fyne.NewSize(2, h))
}

// drawThumb places the scroll bar thumb, hidden when everything fits.
func (r *bodyRenderer) drawThumb(size fyne.Size) {
	tY, tH, ok := r.e.thumbGeometry()
	r.thumb.Hidden = !ok
	if !ok {
		return
	}
	bw := r.e.barWidth()
	r.thumb.FillColor = r.colors.bar
	r.thumb.CornerRadius = bw / 4
	r.thumb.Move(fyne.NewPos(size.Width-bw+2, tY))
	r.thumb.Resize(fyne.NewSize(bw-4, tH))
}

// drawField shows a field's placeholder (while it is empty) and its
// bottom line.
func (r *bodyRenderer) drawField(size fyne.Size, pad float32) {
	e := r.e
	r.hint.Hidden = e.field.hint == "" || len(e.doc.paras) != 1 || e.doc.paras[0].text != ""
	if !r.hint.Hidden {
		h := e.m.lineHeight(styleBody)
		ts, st := e.m.size(styleBody), e.m.textStyle(styleBody)
		if r.hint.Text != e.field.hint || r.hint.TextSize != ts || r.hint.TextStyle != st || r.hint.Color != r.colors.hint {
			r.hint.Text, r.hint.TextSize, r.hint.TextStyle, r.hint.Color = e.field.hint, ts, st, r.colors.hint
			r.hint.Refresh()
		}
		r.hint.Move(fyne.NewPos(pad, pad+e.m.spacing/2))
		r.hint.Resize(fyne.NewSize(size.Width-2*pad, h-e.m.spacing))
	}
	r.rule.Hidden = e.field.rows == 0
	thick := float32(1)
	if e.focused {
		thick = 2
	}
	r.rule.FillColor = r.colors.rule
	r.rule.Move(fyne.NewPos(0, size.Height-thick))
	r.rule.Resize(fyne.NewSize(size.Width, thick))
	r.rule.Refresh()
}
