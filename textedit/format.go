package textedit

import (
	"strings"

	"fyne.io/fyne/v2"
)

// TextChange is an edit of a text: the bytes [Start, End) become Insert,
// after which the selection is [SelStart, SelEnd) (offsets in the changed
// text; equal for a caret).
type TextChange struct {
	Start, End       int
	Insert           string
	SelStart, SelEnd int
}

// Apply returns text with the change made.
func (c TextChange) Apply(text string) string { return text[:c.Start] + c.Insert + text[c.End:] }

// ToggleEmphasis wraps the selection [start, end) of text in marker ("**"
// for bold, "*" for italic), or unwraps it when it already is wrapped
// (the markers just outside or just inside the selection). Spaces at the
// selection's ends stay outside the markers. With no selection it inserts
// the pair and puts the caret between, or removes an empty pair around
// the caret. Bold and italic share '*': a run of stars counts as italic
// when its length is odd and as bold when it is two or more.
func ToggleEmphasis(text string, start, end int, marker string) TextChange {
	start, end = clampRange(text, start, end)
	for start < end && text[start] == ' ' {
		start++
	}
	for end > start && text[end-1] == ' ' {
		end--
	}
	m := len(marker)
	before := runBefore(text, start, marker[0])
	after := runAfter(text, end, marker[0])
	if has(before, m) && has(after, m) {
		return TextChange{Start: start - m, End: end + m, Insert: text[start:end],
			SelStart: start - m, SelEnd: end - m}
	}
	sel := text[start:end]
	if len(sel) > 2*m {
		in := runAfter(sel, 0, marker[0])
		out := runBefore(sel, len(sel), marker[0])
		if in < len(sel) && has(in, m) && has(out, m) {
			inner := sel[m : len(sel)-m]
			return TextChange{Start: start, End: end, Insert: inner, SelStart: start, SelEnd: start + len(inner)}
		}
	}
	return TextChange{Start: start, End: end, Insert: marker + sel + marker,
		SelStart: start + m, SelEnd: end + m}
}

// has reports whether a run of n marker characters holds the emphasis
// of a marker m long: italic (m 1) needs an odd run, bold (m 2) two or
// more.
func has(n, m int) bool {
	if m == 1 {
		return n%2 == 1
	}
	return n >= m
}

// runBefore counts the c bytes right before text[i].
func runBefore(text string, i int, c byte) int {
	n := 0
	for i-n > 0 && text[i-n-1] == c {
		n++
	}
	return n
}

// runAfter counts the c bytes from text[i] on.
func runAfter(text string, i int, c byte) int {
	n := 0
	for i+n < len(text) && text[i+n] == c {
		n++
	}
	return n
}

// linkURLPlaceholder is what Ctrl+K puts where the address goes; it is
// selected, so typing or pasting the address replaces it.
const linkURLPlaceholder = "https://"

// MakeLink turns the selection [start, end) of text into a Markdown link
// "[text](https://)" with the address selected for typing. A selection
// that is itself an address becomes the link's target, with the caret
// in the empty link text; with no selection the caret goes there too.
func MakeLink(text string, start, end int) TextChange {
	start, end = clampRange(text, start, end)
	for start < end && text[start] == ' ' {
		start++
	}
	for end > start && text[end-1] == ' ' {
		end--
	}
	sel := text[start:end]
	if sel == "" || looksLikeURL(sel) {
		target := sel
		if target == "" {
			target = linkURLPlaceholder
		}
		return TextChange{Start: start, End: end, Insert: "[](" + target + ")", SelStart: start + 1, SelEnd: start + 1}
	}
	ins := "[" + sel + "](" + linkURLPlaceholder + ")"
	urlStart := start + len(sel) + 3
	return TextChange{Start: start, End: end, Insert: ins, SelStart: urlStart, SelEnd: urlStart + len(linkURLPlaceholder)}
}

// looksLikeURL reports whether s is one web or mail address.
func looksLikeURL(s string) bool {
	if strings.ContainsAny(s, " \t\n") {
		return false
	}
	l := strings.ToLower(s)
	for _, p := range []string{"http://", "https://", "www.", "mailto:"} {
		if strings.HasPrefix(l, p) && len(l) > len(p) {
			return true
		}
	}
	return false
}

// clampRange orders start and end and keeps them inside text.
func clampRange(text string, start, end int) (int, int) {
	if start > end {
		start, end = end, start
	}
	start = max(0, min(start, len(text)))
	end = max(0, min(end, len(text)))
	return start, end
}

// Change makes c, computed on Text(), as one undo step and selects
// [c.SelStart, c.SelEnd). A read-only editor is left alone.
func (e *Editor) Change(c TextChange) {
	if e.readOnly {
		return
	}
	text := e.doc.String()
	if c.Start < 0 || c.End > len(text) || c.Start > c.End {
		return
	}
	e.undo.seal()
	e.replaceRange(e.doc.posAt(c.Start), e.doc.posAt(c.End), toValidUTF8(normalizeNewlines(c.Insert)), editOther)
	e.undo.seal()
	e.anchor = e.snap(e.doc.posAt(c.SelStart))
	e.caret = e.snap(e.doc.posAt(c.SelEnd))
	e.showCaret()
}

// formatShortcut handles the writing shortcuts: Ctrl+B bold, Ctrl+I
// italic, Ctrl+K link. It reports whether key was one of them.
func (e *Editor) formatShortcut(key fyne.KeyName) bool {
	start, end := e.SelectionRange()
	text := e.doc.String()
	switch key {
	case fyne.KeyB:
		e.Change(ToggleEmphasis(text, start, end, "**"))
	case fyne.KeyI:
		e.Change(ToggleEmphasis(text, start, end, "*"))
	case fyne.KeyK:
		e.Change(MakeLink(text, start, end))
	default:
		return false
	}
	return true
}
