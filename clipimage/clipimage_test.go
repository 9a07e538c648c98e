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
)

// startXvfb starts a virtual X screen and returns its display name.
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
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "320x200x24", "-nolisten", "tcp")
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

// offer puts file on display's CLIPBOARD as type typ with xclip, which
// stays to serve it until another takes the clipboard or the display ends.
func offer(t *testing.T, display, typ string, data []byte) {
	t.Helper()
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

// readUntil reads the clipboard until it gives want (xclip's server takes
// the clipboard a moment after xclip returns), failing after 5 s.
func readUntil(t *testing.T, x X11, limit int64, what string, want []byte) {
	t.Helper()
	var (
		data []byte
		err  error
	)
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if data, err = x.ReadImage(limit); err == nil && bytes.Equal(data, want) {
			return
		}
	}
	t.Fatalf("%s: read %d bytes (want %d), %v", what, len(data), len(want), err)
}

func TestReadImageFromTheClipboard(t *testing.T) {
	display := startXvfb(t)
	x := X11{Display: display, Timeout: 10 * time.Second}

	// Nobody owns the clipboard yet: nothing, no error.
	if data, err := x.ReadImage(1 << 20); err != nil || data != nil {
		t.Fatalf("empty clipboard: %d bytes, %v", len(data), err)
	}

	// Text only: no image (once xclip owns the clipboard).
	offer(t, display, "UTF8_STRING", []byte("just words"))
	time.Sleep(300 * time.Millisecond)
	if data, err := x.ReadImage(1 << 20); err != nil || data != nil {
		t.Fatalf("text clipboard: %d bytes, %v", len(data), err)
	}

	// A small PNG comes whole.
	small := noisyPNG(t, 16, 16)
	offer(t, display, "image/png", small)
	readUntil(t, x, 1<<20, "small png", small)

	// A large one comes whole too: xclip sends anything over its request
	// size (about 16 MB on Xvfb) in INCR chunks.
	large := append(noisyPNG(t, 8, 8), make([]byte, 17<<20)...) // the reader checks nothing
	rand.New(rand.NewSource(2)).Read(large[200:])
	offer(t, display, "image/png", large)
	readUntil(t, x, 32<<20, "large png", large)

	// Over the limit: limit+1 bytes, so the caller sees it is too big.
	if data, err := x.ReadImage(100_000); err != nil || len(data) != 100_001 || !bytes.Equal(data, large[:100_001]) {
		t.Fatalf("over the limit: %d bytes, %v", len(data), err)
	}

	// A JPEG is found under its own type.
	jpeg := append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, bytes.Repeat([]byte{7}, 100)...)
	offer(t, display, "image/jpeg", jpeg)
	readUntil(t, x, 1<<20, "jpeg", jpeg)
}

func TestReadImageWithoutADisplay(t *testing.T) {
	data, err := X11{Display: ":65000", Timeout: time.Second}.ReadImage(1 << 20)
	if err != nil || data != nil {
		t.Fatalf("no display: %d bytes, %v", len(data), err)
	}
}
