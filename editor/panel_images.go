package editor

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/markup"
	"newsroom/photo"
)

// mediaStore is the media library as the images panel uses it; a Store
// that also implements it (the storage package's does) gets the panel's
// editing and adding, others only the list.
type mediaStore interface {
	Media(ctx context.Context, ref string) (domain.Media, error)
	AddMedia(ctx context.Context, data []byte, m domain.Media) (domain.Media, bool, error)
	UpdateMedia(ctx context.Context, m domain.Media) error
}

// imagesPanel lists the article's images (the lead image, then those the
// body places), edits the caption, credit and alt text of the chosen one,
// makes it the lead image, and adds image files to the library with an
// {{image REF}} placed at the caret.
type imagesPanel struct {
	p       *sidePanels
	list    *widget.List
	caption *widget.Entry
	credit  *widget.Entry
	alt     *widget.Entry
	// focalX and focalY are the focal point, fractions 0–1 of the width
	// (from the left) and the height (from the top): where the social
	// card's crop centres.
	focalX  *widget.Entry
	focalY  *widget.Entry
	save    *widget.Button
	lead    *widget.Button
	add     *widget.Button
	state   *widget.Label
	form    *widget.Form
	content fyne.CanvasObject

	// UI goroutine only.
	refs    []string
	records map[string]domain.Media
	chosen  int // index into refs, -1 none
	gen     uint64
}

func newImagesPanel(p *sidePanels) *imagesPanel {
	m := &imagesPanel{p: p, state: widget.NewLabel(""), chosen: -1, records: map[string]domain.Media{}}
	m.state.Wrapping = fyne.TextWrapWord
	m.list = widget.NewList(func() int { return len(m.refs) }, func() fyne.CanvasObject {
		return container.NewVBox(truncLabel(fyne.TextStyle{Bold: true}), truncLabel(fyne.TextStyle{Italic: true}))
	}, m.fill)
	m.list.OnSelected = m.choose
	m.caption, m.credit, m.alt = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	m.caption.SetPlaceHolder("Caption")
	m.credit.SetPlaceHolder("Credit, e.g. Photo: Ana Lima/Reuters")
	m.alt.SetPlaceHolder("Alt text: what the picture shows")
	m.focalX, m.focalY = widget.NewEntry(), widget.NewEntry()
	m.focalX.SetPlaceHolder("0.5 across")
	m.focalY.SetPlaceHolder("0.5 down")
	m.save = widget.NewButton("Save fields", m.saveFields)
	m.lead = widget.NewButton("Make lead image", m.makeLead)
	m.add = widget.NewButton("Add image…", m.chooseFile)
	form := widget.NewForm(widget.NewFormItem("Caption", m.caption), widget.NewFormItem("Credit", m.credit), widget.NewFormItem("Alt text", m.alt),
		widget.NewFormItem("Focal point", newFocalFields(m.focalX, m.focalY)))
	m.form = form
	form.Items[3].HintText = "0–1 across and down; the social card is cut around it"
	buttons := container.NewHBox(m.save, m.lead, m.add)
	split := container.NewVSplit(m.list, container.NewVBox(form, buttons, m.state))
	split.Offset = 0.45
	m.content = split
	m.enable()
	return m
}

// library returns the screen's media library, nil when its store has none.
func (m *imagesPanel) library() mediaStore {
	if ms, ok := m.p.s.store.(mediaStore); ok {
		return ms
	}
	return nil
}

func (m *imagesPanel) fill(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(m.refs) {
		return
	}
	ref := m.refs[id]
	rows := o.(*fyne.Container).Objects
	title := ref
	if a := m.p.s.article; a != nil && a.LeadImage == ref {
		title += " · lead image"
	}
	rows[0].(*widget.Label).SetText(title)
	rec, ok := m.records[ref]
	switch {
	case !ok:
		rows[1].(*widget.Label).SetText("not in the media library")
	case rec.Caption != "":
		rows[1].(*widget.Label).SetText(rec.Caption)
	default:
		rows[1].(*widget.Label).SetText(fmt.Sprintf("%s, %d × %d", rec.Filename, rec.Width, rec.Height))
	}
}

// refresh reads the article's images and their records off the UI
// goroutine and shows them.
func (m *imagesPanel) refresh() {
	m.gen++
	gen := m.gen
	a := m.p.s.article
	if a == nil {
		m.show(nil, nil)
		return
	}
	snap := cloneArticle(a)
	lib := m.library()
	m.p.s.sched.Go(func() {
		refs := markup.ImageRefs(snap)
		records := map[string]domain.Media{}
		for _, ref := range refs {
			if lib == nil {
				break
			}
			if rec, err := lib.Media(context.Background(), ref); err == nil {
				records[ref] = rec
			}
		}
		m.p.s.sched.Do(func() {
			if gen == m.gen {
				m.show(refs, records)
			}
		})
	})
}

