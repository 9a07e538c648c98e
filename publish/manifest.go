package publish

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"newsroom/domain"
)

// manifestName is the file in the export directory that lists the files
// Export wrote. Export deletes only files listed here.
const manifestName = ".newsroom-manifest.json"

// manifest records, per file Export wrote (slash-separated path relative
// to the export directory), what it wrote.
type manifest struct {
	Files map[string]manifestEntry
}

type manifestEntry struct {
	// Digest and Size describe the bytes written.
	Digest string
	Size   int64
	// Input is a digest of everything the file was rendered from; when it
	// is unchanged the file need not be rendered again.
	Input string
	// Warnings are the rendering warnings of a page, repeated when it is
	// skipped as unchanged.
	Warnings []string
	// Media are the images a page shows, "REF FORMAT" ("REF" when the
	// library has none), lead image first: what its input key covers
	// besides Input's digest.
	Media []string
}

// manifestFile is the manifest on disk. Each file is one string,
// "digest size input", which keeps a manifest of ten thousand pages quick
// to read.
type manifestFile struct {
	Version  int                 `json:"version"`
	Files    map[string]string   `json:"files"`
	Warnings map[string][]string `json:"warnings,omitempty"`
	Media    map[string][]string `json:"media,omitempty"`
}

const manifestVersion = 2

func newManifest(n int) manifest { return manifest{Files: make(map[string]manifestEntry, n)} }

// loadManifest reads the export directory's manifest. A missing manifest
// is an empty one; a damaged one is reported as a warning and treated as
// empty, so no file is deleted on its word. Entries naming files Export
// would never write are dropped.
func loadManifest(dir string) (manifest, []string, error) {
	m := newManifest(0)
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil, nil
	}
	if err != nil {
		return m, nil, fmt.Errorf("read export manifest: %w", err)
	}
	unreadable := []string{fmt.Sprintf("export manifest %s is unreadable and was ignored; files it listed are kept", manifestName)}
	var f manifestFile
	if err := json.Unmarshal(data, &f); err != nil {
		if v1, ok := readManifestV1(data); ok {
			return v1, nil, nil
		}
		return m, unreadable, nil
	}
	if f.Version != manifestVersion {
		return m, unreadable, nil
	}
	m = newManifest(len(f.Files))
	for rel, v := range f.Files {
		digest, rest, ok1 := strings.Cut(v, " ")
		size, input, ok2 := strings.Cut(rest, " ")
		n, err := strconv.ParseInt(size, 10, 64)
		if !ok1 || !ok2 || err != nil {
			return newManifest(0), unreadable, nil
		}
		if ownedPath(rel) {
			m.Files[rel] = manifestEntry{Digest: digest, Size: n, Input: input, Warnings: f.Warnings[rel], Media: f.Media[rel]}
		}
	}
	return m, nil, nil
}

// readManifestV1 reads the first manifest format, one object per file
// with the full SHA-256 in hex, so files exported by earlier versions stay
// owned.
func readManifestV1(data []byte) (manifest, bool) {
	var v1 struct {
		Version int `json:"version"`
		Files   map[string]struct {
			SHA256 string `json:"sha256"`
			Size   int64  `json:"size"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &v1); err != nil || v1.Version != 1 {
		return manifest{}, false
	}
	m := newManifest(len(v1.Files))
	for rel, e := range v1.Files {
		if ownedPath(rel) && len(e.SHA256) == 64 {
			// digest is the first 128 bits of the SHA-256.
			m.Files[rel] = manifestEntry{Digest: e.SHA256[:32], Size: e.Size}
		}
	}
	return m, true
}

// ownedPath reports whether rel is a path Export writes: index.html,
// feed.xml, site.css or <slug>/index.html.
func ownedPath(rel string) bool {
	switch rel {
	case "index.html", "feed.xml", "site.css":
		return true
	}
	if renditionPath.MatchString(rel) {
		return true
	}
	if ownedSiteFile(rel) {
		return true
	}
	slug, file, ok := strings.Cut(rel, "/")
	if ok && (slug == "section" || slug == "tag" || slug == "author") {
		return ownedListingPath(file)
	}
	return ok && (file == "index.html" || ownedSiteFile(rel)) && domain.ValidateSlug(slug) == nil && path.Clean(rel) == rel
}

// saveManifest writes the manifest. It is encoded straight into the
// file, as json.MarshalIndent(manifestFile, "", " ") would encode it
// plus a newline: a manifest of tens of thousands of pages (with their
// warnings) is tens of megabytes, which need not be held in memory.
func saveManifest(dir string, m manifest) error {
	return writeFileAtomicWith(filepath.Join(dir, manifestName), func(w *bufio.Writer) error {
		return encodeManifest(w, m)
	})
}

// encodeManifest writes m as the manifest file's JSON, followed by a
// newline.
func encodeManifest(w *bufio.Writer, m manifest) error {
	rels := make([]string, 0, len(m.Files))
	var warned, shown int
	for rel, e := range m.Files {
		rels = append(rels, rel)
		if len(e.Warnings) > 0 {
			warned++
		}
		if len(e.Media) > 0 {
			shown++
		}
	}
	slices.Sort(rels)
	var err error
	str := func(s string) {
		if err != nil {
			return
		}
		var b []byte
		if b, err = json.Marshal(s); err == nil {
			_, err = w.Write(b)
		}
	}
	w.WriteString("{\n \"version\": " + strconv.Itoa(manifestVersion) + ",\n \"files\": {")
	for i, rel := range rels {
		e := m.Files[rel]
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n  ")
		str(rel)
		w.WriteString(": ")
		str(e.Digest + " " + strconv.FormatInt(e.Size, 10) + " " + e.Input)
	}
	if len(rels) > 0 {
		w.WriteString("\n ")
	}
	w.WriteByte('}')
	lists := func(name string, n int, list func(manifestEntry) []string) {
		if n == 0 {
			return
		}
		w.WriteString(",\n ")
		str(name)
		w.WriteString(": {")
		first := true
		for _, rel := range rels {
			items := list(m.Files[rel])
			if len(items) == 0 {
				continue
			}
			if !first {
				w.WriteByte(',')
			}
			first = false
			w.WriteString("\n  ")
			str(rel)
			w.WriteString(": [")
			for i, item := range items {
				if i > 0 {
					w.WriteByte(',')
				}
				w.WriteString("\n   ")
				str(item)
			}
			w.WriteString("\n  ]")
		}
		w.WriteString("\n }")
	}
	lists("warnings", warned, func(e manifestEntry) []string { return e.Warnings })
	lists("media", shown, func(e manifestEntry) []string { return e.Media })
	w.WriteString("\n}\n")
	if err != nil {
		return fmt.Errorf("encode export manifest: %w", err)
	}
	return nil
}

// sameFiles reports whether two manifests record the same files.
func sameFiles(a, b manifest) bool {
	if len(a.Files) != len(b.Files) {
		return false
	}
	for rel, ea := range a.Files {
		eb, ok := b.Files[rel]
		if !ok || ea.Digest != eb.Digest || ea.Size != eb.Size || ea.Input != eb.Input || !slices.Equal(ea.Warnings, eb.Warnings) || !slices.Equal(ea.Media, eb.Media) {
			return false
		}
	}
	return true
}
