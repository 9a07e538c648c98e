package app

import (
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

func TestRowLineShowsTheDateThatMatters(t *testing.T) {
	now := time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	edited := at(2026, 12, 1, 14, 5) // the import's time: every row read this before
	cases := []struct {
		name string
		a    storage.TrashedArticle
		want string
	}{
		{"published", storage.TrashedArticle{ArticleSummary: storage.ArticleSummary{Status: domain.StatusPublished,
			PublishedAt: at(2019, 3, 4, 8, 0), UpdatedAt: edited}}, "published 4 Mar 2019"},
		{"published and checked", storage.TrashedArticle{ArticleSummary: storage.ArticleSummary{Status: domain.StatusPublished,
			PublishedAt: at(2026, 11, 30, 8, 0), UpdatedAt: edited, FactChecked: true}}, "published 30 Nov 2026 · ✓ fact-checked"},
		{"embargoed", storage.TrashedArticle{ArticleSummary: storage.ArticleSummary{Status: domain.StatusPublished,
			PublishedAt: at(2026, 12, 3, 9, 30), UpdatedAt: edited}}, "embargoed until 3 Dec 2026 09:30 UTC"},
		{"published without a date", storage.TrashedArticle{ArticleSummary: storage.ArticleSummary{Status: domain.StatusPublished,
			UpdatedAt: edited}}, "published (no date)"},
		{"draft today", storage.TrashedArticle{ArticleSummary: storage.ArticleSummary{Status: domain.StatusDraft,
			UpdatedAt: edited}}, "draft · edited today 14:05"},
		{"draft yesterday", storage.TrashedArticle{ArticleSummary: storage.ArticleSummary{Status: domain.StatusDraft,
			UpdatedAt: at(2026, 11, 30, 23, 59)}}, "draft · edited yesterday 23:59"},
		{"draft this year", storage.TrashedArticle{ArticleSummary: storage.ArticleSummary{Status: domain.StatusDraft,
			UpdatedAt: at(2026, 2, 10, 7, 0)}}, "draft · edited 10 Feb 07:00"},
		{"draft last year", storage.TrashedArticle{ArticleSummary: storage.ArticleSummary{Status: domain.StatusDraft,
			UpdatedAt: at(2025, 12, 24, 7, 0)}}, "draft · edited 24 Dec 2025"},
		{"review", storage.TrashedArticle{ArticleSummary: storage.ArticleSummary{Status: domain.StatusReview,
			UpdatedAt: edited}}, "in review · edited today 14:05"},
		{"trashed", storage.TrashedArticle{ArticleSummary: storage.ArticleSummary{Status: domain.StatusPublished,
			PublishedAt: at(2026, 11, 2, 8, 0), UpdatedAt: edited}, TrashedAt: at(2026, 12, 1, 9, 0), TrashedBy: "Ed"},
			"trashed today 09:00 by Ed · was published 2 Nov 2026"},
	}
	for _, c := range cases {
		if got := rowLine(c.a, now); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
