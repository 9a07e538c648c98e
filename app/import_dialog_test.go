package app

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"newsroom/importer"
	"newsroom/storage"
)

// TestImportFromWindow imports the WordPress fixture the way File →
// Import… does, off the UI goroutine, and reloads the list when done.
func TestImportFromWindow(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	w := test.NewWindow(nil)
	defer w.Close()
	done := false
	q := newScreenTestQueue()
	runImport(importer.ForStorage(st), w, q, filepath.Join("..", "importer", "testdata", "wordpress-theme-unit-test.xml"), func() { done = true })
	q.waitUntil(t, "the import to finish", func() bool { return done })
	list, err := st.ListArticles(context.Background(), storage.ArticleQuery{})
	if err != nil || len(list) != 58 {
		t.Fatalf("%d articles imported (%v), want 58", len(list), err)
	}
}
