package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"time"
)

// contentDigestVersion names the framing of ContentDigest; change it when
// the framing changes, so old digests never match new ones.
const contentDigestVersion = "newsroom-content-v2"

// ContentDigest returns the hex SHA-256 of everything an article holds
// itself: slug, headline, standfirst, byline, body, status, publication
// time, keywords, section, kind of work, lead image, fact check, the names of its
// sources in order and its quote records. It leaves out what changes without the article changing
// (ID, version, created and updated times, origin, stored findings) and
// the details of the shared sources (kind, URL, note), which readers
// fetch with the article anyway. The store keeps it with every saved
// article, so an export can tell an unchanged article without reading
// its body.
func ContentDigest(a *Article) string {
	h := sha256.New()
	writeField(h, contentDigestVersion)
	for _, f := range []string{a.Slug, a.Headline, a.Standfirst, a.Byline, a.Body, string(a.Status)} {
		writeField(h, f)
	}
	writeTime(h, a.PublishedAt)
	writeLength(h, len(a.Keywords))
	for _, k := range a.Keywords {
		writeField(h, k)
	}
	writeField(h, a.Section)
	writeField(h, string(a.Kind))
	if a.LeadImage != "" {
		// Written only when set, so digests of articles without one keep
		// the value they had before lead images existed.
		writeField(h, "lead-image:"+a.LeadImage)
	}
	writeLength(h, boolInt(a.FactCheck.Checked))
	writeField(h, a.FactCheck.By)
	writeTime(h, a.FactCheck.At)
	writeField(h, a.FactCheck.Digest)
	writeLength(h, len(a.Sources))
	for _, s := range a.Sources {
		writeField(h, s.Name)
	}
	writeLength(h, len(a.Quotes))
	for _, q := range a.Quotes {
		for _, f := range []string{q.Ref, q.Text, q.Speaker, q.Role, q.Context, q.Source} {
			writeField(h, f)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writeTime writes t to h as Unix nanoseconds, zero for the zero time.
func writeTime(h hash.Hash, t time.Time) {
	if t.IsZero() {
		writeLength(h, 0)
		return
	}
	writeLength(h, int(t.UnixNano()))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
