package importer

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// lineWarning is a warning at a line of the file.
type lineWarning struct {
	line int
	msg  string
}

var (
	fenceOpenRE = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	rawOpenRE   = regexp.MustCompile(`\{%-?\s*raw\s*-?%\}`)
	rawCloseRE  = regexp.MustCompile(`\{%-?\s*endraw\s*-?%\}`)
	// Jekyll's and Hugo's code blocks, alone on their lines.
	liquidHighlightRE    = regexp.MustCompile(`^\s*\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\s*$`)
	liquidEndHighlightRE = regexp.MustCompile(`^\s*\{%-?\s*endhighlight\s*-?%\}\s*$`)
	hugoHighlightRE      = regexp.MustCompile(`^\s*\{\{[<%]\s*highlight\s+"?([\w+#.-]+)"?[^>%]*[>%]\}\}\s*$`)
	hugoEndHighlightRE   = regexp.MustCompile(`^\s*\{\{[<%]\s*/highlight\s*[>%]\}\}\s*$`)
	// kramdown attribute lists: {: .notice} alone on a line, or after a span.
	ialLineRE   = regexp.MustCompile(`^\s*\{:[^}]*\}\s*$`)
	ialInlineRE = regexp.MustCompile(`\{:[^}\n]*\}`)
	shortcodeRE = regexp.MustCompile(`\{\{<\s*(/?)\s*(\w[\w./-]*)\s*(.*?)\s*/?>\}\}|\{\{%\s*(/?)\s*(\w[\w./-]*)\s*(.*?)\s*/?%\}\}`)
	liquidTagRE = regexp.MustCompile(`\{%-?\s*(\w+)\s*(.*?)\s*-?%\}`)
	liquidOutRE = regexp.MustCompile(`\{\{-?\s*[\w.]+(?:\[[^\]]*\])?(?:\s*\|[^}]*)?\s*-?\}\}`)
	argRE       = regexp.MustCompile(`(\w+)\s*=\s*("[^"]*"|'[^']*'|` + "`[^`]*`" + `|\S+)|("[^"]*"|'[^']*'|` + "`[^`]*`" + `|\S+)`)
	// templateRE finds all of the above in one pass, leftmost first, so
	// "{{% x %}}" is one shortcode and not also a Liquid tag inside.
	templateRE  = regexp.MustCompile(shortcodeRE.String() + "|" + liquidTagRE.String() + "|" + liquidOutRE.String() + "|" + ialInlineRE.String())
	hugoEscapes = strings.NewReplacer("{{</*", "{{<", "*/>}}", ">}}", "{{%/*", "{{%", "*/%}}", "%}}")
)

// rewriteLines is the first pass over a Markdown body: Liquid {% raw %}
// markers go, Jekyll and Hugo highlight blocks become fenced code, Hugo
// shortcodes and Liquid tags map to our constructs or stay (warned), and
// kramdown attribute lists are removed (warned). Fenced code is left
// alone. It returns the lines and, for each, its line in the file.
func rewriteLines(body string, firstLine int) ([]string, []int, []lineWarning) {
	lines := strings.Split(body, "\n")
	src := make([]int, len(lines))
	var warns []lineWarning
	var fence string
	var closeCode *regexp.Regexp
	raw := false
	for i, line := range lines {
		n := firstLine + i
		src[i] = n
		switch {
		case closeCode != nil:
			if closeCode.MatchString(line) {
				lines[i], closeCode = "```", nil
			}
			continue
		case fence != "":
			if closesFence(line, fence) {
				fence = ""
			}
			lines[i] = hugoEscapes.Replace(line)
			continue
		case raw:
			if loc := rawCloseRE.FindStringIndex(line); loc != nil {
				lines[i], raw = line[:loc[0]]+line[loc[1]:], false
			}
			continue
		}
		if m := fenceOpenRE.FindStringSubmatch(line); m != nil {
			fence = m[1]
			continue
		}
		if !strings.Contains(line, "{") {
			continue
		}
		if loc := rawOpenRE.FindStringIndex(line); loc != nil {
			before, after := line[:loc[0]], line[loc[1]:]
			if c := rawCloseRE.FindStringIndex(after); c != nil {
				after = after[:c[0]] + after[c[1]:]
			} else {
				raw = true
			}
			lines[i] = rewriteInline(before, n, &warns) + after
			continue
		}
		if m := liquidHighlightRE.FindStringSubmatch(line); m != nil {
			lines[i], closeCode = "```"+m[1], liquidEndHighlightRE
			continue
		}
		if m := hugoHighlightRE.FindStringSubmatch(line); m != nil {
			lines[i], closeCode = "```"+m[1], hugoEndHighlightRE
			continue
		}
		if ialLineRE.MatchString(line) {
			warns = append(warns, lineWarning{n, fmt.Sprintf("the kramdown attribute list %s was removed (its styling is not carried)", strings.TrimSpace(line))})
			lines[i] = ""
			continue
		}
		lines[i] = rewriteInline(line, n, &warns)
	}
	return lines, src, warns
}

