// Package importer reads stories written elsewhere into Newsroom: Markdown
// files with Hugo or Jekyll front matter (alone or in folders), and
// WordPress WXR exports. Each file is imported in one Batch, so a file is
// stored whole or not at all. Every article carries its source's identity
// (Origin: the file's path or front matter id, the blog and post id), so
// importing again updates what came from it, reports it unchanged, and
// never takes over an article it did not make.
package importer
