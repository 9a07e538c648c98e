package moderation

import "strings"

// Settings are the site's comment rules, as on WordPress's Discussion
// settings screen.
type Settings struct {
	// ModerationKeys hold a comment for an editor when one of them occurs
	// in any of its fields ("Comment Moderation" in WordPress).
	ModerationKeys []string
	// DisallowedKeys mark a comment as spam when one of them occurs in
	// any of its fields ("Disallowed Comment Keys").
	DisallowedKeys []string
	// MaxLinks holds a comment with at least this many links in its text;
	// 0 turns the rule off. WordPress's default is 2.
	MaxLinks int
	// RequirePriorApproval holds every comment from an author (name and
	// email) who has no approved comment yet. WordPress's default is on.
	RequirePriorApproval bool
}

// DefaultSettings returns WordPress's defaults: no keywords, hold at two
// links, and hold a first comment until an editor approves it.
func DefaultSettings() Settings {
	return Settings{MaxLinks: 2, RequirePriorApproval: true}
}

// ParseKeywords reads keywords as the settings screen holds them, one per
// line: each is trimmed and lower-cased, blank lines and repeats dropped.
func ParseKeywords(text string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, line := range strings.Split(text, "\n") {
		k := strings.ToLower(strings.TrimSpace(line))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	return out
}

// FormatKeywords writes keywords back as text, one per line.
func FormatKeywords(keys []string) string { return strings.Join(keys, "\n") }
