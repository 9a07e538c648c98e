package editor

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/textedit"
)

// build creates the widgets and lays them out.
func (s *Screen) build() {
	s.headline = textedit.NewField()
	s.headline.SetPlaceHolder("What happened, in a few words")
	s.headline.SetTextStyle(headlineScale, fyne.TextStyle{Bold: true})
	s.headline.OnChanged = func(text string) {
		if s.article == nil || s.loading {
			return
		}
		s.article.Headline = text
		if s.slugAuto {
			if slug := domain.Slugify(text); slug != "" {
				s.article.Slug = slug
				s.loading = true
				s.slug.SetText(slug)
				s.loading = false
			}
		}
		s.Changed()
	}
	s.slug = textedit.NewField()
	s.slug.SetPlaceHolder("slug-in-the-address")
	s.slug.OnChanged = func(text string) {
		if s.article == nil || s.loading {
			return
		}
		s.slugAuto = false
		s.article.Slug = strings.TrimSpace(text)
		s.Changed()
	}
	s.standfirst = textedit.NewParagraphField(2)
	s.standfirst.SetPlaceHolder("The one or two sentences under the headline")
	s.standfirst.SetTextStyle(standfirstScale, fyne.TextStyle{Italic: true})
	s.standfirst.OnChanged = func(text string) {
		if s.article != nil && !s.loading {
			s.article.Standfirst = text
			s.Changed()
		}
	}
	s.byline = textedit.NewField()
	s.byline.SetPlaceHolder("Byline")
	s.byline.OnChanged = func(text string) {
		if s.article != nil && !s.loading {
			s.article.Byline = text
			s.Changed()
		}
	}
	s.filing = newFilingFields(s)
	s.status = newRevealSelect([]string{string(domain.StatusDraft), string(domain.StatusReview), string(domain.StatusPublished)}, s.statusPicked)
	s.pubTime = textedit.NewField()
	s.pubTime.SetPlaceHolder(pubTimeHint(s.sched.Now().Local()))
	s.pubTime.OnSubmitted = func(string) {
		s.pubTimeEdited()
		s.win.Canvas().FocusNext()
	}
	s.pubTime.OnChanged = func(string) {
		if !s.loading {
			s.pubTimeEdited()
		}
	}
	s.factCheck = newRevealCheck("Fact checked", s.factCheckToggled)
	s.factInfo = widget.NewLabel("")
	s.notice = newNoticeLabel()
	s.info = widget.NewLabel("")
	s.body = textedit.NewEditor()
	s.body.SetWordCounter(domain.WordCount)
	s.body.OnPaste = s.pasteIntoBody
	s.body.OnChanged = func(text string) {
		if s.article == nil || s.loading {
			return
		}
		s.article.Body = text
		s.info.SetText(s.wordInfo() + " · " + s.saveStateText())
		s.Changed()
		s.find.bodyChanged()
		if s.spell != nil {
			s.spell.schedule(spellDelay)
		}
	}
	s.preview = newPreviewPane(s)
	// Enter in a field moves on to the next one, as Tab does.
	for _, f := range []*textedit.Editor{s.headline, s.slug, s.standfirst, s.byline, s.filing.section, s.filing.tags} {
		f.OnSubmitted = func(string) { s.win.Canvas().FocusNext() }
	}

	s.factInfo.Truncation = fyne.TextTruncateEllipsis
	// The fields stand in the order Tab walks them (the focus follows the
	// widget tree): headline, slug, standfirst, byline, filing, status,
	// time, fact check, then the body.
	s.pubTime.SetMinWidth(140) // room for "2026-11-30 09:00"
	checkBox := inOrder(layout.NewBorderLayout(nil, nil, s.factCheck, nil), s.factCheck, s.factInfo)
	meta := inOrder(layout.NewBorderLayout(nil, nil, s.status, nil), s.status,
		inOrder(&timeRow{hint: pubTimeMinWidth(s.pubTime.PlaceHolder())}, s.pubTime, checkBox))
	fields := container.New(layout.NewFormLayout(),
		fieldLabel("Headline"), s.headline,
		fieldLabel("Slug"), s.slug,
		fieldLabel("Standfirst"), s.standfirst,
		fieldLabel("Byline"), s.byline,
		fieldLabel("Filing"), s.filing.row,
		fieldLabel("Status, time"), meta,
	)
	top := container.NewVBox(fields, s.notice)
	s.sideBox = s.buildSide()
	head := container.NewVBox(s.buildLockBar(), top)
	s.main = newBodyRow(s.bodyBox(), s.sideBox)
	s.main.onSqueeze = s.updateSideToggle
	s.sideToggle = widget.NewButton("", s.ToggleSidePanel)
	s.sideToggle.Importance = widget.LowImportance
	bottom := container.NewBorder(nil, nil, nil, s.sideToggle, s.info)
	s.form = newFormRows(head, s.main.box, bottom)
	s.notice.onResize = s.relayoutForm
	s.revealOnFocus()
	s.updateSideToggle()
	s.empty = container.NewCenter(widget.NewLabel("Select an article, or press Ctrl+N for a new one."))
	s.content = container.NewStack(s.empty, s.form)
	s.form.Hide()
}

// layoutMain puts the preview or the side panels beside the body.
func (s *Screen) layoutMain() {
	if s.previewShown {
		s.main.setTrailing(s.preview.Content(), trailingPreview)
	} else {
		s.main.setTrailing(s.sideBox, trailingPanels)
	}
	s.updateSideToggle()
}

// inOrder is a container whose objects, and so the Tab order, are in the
// order given (container.NewBorder puts the centre first).
func inOrder(l fyne.Layout, objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(l, objects...)
}

// fieldLabel is the label before a field: it stays when the field is
// filled, unlike a placeholder.
func fieldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{})
}

// formatCount writes n with thousands separators.
func formatCount(n int) string {
	str := strconv.Itoa(n)
	if n < 0 {
		return str
	}
	var b strings.Builder
	for i, r := range str {
		if i > 0 && (len(str)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
