// Package importer reads stories written elsewhere into Newsroom: Markdown
// files with Hugo or Jekyll front matter, and WordPress WXR exports. Each
// file is imported in one Batch, so a file is stored whole or not at all,
// and re-importing a file updates what came from it (matched by Origin)
// instead of duplicating it.
package importer
