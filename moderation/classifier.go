package moderation

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Classifier is a naive Bayes spam classifier learned offline from
// editors' decisions. Its tokens are the lower-cased words of a comment's
// text and the host names of its links and website ("host:example.com").
// Each token counts once per comment. It is safe for concurrent use.
type Classifier struct {
	mu     sync.RWMutex
	docs   [2]int            // comments trained, by class (ham, spam)
	counts [2]map[string]int // comments holding each token, by class
	totals [2]int            // sum of counts, by class
}

// Class indexes.
const (
	ham  = 0
	spam = 1
)

// Limits that keep the classifier small and fast.
const (
	// MinDocsPerClass is how many spam and how many approved comments
	// the classifier needs before it scores anything but 0.5.
	MinDocsPerClass = 2
	maxTokensPerDoc = 2000
	maxTokenRunes   = 40
)

// NewClassifier returns an untrained classifier; it scores everything 0.5.
// The zero Classifier is ready to use as well.
func NewClassifier() *Classifier {
	return &Classifier{counts: [2]map[string]int{{}, {}}}
}

// classOf maps the spam flag to a class index.
func classOf(isSpam bool) int {
	if isSpam {
		return spam
	}
	return ham
}

// Train learns one comment an editor decided on: spam true for spam,
// false for a comment the editor approved.
func (c *Classifier) Train(body, url string, isSpam bool) {
	toks := tokens(body, url)
	k := classOf(isSpam)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.counts[k] == nil {
		c.counts = [2]map[string]int{nonNilCounts(c.counts[ham]), nonNilCounts(c.counts[spam])}
	}
	c.docs[k]++
	for t := range toks {
		c.counts[k][t]++
		c.totals[k]++
	}
}

// Untrain forgets a comment learned with the same arguments, for when an
// editor reverses a decision. Counts never go below zero.
func (c *Classifier) Untrain(body, url string, isSpam bool) {
	toks := tokens(body, url)
	k := classOf(isSpam)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.docs[k] == 0 {
		return
	}
	c.docs[k]--
	for t := range toks {
		if c.counts[k][t] > 0 {
			c.counts[k][t]--
			c.totals[k]--
			if c.counts[k][t] == 0 {
				delete(c.counts[k], t)
			}
		}
	}
}

// Trained returns how many spam and approved comments were learned.
func (c *Classifier) Trained() (spamDocs, hamDocs int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.docs[spam], c.docs[ham]
}

// Score returns the probability, from 0 to 1, that a comment is spam. It
// is 0.5 while fewer than MinDocsPerClass comments of either class were
// learned, or when the comment has no token the classifier has seen.
// Word probabilities use Laplace (add-one) smoothing; the class priors
// come from the trained counts, also smoothed.
func (c *Classifier) Score(body, url string) float64 {
	toks := tokens(body, url)
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.docs[ham] < MinDocsPerClass || c.docs[spam] < MinDocsPerClass {
		return 0.5
	}
	vocab := len(c.counts[ham])
	for t := range c.counts[spam] {
		if _, ok := c.counts[ham][t]; !ok {
			vocab++
		}
	}
	all := float64(c.docs[ham] + c.docs[spam])
	logOdds := math.Log(float64(c.docs[spam]+1)/(all+2)) - math.Log(float64(c.docs[ham]+1)/(all+2))
	known := 0
	for t := range toks {
		ns, nh := c.counts[spam][t], c.counts[ham][t]
		if ns == 0 && nh == 0 {
			continue
		}
		known++
		logOdds += math.Log(float64(ns+1)/float64(c.totals[spam]+vocab)) - math.Log(float64(nh+1)/float64(c.totals[ham]+vocab))
	}
	if known == 0 {
		return 0.5
	}
	return 1 / (1 + math.Exp(-logOdds))
}

var linkAddress = regexp.MustCompile(`(?i)https?://[^\s<>"'()\[\]]+`)

// tokens returns the distinct tokens of a comment: lower-cased words of
// two to maxTokenRunes letters or digits, and "host:" plus the host name
// of every link in the text and of the website.
func tokens(body, website string) map[string]bool {
	body = strings.ToValidUTF8(body, " ")
	out := make(map[string]bool)
	add := func(t string) {
		if len(out) < maxTokensPerDoc {
			out[t] = true
		}
	}
	for _, link := range append(linkAddress.FindAllString(body, maxTokensPerDoc), website) {
		if h := hostOf(link); h != "" {
			add("host:" + h)
		}
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(body), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if n := utf8.RuneCountInString(w); n >= 2 && n <= maxTokenRunes {
			add(w)
		}
	}
	return out
}

// hostOf returns the lower-cased host of an address without "www.", or "".
func hostOf(addr string) string {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// classifierJSON is the stored form of a Classifier.
type classifierJSON struct {
	Version    int            `json:"version"`
	SpamDocs   int            `json:"spam_docs"`
	HamDocs    int            `json:"ham_docs"`
	SpamTokens map[string]int `json:"spam_tokens"`
	HamTokens  map[string]int `json:"ham_tokens"`
}

// classifierVersion is the stored form's version.
const classifierVersion = 1

// MarshalJSON stores the classifier's counts.
func (c *Classifier) MarshalJSON() ([]byte, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return json.Marshal(classifierJSON{
		Version:    classifierVersion,
		SpamDocs:   c.docs[spam],
		HamDocs:    c.docs[ham],
		SpamTokens: nonNilCounts(c.counts[spam]),
		HamTokens:  nonNilCounts(c.counts[ham]),
	})
}

// nonNilCounts returns m, or an empty map for nil.
func nonNilCounts(m map[string]int) map[string]int {
	if m == nil {
		return map[string]int{}
	}
	return m
}

// UnmarshalJSON restores counts written by MarshalJSON, replacing what
// the classifier held. Malformed or negative counts are an error and
// leave the classifier unchanged.
func (c *Classifier) UnmarshalJSON(data []byte) error {
	var v classifierJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("read spam classifier: %w", err)
	}
	if v.Version != classifierVersion {
		return fmt.Errorf("read spam classifier: version %d, want %d", v.Version, classifierVersion)
	}
	if v.SpamDocs < 0 || v.HamDocs < 0 {
		return fmt.Errorf("read spam classifier: negative comment counts")
	}
	var totals [2]int
	for k, m := range [2]map[string]int{v.HamTokens, v.SpamTokens} {
		for t, n := range m {
			if n < 0 {
				return fmt.Errorf("read spam classifier: token %q has a negative count", t)
			}
			totals[k] += n
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.docs = [2]int{v.HamDocs, v.SpamDocs}
	c.counts = [2]map[string]int{nonNilCounts(v.HamTokens), nonNilCounts(v.SpamTokens)}
	c.totals = totals
	return nil
}
