package markup

import (
	"fmt"

	"newsroom/domain"
)

// Bounds on what goldmark is given. goldmark's time or memory grows
// faster than the text on some shapes: a link destination it scans to the
// end of the paragraph for every "](" (quadratic), consecutive link
// reference definitions (quadratic), deeply nested containers (cubic in
// the depth), hundreds of bytes of nodes for every bracket or emphasis
// delimiter, and tables whose short rows it pads to the header's width.
// Each bound is far above what articles hold and keeps the worst body
// within about a second and a few hundred MB of parsing and rendering.
const (
	// maxMarkupBytes bounds the bytes that open inline nodes: brackets,
	// emphasis and strikethrough delimiters, backticks, angle brackets.
	maxMarkupBytes = 300_000
	// maxLinkScan bounds the bytes goldmark may scan for link
	// destinations: for each "](", up to the next ")" or blank line.
	maxLinkScan = 8_000_000
	// maxReferences bounds link reference and footnote definitions ("]:").
	maxReferences = 5_000
	// maxIndent bounds a line's container prefix (indentation, ">" and
	// list markers), in bytes: about 100 levels of nesting.
	maxIndent = 256
	// maxContainerMarks bounds the blockquote and list markers at the
	// starts of lines, each of which may open nested blocks.
	maxContainerMarks = 300_000
	// maxTableCells bounds the cells of all tables: each delimiter row's
	// columns times the lines that may follow it.
	maxTableCells = 200_000
)

// Bounds returns why goldmark must not be given the clean body src, or ""
// when it may be. It runs in time linear in len(src).
func Bounds(src string) string {
	if len(src) > domain.MaxBodyBytes {
		return fmt.Sprintf("the body is %d bytes, over the limit of %d", len(src), domain.MaxBodyBytes)
	}
	var (
		markup, refs, cells int
		containers          int
		linkScan            int
		pendingLinks        int // "](" not yet closed by ')' or a blank line
		indent              int
		inPrefix            = true
		tableCols           int // columns of the last delimiter row, while its table lasts
		lineCells           int // '|' on this line
		lineDashes          bool
		lineOther           bool
		lineBlank           = true
	)
	endLine := func() string {
		switch {
		case lineBlank:
			tableCols = 0
		case lineCells > 0 && lineDashes && !lineOther:
			tableCols = lineCells + 1
		}
		cells += tableCols
		lineCells, lineDashes, lineOther, lineBlank = 0, false, false, true
		indent, inPrefix = 0, true
		return ""
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		// Every byte is scanned once more for every open "(" of a link.
		linkScan += pendingLinks
		if c == '\n' {
			if lineBlank {
				pendingLinks = 0
			}
			endLine()
			continue
		}
		if inPrefix {
			switch {
			case c == ' ' || c == '\t':
				indent++
			case c == '>':
				indent++
				containers++
			case (c == '-' || c == '+' || c == '*') && i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t'):
				indent++
				containers++
			default:
				inPrefix = false
			}
			if indent > maxIndent {
				return fmt.Sprintf("a line is nested more than %d levels deep", maxIndent/2)
			}
		}
		switch c {
		case '[', ']', '*', '_', '~', '`', '<', '!', '&', '\\':
			markup++
		case ')':
			pendingLinks = 0
		case '|':
			lineCells++
		case '-', ':':
			lineDashes = lineDashes || c == '-'
		case ' ', '\t':
		default:
			lineOther = true
		}
		if c != ' ' && c != '\t' {
			lineBlank = false
		}
		if c == ']' && i+1 < len(src) {
			switch src[i+1] {
			case '(':
				pendingLinks++
			case ':':
				refs++
			}
		}
	}
	endLine()
	switch {
	case markup > maxMarkupBytes:
		return fmt.Sprintf("the body has %d markup characters (brackets, emphasis, backticks), over the limit of %d", markup, maxMarkupBytes)
	case linkScan > maxLinkScan:
		return "the body has too many unclosed link targets (\"](\" without \")\")"
	case containers > maxContainerMarks:
		return fmt.Sprintf("the body has %d blockquote and list markers, over the limit of %d", containers, maxContainerMarks)
	case refs > maxReferences:
		return fmt.Sprintf("the body has %d link or footnote definitions, over the limit of %d", refs, maxReferences)
	case cells > maxTableCells:
		return fmt.Sprintf("the body's tables have about %d cells, over the limit of %d", cells, maxTableCells)
	}
	return ""
}
