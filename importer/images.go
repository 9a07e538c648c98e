package importer

import (
	"fmt"
	"regexp"
	"strings"
)

// placedImage is what an image address in a body resolved to.
type placedImage struct {
	ref     string // the media record's ref; "" when not resolved
	caption string // the record's caption, to drop a repeated caption line
	warning string // said when set (a refused or missing file, a remote image)
}

// imageResolver resolves an image address written in a body.
// alt is the image's alternative text as the body writes it.
type imageResolver func(src, alt string) placedImage

var (
	// linkedImage is [![alt](src "title")](href "title"): an image linking
	// to its full size, as WordPress writes it.
	linkedImage = regexp.MustCompile(`\[!\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)\]\(\s*<?[^)\s>]+>?(?:\s+"[^"]*")?\s*\)`)
	// plainImage is ![alt](src "title").
	plainImage = regexp.MustCompile(`!\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)
	// blockPrefix is what may stand before an image on its line and go
	// with it: list markers, quote markers, blanks.
	blockPrefix = regexp.MustCompile(`^[\s>*+\-]*(?:\d+[.)]\s*)?$`)
)

// rewriteImages replaces every Markdown image of body whose address
// resolves to a media record with an {{image REF}} block on its own line
// (splitting its paragraph around it); an image that does not resolve
// stays as written. A paragraph right after a placed image that repeats
// the record's caption (a WordPress figcaption) is dropped, since the
// page prints the record's caption. Fenced code is left alone. Warnings
// come from the resolver, once per address.
func rewriteImages(body string, resolve imageResolver) (string, []string) {
	if !strings.Contains(body, "![") {
		return body, nil
	}
	var (
		out      []string
		warnings []string
		warned   = map[string]bool{}
		fence    string
		dropNext string // a caption to drop if the next paragraph is it
	)
	// add appends a line outside fenced code, never two blank lines in a row.
	add := func(l string) {
		if strings.TrimSpace(l) == "" && (len(out) == 0 || strings.TrimSpace(out[len(out)-1]) == "") {
			return
		}
		out = append(out, l)
	}
	lines := strings.Split(body, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if f := fenceOf(line); f != "" {
			if fence == "" {
				fence = f
			} else if strings.HasPrefix(strings.TrimSpace(line), fence) {
				fence = ""
			}
			out = append(out, line)
			continue
		}
		if fence != "" || !strings.Contains(line, "![") {
			if dropNext != "" && strings.TrimSpace(line) != "" {
				if sameText(line, dropNext) {
					dropNext = ""
					continue
				}
				if j, para := paragraphAt(lines, i); sameText(para, dropNext) {
					i = j - 1
					dropNext = ""
					continue
				}
				dropNext = ""
			}
			if fence != "" {
				out = append(out, line)
			} else {
				add(line)
			}
			continue
		}
		pieces, caption := placeImages(line, resolve, func(src, w string) {
			if w != "" && !warned[src] {
				warned[src] = true
				warnings = append(warnings, w)
			}
		})
		if pieces == nil {
			add(line)
			continue
		}
		for _, p := range pieces {
			add(p)
		}
		dropNext = caption
	}
	return strings.Trim(strings.Join(out, "\n"), "\n"), warnings
}

// placeImages splits one line at the images that resolve; nil when none
// does. It returns the lines to write and the caption of the last placed
// image when nothing follows it on the line.
func placeImages(line string, resolve imageResolver, warn func(src, warning string)) ([]string, string) {
	type hit struct {
		start, end int
		ref        string
		caption    string
	}
	var hits []hit
	taken := func(s, e int) bool {
		for _, h := range hits {
			if s < h.end && e > h.start {
				return true
			}
		}
		return false
	}
	for _, re := range []*regexp.Regexp{linkedImage, plainImage} {
		for _, m := range re.FindAllStringSubmatchIndex(line, -1) {
			if taken(m[0], m[1]) {
				continue
			}
			src := line[m[4]:m[5]]
			p := resolve(src, line[m[2]:m[3]])
			warn(src, p.warning)
			if p.ref == "" {
				// Kept as written; a linked image's inner image must not
				// be placed on its own either.
				hits = append(hits, hit{start: m[0], end: m[1]})
				continue
			}
			hits = append(hits, hit{m[0], m[1], p.ref, p.caption})
		}
	}
	placed := false
	for _, h := range hits {
		placed = placed || h.ref != ""
	}
	if !placed {
		return nil, ""
	}
	// In line order.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].start < hits[j-1].start; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out []string
	prev, caption := 0, ""
	for _, h := range hits {
		if h.ref == "" {
			continue
		}
		if before := line[prev:h.start]; !blockPrefix.MatchString(before) {
			out = append(out, strings.TrimRight(before, " \t"), "")
		}
		out = append(out, "", "{{image "+h.ref+"}}", "")
		prev, caption = h.end, h.caption
	}
	if rest := strings.TrimSpace(line[prev:]); rest != "" {
		out = append(out, rest)
		caption = ""
	}
	return out, caption
}

// fenceOf returns the fence (``` or ~~~) a line opens or closes, or "".
func fenceOf(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return ""
	}
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(t, f) {
			return f
		}
	}
	return ""
}

// paragraphAt returns the index after the paragraph starting at line i
// and its text.
func paragraphAt(lines []string, i int) (int, string) {
	j := i
	for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
		j++
	}
	return j, strings.Join(lines[i:j], " ")
}

// sameText compares two texts ignoring Markdown emphasis, blanks and case.
func sameText(a, b string) bool {
	norm := func(s string) string {
		s = strings.NewReplacer("*", "", "_", "", "\\", "").Replace(s)
		return strings.ToLower(strings.Join(strings.Fields(s), " "))
	}
	return norm(a) != "" && norm(a) == norm(b)
}

// remoteImageWarning is said for an image on another site: an import
// never downloads.
func remoteImageWarning(src string) string {
	return fmt.Sprintf("the image %s is on another site and was not fetched (an import never downloads): it stays a link", src)
}

// isRemote reports whether src is an address on another site.
func isRemote(src string) bool {
	l := strings.ToLower(src)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "//")
}
