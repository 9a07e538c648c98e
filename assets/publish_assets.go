// Package assets holds files compiled into the Newsroom binary.
package assets

import "embed"

// Templates holds the html/template files of the published site
// (templates/*.html): the article page, the index and their shared parts.
//
//go:embed templates/*.html
var Templates embed.FS

// SiteCSS is the published site's only stylesheet, written as site.css
// next to index.html.
//
//go:embed site.css
var SiteCSS []byte
