package editor

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"newsroom/domain"
	nstorage "newsroom/storage"
)

// fakeClipboardImages is a clipboard holding image bytes (or an error).
type fakeClipboardImages struct {
	data  []byte
	err   error
	reads int
	limit int64
}

func (f *fakeClipboardImages) ReadImage(limit int64) ([]byte, error) {
	f.reads++
	f.limit = limit
	return f.data, f.err
}

// paste presses Ctrl+V in the body with text on the app's clipboard.
func paste(s *Screen, text string) {
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent(text)
	s.win.Canvas().Focus(s.Body())
	s.Body().TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
}

func refOf(data []byte) string {
	sum := sha256.Sum256(data)
	return domain.MediaRefOf(hex.EncodeToString(sum[:]))
}

func mediaCount(t *testing.T, st *nstorage.Store) int {
	t.Helper()
	list, err := st.MediaList(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

func TestPasteAnImageIntoTheBody(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "Intro.\n\nEnd."})
	picture := pngFile(t, 30, 20, 40)
	ref := refOf(picture)
	clip := &fakeClipboardImages{data: picture}
	s.SetClipboardImages(clip)

	// Ordinary text pastes at once, as before; the image source is not asked.
	s.Body().SetCursorOffset(len("Intro."))
	paste(s, " More.")
	if s.Body().Text() != "Intro. More.\n\nEnd." || clip.reads != 0 {
		t.Fatalf("text paste: body %q, image reads %d", s.Body().Text(), clip.reads)
	}

	// No text, an image: it is added and placed as its own paragraph.
	paste(s, "")
	waitFor(t, s, "the pasted image is placed", func() bool { return strings.Contains(s.Body().Text(), "{{image ") })
	want := "Intro. More.\n\n{{image " + ref + "}}\n\nEnd."
	if got := s.Body().Text(); got != want {
		t.Fatalf("body after the paste = %q, want %q", got, want)
	}
	if clip.limit != 50<<20 {
		t.Errorf("the clipboard was read with limit %d, want the photo limit", clip.limit)
	}
	rec, err := st.Media(context.Background(), ref)
	if err != nil {
		t.Fatalf("the pasted image is not in the library: %v", err)
	}
	if wantName := "pasted-" + fakeOf(s).Now().Local().Format("20060102-150405") + ".png"; rec.Filename != wantName || rec.Width != 30 || rec.Height != 20 {
		t.Errorf("record %q %d×%d, want %q 30×20", rec.Filename, rec.Width, rec.Height, wantName)
	}
	if s.panels().tabs.SelectedIndex() != tabImages || !strings.HasPrefix(s.panels().images.state.Text, "Added pasted-") {
		t.Errorf("the Images panel says %q", s.panels().images.state.Text)
	}
	waitFor(t, s, "the autosave", func() bool { return stored(t, st, s.article.ID).Body == want })

	// A paste of an image is one undo step.
	s.Body().Undo()
	if s.Body().Text() != "Intro. More.\n\nEnd." {
		t.Fatalf("undo after the paste: %q", s.Body().Text())
	}
	s.Body().Redo()

	// The same picture again reuses its record.
	s.Body().SetCursorOffset(len(s.Body().Text()))
	paste(s, "")
	waitFor(t, s, "the second paste", func() bool { return strings.Count(s.Body().Text(), "{{image "+ref+"}}") == 2 })
	if n := mediaCount(t, st); n != 1 {
		t.Errorf("%d records after pasting one picture twice", n)
	}

	// A damaged image is refused with photo.Read's message; nothing changes.
	before := s.Body().Text()
	clip.data = picture[:len(picture)/2]
	paste(s, "")
	waitFor(t, s, "the refusal", func() bool { return strings.HasPrefix(s.panels().images.state.Text, "Not added: pasted-") })
	if s.Body().Text() != before || mediaCount(t, st) != 1 {
		t.Errorf("a damaged paste changed the body or the library: %q", s.Body().Text())
	}

	// A clipboard that cannot be read says so; one with no image does nothing.
	clip.data, clip.err = nil, errors.New("the program holding the clipboard did not answer in time")
	paste(s, "")
	waitFor(t, s, "the read error", func() bool { return strings.HasPrefix(s.panels().images.state.Text, "Not pasted: ") })
	clip.err = nil
	paste(s, "")
	fakeOf(s).Settle()
	if s.Body().Text() != before {
		t.Errorf("an empty clipboard changed the body: %q", s.Body().Text())
	}

	// A locked (read-only) body takes no image.
	s.Body().SetReadOnly(true)
	clip.data = pngFile(t, 10, 10, 99)
	reads := clip.reads
	paste(s, "")
	fakeOf(s).Settle()
	if s.Body().Text() != before || clip.reads != reads {
		t.Errorf("a read-only body pasted: %q, reads %d", s.Body().Text(), clip.reads-reads)
	}
}

