package publish

import (
	"context"
	"errors"
	"fmt"
	"image"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"newsroom/domain"
	"newsroom/markup"
)

// MediaSource supplies the media library to an export: a Source that also
// implements it (the store does) gets the images its pages use exported;
// without it every image is missing.
type MediaSource interface {
	MediaLookup
	// MediaData returns the stored file's bytes.
	MediaData(ctx context.Context, ref string) ([]byte, error)
}

// MediaLookup finds media records by reference.
type MediaLookup interface {
	// Media returns the record with this reference, or an error wrapping
	// domain.ErrNotFound.
	Media(ctx context.Context, ref string) (domain.Media, error)
}

// ImageWidths are the widths, in pixels, each image is exported in; an
// image narrower than the largest is exported at its own width instead
// of those it does not reach (never upscaled).
var ImageWidths = []int{480, 960, 1600}

// mediaDir is the export folder's subfolder of image renditions.
const mediaDir = "media"

// imageSizes, the value of the img element's sizes attribute: the story
// column is at most 46rem wide.
const imageSizes = "(min-width: 50rem) 46rem, 100vw"

// rendition is one exported size of an image.
type rendition struct {
	Width, Height int
	// Rel is the file's slash-separated path in the export folder:
	// media/<ref>-<width>.<jpg|png>, named by content and size.
	Rel string
}

// renditionsOf lists the sizes an image is exported in, smallest first:
// the ImageWidths narrower than the image, and the largest of them or,
// when the image is narrower than that, the image's own width.
func renditionsOf(m domain.Media, format string) []rendition {
	if m.Width <= 0 || m.Height <= 0 {
		return nil
	}
	ext := "jpg"
	switch format {
	case "png":
		ext = "png"
	case "gif":
		ext = "gif"
	}
	var widths []int
	top := ImageWidths[len(ImageWidths)-1]
	for _, w := range ImageWidths {
		if w < m.Width && w < top {
			widths = append(widths, w)
		}
	}
	widths = append(widths, min(m.Width, top))
	out := make([]rendition, 0, len(widths))
	for _, w := range widths {
		h := max(1, int((int64(m.Height)*int64(w)+int64(m.Width)/2)/int64(m.Width)))
		out = append(out, rendition{Width: w, Height: h, Rel: fmt.Sprintf("%s/%s-%d.%s", mediaDir, m.Ref, w, ext)})
	}
	return out
}

// renditionPath matches the files renditionsOf and cardOf name.
var renditionPath = regexp.MustCompile(`^media/[0-9a-f]{1,64}-(?:[0-9]{1,5}|card-[0-9]{1,6}-[0-9]{1,6}-[0-9]{1,5}x[0-9]{1,5})\.(?:jpg|png|gif)$`)

// resolvedImage is a library image as an export shows it.
type resolvedImage struct {
	Media domain.Media
	// Format is the renditions' format: "jpeg", "png" or "gif" (an
	// animated GIF).
	Format     string
	Renditions []rendition
	// Frames is a GIF's frame count as its file says (0: not a GIF, or
	// resolved from a manifest entry older than the count).
	Frames int
}

// fingerprint is what a page shows of the image, for its input key.
func (r *resolvedImage) fingerprint() string {
	if r == nil {
		return "missing"
	}
	m := r.Media
	return strings.Join([]string{m.Ref, m.SHA256, r.Format, strconv.Itoa(m.Width), strconv.Itoa(m.Height), m.Caption, m.Credit, m.Alt}, "\x00")
}

// imageCache resolves media references once per export, from any
// goroutine.
type imageCache struct {
	src  MediaSource // nil: every image is missing
	mu   sync.Mutex
	refs map[string]*imageEntry
}

type imageEntry struct {
	once sync.Once
	img  *resolvedImage
	err  error
}

func newImageCache(src MediaSource) *imageCache {
	return &imageCache{src: src, refs: map[string]*imageEntry{}}
}

// resolve returns the image ref names, nil when the library has no such
// record. known, when recorded by an earlier export (a parsed manifest
// entry; the zero value when there is none), spares reading the file to
// choose the renditions' format.
func (c *imageCache) resolve(ctx context.Context, ref string, known usedEntry) (*resolvedImage, error) {
	if c == nil || c.src == nil || strings.TrimSpace(ref) == "" {
		return nil, nil
	}
	c.mu.Lock()
	e, ok := c.refs[ref]
	if !ok {
		e = &imageEntry{}
		c.refs[ref] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.img, e.err = c.load(ctx, ref, known) })
	return e.img, e.err
}

func (c *imageCache) load(ctx context.Context, ref string, known usedEntry) (*resolvedImage, error) {
	m, err := c.src.Media(ctx, ref)
	if errors.Is(err, domain.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load image %q: %w", ref, err)
	}
	format, frames := known.Format, known.Frames
	// A GIF's recorded still format may predate animated renditions:
	// it is taken on its word when "gif" or recorded with the frame count
	// (which only exports that know animations record).
	if m.Format == "gif" && format != "gif" && frames <= 0 || m.Format != "gif" && format == "gif" {
		format = ""
	}
	if m.Format != "gif" {
		frames = 0
	}
	// A recorded choice the frame-pixel bound no longer makes (it
	// changed) is made again.
	if m.Format == "gif" && frames > 0 && format != "" {
		animates := frames > 1 && int64(frames)*int64(m.Width)*int64(m.Height) <= maxAnimatedPixels
		if animates != (format == "gif") {
			format = ""
		}
	}
	if format != "jpeg" && format != "png" && format != "gif" {
		format = "jpeg"
		if m.Format == "png" || m.Format == "gif" {
			data, err := c.src.MediaData(ctx, ref)
			if err != nil {
				return nil, fmt.Errorf("load image %q: %w", ref, err)
			}
			format = renditionFormat(m.Format, data)
			if m.Format == "gif" {
				shape, _ := scanGIF(data)
				frames = shape.Frames
			}
		}
	}
	return &resolvedImage{Media: m, Format: format, Renditions: renditionsOf(m, format), Frames: frames}, nil
}

