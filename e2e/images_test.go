package e2e

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

// photoPNG writes a w×h PNG whose colours depend on seed and returns its
// path and the media REF its bytes get.
func photoPNG(t *testing.T, dir, name string, w, h int, seed uint8) (string, string) {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetNRGBA(x, y, color.NRGBA{seed, uint8(x), uint8(y), 0xFF})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b.Bytes())
	return path, domain.MediaRefOf(hex.EncodeToString(sum[:]))
}

// buildXdndDrop builds the XDND source that drops files on the window
// under the pointer.
func buildXdndDrop(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "xdnddrop")
	if out, err := exec.Command("go", "build", "-o", bin, "newsroom/e2e/internal/xdnddrop").CombinedOutput(); err != nil {
		t.Fatalf("build xdnddrop: %v\n%s", err, out)
	}
	return bin
}

// mediaList runs `newsroom media list --json` on db.
func mediaList(t *testing.T, db string) []struct {
	Ref, Filename string
	Width, Height int
} {
	t.Helper()
	out, err := exec.Command(binary(t), "media", "list", "--db", db, "--json").Output()
	if err != nil {
		t.Fatalf("media list: %v", err)
	}
	var list []struct {
		Ref, Filename string
		Width, Height int
	}
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatalf("media list --json: %v\n%s", err, out)
	}
	return list
}

// waitBodyHas waits until the stored body of slug contains each of want.
func waitBodyHas(t *testing.T, db, slug string, want ...string) string {
	t.Helper()
	var body string
	ok := poll(20*time.Second, func() bool {
		body = storedArticle(t, db, slug).Body
		for _, w := range want {
			if !strings.Contains(body, w) {
				return false
			}
		}
		return true
	})
	if !ok {
		t.Fatalf("the stored body %q lacks %q", body, want)
	}
	return body
}

// TestImagesDroppedAndPastedInWindow: an image file dropped on the window
// through XDND (as from a file manager) and a picture pasted with Ctrl+V
// from the X clipboard (as from a screenshot tool), and then a file copied
// in a file manager (its URI as the clipboard's text) all go into the
// media library and into the body as {{image REF}} paragraphs.
func TestImagesDroppedAndPastedInWindow(t *testing.T) {
	if _, err := exec.LookPath("xclip"); err != nil {
		t.Fatalf("xclip is not installed (make test installs it): %v", err)
	}
	xdnd := buildXdndDrop(t)
	d := startXvfb(t)
	home := newHome(t)
	db := seedOne(t, "harbour", "Smoke rose over the harbour.")
	dir := t.TempDir()
	dropped, droppedRef := photoPNG(t, dir, "harbour photo.png", 320, 200, 30)
	pasted, pastedRef := photoPNG(t, dir, "screenshot.png", 240, 160, 200)
	a := startApp(t, d, home, "--db", db, "--open", "harbour")
	a.waitIdle(60 * time.Second)

	// Drop: click into the body, caret to its end, drop with the pointer
	// over the body.
	a.clickWord("harbour", 150, 0)
	a.key("ctrl+End")
	drop := exec.Command(xdnd, dropped)
	drop.Env = d.env(home)
	if out, err := drop.CombinedOutput(); err != nil {
		t.Fatalf("xdnddrop: %v\n%s", err, out)
	}
	body := waitBodyHas(t, db, "harbour", "{{image "+droppedRef+"}}")
	if want := "Smoke rose over the harbour.\n\n{{image " + droppedRef + "}}"; strings.TrimSpace(body) != want {
		t.Fatalf("body after the drop = %q, want %q", body, want)
	}
	list := mediaList(t, db)
	if len(list) != 1 || list[0].Ref != droppedRef || list[0].Filename != "harbour photo.png" || list[0].Width != 320 {
		t.Fatalf("media list after the drop: %+v", list)
	}
	a.screenshot("images-01-dropped")

	// Paste: the picture's bytes on the CLIPBOARD as image/png (xclip
	// forks a server that keeps its output open: no pipes to wait on).
	clip := exec.Command("xclip", "-selection", "clipboard", "-t", "image/png", "-i", pasted)
	clip.Env = d.env(home)
	if err := clip.Run(); err != nil {
		t.Fatalf("xclip: %v", err)
	}
	waitClipboard(t, clip.Env, "TARGETS", "image/png") // xclip's server takes it a moment later
	a.clickWord("harbour", 150, 0)
	a.key("ctrl+End", "ctrl+v")
	body = waitBodyHas(t, db, "harbour", "{{image "+pastedRef+"}}")
	if want := "Smoke rose over the harbour.\n\n{{image " + droppedRef + "}}\n\n{{image " + pastedRef + "}}"; strings.TrimSpace(body) != want {
		t.Fatalf("body after the paste = %q, want %q", body, want)
	}
	list = mediaList(t, db)
	if len(list) != 2 {
		t.Fatalf("media list after the paste: %+v", list)
	}
	var rec *struct {
		Ref, Filename string
		Width, Height int
	}
	for i := range list {
		if list[i].Ref == pastedRef {
			rec = &list[i]
		}
	}
	if rec == nil || !strings.HasPrefix(rec.Filename, "pasted-") || !strings.HasSuffix(rec.Filename, ".png") || rec.Width != 240 || rec.Height != 160 {
		t.Fatalf("pasted record: %+v in %+v", rec, list)
	}
	a.screenshot("images-02-pasted")

	// Files copied in a file manager: their URIs as the clipboard's text.
	copied, copiedRef := photoPNG(t, dir, "copied.png", 100, 80, 90)
	uris := filepath.Join(dir, "uris.txt")
	if err := os.WriteFile(uris, []byte("file://"+copied+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	clip = exec.Command("xclip", "-selection", "clipboard", "-i", uris)
	clip.Env = d.env(home)
	if err := clip.Run(); err != nil {
		t.Fatalf("xclip: %v", err)
	}
	waitClipboard(t, clip.Env, "UTF8_STRING", "file://"+copied)
	a.clickWord("harbour", 150, 0)
	a.key("ctrl+End", "ctrl+v")
	body = waitBodyHas(t, db, "harbour", "{{image "+copiedRef+"}}")
	if strings.Contains(body, "file://") || len(mediaList(t, db)) != 3 {
		t.Fatalf("after pasting a copied file: body %q, media %+v", body, mediaList(t, db))
	}
	a.quit()
}

// waitClipboard waits up to 20 s until the CLIPBOARD, read as target with
// xclip, contains want: xclip's parent exits before its child takes the
// clipboard, so a paste right after it may still find the old one.
func waitClipboard(t *testing.T, env []string, target, want string) {
	t.Helper()
	var got []byte
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		read := exec.CommandContext(ctx, "xclip", "-selection", "clipboard", "-t", target, "-o")
		read.Env = env
		var err error
		got, err = read.Output()
		cancel()
		if err == nil && strings.Contains(string(got), want) {
			return
		}
	}
	t.Fatalf("the clipboard (%s) never held %q: last read %q", target, want, got)
}
