package publish

import (
	"fmt"
	"time"

	"newsroom/domain"
	"newsroom/markup"
)

// ExportOptionsFor returns the options that export site as of now, with
// the defaults of domain.Site filled in and the attribution findings as
// warnings. The command line and the window both export with it, so the
// same database gives the same site from either.
func ExportOptionsFor(site domain.Site, now time.Time) ExportOptions {
	site = site.WithDefaults()
	return ExportOptions{
		SiteTitle:     site.Title,
		PublisherName: site.PublisherName,
		BaseURL:       site.BaseURL,
		CommentsURL:   site.CommentsURL,
		Now:           now.UTC(),
		Check:         checkWith(site.Style),
		Masthead:      MastheadOf(site),
	}
}

// MastheadOf reads the masthead and policies of the site settings.
func MastheadOf(site domain.Site) Masthead {
	return Masthead{
		Staff:                ParseStaff(site.Staff),
		About:                site.About,
		CorrectionsPolicy:    site.CorrectionsPolicy,
		FactCheckingPolicy:   site.FactCheckingPolicy,
		EthicsPolicy:         site.EthicsPolicy,
		PublishingPrinciples: site.PublishingPrinciples,
		PrivacyContact:       site.PrivacyContact,
		RetentionDays:        site.CommentRetentionDays,
	}
}

// PageOptionsFor returns the options that render one page of site as of
// now (the preview); draft marks it as a draft.
func PageOptionsFor(site domain.Site, now time.Time, draft bool) Options {
	site = site.WithDefaults()
	masthead := MastheadOf(site)
	return Options{
		Masthead:      &masthead,
		SiteTitle:     site.Title,
		PublisherName: site.PublisherName,
		BaseURL:       site.BaseURL,
		CommentsURL:   site.CommentsURL,
		Draft:         draft,
		Now:           now.UTC(),
	}
}

// checkWith is the export's check: the attribution warnings, then the
// house-style ones under style.
func checkWith(style domain.StyleSettings) func(*domain.Article) []string {
	return func(a *domain.Article) []string {
		return append(AttributionWarnings(a), StyleWarnings(a, style)...)
	}
}

// StyleWarnings lists an article's house-style findings under style as
// export warnings, one line each: `article "SLUG": style: KIND in FIELD:
// MESSAGE`. The findings stored with the article are used when they were
// computed under the same style, so an export costs no check.
func StyleWarnings(a *domain.Article, style domain.StyleSettings) []string {
	var out []string
	for _, f := range markup.StyleFindings(a, style) {
		out = append(out, fmt.Sprintf("article %q: style: %s in %s: %s", a.Slug, f.Kind, f.Field, f.Message))
	}
	return out
}

// AttributionWarnings lists an article's attribution findings as export
// warnings, one line each: `article "SLUG": KIND: MESSAGE: EXCERPT`.
func AttributionWarnings(a *domain.Article) []string {
	var out []string
	for _, f := range markup.AttributionFindings(a) {
		out = append(out, fmt.Sprintf("article %q: %s: %s", a.Slug, f.Kind, f.Summary()))
	}
	return out
}