// show lists refs; the chosen image stays chosen when it is still there.
func (m *imagesPanel) show(refs []string, records map[string]domain.Media) {
	var chosenRef string
	if m.chosen >= 0 && m.chosen < len(m.refs) {
		chosenRef = m.refs[m.chosen]
	}
	m.refs, m.records, m.chosen = refs, records, -1
	if m.records == nil {
		m.records = map[string]domain.Media{}
	}
	for i, r := range refs {
		if r == chosenRef {
			m.chosen = i
		}
	}
	n := len(refs)
	if n == 0 {
		m.p.setTabTitle(tabImages, "Images")
	} else {
		m.p.setTabTitle(tabImages, fmt.Sprintf("Images (%d)", n))
	}
	m.list.Refresh()
	m.enable()
}

// choose shows image id's fields.
func (m *imagesPanel) choose(id widget.ListItemID) {
	if id < 0 || id >= len(m.refs) {
		return
	}
	m.chosen = id
	rec := m.records[m.refs[id]]
	m.caption.SetText(rec.Caption)
	m.credit.SetText(rec.Credit)
	m.alt.SetText(rec.Alt)
	m.focalX.SetText(formatFocal(rec.FocalX))
	m.focalY.SetText(formatFocal(rec.FocalY))
	m.state.SetText("")
	m.enable()
}

