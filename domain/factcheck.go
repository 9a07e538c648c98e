package domain

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"
	"time"
)

// coveredDigestVersion names the framing below; change it if the framing
// ever changes, so that old digests can never match new ones by accident.
const coveredDigestVersion = "newsroom-factcheck-v1"

// CoveredDigest returns the hex SHA-256 of the text a fact check vouches
// for: headline, standfirst, body and every quote record's text, speaker,
// role, context, source and ref, in order. Each field is written with an
// 8-byte length prefix and the quote count comes first, so no two
// different articles share a framing ("ab"+"c" differs from "a"+"bc").
// Byline, status, keywords, sources and dates are not covered. A nil
// article has the digest of an empty one.
func CoveredDigest(a *Article) string {
	h := sha256.New()
	writeField(h, coveredDigestVersion)
	if a == nil {
		a = &Article{}
	}
	writeField(h, a.Headline)
	writeField(h, a.Standfirst)
	writeField(h, a.Body)
	writeLength(h, len(a.Quotes))
	for _, q := range a.Quotes {
		for _, f := range []string{q.Text, q.Speaker, q.Role, q.Context, q.Source, q.Ref} {
			writeField(h, f)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writeField writes s to h behind its length.
func writeField(h hash.Hash, s string) {
	writeLength(h, len(s))
	h.Write([]byte(s))
}

// writeLength writes n to h as 8 big-endian bytes.
func writeLength(h hash.Hash, n int) {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

// MarkChecked records that by fact-checked the article's current text at
// at. The checker's name and the time are required (ErrInvalid otherwise).
func MarkChecked(a *Article, by string, at time.Time) error {
	if a == nil {
		return Invalidf("mark checked: no article")
	}
	by = strings.TrimSpace(by)
	if by == "" {
		return Invalidf("mark %q checked: the fact checker's name is required", a.Slug)
	}
	if at.IsZero() {
		return Invalidf("mark %q checked: the time of the check is required", a.Slug)
	}
	a.FactCheck = FactCheck{Checked: true, By: by, At: at, Digest: CoveredDigest(a)}
	return nil
}

// ReconcileFactCheck revokes a fact check whose covered text changed: when
// the article is marked checked and CoveredDigest no longer matches the
// recorded digest, it sets Checked to false and reports true. By, At and
// Digest are kept, so history can still say who checked which text last.
// It never restores a mark; FollowFactCheck does both.
func ReconcileFactCheck(a *Article) (revoked bool) {
	if a == nil || !a.FactCheck.Checked {
		return false
	}
	if CoveredDigest(a) == a.FactCheck.Digest {
		return false
	}
	a.FactCheck.Checked = false
	return true
}

// FactCheckChange is what FollowFactCheck did to an article's mark.
type FactCheckChange int

// What FollowFactCheck can do.
const (
	FactCheckKept     FactCheckChange = iota // the mark (or its absence) stands as it was
	FactCheckRevoked                         // the covered text changed: the mark was revoked
	FactCheckRestored                        // the text is back to exactly what was checked: the mark stands again
)

// FollowFactCheck keeps the mark in step with the covered text, by the
// digest rule: a checked article whose CoveredDigest no longer matches
// the recorded digest is revoked (as ReconcileFactCheck does); a revoked
// one (not checked, but with the checker, time and digest of its last
// check kept) whose text returns to exactly what was checked — an undo
// back to it, a revision restored — is checked again by the same person
// at the same time, since that very text is what they vouched for. A mark
// cleared on purpose (ClearFactCheck) keeps no digest and never returns.
func FollowFactCheck(a *Article) FactCheckChange {
	if a == nil {
		return FactCheckKept
	}
	fc := &a.FactCheck
	switch {
	case fc.Checked:
		if ReconcileFactCheck(a) {
			return FactCheckRevoked
		}
	case fc.Digest != "" && fc.By != "" && !fc.At.IsZero() && CoveredDigest(a) == fc.Digest:
		fc.Checked = true
		return FactCheckRestored
	}
	return FactCheckKept
}

// ClearFactCheck removes the mark on purpose. Unlike a revocation it keeps
// nothing of the last check, so the text coming back cannot restore it.
func ClearFactCheck(a *Article) {
	if a != nil {
		a.FactCheck = FactCheck{}
	}
}

// PublishWarnings lists what an editor should confirm before publishing:
// a missing or out-of-date fact check, then one line per attribution
// finding (findings, as markup.AttributionFindings gives them). An empty
// result means nothing to confirm.
func PublishWarnings(a *Article, findings []Finding) []string {
	if a == nil {
		return nil
	}
	var out []string
	switch {
	case a.FactCheck.Checked && a.FactCheck.Digest != CoveredDigest(a):
		out = append(out, fmt.Sprintf("the fact check by %s no longer covers the text, which changed since", a.FactCheck.By))
	case !a.FactCheck.Checked && a.FactCheck.By != "":
		out = append(out, fmt.Sprintf("not fact-checked: the check by %s was revoked when the text changed", a.FactCheck.By))
	case !a.FactCheck.Checked:
		out = append(out, "not fact-checked")
	}
	for _, f := range findings {
		out = append(out, f.Summary())
	}
	return out
}

// ValidTransition reports whether an article may move from one status to
// another. The workflow is deliberately loose: any known status may move
// to any known status (draft, review and published in any direction, and
// staying put); only unknown statuses are refused. Publishing carries no
// precondition here — PublishWarnings lists what to confirm first.
func ValidTransition(from, to Status) bool {
	return from.Valid() && to.Valid()
}