func TestPasteCopiedFilesIntoTheBody(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "Intro."})
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	one := write("one photo.png", pngFile(t, 12, 12, 1))
	two := write("two.png", pngFile(t, 14, 14, 2))
	notes := write("notes.txt", []byte("interview notes"))
	s.Body().SetCursorOffset(len("Intro."))

	// A file manager's copy: URIs (escaped) and paths, one a line; the
	// text file among them is refused by name, the images are placed.
	paste(s, "file://"+strings.ReplaceAll(one, " ", "%20")+"\r\n"+two+"\n"+notes+"\n")
	waitFor(t, s, "the pasted files are placed", func() bool { return strings.Count(s.Body().Text(), "{{image ") == 2 })
	want := "Intro.\n\n{{image " + refOf(pngFile(t, 12, 12, 1)) + "}}\n\n{{image " + refOf(pngFile(t, 14, 14, 2)) + "}}"
	if got := s.Body().Text(); strings.TrimSpace(got) != want {
		t.Fatalf("body = %q, want %q", got, want)
	}
	msg := s.panels().images.state.Text
	if !strings.Contains(msg, "Added one photo.png as ") || !strings.Contains(msg, "Not added: notes.txt: ") {
		t.Errorf("the Images panel says %q", msg)
	}
	if n := mediaCount(t, st); n != 2 {
		t.Errorf("%d records, want 2", n)
	}

	// Text that is not wholly a list of existing image files is text.
	for _, text := range []string{
		"See " + one + " for the picture.", // a path mid-sentence
		notes,                              // existing files, none an image
		one + "\n" + filepath.Join(dir, "gone.png"), // one does not exist
		"file://elsewhere" + one,                    // another host's file
	} {
		before := s.Body().Text()
		s.Body().SetCursorOffset(len(before))
		paste(s, text)
		fakeOf(s).Settle()
		if got := s.Body().Text(); got != before+text {
			t.Errorf("paste of %q: body ends %q", text, got[len(before):])
		}
	}
	if n := mediaCount(t, st); n != 2 {
		t.Errorf("%d records after text pastes, want 2", n)
	}
}

func TestPastedPaths(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"/a/b.png", []string{"/a/b.png"}},
		{"file:///a/b%20c.png\n\nfile://localhost/d.jpg\n", []string{"/a/b c.png", "/d.jpg"}},
		{"relative/b.png", nil},
		{"/a/b.png and more", []string{"/a/b.png and more"}}, // one path with spaces: the files decide
		{"/a/b.png\nwords", nil},
		{"https://example.org/b.png", nil},
		{"\n\n", nil},
		{strings.Repeat("/a.png\n", maxPastedPaths+1), nil},
	} {
		got, ok := pastedPaths(c.text)
		if ok != (c.want != nil) || strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("pastedPaths(%q) = %q, %v; want %q", c.text, got, ok, c.want)
		}
	}
}
