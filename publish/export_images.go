package publish

import (
	"context"
	"fmt"
	"image"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/semaphore"

	"newsroom/domain"
	"newsroom/markup"
)

// mediaSourceOf returns src's media library, nil when it has none.
func mediaSourceOf(src Source) MediaSource {
	if m, ok := src.(MediaSource); ok {
		return m
	}
	return nil
}

// imageFileKey digests what an image's renditions are made from: the
// file, the output format, the sizes and how they are made.
func imageFileKey(img *resolvedImage) string {
	var k keyHasher
	k.str(encoderVersion)
	k.str(img.Media.SHA256)
	k.str(img.Media.Format)
	k.str(img.Format)
	if img.Format == "jpeg" && img.Media.Format == "webp" {
		k.str(flattenVersion) // a WebP may have alpha
	}
	for _, r := range img.Renditions {
		k.str(r.Rel)
		k.int(int64(r.Width))
		k.int(int64(r.Height))
	}
	return k.sum()
}

// flattenVersion names how transparent pixels are flattened in JPEG
// renditions and social cards (onto flattenBackground): files made before
// they were are made again.
const flattenVersion = "flattened onto white/1"

// cardFileKey digests what a social card is made from.
func cardFileKey(img *resolvedImage, card *socialCard) string {
	var k keyHasher
	k.str(encoderVersion)
	k.str(img.Media.SHA256)
	k.str(img.Media.Format)
	k.str(card.Format)
	k.str(flattenVersion)
	k.str(card.Rel)
	k.int(int64(card.Size.X))
	k.int(int64(card.Size.Y))
	return k.sum()
}

// imageWork is one image whose renditions (and social card, when a page
// shows it as its lead) the export checks or makes.
type imageWork struct {
	img     *resolvedImage
	key     string
	card    *socialCard // nil: no page names it
	cardKey string
	// makeSizes and makeCard tell that some rendition, or the card, must
	// be made.
	makeSizes, makeCard bool
}

// stale reports whether the file rel must be made again for input key.
func (e *exporter) stale(rel, key string) bool {
	prev, owned := e.old.Files[rel]
	return !owned || e.force || prev.Input != key || !e.sizeIs(rel, prev.Size)
}

