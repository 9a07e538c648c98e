package editor

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/dialog"

	"newsroom/domain"
)

// pubTimeLayout is how the publication time is typed, in local time.
const pubTimeLayout = "2006-01-02 15:04"

// Focus says where the keyboard goes once an article is shown.
type Focus int

// Where the keyboard goes after Load.
const (
	FocusNone     Focus = iota
	FocusBody           // the body, caret at its start
	FocusHeadline       // the headline (a new article)
)

// Load opens the article off the UI goroutine and then moves the keyboard
// as focus says. Call Flush first to save the article that was open.
func (s *Screen) Load(id int64, focus Focus) {
	s.sched.Go(func() {
		a, err := s.store.GetArticle(context.Background(), id)
		s.sched.Do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf("open article: %w", err), s.win)
				return
			}
			s.show(a)
			switch focus {
			case FocusBody:
				s.FocusBody()
			case FocusHeadline:
				s.FocusHeadline()
			}
		})
	})
}

// show fills the widgets from a, which becomes the working copy.
func (s *Screen) show(a *domain.Article) {
	s.stopTimer()
	s.save = saveState{}
	s.article = a
	s.loading = true
	s.headline.SetText(a.Headline)
	s.slug.SetText(a.Slug)
	s.slugAuto = a.Status == domain.StatusDraft && (strings.HasPrefix(a.Slug, "untitled-") || a.Slug == domain.Slugify(a.Headline))
	s.standfirst.SetText(a.Standfirst)
	s.byline.SetText(a.Byline)
	s.filing.fill(a)
	s.status.SetSelected(string(a.Status))
	s.pubTime.SetText(formatPubTime(a.PublishedAt))
	s.body.SetText(a.Body)
	s.showFactCheck()
	s.loading = false
	s.notice.SetText("")
	s.info.SetText(s.wordInfo() + " · saved")
	s.empty.Hide()
	s.form.Show()
	s.refreshPanels()
	if s.spell != nil {
		s.spell.articleLoaded()
	}
	if s.previewShown {
		s.preview.Update(a)
	}
	s.afterShow(a)
}

// Discard forgets the open article without saving (it was deleted).
func (s *Screen) Discard() {
	s.dropLock()
	s.stopTimer()
	s.save = saveState{}
	s.article = nil
	s.refreshPanels()
	s.form.Hide()
	s.empty.Show()
}

// formatPubTime shows a publication time in local time.
func formatPubTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format(pubTimeLayout)
}

// pubTimeEdited takes a typed publication time; a time in the future
// embargoes the article.
func (s *Screen) pubTimeEdited() {
	if s.article == nil {
		return
	}
	text := strings.TrimSpace(s.pubTime.Text())
	if text == "" {
		s.article.PublishedAt = time.Time{}
		s.Changed()
		return
	}
	t, err := time.ParseInLocation(pubTimeLayout, text, time.Local)
	if err != nil {
		s.notice.SetText("Publication time must look like 2026-12-01 09:30 (YYYY-MM-DD HH:MM, " + zoneName(s.sched.Now().Local()) + ").")
		return
	}
	s.article.PublishedAt = t.UTC()
	s.showEmbargo()
	s.Changed()
}

// showEmbargo says when a published article is held back.
func (s *Screen) showEmbargo() {
	a := s.article
	if a != nil && a.IsEmbargoed(s.sched.Now()) {
		s.notice.SetText("Embargoed: not exported before " + formatPubTime(a.PublishedAt) + ".")
	} else if strings.HasPrefix(s.notice.Text, "Embargoed") || strings.HasPrefix(s.notice.Text, "Publication time") {
		s.notice.SetText("")
	}
}
