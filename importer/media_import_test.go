package importer

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/storage"
)

// distinctJPEG is a small JPEG whose bytes differ for every seed.
func distinctJPEG(t *testing.T, seed int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 16+seed%7, 12+seed%5))
	for i := range img.Pix {
		img.Pix[i] = uint8(i*seed + seed)
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func smallPNG(t *testing.T, c uint8) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 8, 6))
	for i := range img.Pix {
		img.Pix[i] = c
	}
	img.Set(0, 0, color.Gray{Y: c + 1})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gifOf(t *testing.T, seed int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, image.NewGray(image.Rect(0, 0, 5+seed, 4)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func putFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func openStoreTemp(t *testing.T) *storage.Store {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRewriteImages(t *testing.T) {
	known := map[string]placedImage{
		"a.jpg": {ref: "aaaaaaaaaaaa", caption: "The harbour at dawn"},
		"b.png": {ref: "bbbbbbbbbbbb"},
	}
	resolve := func(src, alt string) placedImage {
		if p, ok := known[src]; ok {
			return p
		}
		return placedImage{warning: "not resolved: " + src}
	}
	cases := []struct{ name, in, want string }{
		{"alone", "Intro.\n\n![Boats](a.jpg)\n\nOutro.", "Intro.\n\n{{image aaaaaaaaaaaa}}\n\nOutro."},
		{"with title", `![Boats](a.jpg "Boats at rest")`, "{{image aaaaaaaaaaaa}}"},
		{"linked to full size", "[![Boats](a.jpg)](https://example.com/a-full.jpg)", "{{image aaaaaaaaaaaa}}"},
		{"inside a paragraph", "Before ![x](b.png) after.", "Before\n\n{{image bbbbbbbbbbbb}}\n\nafter."},
		{"list item", "- ![x](b.png)\n- two", "{{image bbbbbbbbbbbb}}\n\n- two"},
		{"repeated caption dropped", "![x](a.jpg)\n\nThe harbour  at *dawn*\n\nNext.", "{{image aaaaaaaaaaaa}}\n\nNext."},
		{"repeated caption in a list item dropped", "- [![x](a.jpg)](https://example.com/p/)\n  \n  The harbour at dawn\n- ![y](b.png)\n  \n  Other", "{{image aaaaaaaaaaaa}}\n\n{{image bbbbbbbbbbbb}}\n\n  Other"},
		{"other caption kept", "![x](a.jpg)\n\nA different line.", "{{image aaaaaaaaaaaa}}\n\nA different line."},
		{"unknown stays", "![x](c.gif) and ![y](b.png)", "![x](c.gif) and\n\n{{image bbbbbbbbbbbb}}"},
		{"code untouched", "```\n![x](a.jpg)\n\n\n```\n![x](a.jpg)", "```\n![x](a.jpg)\n\n\n```\n\n{{image aaaaaaaaaaaa}}"},
		{"no image", "Plain text.\n\n\nMore.", "Plain text.\n\n\nMore."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := rewriteImages(tc.in, resolve)
			if got != tc.want {
				t.Fatalf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
	_, warnings := rewriteImages("![x](c.gif)\n\n![x](c.gif)", resolve)
	if len(warnings) != 1 || warnings[0] != "not resolved: c.gif" {
		t.Fatalf("warnings %q, want one for c.gif", warnings)
	}
}

func TestUploadsKeyMatchesResizedCopies(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"https://example.com/wp-content/uploads/2020/05/boat.jpg", "2020/05/boat.jpg"},
		{"http://www.example.com/wp-content/uploads/2020/05/boat-300x200.jpg", "2020/05/boat.jpg"},
		{"https://example.com/wp-content/uploads/2020/05/boat-scaled.JPG?x=1", "2020/05/boat.jpg"},
		{"https://x.files.wordpress.com/2008/06/canola2.jpg", "2008/06/canola2.jpg"},
		{"https://example.com/wp-content/uploads/../../etc/passwd", "etc/passwd"},
	} {
		if got := uploadsKey(tc.src); got != tc.want {
			t.Errorf("uploadsKey(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

// bundlePost is a Hugo page bundle's index.md.
const bundlePost = `---
title: Harbour
date: 2026-11-30
images: [cover.png]
---
The boats came in at dawn.

![Boats at the quay](boats.jpg)

![Shared](/images/shared.png) and ![remote](https://cdn.example.com/far.jpg)

![missing](nope.png)

![script](evil.svg)

![outside](../../../secret.png)
`

func TestImportHugoBundleImages(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content", "posts", "harbour")
	putFile(t, filepath.Join(dir, "index.md"), []byte(bundlePost))
	putFile(t, filepath.Join(dir, "boats.jpg"), distinctJPEG(t, 1))
	putFile(t, filepath.Join(dir, "cover.png"), smallPNG(t, 10))
	putFile(t, filepath.Join(dir, "evil.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`))
	putFile(t, filepath.Join(root, "static", "images", "shared.png"), smallPNG(t, 50))
	putFile(t, filepath.Join(filepath.Dir(root), "secret.png"), smallPNG(t, 90))
	store := openStoreTemp(t)
	ctx := context.Background()
	rep, err := Import(ctx, ForStorage(store), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var sum Summary
	for _, s := range rep.Files {
		if s.File == "content/posts/harbour/index.md" {
			sum = s
		}
	}
	if sum.Err != nil || sum.Images != 3 || sum.ImagesNew != 3 {
		t.Fatalf("summary %s (%v): images %d new %d, want 3", sum, sum.Err, sum.Images, sum.ImagesNew)
	}
	if !strings.Contains(sum.String(), ", 3 images (3 new)") {
		t.Errorf("summary line %q does not count the images", sum)
	}
	a, err := store.GetArticleBySlug(ctx, "harbour")
	if err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile(`(?m)^\{\{image ([0-9a-f]{12})\}\}$`).FindAllStringSubmatch(a.Body, -1)
	if len(refs) != 2 {
		t.Fatalf("body has %d image blocks, want 2 (boats, shared):\n%s", len(refs), a.Body)
	}
	boats, err := store.Media(ctx, refs[0][1])
	if err != nil {
		t.Fatal(err)
	}
	if boats.Alt != "Boats at the quay" || boats.Origin != "file:content/posts/harbour/boats.jpg" || boats.Filename != "boats.jpg" {
		t.Errorf("boats record %+v", boats)
	}
	if a.LeadImage == "" {
		t.Fatal("front matter images: [cover.png] did not give a lead image")
	}
	if cover, err := store.Media(ctx, a.LeadImage); err != nil || cover.Origin != "file:content/posts/harbour/cover.png" {
		t.Errorf("lead image %+v (%v)", cover, err)
	}
	for _, kept := range []string{"![remote](https://cdn.example.com/far.jpg)", "![missing](nope.png)", "![script](evil.svg)", "![outside](../../../secret.png)"} {
		if !strings.Contains(a.Body, kept) {
			t.Errorf("body lost %q:\n%s", kept, a.Body)
		}
	}
	var warnings []string
	for _, w := range sum.Warnings {
		warnings = append(warnings, w.String())
	}
	all := strings.Join(warnings, "\n")
	for _, want := range []string{"https://cdn.example.com/far.jpg is on another site and was not fetched", "nope.png is not a file",
		"evil.svg was not taken in", "can carry script", "../../../secret.png is not a file under the imported folder"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	list, err := store.MediaList(ctx)
	if err != nil || len(list) != 3 {
		t.Fatalf("library holds %d images (%v), want 3", len(list), err)
	}

	// Importing again changes nothing and adds no image.
	rep, err = Import(ctx, ForStorage(store), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range rep.Files {
		if s.File == "content/posts/harbour/index.md" && (s.Outcome != Unchanged || s.ImagesNew != 0) {
			t.Fatalf("second import: %s, %d new images", s, s.ImagesNew)
		}
	}
}

func TestImportImagesAllOrNothing(t *testing.T) {
	root := t.TempDir()
	putFile(t, filepath.Join(root, "story", "index.md"), []byte("---\ntitle: Story\nslug: story\ndate: 2026-01-02\n---\n![a](a.png)\n"))
	putFile(t, filepath.Join(root, "story", "a.png"), smallPNG(t, 3))
	st := newMemStore()
	st.failArticle = "story"
	rep, err := Import(context.Background(), st, root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	failed := false
	for _, f := range rep.Files {
		failed = failed || (f.File == "story/index.md" && f.Err != nil)
	}
	if !failed {
		t.Fatalf("the article's failure was not reported: %+v", rep.Files)
	}
	if len(st.media) != 0 {
		t.Fatalf("a failed file left %d images stored", len(st.media))
	}
	st.failArticle = ""
	if _, err := Import(context.Background(), st, root, Options{}); err != nil {
		t.Fatal(err)
	}
	if len(st.media) != 1 {
		t.Fatalf("after a good import the store holds %d images, want 1", len(st.media))
	}
}

// fixtureUploads writes a distinct JPEG for every image attachment of the
// Theme Unit Test export at the path after its host, as a copy of
// wp-content/uploads from WordPress.com would hold them.
func fixtureUploads(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	urls := regexp.MustCompile(`<wp:attachment_url>https://wpthemetestdata\.files\.wordpress\.com/([^<]+)</wp:attachment_url>`).FindAllSubmatch(src, -1)
	n := 0
	for i, m := range urls {
		rel := string(m[1])
		if strings.HasSuffix(rel, ".jpg") || strings.HasSuffix(rel, ".gif") {
			data := distinctJPEG(t, i+1)
			if strings.HasSuffix(rel, ".gif") {
				data = gifOf(t, i+1)
			}
			putFile(t, filepath.Join(dir, filepath.FromSlash(rel)), data)
			n++
		}
	}
	if n != 35 {
		t.Fatalf("fixture has %d image attachments, want 35", n)
	}
	return dir
}

func TestImportWordPressAttachmentsWithUploads(t *testing.T) {
	uploads := fixtureUploads(t)
	store := openStoreTemp(t)
	ctx := context.Background()
	rep, err := Import(ctx, ForStorage(store), fixture, Options{Uploads: uploads})
	if err != nil {
		t.Fatal(err)
	}
	sum := rep.Files[0]
	if sum.Err != nil {
		t.Fatal(sum.Err)
	}
	want := "created " + fixture + ": 58 articles (58 new, 0 updated, 0 unchanged), 28 comments, 35 images (35 new); skipped 21 pages, 2 attachments, 70 menu items, 5 page comments"
	if sum.String() != want {
		t.Errorf("summary\n%s\nwant\n%s", sum, want)
	}
	var notTaken []string
	for _, w := range sum.Warnings {
		if strings.Contains(w.Message, "was not taken in") {
			notTaken = append(notTaken, w.Message)
		}
	}
	if len(notTaken) != 2 || !strings.Contains(strings.Join(notTaken, "\n"), ".mp3") || !strings.Contains(strings.Join(notTaken, "\n"), ".mov") {
		t.Errorf("attachments not taken in: %q, want the mp3 and the mov", notTaken)
	}

	list, err := store.MediaList(ctx)
	if err != nil || len(list) != 35 {
		t.Fatalf("library holds %d images (%v), want 35", len(list), err)
	}
	var canola domain.Media
	for _, m := range list {
		if m.Origin == "wxr:https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg" {
			canola = m
		}
	}
	if canola.Ref == "" || canola.Alt != "canola" || canola.Title != "canola2" ||
		!strings.HasPrefix(canola.Caption, "Lorem ipsum dolor sit amet") ||
		canola.SourceURL != "https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg" || canola.Filename != "canola2.jpg" {
		t.Fatalf("canola2 record %+v", canola)
	}

	gallery, err := store.GetArticleBySlug(ctx, "block-gallery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(gallery.Body, "{{image "+canola.Ref+"}}") || strings.Contains(gallery.Body, "canola2.jpg)") {
		t.Errorf("the gallery body does not show canola2 as a record:\n%s", gallery.Body)
	}
	featured, err := store.GetArticleBySlug(ctx, "template-featured-image-horizontal")
	if err != nil {
		t.Fatal(err)
	}
	lead, err := store.Media(ctx, featured.LeadImage)
	if err != nil || !strings.HasSuffix(lead.SourceURL, "/2013/03/featured-image-horizontal.jpg") {
		t.Fatalf("featured image: lead %q → %+v (%v)", featured.LeadImage, lead, err)
	}
	// An attachment named like a resized copy keeps its own record.
	align, err := store.GetArticleBySlug(ctx, "markup-image-alignment")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile(`\{\{image ([0-9a-f]{12})\}\}`).FindAllStringSubmatch(align.Body, -1)
	distinct := map[string]bool{}
	for _, b := range blocks {
		distinct[b[1]] = true
	}
	if len(distinct) < 4 {
		t.Errorf("image alignment post shows %d distinct records, want at least 4 (580x300, 150x150, 300x200, 1200x4002):\n%s", len(distinct), align.Body)
	}

	// Again: every image already there, nothing new.
	rep, err = Import(ctx, ForStorage(store), fixture, Options{Uploads: uploads})
	if err != nil || rep.Files[0].Err != nil {
		t.Fatal(err, rep.Files[0].Err)
	}
	if s := rep.Files[0]; s.Images != 35 || s.ImagesNew != 0 || s.ArticlesCreated != 0 || s.ArticlesUpdated != 0 {
		t.Fatalf("second import: %s", s)
	}
}

func TestImportWordPressWithoutUploadsWarnsOfRemoteImages(t *testing.T) {
	st := newMemStore()
	sum, err := ImportFile(context.Background(), st, fixture, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range sum.Warnings {
		if strings.Contains(w.Message, "canola2.jpg is on another site and was not fetched") && strings.Contains(w.Message, "--uploads") {
			found = true
		}
	}
	if !found {
		t.Fatal("no warning names the remote image canola2.jpg and suggests --uploads")
	}
	if len(st.media) != 0 {
		t.Fatalf("images stored without --uploads: %d", len(st.media))
	}
}

func TestImportUploadsRefusesABadFileAndKeepsTheLink(t *testing.T) {
	uploads := fixtureUploads(t)
	bad := filepath.Join(uploads, "2008", "06", "canola2.jpg")
	if err := os.WriteFile(bad, []byte("not a jpeg at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	store := openStoreTemp(t)
	ctx := context.Background()
	rep, err := Import(ctx, ForStorage(store), fixture, Options{Uploads: uploads})
	if err != nil || rep.Files[0].Err != nil {
		t.Fatal(err, rep.Files[0].Err)
	}
	said := false
	for _, w := range rep.Files[0].Warnings {
		said = said || (strings.Contains(w.Message, "attachment 611") && strings.Contains(w.Message, "not an image"))
	}
	if !said {
		t.Error("no warning says attachment 611's file is not an image")
	}
	gallery, err := store.GetArticleBySlug(ctx, "block-gallery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(gallery.Body, "canola2.jpg") {
		t.Errorf("the gallery lost its link to canola2.jpg:\n%s", gallery.Body)
	}
}

func TestImportWordPressResizedCopyFindsItsOriginal(t *testing.T) {
	for _, originalFirst := range []bool{false, true} {
		t.Run(fmt.Sprintf("original first %v", originalFirst), func(t *testing.T) {
			resizedCopyFindsItsOriginal(t, originalFirst)
		})
	}
}

// resizedCopyFindsItsOriginal imports an export holding both boat.jpg and
// an attachment named boat-300x200.jpg, in either order: a post's
// boat-1024x768.jpg is a resized copy of boat.jpg, whatever the order.
func resizedCopyFindsItsOriginal(t *testing.T, originalFirst bool) {
	uploads := t.TempDir()
	putFile(t, filepath.Join(uploads, "2020", "05", "boat-300x200.jpg"), distinctJPEG(t, 1))
	putFile(t, filepath.Join(uploads, "2020", "05", "boat.jpg"), distinctJPEG(t, 2))
	putFile(t, filepath.Join(uploads, "2020", "05", "deck.jpg"), distinctJPEG(t, 3))
	attachment := func(id, name string, meta string) string {
		return `<item><title>` + name + `</title><guid isPermaLink="false">https://news.example/wp-content/uploads/2020/05/` + name + `</guid>
<wp:post_id>` + id + `</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>https://news.example/wp-content/uploads/2020/05/` + name + `</wp:attachment_url>` + meta + `</item>`
	}
	boats := attachment("11", "boat-300x200.jpg", "") + attachment("12", "boat.jpg", "")
	if originalFirst {
		boats = attachment("12", "boat.jpg", "") + attachment("11", "boat-300x200.jpg", "")
	}
	items := boats +
		// Found by _wp_attached_file although its URL names another host.
		attachment("13", "deck.jpg", `<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2020/05/deck.jpg</wp:meta_value></wp:postmeta>`) +
		`<item><title>Post</title><wp:post_id>20</wp:post_id><wp:post_name>post</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<wp:post_date_gmt>2020-05-01 10:00:00</wp:post_date_gmt>
<content:encoded><![CDATA[<p>Text.</p><img src="http://www.news.example/wp-content/uploads/2020/05/boat-1024x768.jpg" alt="Boat"><img src="https://news.example/wp-content/uploads/2020/05/boat-300x200.jpg">]]></content:encoded>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>13</wp:meta_value></wp:postmeta></item>`
	path := filepath.Join(t.TempDir(), "site.xml")
	putFile(t, path, []byte(strings.Replace(wxrDoc("1.2", items), "news.example/wp-content/uploads/2020/05/deck.jpg</wp:attachment_url>", "cdn.example/x/deck.jpg</wp:attachment_url>", 1)))
	st := newMemStore()
	rep, err := Import(context.Background(), st, path, Options{Uploads: uploads})
	if err != nil || rep.Files[0].Err != nil {
		t.Fatal(err, rep.Files[0].Err)
	}
	refOf := map[string]string{}
	for ref, m := range st.media {
		refOf[m.Title] = ref
	}
	if len(refOf) != 3 {
		t.Fatalf("images %v, want boat-300x200.jpg, boat.jpg and deck.jpg", refOf)
	}
	a, ok := st.bySlug("post")
	if !ok {
		t.Fatal("post not stored")
	}
	want := "Text.\n\n{{image " + refOf["boat.jpg"] + "}}\n\n{{image " + refOf["boat-300x200.jpg"] + "}}"
	if a.Body != want {
		t.Fatalf("body\n%q\nwant\n%q", a.Body, want)
	}
	if a.LeadImage != refOf["deck.jpg"] {
		t.Fatalf("lead image %q, want deck.jpg's %q", a.LeadImage, refOf["deck.jpg"])
	}
}
