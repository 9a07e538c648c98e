package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsroom/importer"
	"newsroom/storage"
)

const offeredStory = `---
title: "Opened from the file manager"
slug: opened-from-file-manager
date: 2026-11-30T09:00:00Z
author: Anna Reporter
---
The council met on Tuesday.
`

// TestOfferImportOfFileGivenOnCommandLine: `newsroom FILE.md` shows a
// question naming the file; Import runs the real import into the
// database and reloads the list; Cancel imports nothing.
func TestOfferImportOfFileGivenOnCommandLine(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "council.md")
	if err := os.WriteFile(path, []byte(offeredStory), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("cancel", func(t *testing.T) {
		st := newTestStore(t)
		w := test.NewWindow(nil)
		defer w.Close()
		w.Resize(fyne.NewSize(900, 600))
		offerImport(importer.ForStorage(st), w, newScreenTestQueue(), path, func() { t.Error("done ran after Cancel") })
		top := w.Canvas().Overlays().Top()
		if top == nil || !labelSays(top, path) {
			t.Fatal("no dialog naming the file")
		}
		test.Tap(findButton(top, "Cancel"))
		if w.Canvas().Overlays().Top() != nil {
			t.Error("the question stays after Cancel")
		}
		if list := articles(t, st); len(list) != 0 {
			t.Errorf("Cancel imported %d articles", len(list))
		}
	})

	t.Run("import", func(t *testing.T) {
		st := newTestStore(t)
		w := test.NewWindow(nil)
		defer w.Close()
		w.Resize(fyne.NewSize(900, 600))
		done := make(chan struct{})
		q := newScreenTestQueue()
		offerImport(importer.ForStorage(st), w, q, path, func() { close(done) })
		top := w.Canvas().Overlays().Top()
		if top == nil || !labelSays(top, path) {
			t.Fatal("no dialog naming the file")
		}
		button := findButton(top, "Import")
		if button == nil {
			t.Fatal("no Import button")
		}
		test.Tap(button)
		q.waitUntil(t, "the import to finish", func() bool {
			select {
			case <-done:
				return true
			default:
				return false
			}
		})
		list := articles(t, st)
		if len(list) != 1 || list[0].Headline != "Opened from the file manager" {
			t.Fatalf("imported %+v, want the one article of %s", list, path)
		}
	})
}

// articles lists what the store holds.
func articles(t *testing.T, st *storage.Store) []storage.ArticleSummary {
	t.Helper()
	list, err := st.ListArticles(context.Background(), storage.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// labelSays reports whether a label below o contains text.
func labelSays(o fyne.CanvasObject, text string) bool {
	switch x := o.(type) {
	case *widget.Label:
		return strings.Contains(x.Text, text)
	case *fyne.Container:
		for _, c := range x.Objects {
			if labelSays(c, text) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if labelSays(c, text) {
				return true
			}
		}
	}
	return false
}
