package editor

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/textedit"
)

// build creates the widgets and lays them out.
func (s *Screen) build() {
	s.headline = widget.NewEntry()
	s.headline.SetPlaceHolder("Headline")
	s.headline.TextStyle = fyne.TextStyle{Bold: true}
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
	s.slug = widget.NewEntry()
	s.slug.SetPlaceHolder("slug-in-the-address")
	s.slug.OnChanged = func(text string) {
		if s.article == nil || s.loading {
			return
		}
		s.slugAuto = false
		s.article.Slug = strings.TrimSpace(text)
		s.Changed()
	}
	s.standfirst = widget.NewMultiLineEntry()
	s.standfirst.SetPlaceHolder("Standfirst: the one or two sentences under the headline")
	s.standfirst.Wrapping = fyne.TextWrapWord
	s.standfirst.SetMinRowsVisible(2)
	s.standfirst.OnChanged = func(text string) {
		if s.article != nil && !s.loading {
			s.article.Standfirst = text
			s.Changed()
		}
	}
	s.byline = widget.NewEntry()
	s.byline.SetPlaceHolder("Byline")
	s.byline.OnChanged = func(text string) {
		if s.article != nil && !s.loading {
			s.article.Byline = text
			s.Changed()
		}
	}
	s.filing = newFilingFields(s)
	s.status = widget.NewSelect([]string{string(domain.StatusDraft), string(domain.StatusReview), string(domain.StatusPublished)}, s.statusPicked)
	s.pubTime = widget.NewEntry()
	s.pubTime.SetPlaceHolder("publication time: 2006-01-02 15:04")
	s.pubTime.OnSubmitted = func(string) { s.pubTimeEdited() }
	s.pubTime.OnChanged = func(string) {
		if !s.loading {
			s.pubTimeEdited()
		}
	}
	s.factCheck = widget.NewCheck("Fact checked", s.factCheckToggled)
	s.factInfo = widget.NewLabel("")
	s.notice = newNoticeLabel()
	s.info = widget.NewLabel("")
	s.body = textedit.NewEditor()
	s.body.SetWordCounter(domain.WordCount)
	s.body.OnChanged = func(text string) {
		if s.article == nil || s.loading {
			return
		}
		s.article.Body = text
		s.info.SetText(s.wordInfo() + " · " + s.saveStateText())
		s.Changed()
		if s.spell != nil {
			s.spell.schedule(spellDelay)
		}
	}
	s.preview = newPreviewPane(s)

	s.factInfo.Truncation = fyne.TextTruncateEllipsis
	meta := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel("Status"), s.status), nil,
		container.NewGridWithColumns(2, s.pubTime, container.NewBorder(nil, nil, s.factCheck, nil, s.factInfo)))
	top := container.NewVBox(
		s.headline,
		container.NewBorder(nil, nil, widget.NewLabel("Slug"), nil, s.slug),
		s.standfirst,
		container.NewBorder(nil, nil, widget.NewLabel("Byline"), nil, s.byline),
		s.filing.row,
		meta,
		s.notice,
	)
	s.sideBox = s.buildSide()
	s.main = container.NewHSplit(s.body, s.sideBox)
	s.main.Offset = 0.68
	s.form = container.NewBorder(container.NewVBox(s.buildLockBar(), top), s.info, nil, nil, s.main)
	s.empty = container.NewCenter(widget.NewLabel("Select an article, or press Ctrl+N for a new one."))
	s.content = container.NewStack(s.empty, s.form)
	s.form.Hide()
}

// layoutMain puts the preview or the side panels beside the body.
func (s *Screen) layoutMain() {
	if s.previewShown {
		s.main.Trailing = s.preview.Content()
		s.main.Offset = 0.5 // the page deserves room beside the text
	} else {
		s.main.Trailing = s.sideBox
		s.main.Offset = 0.68
	}
	s.main.Refresh()
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
