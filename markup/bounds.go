package markup

import (
	"fmt"
	"strings"

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

// markupBytes are the bytes that open inline nodes.
const markupBytes = "[]*_~`<!&\\"

// Bounds returns why goldmark must not be given the clean body src, or ""
// when it may be. It runs in time linear in len(src), mostly in the
// standard library's vectorised searches, as every parse pays for it.
func Bounds(src string) string {
	if len(src) > domain.MaxBodyBytes {
		return fmt.Sprintf("the body is %d bytes, over the limit of %d", len(src), domain.MaxBodyBytes)
	}
	markup := 0
	for i := 0; i < len(markupBytes) && len(src) > maxMarkupBytes; i++ {
		markup += strings.Count(src, markupBytes[i:i+1])
	}
	if markup > maxMarkupBytes {
		return fmt.Sprintf("the body has %d markup characters (brackets, emphasis, backticks), over the limit of %d", markup, maxMarkupBytes)
	}
	if refs := strings.Count(src, "]:"); refs > maxReferences {
		return fmt.Sprintf("the body has %d link or footnote definitions, over the limit of %d", refs, maxReferences)
	}
	if linkScan(src) > maxLinkScan {
		return "the body has too many unclosed link targets (\"](\" without \")\")"
	}
	containers, cells := 0, 0
	tableCols := 0 // columns of the last delimiter row, while its table lasts
	for start := 0; start < len(src); {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		start = end + 1
		n, deep := containerPrefix(line)
		if deep {
			return fmt.Sprintf("a line is nested more than %d levels deep", maxIndent/2)
		}
		containers += n
		switch {
		case strings.TrimSpace(line) == "":
			tableCols = 0
		case isDelimiterRow(line):
			tableCols = strings.Count(line, "|") + 1
		}
		cells += tableCols
	}
	switch {
	case containers > maxContainerMarks:
		return fmt.Sprintf("the body has %d blockquote and list markers, over the limit of %d", containers, maxContainerMarks)
	case cells > maxTableCells:
		return fmt.Sprintf("the body's tables have about %d cells, over the limit of %d", cells, maxTableCells)
	}
	return ""
}

// linkScan estimates the bytes goldmark scans for link destinations: for
// every "](", the distance to the next ')' or blank line.
func linkScan(src string) int {
	total := 0
	nextParen, nextBlank := -1, -1 // cached positions, found again once passed
	for at := 0; ; {
		i := strings.Index(src[at:], "](")
		if i < 0 {
			return total
		}
		at += i + 1
		if nextParen < at {
			nextParen = indexFrom(src, at, ")")
		}
		if nextBlank < at {
			nextBlank = indexFrom(src, at, "\n\n")
		}
		total += min(nextParen, nextBlank) - at
		if total > maxLinkScan {
			return total
		}
	}
}

// indexFrom is the offset of the first sep in src at or after from, or
// len(src).
func indexFrom(src string, from int, sep string) int {
	if i := strings.Index(src[from:], sep); i >= 0 {
		return from + i
	}
	return len(src)
}

// containerPrefix counts the blockquote and list markers opening line and
// reports whether its prefix (indentation and markers) is over maxIndent.
func containerPrefix(line string) (markers int, deep bool) {
	for j := 0; j < len(line); j++ {
		c := line[j]
		if c == '>' || (c == '-' || c == '+' || c == '*') && j+1 < len(line) && (line[j+1] == ' ' || line[j+1] == '\t') {
			markers++
		} else if c != ' ' && c != '\t' {
			return markers, false
		}
		if j >= maxIndent {
			return markers, true
		}
	}
	return markers, false
}

// isDelimiterRow reports whether line could be a table's delimiter row:
// only '|', '-', ':' and white space, with a '|' and a '-'.
func isDelimiterRow(line string) bool {
	if strings.IndexByte(line, '|') < 0 || strings.IndexByte(line, '-') < 0 {
		return false
	}
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '|', '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return true
}