// closesFence reports whether line ends a fenced code block opened by
// fence.
func closesFence(line, fence string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || !strings.HasPrefix(t, fence) {
		return false
	}
	return strings.Trim(t, fence[:1]+" \t\r") == ""
}

// rewriteInline rewrites the shortcodes, Liquid tags and attribute lists
// of one line outside its code spans.
func rewriteInline(line string, n int, warns *[]lineWarning) string {
	if !strings.Contains(line, "{") {
		return line
	}
	var b strings.Builder
	for _, part := range splitCodeSpans(line) {
		if part.code {
			b.WriteString(hugoEscapes.Replace(part.text))
			continue
		}
		t := templateRE.ReplaceAllStringFunc(part.text, func(m string) string {
			switch {
			case strings.HasPrefix(m, "{{<") || strings.HasPrefix(m, "{{%"):
				return shortcode(m, n, warns)
			case strings.HasPrefix(m, "{%"):
				return liquidTag(m, n, warns)
			case strings.HasPrefix(m, "{:"):
				*warns = append(*warns, lineWarning{n, fmt.Sprintf("the kramdown attribute list %s was removed (its styling is not carried)", m)})
				return ""
			}
			*warns = append(*warns, lineWarning{n, fmt.Sprintf("the template expression %s cannot be carried: kept as text", m)})
			return m
		})
		b.WriteString(hugoEscapes.Replace(t))
	}
	return b.String()
}

type lineSpan struct {
	text string
	code bool
}

// splitCodeSpans cuts a line into text and `code spans`.
func splitCodeSpans(line string) []lineSpan {
	if !strings.Contains(line, "`") {
		return []lineSpan{{text: line}}
	}
	var out []lineSpan
	rest := line
	for {
		i := strings.IndexByte(rest, '`')
		if i < 0 {
			break
		}
		j := i
		for j < len(rest) && rest[j] == '`' {
			j++
		}
		ticks := rest[i:j]
		end := strings.Index(rest[j:], ticks)
		if end < 0 {
			break
		}
		end += j + len(ticks)
		out = append(out, lineSpan{text: rest[:i]}, lineSpan{text: rest[i:end], code: true})
		rest = rest[end:]
	}
	return append(out, lineSpan{text: rest})
}

// shortcodeArgs reads a shortcode's arguments: named (key="value") and
// positional.
func shortcodeArgs(s string) (named map[string]string, pos []string) {
	named = map[string]string{}
	for _, m := range argRE.FindAllStringSubmatch(s, -1) {
		if m[1] != "" {
			named[strings.ToLower(m[1])] = unquote(m[2])
		} else {
			pos = append(pos, unquote(m[3]))
		}
	}
	return named, pos
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'' || s[0] == '`') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// arg is the named argument key, else the positional one at i.
func arg(named map[string]string, pos []string, key string, i int) string {
	if v, ok := named[key]; ok {
		return v
	}
	if i < len(pos) {
		return pos[i]
	}
	return ""
}

