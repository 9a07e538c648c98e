package publish

import (
	"context"
	"path"
	"path/filepath"
	"strings"

	"newsroom/domain"
)

// siteFileSpec is one site-wide file: where it goes, the key of its
// inputs (computed cheaply from summaries) and how to render it, which
// returns the bytes and the key of what it was rendered from.
type siteFileSpec struct {
	rel    string
	key    string
	render func() ([]byte, string, error)
}

// moreSiteFiles lists the site files beyond the index, feed and
// stylesheet: the corrections archive, section and tag pages, section
// feeds, and so on. Each key is computed
// from the summaries, so an unchanged file costs no rendering.
func (e *exporter) moreSiteFiles(ctx context.Context, live []*domain.Article) []siteFileSpec {
	corrections := correctionsKey(e.siteKey, live)
	out := []siteFileSpec{
		{correctionsPath, corrections, func() ([]byte, string, error) {
			data, err := renderCorrectionsArchive(live, e.site)
			return data, corrections, err
		}},
	}
	return append(out, e.listingFiles(ctx, live)...)
}

// loadFeedArticles loads the full articles a feed of live carries.
func (e *exporter) loadFeedArticles(ctx context.Context, live []*domain.Article) ([]*domain.Article, error) {
	summaries := feedArticles(live)
	jobs := make([]pageJob, len(summaries))
	for i, a := range summaries {
		jobs[i] = pageJob{index: i, a: a}
	}
	return e.load(ctx, jobs)
}

// siteFileDir makes sure the directories of a site file at rel exist
// (rel uses slashes) and reports whether its own directory was just
// created empty. The directories it creates are added to e.siteDirs.
func (e *exporter) siteFileDir(rel string) (bool, error) {
	dir := path.Dir(rel)
	if dir == "." {
		return false, nil
	}
	fresh := false
	cur := ""
	for _, part := range strings.Split(dir, "/") {
		cur = filepath.Join(cur, part)
		created, err := ensureDir(filepath.Join(e.dir, cur))
		if err != nil {
			return false, err
		}
		if created {
			e.siteDirs = append(e.siteDirs, cur)
		}
		fresh = created
	}
	return fresh, nil
}

// ownedSiteFile reports whether rel is one of the site files Export
// writes beyond the index, feed, stylesheet and article pages (see
// ownedPath).
func ownedSiteFile(rel string) bool {
	switch rel {
	case correctionsPath, aboutDir + "index.html", privacyDir + "index.html", sitemapPath, newsSitemapPath:
		return true
	}
	return false
}

// ownedListingPath reports whether file (what follows "section/" or
// "tag/") is a listing's page or feed: <slug>/index.html or
// <slug>/feed.xml.
func ownedListingPath(file string) bool {
	slug, name, ok := strings.Cut(file, "/")
	return ok && (name == "index.html" || name == "feed.xml") && domain.ValidateSlug(slug) == nil && path.Clean(file) == file
}