// enable allows editing only for an image of the library.
func (m *imagesPanel) enable() {
	_, known := m.chosenRecord()
	for _, w := range []fyne.Disableable{m.caption, m.credit, m.alt, m.focalX, m.focalY, m.save, m.lead} {
		if known && m.library() != nil {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if m.library() != nil && m.p.s.article != nil {
		m.add.Enable()
	} else {
		m.add.Disable()
	}
	// A form colours its labels by its fields' state only when refreshed.
	m.form.Refresh()
}

// focalFields are the two focal point fields as one form item: the form
// greys its label by Disabled, as it does for the other fields.
type focalFields struct {
	widget.BaseWidget
	x, y *widget.Entry // enabled and disabled together by the panel
}

func newFocalFields(x, y *widget.Entry) *focalFields {
	f := &focalFields{x: x, y: y}
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer puts the two fields side by side.
func (f *focalFields) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewGridWithColumns(2, f.x, f.y))
}

// Disabled is part of fyne.Disableable.
func (f *focalFields) Disabled() bool { return f.x.Disabled() }

// Enable is part of fyne.Disableable; the panel enables the fields
// themselves.
func (f *focalFields) Enable() {}

// Disable is part of fyne.Disableable; the panel disables the fields
// themselves.
func (f *focalFields) Disable() {}

func (m *imagesPanel) chosenRecord() (domain.Media, bool) {
	if m.chosen < 0 || m.chosen >= len(m.refs) {
		return domain.Media{}, false
	}
	rec, ok := m.records[m.refs[m.chosen]]
	return rec, ok
}

// formatFocal shows a focal point fraction.
func formatFocal(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// parseFocal reads the focal point fields: each a number from 0 to 1
// (a comma as decimal mark is taken), empty for the centre.
func parseFocal(x, y string) (float64, float64, error) {
	read := func(name, text string) (float64, error) {
		text = strings.ReplaceAll(strings.TrimSpace(text), ",", ".")
		if text == "" {
			return 0.5, nil
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || !(f >= 0 && f <= 1) {
			return 0, fmt.Errorf("the focal point's %s %q is not a number from 0 to 1", name, text)
		}
		return f, nil
	}
	fx, err := read("across", x)
	if err != nil {
		return 0, 0, err
	}
	fy, err := read("down", y)
	return fx, fy, err
}

// saveFields stores the chosen image's caption, credit, alt text and
// focal point at once (they belong to the library, not to the article's
// autosave).
func (m *imagesPanel) saveFields() {
	rec, ok := m.chosenRecord()
	lib := m.library()
	if !ok || lib == nil {
		return
	}
	fx, fy, err := parseFocal(m.focalX.Text, m.focalY.Text)
	if err != nil {
		m.state.SetText("Not saved: " + err.Error())
		return
	}
	rec.Caption, rec.Credit, rec.Alt, rec.FocalX, rec.FocalY = m.caption.Text, m.credit.Text, m.alt.Text, fx, fy
	m.state.SetText("Saving…")
	m.p.s.sched.Go(func() {
		err := lib.UpdateMedia(context.Background(), rec)
		m.p.s.sched.Do(func() {
			if err != nil {
				m.state.SetText("Not saved: " + err.Error())
				return
			}
			m.records[rec.Ref] = rec
			m.state.SetText("Saved. Every article using this image shows the new text.")
			m.list.Refresh()
			m.p.check.schedule()
			m.p.s.Changed() // the page shows the image's text: preview and export follow
		})
	})
}

// makeLead makes the chosen image the article's lead image.
func (m *imagesPanel) makeLead() {
	rec, ok := m.chosenRecord()
	a := m.p.s.article
	if !ok || a == nil || a.LeadImage == rec.Ref {
		return
	}
	a.LeadImage = rec.Ref
	m.state.SetText("Lead image set.")
	m.p.changed()
	m.refresh()
}

// chooseFile offers a file chooser for an image to add.
func (m *imagesPanel) chooseFile() {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		name := r.URI().Name()
		m.p.s.sched.Go(func() {
			data, readErr := io.ReadAll(io.LimitReader(r, photo.DefaultLimits.MaxBytes+1))
			r.Close()
			m.p.s.sched.Do(func() {
				if readErr != nil {
					m.state.SetText("Not added: " + readErr.Error())
					return
				}
				m.addImage(name, data)
			})
		})
	}, m.p.s.win)
}

// addImage adds an image file's bytes to the library (checked by
// photo.Read: format, size, pixel count, damage) off the UI goroutine,
// then places {{image REF}} at the caret.
func (m *imagesPanel) addImage(name string, data []byte) {
	lib := m.library()
	if lib == nil || m.p.s.article == nil {
		return
	}
	m.state.SetText("Adding " + name + "…")
	m.p.s.sched.Go(func() {
		rec, err := addToLibrary(lib, name, data)
		m.p.s.sched.Do(func() {
			if err != nil {
				m.state.SetText("Not added: " + err.Error())
				return
			}
			m.place(rec.Ref)
			m.state.SetText("Added " + name + " as " + rec.Ref + ".")
		})
	})
}

// addToLibrary checks and stores one image file.
func addToLibrary(lib mediaStore, name string, data []byte) (domain.Media, error) {
	data, info, err := photo.Read(bytes.NewReader(data), name, photo.DefaultLimits)
	if err != nil {
		return domain.Media{}, err
	}
	rec, _, err := lib.AddMedia(context.Background(), data, info.Media(name))
	if err != nil {
		return domain.Media{}, fmt.Errorf("add %s: %w", name, err)
	}
	return rec, nil
}

// place puts {{image ref}} as a paragraph of its own at the caret.
func (m *imagesPanel) place(ref string) {
	body := m.p.s.Body()
	start, end := body.SelectionRange()
	body.InsertAtCursor(blockInsertion(body.Text(), start, end, "{{image "+ref+"}}", false))
	m.p.s.win.Canvas().Focus(body)
	m.refresh()
}

// DropImages adds image files dropped onto the window to the library and
// places each at the caret, as "Add image…" does; other files are
// refused with a message in the Images panel.
func (s *Screen) DropImages(uris []fyne.URI) {
	p := s.panels()
	if p == nil || s.article == nil {
		return
	}
	var paths []string
	for _, u := range uris {
		if u != nil && u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	p.images.addFiles(paths)
}

// addFiles adds image files to the library off the UI goroutine, then
// places each one taken at the caret, in order; the panel says what was
// added and what was refused and why (the body and the library keep
// everything else).
func (m *imagesPanel) addFiles(paths []string) {
	lib := m.library()
	a := m.p.s.article
	if lib == nil || a == nil || len(paths) == 0 {
		return
	}
	m.p.tabs.SelectIndex(tabImages)
	m.state.SetText(fmt.Sprintf("Adding %d file(s)…", len(paths)))
	m.p.s.sched.Go(func() {
		type result struct {
			name string
			rec  domain.Media
			err  error
		}
		results := make([]result, 0, len(paths))
		for _, path := range paths {
			name := filepath.Base(path)
			data, _, err := photo.ReadFile(path, photo.DefaultLimits)
			var rec domain.Media
			if err == nil {
				rec, err = addToLibrary(lib, name, data)
			}
			results = append(results, result{name: name, rec: rec, err: err})
		}
		m.p.s.sched.Do(func() {
			if m.p.s.article != a {
				return // another article is open now: its body is not the place
			}
			var lines []string
			for _, r := range results {
				if r.err != nil {
					lines = append(lines, "Not added: "+r.err.Error())
					continue
				}
				m.place(r.rec.Ref)
				lines = append(lines, "Added "+r.name+" as "+r.rec.Ref+".")
			}
			m.state.SetText(strings.Join(lines, "\n"))
		})
	})
}