// shortcode maps one Hugo shortcode to our constructs: figure → image,
// youtube, vimeo, gist, tweet/x, instagram → embed block, ref/relref →
// link target. Others stay as they are, with a warning.
func shortcode(m string, n int, warns *[]lineWarning) string {
	p := shortcodeRE.FindStringSubmatch(m)
	closing, name, args := p[1], p[2], p[3]
	if p[5] != "" {
		closing, name, args = p[4], p[5], p[6]
	}
	keep := func() string {
		*warns = append(*warns, lineWarning{n, fmt.Sprintf("the Hugo shortcode %s is not known here: kept as text", m)})
		return m
	}
	if closing != "" {
		return keep()
	}
	named, pos := shortcodeArgs(args)
	switch strings.ToLower(name) {
	case "figure":
		src := named["src"]
		if src == "" {
			return keep()
		}
		alt := firstNonEmpty(named["alt"], named["caption"], named["title"])
		img := fmt.Sprintf("![%s](%s", escapeBrackets(alt), src)
		if c := firstNonEmpty(named["caption"], named["title"]); c != "" && c != alt {
			img += fmt.Sprintf(" %q", c)
		}
		img += ")"
		if link := named["link"]; link != "" {
			img = fmt.Sprintf("[%s](%s)", img, link)
		}
		return img
	case "youtube":
		if id := arg(named, pos, "id", 0); id != "" {
			return embedBlock("https://www.youtube.com/watch?v=" + id)
		}
	case "vimeo":
		if id := arg(named, pos, "id", 0); id != "" {
			return embedBlock("https://vimeo.com/" + id)
		}
	case "gist":
		user, id := arg(named, pos, "user", 0), arg(named, pos, "id", 1)
		if user != "" && id != "" {
			return embedBlock("https://gist.github.com/" + user + "/" + id)
		}
	case "tweet", "x", "twitter":
		user, id := named["user"], named["id"]
		if id == "" && len(pos) > 0 {
			id = pos[len(pos)-1]
			if len(pos) > 1 {
				user = pos[0]
			}
		}
		if id != "" {
			if user == "" {
				user = "i"
			}
			return embedBlock("https://x.com/" + user + "/status/" + id)
		}
	case "instagram":
		if id := arg(named, pos, "id", 0); id != "" {
			return embedBlock("https://www.instagram.com/p/" + id + "/")
		}
	case "ref", "relref":
		if target := arg(named, pos, "path", 0); target != "" {
			return pageLink(target)
		}
	}
	return keep()
}

// liquidTag maps Jekyll's link tags to page addresses; other Liquid tags
// stay as they are, with a warning.
func liquidTag(m string, n int, warns *[]lineWarning) string {
	p := liquidTagRE.FindStringSubmatch(m)
	switch p[1] {
	case "link", "post_url":
		if t := strings.TrimSpace(p[2]); t != "" {
			return pageLink(t)
		}
	case "endraw":
		return ""
	}
	*warns = append(*warns, lineWarning{n, fmt.Sprintf("the Liquid tag %s cannot be carried: kept as text", m)})
	return m
}

// pageLink turns a Hugo or Jekyll page reference ("blog/post.md#part",
// "2010-07-21-name") into the address of the article it becomes
// ("/post/#part").
func pageLink(target string) string {
	target = unquote(strings.TrimSpace(target))
	anchor := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, anchor = target[:i], target[i:]
	}
	target = strings.TrimSuffix(target, "/")
	if target == "" {
		return anchor
	}
	base := strings.TrimSuffix(path.Base(target), path.Ext(target))
	if base == "index" || base == "_index" {
		base = path.Base(path.Dir(target))
	}
	if m := jekyllName.FindStringSubmatch(base); m != nil {
		base = m[2]
	}
	slug := normalizeSlug(base)
	if slug == "" {
		return anchor
	}
	return "/" + slug + "/" + anchor
}

// embedBlock is the body's embed block for u (see the README's body
// conventions).
func embedBlock(u string) string { return "{{embed " + u + "}}" }

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func escapeBrackets(s string) string {
	return strings.NewReplacer("[", `\[`, "]", `\]`).Replace(s)
}
