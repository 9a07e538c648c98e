package publish

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// legacyManifestBytes is the manifest as saveManifest wrote it before it
// was streamed: json.MarshalIndent of the manifestFile and a newline.
func legacyManifestBytes(t *testing.T, m manifest) []byte {
	t.Helper()
	f := manifestFile{Version: manifestVersion, Files: make(map[string]string, len(m.Files))}
	for rel, e := range m.Files {
		f.Files[rel] = e.Digest + " " + strconv.FormatInt(e.Size, 10) + " " + e.Input
		if len(e.Warnings) > 0 {
			if f.Warnings == nil {
				f.Warnings = map[string][]string{}
			}
			f.Warnings[rel] = e.Warnings
		}
		if len(e.Media) > 0 {
			if f.Media == nil {
				f.Media = map[string][]string{}
			}
			f.Media[rel] = e.Media
		}
	}
	data, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return append(data, '\n')
}

// TestEncodeManifestMatchesMarshalIndent checks that the streamed
// manifest is byte for byte what json.MarshalIndent made, for empty,
// plain and awkward manifests (markup and quotes in warnings, non-ASCII,
// entries without warnings or media between entries with them).
func TestEncodeManifestMatchesMarshalIndent(t *testing.T) {
	awkward := newManifest(0)
	awkward.Files["index.html"] = manifestEntry{Digest: "d1", Size: 10, Input: "k1"}
	awkward.Files["b-story/index.html"] = manifestEntry{Digest: "d2", Size: 0, Input: "",
		Warnings: []string{`article "b-story": <script> & "quotes" \ é ✓ ` + "\u2028 tab\t"}, Media: []string{"ab12 jpeg card", "cd34"}}
	awkward.Files["a-story/index.html"] = manifestEntry{Digest: "d3", Size: 1 << 40, Input: "k3", Media: []string{"ab12 gif frames=3"}}
	awkward.Files["c-story/index.html"] = manifestEntry{Digest: "d4", Size: 7, Input: "k4", Warnings: []string{"one", "two"}}
	onlyWarnings := newManifest(0)
	onlyWarnings.Files["x/index.html"] = manifestEntry{Digest: "d", Size: 1, Warnings: []string{"w"}}
	for name, m := range map[string]manifest{"empty": newManifest(0), "awkward": awkward, "only warnings": onlyWarnings} {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		if err := encodeManifest(w, m); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if want := legacyManifestBytes(t, m); !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: streamed manifest\n%s\nwant\n%s", name, buf.Bytes(), want)
		}
	}
	dir := t.TempDir()
	if err := saveManifest(dir, awkward); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, legacyManifestBytes(t, awkward)) {
		t.Errorf("saved manifest differs from MarshalIndent's")
	}
	back, warnings, err := loadManifest(dir)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("load: %v %v", err, warnings)
	}
	if !sameFiles(back, awkward) {
		t.Errorf("manifest read back differs: %+v", back.Files)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("export folder holds %d entries, want the manifest alone", len(entries))
	}
}
