package domain

import "fmt"

// Body conventions, on top of CommonMark + GFM (package markup holds the
// grammar and its exact rules; these are the markers the editor writes):
//
// A quote record is placed in the body by a paragraph of its own:
//
//	{{quote harf}}
//
// It renders as <figure><blockquote>text</blockquote><figcaption>— speaker,
// role</figcaption></figure>.
//
// A credited excerpt is a blockquote whose first line names the source:
//
//	> [!excerpt The Guardian]
//	> It will be his first trip to Russia since the start of the Ukraine crisis…
//
// It renders as a blockquote introduced by "The Guardian reports:", with a
// <cite> linking the source's URL from the article's register.

// QuoteMarker returns the body text that places quote ref.
func QuoteMarker(ref string) string { return fmt.Sprintf("{{quote %s}}", ref) }

// ExcerptMarker returns the first blockquote line that credits source name.
func ExcerptMarker(name string) string { return fmt.Sprintf("> [!excerpt %s]", name) }

// EmbedMarker returns the body paragraph that embeds the page at url as a
// link card.
func EmbedMarker(url string) string { return fmt.Sprintf("{{embed %s}}", url) }
