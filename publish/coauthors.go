package publish

import (
	"strings"

	"newsroom/domain"
)

// bylineNames are the people a byline names: "Maria Lopez and Sam Okafor"
// gives both (domain.SplitByline), a single name gives itself (as byline
// reads it, without a leading "By").
func bylineNames(a *domain.Article) []string {
	by := byline(a)
	if by == "" {
		return nil
	}
	names := domain.SplitByline(by)
	if len(names) <= 1 {
		return []string{by}
	}
	for i, n := range names {
		names[i] = strings.TrimSpace(cleanText(n))
	}
	return names
}

// coAuthorView is one name of a co-authored byline on the page.
type coAuthorView struct {
	Sep  string // "", ", " or " and " before the name
	Name string
	Href string // the author page; empty on drafts
}

// coAuthorViews lays out a byline of several names, each linked to its
// author page when linked; nil for a byline of one name (shown as before).
func coAuthorViews(a *domain.Article, linked bool) []coAuthorView {
	names := bylineNames(a)
	if len(names) < 2 {
		return nil
	}
	out := make([]coAuthorView, len(names))
	for i, n := range names {
		v := coAuthorView{Name: n}
		switch {
		case i == len(names)-1:
			v.Sep = " and "
		case i > 0:
			v.Sep = ", "
		}
		if slug := filingSlug(n); linked && slug != "" {
			v.Href = "../author/" + slug + "/index.html"
		}
		out[i] = v
	}
	return out
}
