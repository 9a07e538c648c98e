package publish

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// blockPage makes the page of slug impossible to write: a folder stands
// where its index.html would go (root cannot write through that either).
func blockPage(t *testing.T, dir, slug string) {
	t.Helper()
	in := filepath.Join(dir, slug, "index.html")
	if err := os.RemoveAll(in); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "in-the-way"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// emptyDirs lists the folders under dir holding nothing.
func emptyDirs(t *testing.T, dir string) []string {
	t.Helper()
	var empty []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || p == dir {
			return err
		}
		if entries, err := os.ReadDir(p); err == nil && len(entries) == 0 {
			empty = append(empty, p)
		}
		return nil
	})
	return empty
}

// TestFailedExportLeavesTheIndexAndFeedAsTheyWere: a page that cannot be
// written fails the export and leaves the site exactly as it was: no page
// rewritten (one article's headline changed), no new page or temporary
// file, the index, feed, stylesheet and manifest untouched, no empty page
// folder; the next export, once the obstacle is gone, completes.
func TestFailedExportLeavesTheIndexAndFeedAsTheyWere(t *testing.T) {
	dir := t.TempDir()
	mustExport(t, corpus(20, 50), dir, baseExportOptions())
	blockPage(t, dir, "story-00005")
	before := readTree(t, dir)

	// 380 new articles, and a changed one among the old that comes (in
	// publication order, newest first) before the page that cannot be
	// written.
	src := corpus(400, 50)
	src.articles[10].Headline = "A changed headline"
	_, err := Export(context.Background(), src, dir, baseExportOptions(), nil)
	if err == nil || !strings.Contains(err.Error(), "story-00005") {
		t.Fatalf("export with an unwritable page: %v, want an error naming it", err)
	}
	after := readTree(t, dir)
	for rel, data := range before {
		if !bytes.Equal(data, after[rel]) {
			t.Errorf("%s was rewritten by a failed export", rel)
		}
	}
	for rel := range after {
		if _, ok := before[rel]; !ok {
			t.Errorf("a failed export left %s", rel)
		}
	}
	if empty := emptyDirs(t, dir); len(empty) != 0 {
		t.Errorf("a failed export left %d empty page folders, such as %s", len(empty), empty[0])
	}
	if err := os.RemoveAll(filepath.Join(dir, "story-00005")); err != nil {
		t.Fatal(err)
	}
	mustExport(t, src, dir, baseExportOptions())
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if !strings.Contains(string(index), "story-00005") {
		t.Error("the export after the failure does not list the new pages")
	}
}

// TestExportRemovesStrayTempFiles: temporary files a killed export left
// (in the export folder and in page folders) are removed by the next
// export; files that only look similar are kept.
func TestExportRemovesStrayTempFiles(t *testing.T) {
	dir := t.TempDir()
	mustExport(t, smallSite(), dir, baseExportOptions())
	const deadPID = "999999999" // above any pid_max
	strays := []string{
		".newsroom-" + deadPID + "-1.tmp",
		"older-story/.newsroom-" + deadPID + "-7.tmp",
		"tag/harbour/.newsroom-" + deadPID + "-9.tmp", // a listing two folders down
	}
	kept := []string{".newsroom-notes.tmp", "older-story/newsroom-1-2.tmp", "older-story/.newsroom-" + deadPID + "-x.tmp",
		"tag/harbour/deeper/.newsroom-" + deadPID + "-3.tmp", // deeper than the export writes: not ours
		".git/.newsroom-" + deadPID + "-4.tmp"}
	for _, rel := range append(append([]string{}, strays...), kept...) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, rel), []byte("half a page"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The killed export left its marker.
	if err := os.WriteFile(filepath.Join(dir, runningMarker), []byte(deadPID+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustExport(t, smallSite(), dir, baseExportOptions())
	for _, rel := range strays {
		if _, err := os.Stat(filepath.Join(dir, rel)); err == nil {
			t.Errorf("stray %s was not removed", rel)
		}
	}
	for _, rel := range append(kept, manifestName) {
		if _, err := os.Stat(filepath.Join(dir, rel)); err != nil {
			t.Errorf("%s was removed: %v", rel, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, runningMarker)); err == nil {
		t.Error("the running marker stays after the export")
	}
}

// TestStaleCleanupNeverLeavesTheExportFolder: a page folder replaced by a
// symbolic link to a folder outside holds a file with the bytes of the
// stale page; cleanup must not delete it.
func TestStaleCleanupNeverLeavesTheExportFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	mustExport(t, smallSite(), dir, baseExportOptions())
	outside := filepath.Join(parent, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "older-story", "index.html")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(outside, "index.html")
	if err := os.WriteFile(victim, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "older-story")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "older-story")); err != nil {
		t.Fatal(err)
	}
	src := smallSite()
	src.articles[1].Status = "draft" // its page becomes stale
	rep := mustExport(t, src, dir, baseExportOptions())
	if _, err := os.Stat(victim); err != nil {
		t.Fatalf("cleanup deleted a file outside the export folder through a symbolic link: %v", err)
	}
	if len(rep.Warnings) == 0 || !strings.Contains(strings.Join(rep.Warnings, "|"), "older-story") {
		t.Errorf("warnings %q should say the stale page was kept", rep.Warnings)
	}
}
