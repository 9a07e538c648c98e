package app

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"newsroom/importer"
	"newsroom/storage"
)

// importAndWait runs the window's import of path and returns its report.
func importAndWait(t *testing.T, st *storage.Store, w fyne.Window, q *screenTestQueue, path string, opt importer.Options) importer.Report {
	t.Helper()
	done := make(chan importer.Report, 1)
	runImport(importer.ForStorage(st), w, q, path, opt, func(rep importer.Report, err error) { done <- rep })
	var rep importer.Report
	q.waitUntil(t, "the import to finish", func() bool {
		select {
		case rep = <-done:
			return true
		default:
			return false
		}
	})
	return rep
}

// TestImportFromWindow imports the WordPress fixture the way File →
// Import… does, off the UI goroutine, and reloads the list when done.
func TestImportFromWindow(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	w := test.NewWindow(nil)
	defer w.Close()
	rep := importAndWait(t, st, w, newScreenTestQueue(), filepath.Join("..", "importer", "testdata", "wordpress-theme-unit-test.xml"), importer.Options{})
	list, err := st.ListArticles(context.Background(), storage.ArticleQuery{})
	if err != nil || len(list) != 58 || rep.Totals().Created != 58 {
		t.Fatalf("%d articles imported (%v), report %+v, want 58", len(list), err, rep.Totals())
	}
}

// TestImportDialogTakesWordPressImages imports the Theme Unit Test export
// from the form with an uploads folder holding one of its images: that
// image goes into the media library, as `import --uploads` does.
func TestImportDialogTakesWordPressImages(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	w := test.NewWindow(nil)
	defer w.Close()
	uploads := t.TempDir()
	photo := filepath.Join(uploads, "2008", "06", "dsc20050727_091048_222.jpg")
	if err := os.MkdirAll(filepath.Dir(photo), 0o755); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(photo, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	form := newImportForm(w)
	w.SetContent(form.content)
	test.Type(form.path, filepath.Join("..", "importer", "testdata", "wordpress-theme-unit-test.xml"))
	test.Type(form.uploads, uploads)
	rep := importAndWait(t, st, w, newScreenTestQueue(), form.path.Text(), form.options())
	list, err := st.MediaList(context.Background())
	if err != nil || len(list) != 1 || list[0].Filename != "dsc20050727_091048_222.jpg" {
		t.Fatalf("media library after the import: %+v (%v); report %v", list, err, rep.Lines())
	}
	if rep.Totals().Created != 58 {
		t.Fatalf("report %+v, want 58 articles", rep.Totals())
	}
}

// TestImportDialogTypedFolder types a folder's path into the form, runs
// a dry run and then the import, and reads the report the window shows.
func TestImportDialogTypedFolder(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	w := test.NewWindow(nil)
	defer w.Close()
	root := t.TempDir()
	for name, content := range map[string]string{
		"a/intro.md":  "---\ntitle: A\ndate: 2020-01-01\n---\nText with <sub>x</sub>.\n",
		"b/intro.md":  "---\ntitle: B\ndate: 2020-01-02\n---\nOther.\n",
		"b/photo.jpg": "jpeg",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
	}
	q := newScreenTestQueue()
	form := newImportForm(w)
	w.SetContent(form.content)
	test.Type(form.path, root)
	run := func() (importer.Report, string, string) {
		rep := importAndWait(t, st, w, q, form.path.Text(), form.options())
		summary, details := importReportText(rep, nil)
		return rep, summary, details
	}
	test.Tap(form.dryRun)
	_, summary, details := run()
	if !strings.Contains(summary, "dry run") || !strings.Contains(details, `created b/intro.md: article "intro-2"`) {
		t.Errorf("dry run report:\n%s\n%s", summary, details)
	}
	if list, _ := st.ListArticles(context.Background(), storage.ArticleQuery{}); len(list) != 0 {
		t.Fatalf("the dry run stored %d articles", len(list))
	}
	test.Tap(form.dryRun)
	rep, summary, details := run()
	for _, want := range []string{`created a/intro.md: article "intro"`, "skipped b/photo.jpg", "warning: a/intro.md:5: the formatting of <sub>"} {
		if !strings.Contains(details, want) {
			t.Errorf("report lacks %q:\n%s", want, details)
		}
	}
	if summary != "2 articles created, 0 updated, 0 unchanged; 1 file skipped, 0 failed; 2 warnings" || rep.Totals().Created != 2 {
		t.Errorf("summary %q", summary)
	}
	if !importFilter.Matches(storageURI(filepath.Join(root, "a", "intro.md"))) || importFilter.Matches(storageURI(filepath.Join(root, "b", "photo.jpg"))) {
		t.Error("the file chooser's filter does not keep to .md, .markdown and .xml")
	}
}

func storageURI(path string) fyne.URI { return fynestorage.NewFileURI(path) }
