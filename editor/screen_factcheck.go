package editor

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/markup"
)

// showFactCheck shows the fact-check mark and who gave it.
func (s *Screen) showFactCheck() {
	a := s.article
	was := s.loading
	s.loading = true
	s.factCheck.SetChecked(a != nil && a.FactCheck.Checked)
	s.loading = was
	switch {
	case a == nil:
		s.factInfo.SetText("")
	case a.FactCheck.Checked:
		s.factInfo.SetText(fmt.Sprintf("by %s, %s", a.FactCheck.By, a.FactCheck.At.Local().Format("2 Jan 15:04")))
	case a.FactCheck.By != "":
		s.factInfo.SetText(fmt.Sprintf("revoked (last checked by %s)", a.FactCheck.By))
	default:
		s.factInfo.SetText("not checked")
	}
}

// factCheckToggled marks (after asking, naming who checks) or clears the
// fact check.
func (s *Screen) factCheckToggled(checked bool) {
	if s.loading || s.article == nil {
		return
	}
	if !checked {
		s.setFactCheck(false)
		return
	}
	who := s.user()
	headline := s.article.Headline
	if headline == "" {
		headline = s.article.Slug
	}
	showSafeConfirm(s.win, "Mark as fact-checked?",
		fmt.Sprintf("You, %s, vouch that the headline, standfirst, body and quotes of “%s” were checked against "+
			"their sources. Your name and the time go on the record; the mark is revoked when that text changes.", who, headline),
		"Mark checked by "+who, func(ok bool) {
			if !ok {
				s.showFactCheck() // the box goes back to unchecked
				return
			}
			s.setFactCheck(true)
		})
}

// setFactCheck marks or clears the fact check, after saving pending text
// so the check covers what is on screen.
func (s *Screen) setFactCheck(checked bool) {
	if s.article == nil {
		return
	}
	id := s.article.ID
	who := s.user()
	s.Flush(func() {
		if s.article == nil || s.article.ID != id {
			return
		}
		version := s.article.Version
		s.sched.Go(func() {
			a, err := s.store.SetFactCheck(context.Background(), id, version, who, checked)
			s.sched.Do(func() {
				if s.article == nil || s.article.ID != id {
					return
				}
				if err != nil {
					s.showFactCheck()
					dialog.ShowError(fmt.Errorf("fact check: %w", err), s.win)
					return
				}
				s.article.FactCheck = a.FactCheck
				s.article.Version = a.Version
				s.article.UpdatedAt = a.UpdatedAt
				s.showFactCheck()
				if checked {
					s.notice.SetText("")
				}
				s.refreshPanels()
				if s.OnSaved != nil {
					s.OnSaved(cloneArticle(s.article))
				}
			})
		})
	})
}

// statusPicked changes the workflow status; publishing an article that is
// not fact-checked or has attribution findings asks first.
func (s *Screen) statusPicked(value string) {
	if s.loading || s.article == nil {
		return
	}
	to := domain.Status(value)
	apply := func() {
		s.article.Status = to
		if to == domain.StatusPublished && s.article.PublishedAt.IsZero() {
			s.article.PublishedAt = s.sched.Now().UTC().Truncate(time.Minute)
			s.loading = true
			s.pubTime.SetText(formatPubTime(s.article.PublishedAt))
			s.loading = false
		}
		if to != domain.StatusDraft {
			s.slugAuto = false
		}
		s.showEmbargo()
		s.Changed()
	}
	if to != domain.StatusPublished {
		apply()
		return
	}
	warnings := markup.PublishWarnings(s.article)
	if len(warnings) == 0 {
		apply()
		return
	}
	prev := s.article.Status
	showSafeConfirm(s.win, "Publish without a check?",
		"Before publishing, note:\n\n• "+strings.Join(warnings, "\n• ")+"\n\nPublish anyway?", "Publish anyway",
		func(ok bool) {
			if ok {
				apply()
				return
			}
			s.loading = true
			s.status.SetSelected(string(prev))
			s.loading = false
		})
}

// widgetText is a wrapped label for dialogs.
func widgetText(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