// writeImages makes the renditions of every image the pages of results
// use, and the social cards of the lead images they name, staged like the
// pages. Files whose manifest entry records the same input and which are
// still there at the recorded size are kept without decoding anything;
// the others are made on one worker per CPU, each image decoded once for
// all its files.
func (e *exporter) writeImages(ctx context.Context, results []fileResult) ([]fileResult, error) {
	byRef := map[string]*imageWork{}
	for _, r := range results {
		for _, u := range r.entry.Media {
			used := parseUsed(u)
			ref, card := used.Ref, used.Card
			if used.Format == "" {
				continue
			}
			w := byRef[ref]
			if w == nil {
				img, err := e.images.resolve(ctx, ref, used)
				if err != nil {
					return nil, err
				}
				if img == nil || len(img.Renditions) == 0 {
					continue
				}
				w = &imageWork{img: img, key: imageFileKey(img)}
				byRef[ref] = w
			}
			if card && w.card == nil {
				if w.card = cardOf(w.img); w.card != nil {
					w.cardKey = cardFileKey(w.img, w.card)
				}
			}
		}
	}
	if len(byRef) == 0 {
		return nil, nil
	}
	work := make([]*imageWork, 0, len(byRef))
	for _, w := range byRef {
		work = append(work, w)
	}
	sort.Slice(work, func(i, j int) bool { return work[i].img.Media.Ref < work[j].img.Media.Ref })
	var out []fileResult
	var todo []*imageWork
	for _, w := range work {
		for _, r := range w.img.Renditions {
			w.makeSizes = w.makeSizes || e.stale(r.Rel, w.key)
		}
		w.makeCard = w.card != nil && e.stale(w.card.Rel, w.cardKey)
		if !w.makeSizes {
			for _, r := range w.img.Renditions {
				out = append(out, fileResult{rel: r.Rel, entry: e.old.Files[r.Rel]})
			}
		}
		if w.card != nil && !w.makeCard {
			out = append(out, fileResult{rel: w.card.Rel, entry: e.old.Files[w.card.Rel]})
		}
		if w.makeSizes || w.makeCard {
			todo = append(todo, w)
		}
	}
	if len(todo) == 0 {
		return out, nil
	}
	fresh, err := ensureDir(filepath.Join(e.dir, mediaDir))
	if err != nil {
		return out, err
	}
	// Decoded photos are tens of megabytes each and short-lived: with the
	// relaxed collection the command line sets for rendering pages
	// (GOGC=400) the heap would grow to a gigabyte. Collect as usual
	// while images are made, unless told to collect more often or never.
	if old := debug.SetGCPercent(100); old <= 100 {
		debug.SetGCPercent(old)
	} else {
		defer debug.SetGCPercent(old)
	}
	made := make([][]fileResult, len(todo))
	errs := make([]error, len(todo))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	// However many cores, the images decoded at once fit in
	// imageDecodeBudget (one at a time when one alone exceeds it).
	budget := semaphore.NewWeighted(imageDecodeBudget)
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() && ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(todo) {
					return
				}
				cost := min(decodeCost(todo[i].img), imageDecodeBudget)
				if errs[i] = budget.Acquire(ctx, cost); errs[i] != nil {
					failed.Store(true)
					return
				}
				made[i], errs[i] = e.makeImage(ctx, todo[i], fresh)
				budget.Release(cost)
				if errs[i] != nil {
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	for i := range todo {
		out = append(out, made[i]...)
	}
	for _, err := range errs {
		if err != nil {
			return out, err
		}
	}
	return out, ctx.Err()
}

// imageDecodeBudget bounds the memory, as decodeCost estimates it, of the
// images an export decodes at once: four camera photos of 12 megapixels.
var imageDecodeBudget int64 = 4 * decodeCost(&resolvedImage{Media: domain.Media{Width: 4000, Height: 3000, Bytes: 4 << 20}})

// decodeCost estimates the memory making one image's files takes at its
// peak: the file, its decoded pixels (at most four bytes each), the
// halved image the renditions are made from (a quarter of the pixels, at
// four bytes each) and, for an animated GIF, its frames (a byte a pixel).
func decodeCost(img *resolvedImage) int64 {
	m := img.Media
	pixels := int64(max(m.Width, 1)) * int64(max(m.Height, 1))
	return m.Bytes + int64(5+max(img.Frames, 0))*pixels
}

// makeImage decodes one image and stages the files of w that must be
// made: its renditions, its social card, or both.
func (e *exporter) makeImage(ctx context.Context, w *imageWork, freshDir bool) ([]fileResult, error) {
	var sizes []image.Point
	if w.makeSizes {
		sizes = w.img.sizes()
	}
	var card *socialCard
	if w.makeCard {
		card = w.card
	}
	encoded, cardFile, err := encodeImageFiles(ctx, e.images.src, w.img, sizes, card)
	if err != nil {
		return nil, err
	}
	var out []fileResult
	for i := range encoded {
		r := w.img.Renditions[i]
		res, err := e.writeFile(r.Rel, encoded[i], freshDir)
		res.entry.Input = w.key
		out = append(out, res)
		if err != nil {
			return out, err
		}
	}
	if card != nil {
		res, err := e.writeFile(card.Rel, cardFile, freshDir)
		res.entry.Input = w.cardKey
		out = append(out, res)
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// encodeRenditions reads img's file from src and makes its renditions,
// in the order of img.Renditions.
func encodeRenditions(ctx context.Context, src MediaSource, img *resolvedImage) ([][]byte, error) {
	encoded, _, err := encodeImageFiles(ctx, src, img, img.sizes(), nil)
	return encoded, err
}

// encodeImageFiles reads img's file from src and makes the renditions of
// sizes (img's, or none) and card (nil: none).
func encodeImageFiles(ctx context.Context, src MediaSource, img *resolvedImage, sizes []image.Point, card *socialCard) ([][]byte, []byte, error) {
	m := img.Media
	data, err := src.MediaData(ctx, m.Ref)
	if err != nil {
		return nil, nil, fmt.Errorf("load image %q: %w", m.Ref, err)
	}
	encoded, cardFile, err := makeImageFiles(data, m.Format, sizes, img.Format, card)
	if err != nil {
		return nil, nil, fmt.Errorf("image %q (%s): %w", m.Ref, m.Filename, err)
	}
	return encoded, cardFile, nil
}

// storedDigestWithImages is, for a feed's input key, a summary's stored
// digest with what its page's images show (the images the manifest
// records for the page): a feed carries the pages' images too.
func (e *exporter) storedDigestWithImages(ctx context.Context) func(*domain.Article) string {
	return func(a *domain.Article) string {
		return e.images.mediaKey(ctx, a.StoredDigest, e.old.Files[a.Slug+"/index.html"].Media, false)
	}
}

// contentDigestWithImages is storedDigestWithImages for a full article:
// its content digest with the images its lead and body use.
func (e *exporter) contentDigestWithImages(ctx context.Context) func(*domain.Article) string {
	return func(a *domain.Article) string {
		var used []string
		for _, ref := range markup.ImageRefs(a) {
			img, err := e.images.resolve(ctx, ref, usedEntry{})
			if err != nil {
				return ""
			}
			used = append(used, usedImage(ref, img))
		}
		return e.images.mediaKey(ctx, domain.ContentDigest(a), used, false)
	}
}

// currentUsed is used, a page's manifest entry of its images, in the
// current form: a GIF's frame count is added once it is known, so an
// entry written before exports recorded it costs one read of the file and
// no more. used itself is returned when nothing changes.
func (c *imageCache) currentUsed(ctx context.Context, used []string) []string {
	var out []string
	for i, u := range used {
		e := parseUsed(u)
		img, err := c.resolve(ctx, e.Ref, e)
		if err != nil || img == nil || img.Frames == e.Frames || img.Format != e.Format {
			continue
		}
		if out == nil {
			out = slices.Clone(used)
		}
		e.Frames = img.Frames
		out[i] = e.String()
	}
	if out == nil {
		return used
	}
	return out
}

// withImageWarnings is warnings, a page's, with a warning for each image
// it uses (used, as its manifest entry records them) that the export
// shows otherwise than the file is: an animated GIF over the
// frame-pixel bound is published as a still. They are worked out on every
// export from the resolved images, not kept in the manifest.
func (c *imageCache) withImageWarnings(ctx context.Context, slug string, warnings, used []string) []string {
	for _, u := range used {
		e := parseUsed(u)
		img, err := c.resolve(ctx, e.Ref, e)
		if err != nil || img == nil {
			continue
		}
		if w := stillGIFWarning(slug, img); w != "" {
			warnings = append(slices.Clip(warnings), w)
		}
	}
	return warnings
}

// stillGIFWarning is the warning for an animated GIF img published as a
// still because it is over maxAnimatedPixels, "" for any other image.
func stillGIFWarning(slug string, img *resolvedImage) string {
	m := img.Media
	if m.Format != "gif" || img.Format == "gif" || img.Frames < 2 {
		return ""
	}
	pixels := int64(img.Frames) * int64(m.Width) * int64(m.Height)
	if pixels <= maxAnimatedPixels {
		return ""
	}
	bound := strconv.FormatInt(maxAnimatedPixels, 10) + "-pixel"
	if maxAnimatedPixels%1_000_000 == 0 {
		bound = strconv.FormatInt(maxAnimatedPixels/1_000_000, 10) + "-million-pixel"
	}
	return fmt.Sprintf("article %q: image %s (%s), an animated GIF of %d frames × %d×%d, is over the %s bound for animations; published as a still (its first frame)",
		slug, m.Ref, m.Filename, img.Frames, m.Width, m.Height, bound)
}
