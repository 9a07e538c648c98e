package app

import (
	"fmt"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// rowLine is the second line of a list row: the article's state and the
// date that matters for it, read against now (the screen's clock).
// Published: its publication date; published with a future time:
// "embargoed until …"; drafts and articles in review: when last edited;
// in the trash: when and by whom it was trashed.
func rowLine(a storage.TrashedArticle, now time.Time) string {
	line := stateLine(a.ArticleSummary, now)
	if a.FactChecked {
		line += " · ✓ fact-checked"
	}
	if !a.TrashedAt.IsZero() {
		by := ""
		if a.TrashedBy != "" {
			by = " by " + a.TrashedBy
		}
		line = fmt.Sprintf("trashed %s%s · was %s", when(a.TrashedAt, now), by, line)
	}
	return line
}

// stateLine says the status with its date.
func stateLine(a storage.ArticleSummary, now time.Time) string {
	switch {
	case a.Status == domain.StatusPublished && a.PublishedAt.After(now):
		return "embargoed until " + a.PublishedAt.In(now.Location()).Format("2 Jan 2006 15:04 MST")
	case a.Status == domain.StatusPublished && a.PublishedAt.IsZero():
		return "published (no date)"
	case a.Status == domain.StatusPublished:
		return "published " + a.PublishedAt.In(now.Location()).Format("2 Jan 2006")
	case a.Status == domain.StatusReview:
		return "in review · edited " + when(a.UpdatedAt, now)
	default:
		return string(a.Status) + " · edited " + when(a.UpdatedAt, now)
	}
}

// when is a short time of an edit: "today 14:05", "yesterday 09:12",
// "28 Nov 14:05" this year, "3 Mar 2025" before.
func when(t, now time.Time) string {
	t = t.In(now.Location())
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	switch {
	case !t.Before(today) && t.Before(today.AddDate(0, 0, 1)):
		return "today " + t.Format("15:04")
	case !t.Before(today.AddDate(0, 0, -1)) && t.Before(today):
		return "yesterday " + t.Format("15:04")
	case t.Year() == now.Year():
		return t.Format("2 Jan 15:04")
	}
	return t.Format("2 Jan 2006")
}
