package markup

import (
	"regexp"
	"strings"
)

// The marker lines of the body grammar, matched against a line with its
// surrounding white space trimmed. Keywords are case-insensitive.
var (
	// quoteLine is a quote placement: {{quote harf}}. The reference is
	// taken loosely (anything but braces) so a mistyped one is reported
	// as missing, not printed.
	quoteLine = regexp.MustCompile(`^\{\{[ \t]*(?i:quote)(?:[ \t]+([^{}]*?))?[ \t]*\}\}$`)
	// embedLine is an embed: {{embed https://…}}.
	embedLine = regexp.MustCompile(`^\{\{[ \t]*(?i:embed)(?:[ \t]+([^{}]*?))?[ \t]*\}\}$`)
	// imageLine is an image placement: {{image 3fa9c1d2e4b5}} or
	// {{image 3fa9c1d2e4b5 "caption for this place"}}.
	imageLine = regexp.MustCompile(`^\{\{[ \t]*(?i:image)(?:[ \t]+([^{}]*?))?[ \t]*\}\}$`)
	// excerptLine is a credited excerpt's first line: [!excerpt Reuters].
	excerptLine = regexp.MustCompile(`^\[!(?i:excerpt)(?:[ \t]+([^\]]*?))?[ \t]*\]$`)
	// alertLine is a GitHub alert's first line: [!NOTE].
	alertLine = regexp.MustCompile(`^\[!((?i:note|tip|important|warning|caution))\]$`)
	// markerText finds marker syntax left in prose, which the page prints
	// as text.
	markerText = regexp.MustCompile(`(?i)\{\{[ \t]*(?:quote|embed|image)\b[^{}\n]*(?:\}\})?|\[!excerpt\b[^\]\n]*\]?`)
)

// matchRef returns the reference of a quote placement line, and whether
// line is one.
func matchRef(re *regexp.Regexp, line []byte) (string, bool) {
	m := re.FindSubmatch(line)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(string(m[1])), true
}

// asTextReason says why marker syntax found in prose is printed as text.
func asTextReason(marker string) string {
	if strings.HasPrefix(marker, "[") {
		return "excerpt marker is printed as text: it must be the first line of a blockquote and name a source, as in > [!excerpt Reuters]"
	}
	return "marker is printed as text: {{quote …}}, {{embed …}} and {{image …}} must stand alone on a line of their own"
}

// splitImageArgs splits the argument of an image placement into the
// media reference and the caption override: REF, then optionally a
// caption in straight ("…") or curly (“…”) double quotes. Without a
// closing quote at the end, the whole argument is the reference as typed
// (which then names no image).
func splitImageArgs(arg string) (ref, caption string, captioned bool) {
	i := strings.IndexAny(arg, "\"“")
	if i < 0 {
		return arg, "", false
	}
	rest := arg[i:]
	open := "\""
	closing := []string{"\""}
	if strings.HasPrefix(rest, "“") {
		open = "“"
		closing = []string{"”", "“"}
	}
	inner := rest[len(open):]
	for _, c := range closing {
		if strings.HasSuffix(inner, c) && len(inner) >= len(c) {
			return strings.TrimSpace(arg[:i]), strings.TrimSpace(inner[:len(inner)-len(c)]), true
		}
	}
	return arg, "", false
}
