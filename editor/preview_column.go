package editor

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columnItem is one block of a pageColumn: its widgets are made and
// measured only once it comes near the viewport; until then its height is
// estimated from its text.
type columnItem struct {
	make     func() fyne.CanvasObject
	obj      fyne.CanvasObject // nil until made
	measured bool              // h is obj's height at the column's width
	h        float32
	chars    int     // text length, for the estimate
	scale    float32 // text size factor (headings), for the estimate
	lines    int     // explicit lines (tables, code), for the estimate
	fixed    float32 // a fixed height (image boxes), 0 when none
}

// pageColumn stacks the preview's blocks in a vertical scroll and gives
// widgets only to the blocks near the viewport: Fyne's rich text wraps a
// paragraph by measuring it many times over, so wrapping a whole long
// article at once would stall the window for seconds. Refreshing it
// does not refresh every block, and a block is measured once per width.
type pageColumn struct {
	widget.BaseWidget
	items []*columnItem
	ys    []float32 // top of each item, plus the total at the end
	width float32   // the width the measured heights are for
	shown []fyne.CanvasObject

	// view returns the scroll offset and viewport height, widthOf the
	// width the column is shown at.
	view    func() (offset, height float32)
	widthOf func() float32
	made    int // blocks made, for tests and benchmarks
	// target, when not negative, is the offset to place for instead of the
	// scroll's (scrollTo).
	target float32
}

// scrollTop returns the offset that shows item i at the top, after making
// and measuring the blocks around it (which moves it when the estimates
// above it were off).
func (c *pageColumn) scrollTop(i int) float32 {
	defer func() { c.target = -1 }()
	y := c.top(i)
	for range 4 {
		c.target = y
		c.place(c.widthOf())
		if c.top(i) == y {
			break
		}
		y = c.top(i)
	}
	return y
}

func newPageColumn(widthOf func() float32, view func() (float32, float32)) *pageColumn {
	c := &pageColumn{widthOf: widthOf, view: view, target: -1}
	c.ExtendBaseWidget(c)
	return c
}

// SetItems replaces the blocks; items keep what they were given.
func (c *pageColumn) SetItems(items []*columnItem) {
	c.items = items
	c.place(c.widthOf())
}

// gap is the space between blocks.
func (c *pageColumn) gap() float32 { return theme.Padding() }

// place lays the items out at width w: a measured height where known, an
// estimate elsewhere, then makes and measures the items near the
// viewport (which may move the ones below).
func (c *pageColumn) place(w float32) {
	if w <= 0 {
		return
	}
	if w != c.width {
		c.width = w
		for _, it := range c.items {
			it.measured = false
		}
	}
	off, vh := c.view()
	if c.target >= 0 {
		off = c.target
	}
	lo, hi := off-vh, off+2*vh // a viewport of margin either side
	c.ys = c.ys[:0]
	c.shown = c.shown[:0]
	y := float32(0)
	est := c.estimator(w)
	for _, it := range c.items {
		c.ys = append(c.ys, y)
		if !it.measured {
			it.h = est(it)
		}
		if y+it.h >= lo && y <= hi {
			if it.obj == nil {
				it.obj = it.make()
				c.made++
			}
			if !it.measured {
				it.obj.Resize(fyne.NewSize(w, it.obj.Size().Height)) // wraps rich text at w
				it.h = it.obj.MinSize().Height
				it.measured = true
			}
			c.shown = append(c.shown, it.obj)
		}
		y += it.h + c.gap()
	}
	c.ys = append(c.ys, max(0, y-c.gap()))
}

// estimator returns the estimated height of an unmeasured item at width w.
func (c *pageColumn) estimator(w float32) func(*columnItem) float32 {
	size := theme.TextSize()
	charW := fyne.MeasureText("the quick brown fox jumps over the lazy dog", size, fyne.TextStyle{}).Width / 43
	lineH := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	pad := 2 * theme.InnerPadding()
	return func(it *columnItem) float32 {
		if it.fixed > 0 {
			return it.fixed
		}
		lines := float32(it.lines)
		if lines == 0 {
			perLine := max(1, (w-pad)/(charW*it.scale))
			lines = float32(math.Ceil(float64(float32(it.chars) / perLine)))
		}
		return max(1, lines)*lineH*it.scale + pad
	}
}

// top is the y of item i.
func (c *pageColumn) top(i int) float32 {
	if i < 0 || i >= len(c.ys) {
		return 0
	}
	return c.ys[i]
}

// MinSize is the height of the blocks at the width the column is shown at.
func (c *pageColumn) MinSize() fyne.Size {
	if w := c.widthOf(); w > 0 && (w != c.width || len(c.ys) != len(c.items)+1) {
		c.place(w)
	}
	if len(c.ys) == 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(0, c.ys[len(c.ys)-1])
}

// CreateRenderer is part of fyne.Widget.
func (c *pageColumn) CreateRenderer() fyne.WidgetRenderer { return &pageColumnRenderer{c} }

type pageColumnRenderer struct{ c *pageColumn }

func (r *pageColumnRenderer) Destroy() {}

func (r *pageColumnRenderer) Objects() []fyne.CanvasObject { return r.c.shown }

func (r *pageColumnRenderer) MinSize() fyne.Size { return r.c.MinSize() }

// Layout places the blocks near the viewport one under the other.
func (r *pageColumnRenderer) Layout(size fyne.Size) {
	c := r.c
	c.place(size.Width)
	for i, it := range c.items {
		if it.obj == nil || !it.measured {
			continue
		}
		it.obj.Move(fyne.NewPos(0, c.ys[i]))
		it.obj.Resize(fyne.NewSize(size.Width, it.h))
	}
}

// Refresh lays the blocks out again without refreshing each of them.
func (r *pageColumnRenderer) Refresh() {
	r.Layout(r.c.Size())
	canvas := fyne.CurrentApp().Driver().CanvasForObject(r.c)
	if canvas != nil {
		canvas.Refresh(r.c)
	}
}
