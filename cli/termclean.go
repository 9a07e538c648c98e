package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

// unsafeRune reports whether printing r raw to a terminal could act on it
// rather than show it: C0 controls but newline and tab, DEL, C1 controls
// (U+0080–U+009F, CSI among them) and the bidirectional overrides and
// isolates that reorder what is shown.
func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e || r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// escapeRune writes the visible form of an unsafe rune: \x1b, \u202e.
func escapeRune(b *bytes.Buffer, r rune) {
	if r < 0x80 {
		fmt.Fprintf(b, `\x%02x`, r)
		return
	}
	fmt.Fprintf(b, `\u%04x`, r)
}

// cleanWriter passes text to a terminal with every unsafe rune (see
// unsafeRune) shown escaped, so an article's title or a comment can never
// move the cursor, retitle the window, or reorder the text around it.
// Invalid UTF-8 bytes are shown as \xNN too. A character split across two
// writes is held until it is whole.
type cleanWriter struct {
	mu      sync.Mutex
	w       io.Writer
	pending []byte
}

func newCleanWriter(w io.Writer) *cleanWriter { return &cleanWriter{w: w} }

func (c *cleanWriter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	data := p
	if len(c.pending) > 0 {
		data = append(c.pending, p...)
		c.pending = nil
	}
	var out bytes.Buffer
	out.Grow(len(data))
	for i := 0; i < len(data); {
		b := data[i]
		if b >= 0x20 && b < 0x7f || b == '\n' || b == '\t' {
			out.WriteByte(b)
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(data[i:]) {
				c.pending = append([]byte(nil), data[i:]...) // the rest comes next
				break
			}
			fmt.Fprintf(&out, `\x%02x`, b)
			i++
			continue
		}
		if unsafeRune(r) {
			escapeRune(&out, r)
		} else {
			out.Write(data[i : i+size])
		}
		i += size
	}
	if _, err := c.w.Write(out.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a held incomplete character as escaped bytes.
func (c *cleanWriter) Flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.pending) == 0 {
		return nil
	}
	var out bytes.Buffer
	for _, b := range c.pending {
		fmt.Fprintf(&out, `\x%02x`, b)
	}
	c.pending = nil
	_, err := c.w.Write(out.Bytes())
	return err
}

// jsonSafe rewrites the runes JSON leaves raw but a terminal could act on
// (DEL, C1 controls, bidirectional controls) as \uXXXX escapes: the same
// JSON value, shown faithfully and harmlessly. encoding/json already
// escapes the C0 controls.
func jsonSafe(data []byte) []byte {
	if !bytes.ContainsFunc(data, func(r rune) bool { return r >= 0x7f && unsafeRune(r) }) {
		return data
	}
	var out bytes.Buffer
	out.Grow(len(data) + 16)
	for _, r := range string(data) {
		if r >= 0x7f && unsafeRune(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return out.Bytes()
}

// oneCell makes s fit one table cell on one line: newlines and tabs
// become spaces (the rest is cleaned on output).
func oneCell(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
