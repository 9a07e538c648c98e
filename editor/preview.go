package editor

import (
	"strings"
	"time"

	"newsroom/domain"
)

// previewDateLayout is how the preview shows the publication time.
const previewDateLayout = "2 January 2006 at 15:04 MST"

// previewDateline is the byline with the date, or the workflow state when
// the article is not (yet) public.
func previewDateline(a *domain.Article, now time.Time) string {
	var parts []string
	if by := oneLine(a.Byline); by != "" {
		parts = append(parts, "By "+by)
	}
	switch {
	case a.Status != domain.StatusPublished:
		parts = append(parts, "Draft")
	case a.IsEmbargoed(now):
		parts = append(parts, "Embargoed until "+a.PublishedAt.Local().Format(previewDateLayout))
	case !a.PublishedAt.IsZero():
		parts = append(parts, a.PublishedAt.Local().Format(previewDateLayout))
	}
	return strings.Join(parts, " · ")
}

// sourceCredits lists the article's sources as the page credits them.
func sourceCredits(sources []domain.Source) string {
	var names []string
	for _, s := range sources {
		name := oneLine(s.Name)
		if name == "" {
			continue
		}
		if kind := sourceKindLabel(s.Kind); kind != "" {
			name += " (" + kind + ")"
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return ""
	}
	return "Sources: " + strings.Join(names, ", ")
}

// sourceKindLabel names a source kind for readers, as the page does.
func sourceKindLabel(k domain.SourceKind) string {
	switch {
	case k == domain.SourceAnonymous:
		return "anonymous source"
	case k.Valid():
		return strings.ReplaceAll(string(k), "-", " ")
	}
	return ""
}

// oneLine joins s's lines and runs of white space into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
