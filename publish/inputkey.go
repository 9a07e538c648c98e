package publish

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io/fs"
	"sort"
	"time"

	"newsroom/assets"
	"newsroom/domain"
)

// rendererVersion changes whenever the Go code that renders pages changes
// its output, so re-exports do not keep pages made by an older version.
const rendererVersion = "newsroom-publish/1"

// keyHasher collects length-prefixed fields and hashes them with
// SHA-256, so that different field sequences can never hash alike.
type keyHasher struct {
	buf []byte
}

func newKeyHasher() *keyHasher { return &keyHasher{buf: make([]byte, 0, 8192)} }

func (k *keyHasher) int(v int64) { k.buf = binary.LittleEndian.AppendUint64(k.buf, uint64(v)) }

func (k *keyHasher) str(s string) {
	k.int(int64(len(s)))
	k.buf = append(k.buf, s...)
}

func (k *keyHasher) bool(b bool) {
	if b {
		k.int(1)
	} else {
		k.int(0)
	}
}

// time adds the instant and the zone it is shown in, which pages print.
func (k *keyHasher) time(t time.Time) {
	k.int(t.Unix())
	k.int(int64(t.Nanosecond()))
	name, offset := t.Zone()
	k.str(name)
	k.int(int64(offset))
}

func (k *keyHasher) sum() string {
	s := sha256.Sum256(k.buf)
	return hex.EncodeToString(s[:])
}

// siteKey digests what every page depends on besides its article: the
// renderer version, templates, stylesheet and site options.
func siteKey(site siteView, commentsURL string) (string, error) {
	k := newKeyHasher()
	k.str(rendererVersion)
	var names []string
	err := fs.WalkDir(assets.Templates, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := fs.ReadFile(assets.Templates, n)
		if err != nil {
			return "", err
		}
		k.str(n)
		k.str(string(b))
	}
	k.str(string(assets.SiteCSS))
	k.str(site.Lang)
	k.str(site.SiteTitle)
	k.str(site.Publisher)
	k.str(site.BaseURL)
	k.str(commentsURL)
	return k.sum(), nil
}

// pageKey digests everything an article page is rendered from.
func pageKey(site string, a *domain.Article, comments []domain.Comment, draft bool) string {
	k := newKeyHasher()
	k.str(site)
	k.bool(draft)
	k.int(a.ID)
	k.str(a.Slug)
	k.str(a.Headline)
	k.str(a.Standfirst)
	k.str(a.Byline)
	k.str(a.Body)
	k.str(string(a.Status))
	k.time(a.PublishedAt)
	k.time(a.UpdatedAt)
	k.int(int64(len(a.Keywords)))
	for _, kw := range a.Keywords {
		k.str(kw)
	}
	k.bool(a.FactCheck.Checked)
	k.int(int64(len(a.Sources)))
	for _, s := range a.Sources {
		k.str(s.Name)
		k.str(string(s.Kind))
		k.str(s.URL)
	}
	k.int(int64(len(a.Quotes)))
	for _, q := range a.Quotes {
		k.str(q.Ref)
		k.str(q.Text)
		k.str(q.Speaker)
		k.str(q.Role)
		k.str(q.Context)
		k.str(q.Source)
	}
	k.int(int64(len(comments)))
	for _, c := range comments {
		k.int(c.ID)
		k.int(c.ParentID)
		k.str(c.Author)
		k.str(c.URL)
		k.str(c.Body)
		k.str(string(c.Status))
		k.time(c.SubmittedAt)
		k.bool(c.ByEditor)
	}
	return k.sum()
}

// indexKey digests what the index page shows of each article.
func indexKey(site string, live, drafts []*domain.Article) string {
	k := newKeyHasher()
	k.str(site)
	for _, list := range [][]*domain.Article{live, drafts} {
		k.int(int64(len(list)))
		for _, a := range list {
			k.str(a.Slug)
			k.str(a.Headline)
			k.str(a.Standfirst)
			k.time(a.PublishedAt)
			k.bool(a.FactCheck.Checked)
		}
	}
	return k.sum()
}

// feedKey digests the articles the feed carries.
func feedKey(site string, live []*domain.Article) string {
	if len(live) > feedLimit {
		live = live[:feedLimit]
	}
	k := newKeyHasher()
	k.str(site)
	k.int(int64(len(live)))
	for _, a := range live {
		k.str(pageKey(site, a, nil, false))
	}
	return k.sum()
}
