package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/editor"
)

// dropWindow is a test window that keeps its dropped-files handler (the
// test driver's window drops it), so a test can drop files as the window
// system does.
type dropWindow struct {
	fyne.Window
	onDropped func(fyne.Position, []fyne.URI)
}

func (w *dropWindow) SetOnDropped(f func(fyne.Position, []fyne.URI)) { w.onDropped = f }

func testPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestFilesDroppedOnTheWindow drops files on the main window the way the
// window system hands them over: the image goes into the library and is
// placed in the open article's body; a text file and a damaged image are
// refused and change nothing; on the Comments tab a drop does nothing.
func TestFilesDroppedOnTheWindow(t *testing.T) {
	st := newTestStore(t)
	ui, q := newSignInUI(t, st)
	win := &dropWindow{Window: ui.win}
	ui.win = win
	built := false
	ui.signIn(func() { ui.build(); built = true })
	q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil })
	test.Type(ui.signInUI.newName, "Maria Lopez")
	test.Tap(ui.signInUI.create)
	q.waitUntil(t, "the window", func() bool { return built })
	if win.onDropped == nil {
		t.Fatal("the window has no dropped-files handler")
	}

	ctx := context.Background()
	a := &domain.Article{Slug: "fire", Headline: "Fire at the docks", Body: "Smoke rose.", Status: domain.StatusDraft}
	if err := st.CreateArticle(ctx, a, "t"); err != nil {
		t.Fatal(err)
	}
	ui.articles.Reload()
	q.waitUntil(t, "the list", func() bool { return len(ui.articles.items) == 1 })
	ed := ui.articles.Editor()
	ed.Load(a.ID, editor.FocusBody)
	q.waitUntil(t, "the article open", func() bool { return ed.Current() != nil })
	ed.Body().SetCursorOffset(len("Smoke rose."))

	dir := t.TempDir()
	write := func(name string, data []byte) fyne.URI {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return fstorage.NewFileURI(path)
	}
	picture := testPNG(t, 48, 32)
	sum := sha256.Sum256(picture)
	ref := domain.MediaRefOf(hex.EncodeToString(sum[:]))
	uris := []fyne.URI{
		write("notes.txt", []byte("what the fire chief said")),
		write("docks.png", picture),
		write("damaged.png", picture[:len(picture)/2]),
	}

	// On the Comments tab a drop is not for an article.
	ui.tabs.SelectIndex(1)
	win.onDropped(fyne.NewPos(300, 300), uris)
	q.Settle()
	if ed.Body().Text() != "Smoke rose." {
		t.Fatalf("a drop on the Comments tab changed the body: %q", ed.Body().Text())
	}

	ui.tabs.SelectIndex(0)
	win.onDropped(fyne.NewPos(300, 300), uris)
	want := "Smoke rose.\n\n{{image " + ref + "}}"
	q.waitUntil(t, "the dropped image placed", func() bool { return strings.TrimSpace(ed.Body().Text()) == want })
	list, err := st.MediaList(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Ref != ref || list[0].Filename != "docks.png" || list[0].Width != 48 || list[0].Height != 32 {
		t.Fatalf("library after the drop: %+v", list)
	}
	q.waitUntil(t, "the autosave", func() bool {
		saved, err := st.GetArticle(ctx, a.ID)
		return err == nil && strings.TrimSpace(saved.Body) == want
	})
}
