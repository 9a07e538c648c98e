package editor

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// renderedPage is a finished preview render: the blocks, a key per block
// that changes whenever what it shows changes, each block's text and the
// page's. It is made off the UI goroutine.
type renderedPage struct {
	blocks []previewBlock
	keys   []string
	texts  []string
	text   string
}

// newRenderedPage computes the keys and texts of blocks.
func newRenderedPage(blocks []previewBlock) renderedPage {
	p := renderedPage{blocks: blocks, keys: make([]string, len(blocks)), texts: make([]string, len(blocks))}
	for i, b := range blocks {
		p.keys[i] = b.key()
		p.texts[i] = b.plain()
	}
	p.text = strings.TrimRight(strings.Join(p.texts, "\n\n"), "\n")
	return p
}

// pageView shows a renderedPage as a scrolling column of blocks. A new
// render keeps the blocks whose key did not change, so typing in a long
// article re-wraps one block, not the page; blocks get widgets only near
// the viewport.
type pageView struct {
	box      *pageColumn
	scroll   *container.Scroll
	blocks   []previewBlock
	keys     []string
	items    []*columnItem
	followed int // the block the scroll last followed the caret to, -1 none
	built    int // blocks new in the last show (for tests)
}

func newPageView() *pageView {
	v := &pageView{followed: -1}
	v.box = newPageColumn(func() float32 { return v.scroll.Size().Width },
		func() (float32, float32) { return v.scroll.Offset.Y, v.scroll.Size().Height })
	v.scroll = container.NewVScroll(v.box)
	v.scroll.OnScrolled = func(fyne.Position) { v.scroll.Refresh() }
	return v
}

// show puts page on screen (UI goroutine), reusing the blocks that did
// not change; without keepScroll it shows the top.
func (v *pageView) show(page renderedPage, keepScroll bool) {
	old := make(map[string][]*columnItem, len(v.keys))
	for i, k := range v.keys {
		old[k] = append(old[k], v.items[i])
	}
	items := make([]*columnItem, len(page.blocks))
	v.built = 0
	for i, b := range page.blocks {
		if same := old[page.keys[i]]; len(same) > 0 {
			items[i], old[page.keys[i]] = same[0], same[1:]
			continue
		}
		items[i] = b.item(page.texts[i])
		v.built++
	}
	v.blocks, v.keys, v.items = page.blocks, page.keys, items
	if !keepScroll {
		v.scroll.Offset = fyne.Position{}
	}
	v.box.SetItems(items)
	v.followed = -1
	v.scroll.Refresh()
}

// follow scrolls to the block holding body offset off, the headline for
// the body's first block; unless force, only when that is another block
// than last time, so it never fights the reader's own scrolling.
func (v *pageView) follow(off int, force bool) {
	i, first := -1, -1
	for j, b := range v.blocks {
		if b.at < 0 {
			continue
		}
		if first < 0 {
			first = j
		}
		if b.at > off {
			break
		}
		i = j
	}
	if i < 0 {
		i = first
	}
	if i < 0 || (i == v.followed && !force) {
		return
	}
	v.followed = i
	y := float32(0)
	if i != first {
		y = v.box.scrollTop(i) - theme.Padding()
	}
	v.scroll.Refresh() // the content's height follows the blocks measured
	v.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y)))
	v.scroll.Refresh()
}

// item is the column item of a block whose text is text.
func (b previewBlock) item(text string) *columnItem {
	it := &columnItem{make: b.object, chars: len(text), scale: 1}
	switch b.kind {
	case blockImage:
		it.fixed = 180
		if b.img != nil {
			it.fixed = pictureHeight + 60
		}
	case blockTable:
		it.lines = 2 * len(b.rows)
	}
	if len(b.segs) > 0 {
		if t, ok := b.segs[0].(*widget.TextSegment); ok {
			switch t.Style.SizeName {
			case theme.SizeNameHeadingText:
				it.scale = 1.8
			case theme.SizeNameSubHeadingText:
				it.scale = 1.4
			}
			if t.Style.TextStyle.Monospace {
				it.lines = strings.Count(t.Text, "\n") + 1
			}
		}
	}
	return it
}

