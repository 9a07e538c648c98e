package publish

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io/fs"
	"sort"
	"time"

	"newsroom/assets"
	"newsroom/domain"
)

// rendererVersion changes whenever the Go code that renders pages changes
// its output, so re-exports do not keep pages made by an older version.
const rendererVersion = "newsroom-publish/2"

// keyHasher fingerprints a sequence of length-prefixed fields (so that
// different field sequences never give the same bytes) with two
// hardware-accelerated CRC-32s, Castagnoli and IEEE, and the length.
// Input keys only decide whether a page must be rendered again, and are
// computed for every page on every export, so they must be cheap; a 64-bit
// fingerprint makes missing an edit vanishingly unlikely.
type keyHasher struct {
	c, i    uint32
	n       uint64
	used    int
	scratch [512]byte
}

func (k *keyHasher) flush() {
	k.c = crc32.Update(k.c, castagnoli, k.scratch[:k.used])
	k.i = crc32.Update(k.i, crc32.IEEETable, k.scratch[:k.used])
	k.n += uint64(k.used)
	k.used = 0
}

func (k *keyHasher) int(v int64) {
	if k.used+8 > len(k.scratch) {
		k.flush()
	}
	binary.LittleEndian.PutUint64(k.scratch[k.used:], uint64(v))
	k.used += 8
}

func (k *keyHasher) str(s string) {
	k.int(int64(len(s)))
	for len(s) > 0 {
		if k.used == len(k.scratch) {
			k.flush()
		}
		n := copy(k.scratch[k.used:], s)
		k.used += n
		s = s[n:]
	}
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

// sum returns the fingerprint in hex.
func (k *keyHasher) sum() string {
	k.flush()
	var out [16]byte
	binary.BigEndian.PutUint32(out[0:], k.c)
	binary.BigEndian.PutUint32(out[4:], k.i)
	binary.BigEndian.PutUint64(out[8:], k.n)
	return hex.EncodeToString(out[:])
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// digest identifies content by the first 128 bits of its SHA-256, in hex:
// ample to tell versions of a file apart.
func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:16])
}

// siteKey digests what every page depends on besides its article: the
// renderer version, templates, stylesheet and site options.
func siteKey(site siteView, commentsURL string) (string, error) {
	var k keyHasher
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

// pageKey digests everything an article page is rendered from. The
// article's own fields (text, quotes, status, keywords, fact check…)
// enter through digest, its ContentDigest: a summary carries the stored
// one, a loaded article is digested afresh. An empty digest gives an
// empty key, which matches nothing. Added here are what the digest
// leaves out and pages show: the time zones of the dates, the update
// time, the shared sources' details, the corrections log and the
// comments.
func pageKey(site string, a *domain.Article, digest string, comments []domain.Comment, draft bool) string {
	if digest == "" {
		return ""
	}
	var k keyHasher
	k.str(site)
	k.bool(draft)
	k.int(a.ID)
	k.str(digest)
	k.time(a.PublishedAt)
	k.time(a.UpdatedAt)
	k.int(int64(len(a.Sources)))
	for _, s := range a.Sources {
		k.str(s.Name)
		k.str(string(s.Kind))
		k.str(s.URL)
	}
	hashCorrections(&k, a.Corrections)
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
	var k keyHasher
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

// feedKey digests the articles the feed carries (the first feedLimit of
// live), each by its pageKey with the digest digestOf gives; empty when
// any digest is unknown.
func feedKey(site string, live []*domain.Article, digestOf func(*domain.Article) string) string {
	live = feedArticles(live)
	var k keyHasher
	k.str(site)
	k.int(int64(len(live)))
	for _, a := range live {
		key := pageKey(site, a, digestOf(a), nil, false)
		if key == "" {
			return ""
		}
		k.str(key)
	}
	return k.sum()
}
