package editor

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// panelTabs switches the side panels. Unlike container.AppTabs, whose
// titles that do not fit go into a "…" menu, its titles wrap onto as
// many rows as the panel's width needs: every title stays on screen, the
// selected one included (a drop or a paste switching to Images shows it).
// The titles take no keyboard focus, as AppTabs' did not, so Tab walks
// the same fields.
type panelTabs struct {
	widget.BaseWidget

	// Items are the panels, each with its title; after changing a title,
	// call Refresh.
	Items []*container.TabItem
	// OnSelected is called after the reader or SelectIndex chose a panel.
	OnSelected func(*container.TabItem)

	selected int
	titles   []*tabTitle
	bar      *fyne.Container
	content  *fyne.Container
}

// newPanelTabs returns the switcher showing the first item.
func newPanelTabs(items ...*container.TabItem) *panelTabs {
	t := &panelTabs{Items: items}
	t.bar = container.New(&wrapRow{})
	t.content = container.NewStack()
	t.ExtendBaseWidget(t)
	t.rebuild()
	return t
}

// SelectIndex shows the i-th panel.
func (t *panelTabs) SelectIndex(i int) {
	if i < 0 || i >= len(t.Items) {
		return
	}
	changed := i != t.selected
	t.selected = i
	t.rebuild()
	if changed && t.OnSelected != nil {
		t.OnSelected(t.Items[i])
	}
}

// SelectedIndex returns the index of the panel shown.
func (t *panelTabs) SelectedIndex() int { return t.selected }

// Refresh redraws the titles (after a title changed) and the panel shown.
func (t *panelTabs) Refresh() {
	t.rebuild()
	t.BaseWidget.Refresh()
}

// rebuild makes the titles and the shown panel follow Items and the
// selection.
func (t *panelTabs) rebuild() {
	for len(t.titles) < len(t.Items) {
		i := len(t.titles)
		t.titles = append(t.titles, newTabTitle(func() { t.SelectIndex(i) }))
	}
	t.titles = t.titles[:len(t.Items)]
	objects := make([]fyne.CanvasObject, len(t.titles))
	for i, title := range t.titles {
		title.set(t.Items[i].Text, i == t.selected)
		objects[i] = title
	}
	t.bar.Objects = objects
	t.bar.Refresh()
	if len(t.Items) > 0 {
		t.content.Objects = []fyne.CanvasObject{t.Items[t.selected].Content}
		t.Items[t.selected].Content.Show()
	}
	t.content.Refresh()
}

// CreateRenderer puts the titles over the panel shown.
func (t *panelTabs) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(tabsLayout{t}, t.bar, t.content))
}

// tabsLayout puts the titles on top, in the rows they take at the
// panel's width, and the panel shown under them.
type tabsLayout struct{ t *panelTabs }

// Layout is part of fyne.Layout.
func (l tabsLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	h := l.t.barLayout().heightAt(l.t.bar.Objects, size.Width)
	l.t.bar.Move(fyne.NewPos(0, 0))
	l.t.bar.Resize(fyne.NewSize(size.Width, h))
	pad := theme.Padding()
	l.t.content.Move(fyne.NewPos(0, h+pad))
	l.t.content.Resize(fyne.NewSize(size.Width, max(size.Height-h-pad, 0)))
}

// MinSize is part of fyne.Layout.
func (l tabsLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	bar, content := l.t.bar.MinSize(), l.t.content.MinSize()
	return fyne.NewSize(max(bar.Width, content.Width), bar.Height+theme.Padding()+content.Height)
}

func (t *panelTabs) barLayout() *wrapRow { return t.bar.Layout.(*wrapRow) }

// tabTitle is one panel's title: bold, primary-coloured and underlined
// when selected, tapped to select.
type tabTitle struct {
	widget.BaseWidget
	label *widget.Label
	line  *canvas.Rectangle
	onTap func()
}

func newTabTitle(onTap func()) *tabTitle {
	t := &tabTitle{label: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}), onTap: onTap}
	t.line = canvas.NewRectangle(color.Transparent)
	t.ExtendBaseWidget(t)
	return t
}

// set shows text, marked when selected.
func (t *tabTitle) set(text string, selected bool) {
	t.label.Text = text
	if selected {
		t.label.Importance = widget.HighImportance
		t.line.FillColor = theme.Color(theme.ColorNamePrimary)
	} else {
		t.label.Importance = widget.MediumImportance
		t.line.FillColor = color.Transparent
	}
	t.label.Refresh()
	t.line.Refresh()
}

// Text is the title shown.
func (t *tabTitle) Text() string { return t.label.Text }

// Tapped selects the panel.
func (t *tabTitle) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

// Cursor is part of desktop.Cursorable: a title is a control.
func (t *tabTitle) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer lays the label over its underline.
func (t *tabTitle) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(underline{}, t.label, t.line))
}

// underline lays its first object over the whole size and its second as
// a line along the bottom.
type underline struct{}

// Layout is part of fyne.Layout.
func (underline) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
	h := 2 * theme.Padding() / 2
	objects[1].Move(fyne.NewPos(0, size.Height-h))
	objects[1].Resize(fyne.NewSize(size.Width, h))
}

// MinSize is part of fyne.Layout.
func (underline) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

// wrapRow lays objects out left to right in as few rows as fit, each
// row as long as the others; each row's spare width is shared among its
// objects, so the rows fill the width.
type wrapRow struct {
	width float32 // the width of the last layout, for MinSize's height
}

// rows splits objects into the fewest rows of even length (the last may
// be shorter) that fit width w; one object to a row when even that does
// not fit.
func (r *wrapRow) rows(objects []fyne.CanvasObject, w float32) [][]fyne.CanvasObject {
	n := len(objects)
	for k := 1; k <= n; k++ {
		per := (n + k - 1) / k
		var rows [][]fyne.CanvasObject
		fits := true
		for i := 0; i < n; i += per {
			row := objects[i:min(i+per, n)]
			used := float32(0)
			for _, o := range row {
				used += o.MinSize().Width
			}
			fits = fits && (used <= w || len(row) == 1)
			rows = append(rows, row)
		}
		if fits {
			return rows
		}
	}
	return nil
}

// Layout is part of fyne.Layout.
func (r *wrapRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	r.width = size.Width
	y := float32(0)
	for _, row := range r.rows(objects, size.Width) {
		used, h := float32(0), float32(0)
		for _, o := range row {
			used += o.MinSize().Width
			h = max(h, o.MinSize().Height)
		}
		extra := (size.Width - used) / float32(len(row))
		x := float32(0)
		for _, o := range row {
			w := o.MinSize().Width + extra
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, h))
			x += w
		}
		y += h
	}
}

// MinSize is part of fyne.Layout: as wide as the widest title, as high as
// the rows take at the width of the last layout.
func (r *wrapRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s.Width = max(s.Width, o.MinSize().Width)
	}
	w := r.width
	if w <= 0 {
		w = 1 << 20 // not laid out yet: one row
	}
	s.Height = r.heightAt(objects, max(w, s.Width))
	return s
}

// heightAt is the height the rows take at width w.
func (r *wrapRow) heightAt(objects []fyne.CanvasObject, w float32) float32 {
	total := float32(0)
	for _, row := range r.rows(objects, w) {
		h := float32(0)
		for _, o := range row {
			h = max(h, o.MinSize().Height)
		}
		total += h
	}
	return total
}

var (
	_ fyne.Layout   = (*wrapRow)(nil)
	_ fyne.Tappable = (*tabTitle)(nil)
)
