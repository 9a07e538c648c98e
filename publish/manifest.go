package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"newsroom/domain"
)

// manifestName is the file in the export directory that lists the files
// Export wrote. Export deletes only files listed here.
const manifestName = ".newsroom-manifest.json"

// manifest records, per file Export wrote (slash-separated path relative
// to the export directory), what it wrote.
type manifest struct {
	Version int                      `json:"version"`
	Files   map[string]manifestEntry `json:"files"`
}

type manifestEntry struct {
	// SHA256 and Size describe the bytes written.
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	// Input is a digest of everything a page was rendered from; when it
	// is unchanged the page need not be rendered again.
	Input string `json:"input,omitempty"`
	// Warnings are the rendering warnings of the page, repeated when it
	// is skipped as unchanged.
	Warnings []string `json:"warnings,omitempty"`
}

const manifestVersion = 1

// loadManifest reads the export directory's manifest. A missing manifest
// is an empty one; a damaged one is reported as a warning and treated as
// empty, so no file is deleted on its word. Entries naming files Export
// would never write are dropped.
func loadManifest(dir string) (manifest, []string, error) {
	m := manifest{Version: manifestVersion, Files: map[string]manifestEntry{}}
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil, nil
	}
	if err != nil {
		return m, nil, fmt.Errorf("read export manifest: %w", err)
	}
	var read manifest
	if err := json.Unmarshal(data, &read); err != nil || read.Version != manifestVersion {
		return m, []string{fmt.Sprintf("export manifest %s is unreadable and was ignored; files it listed are kept", manifestName)}, nil
	}
	for rel, e := range read.Files {
		if ownedPath(rel) {
			m.Files[rel] = e
		}
	}
	return m, nil, nil
}

// ownedPath reports whether rel is a path Export writes: index.html,
// feed.xml, site.css or <slug>/index.html.
func ownedPath(rel string) bool {
	switch rel {
	case "index.html", "feed.xml", "site.css":
		return true
	}
	slug, file, ok := strings.Cut(rel, "/")
	return ok && file == "index.html" && domain.ValidateSlug(slug) == nil && path.Clean(rel) == rel
}

// saveManifest writes the manifest when its bytes differ from what is on
// disk.
func saveManifest(dir string, m manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encode export manifest: %w", err)
	}
	data = append(data, '\n')
	p := filepath.Join(dir, manifestName)
	if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return writeFileAtomic(p, data)
}

// sameFiles reports whether two manifests record the same files.
func sameFiles(a, b manifest) bool {
	if len(a.Files) != len(b.Files) {
		return false
	}
	for rel, ea := range a.Files {
		eb, ok := b.Files[rel]
		if !ok || ea.SHA256 != eb.SHA256 || ea.Size != eb.Size || ea.Input != eb.Input || !slices.Equal(ea.Warnings, eb.Warnings) {
			return false
		}
	}
	return true
}
