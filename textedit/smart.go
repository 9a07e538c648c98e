package textedit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SmartPunctuation decides the typographic substitution for the rune just
// typed. line is the paragraph's text up to the caret, ending with that
// rune. It returns how many bytes at the end of line to replace and what
// with: straight double and single quotes become curly ones (opening after
// a space, an opening bracket or the start, else closing — so apostrophes
// come out right), "--" an en dash, an en dash followed by '-' an em dash,
// "..." an ellipsis. It substitutes nothing inside a code span, an
// indented code line, a web address, a link's target, an autolink or a
// {{…}} placement, nor in a table's delimiter row or a thematic break;
// whether line is inside a fenced code block is the caller's to know.
func SmartPunctuation(line string) (n int, with string, ok bool) {
	if line == "" {
		return 0, "", false
	}
	last := line[len(line)-1]
	if last != '"' && last != '\'' && last != '-' && last != '.' {
		return 0, "", false
	}
	head := line[:len(line)-1]
	if literalContext(head) {
		return 0, "", false
	}
	prev, _ := utf8.DecodeLastRuneInString(head)
	if head == "" {
		prev = ' '
	}
	switch last {
	case '"':
		if opensQuote(prev) {
			return 1, "“", true
		}
		return 1, "”", true
	case '\'':
		if opensQuote(prev) {
			return 1, "‘", true
		}
		return 1, "’", true
	case '-':
		if strings.Trim(line, "-|: \t") == "" {
			return 0, "", false // a thematic break, setext underline or table delimiter row
		}
		switch {
		case strings.HasSuffix(head, "<!-"):
			return 0, "", false // an HTML comment opener
		case prev == '-':
			return 2, "–", true
		case prev == '–':
			return len("–") + 1, "—", true
		}
	case '.':
		if strings.HasSuffix(head, "..") && !strings.HasSuffix(head, "...") {
			return 3, "…", true
		}
	}
	return 0, "", false
}

// opensQuote reports whether a quote typed after r opens a quotation.
func opensQuote(r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '<', '“', '‘', '—', '–', '/', '\u00a0':
		return true
	}
	return false
}

// literalContext reports whether text typed after head is literal
// Markdown the typography must not touch: code, addresses, placements.
func literalContext(head string) bool {
	if strings.HasPrefix(head, "    ") || strings.HasPrefix(head, "\t") {
		return true // an indented code line (or a list item's continuation: left as typed)
	}
	if strings.Count(head, "`")%2 == 1 {
		return true // inside a code span
	}
	if i := strings.LastIndex(head, "{{"); i >= 0 && !strings.Contains(head[i:], "}}") {
		return true // inside {{quote …}}, {{embed …}}
	}
	if i := strings.LastIndex(head, "]("); i >= 0 && !strings.Contains(head[i:], ")") {
		return true // inside a link's target
	}
	if i := strings.LastIndex(head, "<"); i >= 0 && !strings.Contains(head[i:], ">") && !strings.ContainsAny(head[i:], " \t") {
		return true // inside an autolink <https://…>
	}
	word := head[strings.LastIndexAny(head, " \t")+1:]
	lw := strings.ToLower(word)
	return strings.Contains(lw, "://") || strings.Contains(lw, "www.") || strings.HasPrefix(lw, "mailto:")
}

// inFence reports whether paragraph p lies inside a fenced code block:
// an odd number of fence lines (``` or ~~~, indented at most three
// spaces) come before it.
func (d *bodyDoc) inFence(p int) bool {
	open := ""
	for i := 0; i < p && i < len(d.paras); i++ {
		t := d.paras[i].text
		if len(t) < 3 || (t[0] != '`' && t[0] != '~' && t[0] != ' ') {
			continue
		}
		t = strings.TrimLeft(t, " ")
		if len(d.paras[i].text)-len(t) > 3 {
			continue
		}
		switch {
		case open == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			open = t[:3]
		case open != "" && strings.HasPrefix(t, open) && strings.Trim(t, open[:1]+" ") == "":
			open = ""
		}
	}
	return open != ""
}

// SetSmartPunctuation turns typographic quotes and dashes as you type on
// or off (see SmartPunctuation). One Undo right after a substitution takes
// back only the substitution, leaving the characters as typed.
func (e *Editor) SetSmartPunctuation(on bool) { e.smart = on }

// SmartPunctuationOn reports whether typographic substitution is on.
func (e *Editor) SmartPunctuationOn() bool { return e.smart }

// smarten applies the substitution for the rune just typed, as an undo
// step of its own.
func (e *Editor) smarten() {
	if e.hasSelection() {
		return
	}
	p := e.doc.paras[e.caret.p]
	n, with, ok := SmartPunctuation(p.text[:e.caret.off])
	if !ok || e.doc.inFence(e.caret.p) {
		return
	}
	e.undo.seal()
	e.replaceRange(bodyPos{e.caret.p, e.caret.off - n}, e.caret, with, editOther)
	e.undo.seal()
}
