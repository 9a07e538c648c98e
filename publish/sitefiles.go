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
// stylesheet: the corrections archive, and so on. Each key is computed
// from the summaries, so an unchanged file costs no rendering.
func (e *exporter) moreSiteFiles(_ context.Context, live []*domain.Article) []siteFileSpec {
	corrections := correctionsKey(e.siteKey, live)
	return []siteFileSpec{
		{correctionsPath, corrections, func() ([]byte, string, error) {
			data, err := renderCorrectionsArchive(live, e.site)
			return data, corrections, err
		}},
	}
}

// siteFileDir makes sure the directories of a site file at rel exist
// (rel uses slashes) and reports whether its own directory was just
// created empty.
func (e *exporter) siteFileDir(rel string) (bool, error) {
	dir := path.Dir(rel)
	if dir == "." {
		return false, nil
	}
	fresh := false
	cur := e.dir
	for _, part := range strings.Split(dir, "/") {
		cur = filepath.Join(cur, part)
		created, err := ensureDir(cur)
		if err != nil {
			return false, err
		}
		fresh = created
	}
	return fresh, nil
}
