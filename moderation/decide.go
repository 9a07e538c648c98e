package moderation

import (
	"fmt"
	"regexp"
	"strings"

	"newsroom/domain"
)

// SpamScoreThreshold is the classifier score from which a comment waits
// for an editor. A high score alone never marks a comment as spam: only
// editors' decisions and the disallowed keys do.
const SpamScoreThreshold = 0.9

// Input is a submitted comment with what the caller knows about it.
type Input struct {
	Comment domain.Comment
	// HoneypotFilled is true when the hidden form field that people never
	// see, but bots fill in, had a value.
	HoneypotFilled bool
	// AuthorHasApproved is true when the same name and email already have
	// an approved comment on the site.
	AuthorHasApproved bool
	// SpamScore is the classifier's score from 0 to 1, or below 0 when
	// unknown.
	SpamScore float64
}

// Verdict is what should happen to a comment, and why.
type Verdict struct {
	Status domain.CommentStatus
	// Reasons lists every rule the comment tripped, in words an editor
	// understands; empty for an approved comment.
	Reasons []string
}

// Decide applies the rules to a comment, in WordPress's spirit:
//
//   - spam when the honeypot was filled or a disallowed key occurs in the
//     name, email, website, text, client address or user agent;
//   - otherwise pending (held for an editor) when the text has MaxLinks
//     links or more, a moderation key occurs in any of those fields, the
//     author has no approved comment yet (pingbacks and trackbacks, which
//     have no email, are always held under this rule), or the spam score
//     is SpamScoreThreshold or more;
//   - otherwise approved.
//
// Keys match case-insensitively anywhere in a field, as in WordPress.
// Every reason found is listed, also those of the weaker rules when a
// comment is spam. A reply an editor wrote (ByEditor) is approved.
func Decide(in Input, s Settings) Verdict {
	c := in.Comment
	if c.ByEditor {
		return Verdict{Status: domain.CommentApproved}
	}
	var spam, held []string
	if in.HoneypotFilled {
		spam = append(spam, "honeypot field was filled")
	}
	for _, k := range matchingKeys(s.DisallowedKeys, c) {
		spam = append(spam, fmt.Sprintf("matches disallowed keyword '%s'", k))
	}
	if n := CountLinks(c.Body); s.MaxLinks > 0 && n >= s.MaxLinks {
		held = append(held, linksReason(n))
	}
	for _, k := range matchingKeys(s.ModerationKeys, c) {
		held = append(held, fmt.Sprintf("matches moderation keyword '%s'", k))
	}
	if s.RequirePriorApproval {
		switch {
		case c.Type == domain.TypePingback || c.Type == domain.TypeTrackback:
			held = append(held, fmt.Sprintf("%s from another site", c.Type))
		case !in.AuthorHasApproved:
			held = append(held, "first comment from this author")
		}
	}
	if in.SpamScore >= SpamScoreThreshold {
		held = append(held, fmt.Sprintf("spam score %.2f", in.SpamScore))
	}
	reasons := append(spam, held...)
	switch {
	case len(spam) > 0:
		return Verdict{Status: domain.CommentSpam, Reasons: reasons}
	case len(held) > 0:
		return Verdict{Status: domain.CommentPending, Reasons: reasons}
	}
	return Verdict{Status: domain.CommentApproved}
}

// linksReason says how many links a comment has.
func linksReason(n int) string {
	if n == 1 {
		return "1 link"
	}
	return fmt.Sprintf("%d links", n)
}

// matchingKeys returns the keys (trimmed, lower-cased) that occur in any
// of the comment's fields, each once, in the keys' order.
func matchingKeys(keys []string, c domain.Comment) []string {
	if len(keys) == 0 {
		return nil
	}
	fields := strings.ToLower(strings.Join([]string{c.Author, c.Email, c.URL, c.Body, c.ClientAddr, c.UserAgent}, "\x00"))
	var out []string
	seen := make(map[string]bool)
	for _, k := range keys {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" || seen[k] {
			continue // an empty key would match every comment
		}
		seen[k] = true
		if strings.Contains(fields, k) {
			out = append(out, k)
		}
	}
	return out
}

var (
	anchorTag = regexp.MustCompile(`(?is)<a\s[^>]*?href[^>]*>(?:.*?</a\s*>)?`)
	bareLink  = regexp.MustCompile(`(?i)https?://`)
)

// CountLinks counts the links in a comment's text: each <a href> element
// once, and each http:// or https:// address outside such an element.
// WordPress counts only <a href> tags; readers here write plain text, so
// bare addresses count too. The website field is not counted, as in
// WordPress: every commenter may give one.
func CountLinks(text string) int {
	anchors := anchorTag.FindAllStringIndex(text, -1)
	n := len(anchors)
	for _, m := range bareLink.FindAllStringIndex(text, -1) {
		inside := false
		for _, a := range anchors {
			if m[0] >= a[0] && m[0] < a[1] {
				inside = true
				break
			}
		}
		if !inside {
			n++
		}
	}
	return n
}
