package assets

import _ "embed"

// SampleArticle is the sample article of every new default database, as
// JSON (see package sample for its shape).
//
//go:embed sample-article.json
var SampleArticle []byte

// Icon is the application icon.
//
//go:embed icon.png
var Icon []byte
