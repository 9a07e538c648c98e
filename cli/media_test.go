package cli

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cameraJPEG is a JPEG written by exiftool with EXIF, IPTC and XMP.
const cameraJPEG = "../photo/testdata/camera.jpg"

func writePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMediaAddListShow(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	code, out, errOut := run(t, "media", "add", "--db", db, cameraJPEG, "--alt", "Fishermen on a quay")
	if code != 0 {
		t.Fatalf("add: %d %s", code, errOut)
	}
	ref := strings.TrimSpace(out)
	if len(ref) != 12 || errOut != "" {
		t.Fatalf("add printed %q / %q, want a 12-digit ref alone", out, errOut)
	}

	code, out, errOut = run(t, "media", "show", "--db", db, ref, "--json")
	if code != 0 {
		t.Fatalf("show: %d %s", code, errOut)
	}
	var m mediaJSON
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("show --json: %v\n%s", err, out)
	}
	if m.Ref != ref || m.Format != "jpeg" || m.Width != 48 || m.Height != 64 || m.Filename != "camera.jpg" {
		t.Fatalf("show: %+v", m)
	}
	if m.Alt != "Fishermen on a quay" || m.Credit != "Ann Photographer / Agency" || m.Copyright != "© 2026 Agency" {
		t.Fatalf("flags or embedded values not applied: %+v", m)
	}
	if m.Embedded["alt"] != "Two fishermen lift a crate of fish onto a quay" || m.Embedded["camera"] != "Canon EOS R5" {
		t.Fatalf("embedded values not kept as read: %v", m.Embedded)
	}

	code, out, _ = run(t, "media", "show", "--db", db, ref)
	for _, want := range []string{"ref: " + ref, "size: 48 × 64 pixels", "credit: Ann Photographer / Agency",
		"read from the file:", "  headline: Harbour at dawn"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("show lacks %q:\n%s", want, out)
		}
	}

	// The same bytes again: the same ref, said to be there already.
	code, out, errOut = run(t, "media", "add", "--db", db, cameraJPEG, "--caption", "At Ōarai")
	if code != 0 || strings.TrimSpace(out) != ref || !strings.Contains(errOut, "already in the library") {
		t.Fatalf("second add: %d %q %q", code, out, errOut)
	}
	png := filepath.Join(dir, "chart.png")
	writePNG(t, png, 30, 20)
	if code, _, errOut := run(t, "media", "add", "--db", db, png); code != 0 {
		t.Fatalf("add png: %d %s", code, errOut)
	}

	code, out, _ = run(t, "media", "list", "--db", db, "--json")
	var list []mediaJSON
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 2 {
		t.Fatalf("list --json: %d %v %s", code, err, out)
	}
	var caption string
	for _, x := range list {
		if x.Ref == ref {
			caption = x.Caption
		}
	}
	if caption != "At Ōarai" {
		t.Fatalf("the second add's --caption did not update the record: %q", caption)
	}
	code, out, _ = run(t, "media", "list", "--db", db)
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, ref+"  jpeg") || !strings.Contains(out, "chart.png") {
		t.Fatalf("list: %d\n%s", code, out)
	}
}

func TestMediaAddLeadOf(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	md := filepath.Join(dir, "story.md")
	os.WriteFile(md, []byte(story), 0o644)
	if code, _, errOut := run(t, "import", "--db", db, md); code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	code, out, errOut := run(t, "media", "add", "--db", db, cameraJPEG, "--lead-of", "lavrov-meets-kerry")
	if code != 0 {
		t.Fatalf("add --lead-of: %d %s", code, errOut)
	}
	ref := strings.TrimSpace(out)
	store, err := openStore(t.Context(), db, "media")
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	a, err := store.GetArticleBySlug(t.Context(), "lavrov-meets-kerry")
	if err != nil || a.LeadImage != ref {
		t.Fatalf("lead image %q (%v), want %q", a.LeadImage, err, ref)
	}
}

