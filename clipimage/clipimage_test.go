package clipimage

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// startXvfb starts a virtual X screen and returns its display name. It
// does not reset when its last client leaves (-noreset): a reset closes
// connections being made and forgets the clipboard.
func startXvfb(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xclip"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed (make test installs it): %v", tool, err)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "320x200x24", "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	buf := make([]byte, 32)
	n, _ := r.Read(buf)
	name := strings.TrimSpace(string(buf[:n]))
	if name == "" {
		t.Fatal("Xvfb did not report its display")
	}
	return ":" + name
}

// holder is a test connection with a window of its own, so the test can
// take the clipboard before each offer and see when xclip takes it over.
// (Comparing owners before and after is no proof: an old xclip that
// exits frees its client slot, and the next xclip's window may get the
// very same id.)
type holder struct {
	conn      *xgb.Conn
	win       xproto.Window
	clipboard xproto.Atom
}

func newHolder(t *testing.T, display string) *holder {
	t.Helper()
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatalf("connect to %s: %v", display, err)
	}
	t.Cleanup(conn.Close)
	win, err := xproto.NewWindowId(conn)
	if err != nil {
		t.Fatal(err)
	}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	if err := xproto.CreateWindowChecked(conn, 0, win, root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0, 0, nil).Check(); err != nil {
		t.Fatal(err)
	}
	atom, err := xproto.InternAtom(conn, false, uint16(len("CLIPBOARD")), "CLIPBOARD").Reply()
	if err != nil {
		t.Fatal(err)
	}
	return &holder{conn: conn, win: win, clipboard: atom.Atom}
}

// owner is the window owning the CLIPBOARD (0: none).
func (h *holder) owner(t *testing.T) xproto.Window {
	t.Helper()
	reply, err := xproto.GetSelectionOwner(h.conn, h.clipboard).Reply()
	if err != nil {
		t.Fatal(err)
	}
	return reply.Owner
}

// offer puts data on the CLIPBOARD as type typ with xclip, which stays to
// serve it until another takes the clipboard or the display ends. It
// returns once the new xclip owns the clipboard: xclip's parent exits
// before its child takes it, and a read in between would reach the old
// owner (which ignores requests while it is stalled in a transfer an
// earlier read abandoned).
func (h *holder) offer(t *testing.T, display, typ string, data []byte) {
	t.Helper()
	if err := xproto.SetSelectionOwnerChecked(h.conn, h.win, h.clipboard, xproto.TimeCurrentTime).Check(); err != nil {
		t.Fatal(err)
	}
	if got := h.owner(t); got != h.win {
		t.Fatalf("the test could not take the clipboard (owner %#x)", got)
	}
	path := filepath.Join(t.TempDir(), "clip")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("xclip", "-selection", "clipboard", "-t", typ, "-i", path)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	// xclip forks a server that keeps its output open: no pipes to wait on.
	if err := cmd.Run(); err != nil {
		t.Fatalf("xclip: %v", err)
	}
	for deadline := time.Now().Add(20 * time.Second); h.owner(t) == h.win; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("xclip (%s) did not take the clipboard in 20 s", typ)
		}
	}
}

// noisyPNG is a PNG of w×h random pixels (it does not compress).
func noisyPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewSource(1))
	for i := range img.Pix {
		img.Pix[i] = uint8(rng.Intn(256))
	}
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readUntil reads the clipboard until it gives want, failing after 30 s
// (each read gives up after x.Timeout, well under that, and the next one
// asks again).
func readUntil(t *testing.T, x X11, limit int64, what string, want []byte) {
	t.Helper()
	var (
		data []byte
		err  error
	)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if data, err = x.ReadImage(limit); err == nil && bytes.Equal(data, want) {
			return
		}
	}
	t.Fatalf("%s: read %d bytes (want %d), %v", what, len(data), len(want), err)
}

func TestReadImageFromTheClipboard(t *testing.T) {
	display := startXvfb(t)
	x := X11{Display: display, Timeout: 2 * time.Second}
	h := newHolder(t, display)

	// Nobody owns the clipboard yet: nothing, no error.
	if data, err := x.ReadImage(1 << 20); err != nil || data != nil {
		t.Fatalf("empty clipboard: %d bytes, %v", len(data), err)
	}

	// Text only: no image (once xclip owns the clipboard).
	h.offer(t, display, "UTF8_STRING", []byte("just words"))
	if data, err := x.ReadImage(1 << 20); err != nil || data != nil {
		t.Fatalf("text clipboard: %d bytes, %v", len(data), err)
	}

	// A small PNG comes whole.
	small := noisyPNG(t, 16, 16)
	h.offer(t, display, "image/png", small)
	readUntil(t, x, 1<<20, "small png", small)

	// A large one comes whole too: xclip sends anything over its request
	// size (about 16 MB on Xvfb) in INCR chunks.
	large := append(noisyPNG(t, 8, 8), make([]byte, 17<<20)...) // the reader checks nothing
	rand.New(rand.NewSource(2)).Read(large[200:])
	h.offer(t, display, "image/png", large)
	// (17 MB under -race on a busy machine: each read may take longer.)
	readUntil(t, X11{Display: display, Timeout: 10 * time.Second}, 32<<20, "large png", large)

	// Over the limit: limit+1 bytes, so the caller sees it is too big.
	if data, err := x.ReadImage(100_000); err != nil || len(data) != 100_001 || !bytes.Equal(data, large[:100_001]) {
		t.Fatalf("over the limit: %d bytes, %v", len(data), err)
	}

	// A JPEG is found under its own type.
	jpeg := append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, bytes.Repeat([]byte{7}, 100)...)
	h.offer(t, display, "image/jpeg", jpeg)
	readUntil(t, x, 1<<20, "jpeg", jpeg)
}

func TestReadImageWithoutADisplay(t *testing.T) {
	data, err := X11{Display: ":65000", Timeout: time.Second}.ReadImage(1 << 20)
	if err != nil || data != nil {
		t.Fatalf("no display: %d bytes, %v", len(data), err)
	}
}
