package importer

import (
	"io/fs"
	"path/filepath"
	"strings"
)

// markdownExts are the file name endings read as Markdown in a folder.
var markdownExts = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".mkd": true, ".mkdn": true}

// IsImportable reports whether a file name is one Import reads when it
// walks a folder: Markdown (.md, .markdown, …) or XML (a WordPress
// export).
func IsImportable(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return markdownExts[ext] || ext == ".xml"
}

// isListPage reports whether the file is a Hugo list page (_index.md),
// which describes a section rather than being an article.
func isListPage(path string) bool {
	base := strings.ToLower(filepath.Base(path))
	return markdownExts[filepath.Ext(base)] && strings.TrimSuffix(base, filepath.Ext(base)) == "_index"
}

// walkFolder lists the files under root in lexical order, each with its
// path relative to root as display name and identity. Hidden files and
// folders (.git, .DS_Store…) and files that are neither Markdown nor XML
// are listed as skipped with the reason.
func walkFolder(root string) ([]fileRef, error) {
	var out []fileRef
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		rel, relErr := filepath.Rel(root, path)
		if relErr != nil {
			rel = path
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			if path == root {
				return err
			}
			out = append(out, fileRef{path: path, display: rel, skip: "could not be read: " + plainPathError(err).Error()})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path == root {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if strings.HasPrefix(name, ".") {
				out = append(out, fileRef{path: path, display: rel + "/", skip: "a hidden folder"})
				return fs.SkipDir
			}
			return nil
		}
		ref := fileRef{path: path, display: rel, origin: "file:" + rel, walked: true, root: root}
		switch {
		case strings.HasPrefix(name, "."):
			ref.skip = "a hidden file"
		case !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0:
			ref.skip = "not a regular file"
		case isListPage(name):
			ref.skip = "a list page (_index), not an article"
		case !IsImportable(name):
			ref.skip = "not a Markdown file or a WordPress export"
		}
		out = append(out, ref)
		return nil
	})
	return out, err
}