func TestMediaAddRefusesBadInputAndStoresNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	svg := filepath.Join(dir, "logo.svg")
	os.WriteFile(svg, []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), 0o644)
	misnamed := filepath.Join(dir, "photo.jpg")
	writePNG(t, misnamed, 10, 10)
	cut := filepath.Join(dir, "cut.jpg")
	whole, err := os.ReadFile(cameraJPEG)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(cut, whole[:len(whole)-200], 0o644)
	cases := []struct {
		args []string
		says string
	}{
		{[]string{svg}, "can carry script"},
		{[]string{misnamed}, "PNG image but its name ends .jpg"},
		{[]string{cut}, "damaged"},
		{[]string{filepath.Join(dir, "missing.jpg")}, "no such file"},
		{[]string{cameraJPEG, "--lead-of", "no-such-article"}, "not found"},
	}
	for _, tc := range cases {
		args := append([]string{"media", "add", "--db", db}, tc.args...)
		code, out, errOut := run(t, args...)
		if code != 1 || out != "" || !strings.Contains(errOut, tc.says) {
			t.Errorf("media add %v: %d %q %q, want status 1 saying %q", tc.args, code, out, errOut, tc.says)
		}
	}
	if code, out, _ := run(t, "media", "list", "--db", db, "--json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("refused files were stored: %s", out)
	}
	if code, _, errOut := run(t, "media", "show", "--db", db, "0123456789ab"); code != 1 || !strings.Contains(errOut, "not found") {
		t.Fatalf("show missing: %d %s", code, errOut)
	}
	if code, _, _ := run(t, "media", "add", "--db", db); code != 2 {
		t.Fatalf("add without a file: %d, want 2", code)
	}
}

func TestImportUploadsTakesAttachmentsIn(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	uploads := filepath.Join(dir, "uploads")
	// Two of the export's attachments: the featured image of one post and
	// canola2, shown in the gallery post.
	for i, rel := range []string{"2013/03/featured-image-horizontal.jpg", "2008/06/canola2.jpg"} {
		p := filepath.Join(uploads, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		writePNG(t, p+".png", 20+i, 10)
		data, _ := os.ReadFile(p + ".png")
		os.Remove(p + ".png")
		os.WriteFile(p, data, 0o644) // a PNG under a .jpg name: refused, said
	}
	// The featured image is a real JPEG.
	whole, err := os.ReadFile(cameraJPEG)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(uploads, "2013", "03", "featured-image-horizontal.jpg"), whole, 0o644)
	fixture := filepath.Join("..", "importer", "testdata", "wordpress-theme-unit-test.xml")
	code, out, errOut := run(t, "import", "--db", db, "--uploads", uploads, fixture)
	if code != 0 {
		t.Fatalf("import --uploads: %d %s", code, errOut)
	}
	if !strings.Contains(out, "1 image (1 new)") || !strings.Contains(out, "attachment 611") || !strings.Contains(out, "rename it to end .png") {
		t.Fatalf("import output does not count the image or say why canola2 was refused:\n%s", out)
	}
	code, out, _ = run(t, "articles", "show", "--db", db, "--json", "template-featured-image-horizontal")
	var a struct {
		LeadImage string `json:"lead_image"`
	}
	if err := json.Unmarshal([]byte(out), &a); code != 0 || err != nil || len(a.LeadImage) != 12 {
		t.Fatalf("lead image %q (%v)", a.LeadImage, err)
	}
	code, out, _ = run(t, "media", "show", "--db", db, a.LeadImage)
	if code != 0 || !strings.Contains(out, "source URL: https://wpthemetestdata.files.wordpress.com/2013/03/featured-image-horizontal.jpg") {
		t.Fatalf("media show:\n%s", out)
	}
	if code, _, errOut := run(t, "import", "--db", db, "--uploads", filepath.Join(dir, "nowhere"), fixture); code != 2 || !strings.Contains(errOut, "not a folder") {
		t.Fatalf("--uploads of a missing folder: %d %s", code, errOut)
	}
}
