package editor

import (
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"newsroom/photo"
)

// ClipboardImages reads picture data off the system clipboard, which
// Fyne's clipboard (text only) cannot; clipimage.X11 is the program's,
// tests give a fake.
type ClipboardImages interface {
	// ReadImage returns the clipboard's image bytes (at most limit+1 of
	// them: photo.Read refuses what is over), or nil when it holds none.
	// It may block: the screen calls it off the UI goroutine.
	ReadImage(limit int64) ([]byte, error)
}

// SetClipboardImages makes a paste into the body with no text on the
// clipboard take the image from c (nil: text paste only).
func (s *Screen) SetClipboardImages(c ClipboardImages) { s.clipImages = c }

// maxPastedPaths bounds how many lines a paste may have to be taken for a
// list of files.
const maxPastedPaths = 100

// pasteIntoBody sees each paste into the body first and reports whether
// it took it. Ordinary text pastes at once, as always. A text that is
// wholly a list of absolute file paths or file:// URIs (what a file
// manager's Copy gives) is looked at off the UI goroutine: when the files
// all exist and one is an image, they are added and placed as a drop is;
// otherwise the text is pasted. No text at all: the clipboard's image, if
// any, is read off the UI goroutine and placed as "Add image…" does.
func (s *Screen) pasteIntoBody(text string) bool {
	p := s.panels()
	if s.article == nil || p == nil || p.images.library() == nil {
		return false
	}
	if text == "" {
		if s.clipImages == nil {
			return false
		}
		p.images.pasteImage(s.clipImages)
		return true
	}
	paths, ok := pastedPaths(text)
	if !ok {
		return false
	}
	p.images.pasteFiles(paths, text)
	return true
}

// pastedPaths returns the files a pasted text names when every non-blank
// line is an absolute path or a local file:// URI.
func pastedPaths(text string) ([]string, bool) {
	var paths []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case len(paths) == maxPastedPaths:
			return nil, false
		case strings.HasPrefix(line, "file://"):
			u, err := url.Parse(line)
			if err != nil || !filepath.IsAbs(u.Path) || (u.Host != "" && u.Host != "localhost") {
				return nil, false
			}
			paths = append(paths, filepath.Clean(u.Path))
		case filepath.IsAbs(line):
			paths = append(paths, filepath.Clean(line))
		default:
			return nil, false
		}
	}
	return paths, len(paths) > 0
}

// namesImages reports whether every path is an existing regular file and
// at least one starts like an image Newsroom takes (disk work: off the UI
// goroutine).
func namesImages(paths []string) bool {
	images := 0
	for _, path := range paths {
		st, err := os.Stat(path)
		if err != nil || !st.Mode().IsRegular() {
			return false
		}
		if isImageFile(path) {
			images++
		}
	}
	return images > 0
}

// isImageFile reports whether the file's first bytes are an image's.
func isImageFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	_, err = photo.Sniff(head[:n])
	return err == nil
}

// pasteFiles adds and places the pasted files when they are an image
// list, or pastes text as text otherwise.
func (m *imagesPanel) pasteFiles(paths []string, text string) {
	a := m.p.s.article
	m.p.s.sched.Go(func() {
		files := namesImages(paths)
		m.p.s.sched.Do(func() {
			switch {
			case m.p.s.article != a:
			case files:
				m.addFiles(paths)
			default:
				m.p.s.body.InsertAtCursor(text)
			}
		})
	})
}

// pasteImage reads the clipboard's image off the UI goroutine and adds
// it as a file named for the moment of the paste.
func (m *imagesPanel) pasteImage(src ClipboardImages) {
	a := m.p.s.article
	at := m.p.s.sched.Now()
	m.p.s.sched.Go(func() {
		data, err := src.ReadImage(photo.DefaultLimits.MaxBytes)
		m.p.s.sched.Do(func() {
			switch {
			case m.p.s.article != a:
			case err != nil:
				m.p.tabs.SelectIndex(tabImages)
				m.state.SetText("Not pasted: " + err.Error())
			case data != nil:
				m.p.tabs.SelectIndex(tabImages)
				m.addImage(pastedName(at, data), data)
			}
		})
	})
}

// pastedName names a pasted image's record: pasted-YYYYMMDD-HHMMSS with
// the extension of its format (none when it is no image: photo.Read then
// says what it is).
func pastedName(at time.Time, data []byte) string {
	name := "pasted-" + at.Local().Format("20060102-150405")
	switch format, _ := photo.Sniff(data); format {
	case "jpeg":
		name += ".jpg"
	case "png", "gif", "webp":
		name += "." + format
	}
	return name
}
