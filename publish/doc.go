// Package publish turns articles into the public site: the article page
// shown by "Preview in browser" and by export, the index, the Atom feed and
// the stylesheet.
//
// Markdown is rendered with goldmark in safe mode (raw HTML is omitted,
// dangerous link targets are dropped) plus GFM tables, autolinks and
// strikethrough, and an extension for Newsroom's body conventions: quote
// records placed with {{quote ref}} and credited excerpts introduced by
// [!excerpt Source Name] (see domain/body.go). Reader comments are plain
// text and never become markup.
//
// Export writes a static site into a directory, deterministically,
// incrementally and atomically; it only ever deletes files recorded in its
// own manifest.
package publish