// all returns every image resolved so far that exists.
func (c *imageCache) all() []*resolvedImage {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*resolvedImage
	for _, e := range c.refs {
		if e.img != nil {
			out = append(out, e.img)
		}
	}
	return out
}

// usedImage is one image a page shows, as its manifest entry records it:
// "REF FORMAT", with " frames=N" for a GIF whose frame count is known
// ("REF" alone when missing).
func usedImage(ref string, img *resolvedImage) string {
	if img == nil {
		return ref
	}
	if img.Frames > 0 {
		return ref + " " + img.Format + " " + framesFlag + strconv.Itoa(img.Frames)
	}
	return ref + " " + img.Format
}

// resolveDoc resolves the lead image of a and the images doc places,
// setting each figure's Media and Format. It returns the lead and the
// images used (lead first, each once) as the manifest records them, with
// the library records found.
func (c *imageCache) resolveDoc(ctx context.Context, a *domain.Article, doc *markup.Doc) (lead *resolvedImage, used []string, found map[string]domain.Media, err error) {
	found = map[string]domain.Media{}
	seen := map[string]bool{}
	get := func(ref string) (*resolvedImage, error) {
		img, err := c.resolve(ctx, ref, usedEntry{})
		if err != nil {
			return nil, err
		}
		if !seen[ref] {
			seen[ref] = true
			used = append(used, usedImage(ref, img))
			if img != nil {
				found[ref] = img.Media
			}
		}
		return img, nil
	}
	if ref := strings.TrimSpace(a.LeadImage); ref != "" {
		if lead, err = get(ref); err != nil {
			return nil, nil, nil, err
		}
	}
	if doc != nil {
		for _, f := range doc.Images() {
			if f.Ref == "" {
				continue
			}
			img, err := get(f.Ref)
			if err != nil {
				return nil, nil, nil, err
			}
			if img != nil {
				f.Media, f.Format = &img.Media, img.Format
			}
		}
	}
	return lead, used, found, nil
}

// cardFlag marks, in a page's manifest entry, the lead image whose social
// card the page names: "REF FORMAT card".
const cardFlag = "card"

// framesFlag starts, in a page's manifest entry, a GIF's frame count:
// "REF FORMAT frames=N".
const framesFlag = "frames="

// usedEntry is one image of a page's manifest entry, parsed.
type usedEntry struct {
	Ref, Format string
	// Frames is a GIF's recorded frame count (0: not recorded).
	Frames int
	// Card tells that the page names the image's social card.
	Card bool
}

// parseUsed splits a manifest entry of a page's images: "REF FORMAT"
// followed by the flags "frames=N" and "card" when they apply, or "REF"
// (missing).
func parseUsed(u string) usedEntry {
	fields := strings.Fields(u)
	var e usedEntry
	if len(fields) == 0 {
		return e
	}
	e.Ref = fields[0]
	if len(fields) > 1 {
		e.Format = fields[1]
	}
	for _, f := range fields[min(2, len(fields)):] {
		switch {
		case f == cardFlag:
			e.Card = true
		case strings.HasPrefix(f, framesFlag):
			if n, err := strconv.Atoi(strings.TrimPrefix(f, framesFlag)); err == nil && n > 0 {
				e.Frames = n
			}
		}
	}
	return e
}

// String is the manifest form of e.
func (e usedEntry) String() string {
	s := e.Ref
	if e.Format != "" {
		s += " " + e.Format
	}
	if e.Frames > 0 {
		s += " " + framesFlag + strconv.Itoa(e.Frames)
	}
	if e.Card {
		s += " " + cardFlag
	}
	return s
}

// mediaKey adds to a page's input key what it shows of the images it
// uses (as recorded: "REF FORMAT", with " card" for a social card, which
// adds the card's file when cards is set); key is returned as it is when
// the page uses none, and "" (matching nothing) when one cannot be looked
// up.
func (c *imageCache) mediaKey(ctx context.Context, key string, used []string, cards bool) string {
	if len(used) == 0 || key == "" {
		return key
	}
	var k keyHasher
	k.str(key)
	k.str(encoderVersion)
	for _, u := range used {
		e := parseUsed(u)
		img, err := c.resolve(ctx, e.Ref, e)
		if err != nil {
			return ""
		}
		k.str(e.Ref)
		k.str(img.fingerprint())
		if e.Card && cards {
			if sc := cardOf(img); sc != nil {
				k.str(sc.Rel)
			}
		}
	}
	return k.sum()
}

// sizes lists the renditions' pixel sizes, smallest first.
func (r *resolvedImage) sizes() []image.Point {
	out := make([]image.Point, len(r.Renditions))
	for i, x := range r.Renditions {
		out[i] = image.Point{x.Width, x.Height}
	}
	return out
}

// LibraryImages looks up the media records of refs (markup.ImageRefs of
// an article) in src, for markup.CheckImages; references the library
// lacks are left out.
func LibraryImages(ctx context.Context, src MediaLookup, refs []string) (map[string]domain.Media, error) {
	out := make(map[string]domain.Media, len(refs))
	for _, ref := range refs {
		m, err := src.Media(ctx, ref)
		if errors.Is(err, domain.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("look up image %q: %w", ref, err)
		}
		out[ref] = m
	}
	return out, nil
}