// object makes the widgets of a block (UI goroutine).
func (b previewBlock) object() fyne.CanvasObject {
	switch b.kind {
	case blockQuoted:
		bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		bar.SetMinSize(fyne.NewSize(4, 0))
		return container.NewBorder(nil, nil, container.NewPadded(bar), nil, richText(b.segs))
	case blockImage:
		if b.img != nil {
			return b.pictureObject()
		}
		frame := canvas.NewRectangle(color.Transparent)
		frame.StrokeColor = theme.Color(theme.ColorNamePlaceHolder)
		frame.StrokeWidth = 1
		frame.CornerRadius = theme.InputRadiusSize()
		frame.SetMinSize(fyne.NewSize(0, 140))
		icon := widget.NewIcon(theme.FileImageIcon())
		caption := widget.NewLabel(b.caption)
		caption.Wrapping = fyne.TextWrapWord
		caption.Alignment = fyne.TextAlignCenter
		caption.TextStyle.Italic = true
		inner := container.NewVBox(layout.NewSpacer(), container.NewCenter(icon),
			widget.NewLabelWithStyle("Image", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}), caption, layout.NewSpacer())
		return container.NewPadded(container.NewStack(frame, container.NewPadded(inner)))
	case blockTable:
		cols := 1
		for _, r := range b.rows {
			cols = max(cols, len(r))
		}
		grid := container.NewGridWithColumns(cols)
		for _, r := range b.rows {
			for c := 0; c < cols; c++ {
				var cell []widget.RichTextSegment
				if c < len(r) {
					cell = r[c]
				}
				grid.Add(richText(cell))
			}
		}
		return grid
	}
	return richText(b.segs)
}

// richText is word-wrapped rich text of segs.
func richText(segs []widget.RichTextSegment) *widget.RichText {
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// key is a signature of everything the block shows: text, styles,
// links, structure.
func (b previewBlock) key() string {
	var sb strings.Builder
	sb.WriteString(strconv.Itoa(int(b.kind)))
	sb.WriteString(b.caption)
	writeSegmentsKey(&sb, b.segs)
	for _, r := range b.rows {
		sb.WriteString("\x1erow")
		for _, c := range r {
			sb.WriteString("\x1dcell")
			writeSegmentsKey(&sb, c)
		}
	}
	return sb.String()
}

// writeSegmentsKey writes the signature of segs to sb.
func writeSegmentsKey(sb *strings.Builder, segs []widget.RichTextSegment) {
	for _, s := range segs {
		sb.WriteByte('\x1f')
		switch s := s.(type) {
		case *widget.TextSegment:
			st := s.Style
			sb.WriteString("t" + string(st.SizeName) + "/" + string(st.ColorName) + "/")
			for _, on := range []bool{st.Inline, st.TextStyle.Bold, st.TextStyle.Italic, st.TextStyle.Monospace, st.TextStyle.Underline} {
				if on {
					sb.WriteByte('1')
				} else {
					sb.WriteByte('0')
				}
			}
			sb.WriteString(s.Text)
		case *widget.HyperlinkSegment:
			sb.WriteString("h" + s.Text + "\x00")
			if s.URL != nil {
				sb.WriteString(s.URL.String())
			}
		case *widget.ListSegment:
			sb.WriteString("l" + strconv.FormatBool(s.Ordered) + strconv.Itoa(s.StartNumber()))
			writeSegmentsKey(sb, s.Items)
			sb.WriteString("\x1fend")
		case *widget.ParagraphSegment:
			sb.WriteString("p")
			writeSegmentsKey(sb, s.Texts)
			sb.WriteString("\x1fend")
		case *widget.SeparatorSegment:
			sb.WriteString("s")
		default:
			sb.WriteString("?" + s.Textual())
		}
	}
}

// pictureHeight is the height a library image takes in the preview.
const pictureHeight = 260

// pictureObject shows a library image whole, scaled to the column, with
// its caption and credit under it (UI goroutine).
func (b previewBlock) pictureObject() fyne.CanvasObject {
	pic := canvas.NewImageFromImage(b.img)
	pic.FillMode = canvas.ImageFillContain
	pic.ScaleMode = canvas.ImageScaleSmooth
	pic.SetMinSize(fyne.NewSize(0, pictureHeight))
	caption := widget.NewLabel(b.caption)
	caption.Wrapping = fyne.TextWrapWord
	caption.TextStyle.Italic = true
	return container.NewPadded(container.NewVBox(pic, caption))
}
