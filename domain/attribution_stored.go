package domain

import (
	"crypto/sha256"
	"encoding/hex"
)

// AttributionRules versions the rules of CheckAttribution. Bump it when
// they change, so findings stored with articles are computed again.
const AttributionRules = 1

// StoredFindings are CheckAttribution's findings as computed when an
// article was saved, with the rules version and a digest of the text
// they were computed from, so a stale copy is never believed.
type StoredFindings struct {
	Rules    int       `json:"rules"`
	Input    string    `json:"input"`
	Findings []Finding `json:"findings"`
}

// ComputeFindings runs the attribution check on a for storing with it.
func ComputeFindings(a *Article) StoredFindings {
	findings := CheckAttribution(a)
	if findings == nil {
		findings = []Finding{}
	}
	return StoredFindings{Rules: AttributionRules, Input: attributionInput(a), Findings: findings}
}

// AttributionFindings returns a's attribution findings: the stored ones
// when the current rules computed them from exactly a's text, quotes and
// sources, else a fresh CheckAttribution.
func AttributionFindings(a *Article) []Finding {
	if a == nil {
		return nil
	}
	s := a.Attribution
	if s.Rules == AttributionRules && s.Input != "" && s.Input == attributionInput(a) {
		return s.Findings
	}
	return CheckAttribution(a)
}

// attributionInput digests everything CheckAttribution reads.
func attributionInput(a *Article) string {
	h := sha256.New()
	writeField(h, a.Body)
	writeLength(h, len(a.Quotes))
	for _, q := range a.Quotes {
		for _, f := range []string{q.Ref, q.Text, q.Speaker, q.Source} {
			writeField(h, f)
		}
	}
	writeLength(h, len(a.Sources))
	for _, s := range a.Sources {
		writeField(h, s.Name)
	}
	return hex.EncodeToString(h.Sum(nil))
}
