package editor

import (
	"context"
	"fmt"
	"image"
	"strings"
	"sync"
	"time"

	"newsroom/publish"
)

// previewImageWidth is the width library images are scaled to for the
// preview (the preview column is narrower than the page).
const previewImageWidth = 720

// previewMediaStore is what the preview reads images from; a store without
// it shows the captioned placeholder box.
type previewMediaStore = publish.MediaSource

// previewImage is one library image as the preview shows it.
type previewImage struct {
	img     image.Image // nil when it cannot be shown (unknown ref, damaged file)
	caption string      // caption and credit, as under the image on the page
	problem string      // why there is no picture, in plain words
}

// imageSource gives the preview the images a body places; safe for use
// from the goroutine that builds a preview.
type imageSource interface {
	image(ref string) previewImage
}

// previewImages reads library images for the preview and keeps them, by
// ref and the record's last change, so a re-render decodes nothing.
type previewImages struct {
	store previewMediaStore
	mu    sync.Mutex
	cache map[string]cachedPreviewImage
}

type cachedPreviewImage struct {
	updated time.Time
	shown   previewImage
}

// image returns the preview of ref (decoding it the first time).
func (p *previewImages) image(ref string) previewImage {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	m, err := p.store.Media(ctx, ref)
	if err != nil {
		return previewImage{problem: fmt.Sprintf("no image %q in the media library", ref)}
	}
	p.mu.Lock()
	c, ok := p.cache[ref]
	p.mu.Unlock()
	if ok && c.updated.Equal(m.UpdatedAt) {
		return c.shown
	}
	shown := previewImage{caption: imageCaption(m.Caption, m.Credit)}
	data, err := p.store.MediaData(ctx, ref)
	if err == nil {
		shown.img, err = publish.PreviewImage(data, m.Format, previewImageWidth)
	}
	if err != nil {
		shown.problem = "the image cannot be shown: " + err.Error()
	}
	p.mu.Lock()
	if p.cache == nil {
		p.cache = map[string]cachedPreviewImage{}
	}
	p.cache[ref] = cachedPreviewImage{updated: m.UpdatedAt, shown: shown}
	p.mu.Unlock()
	return shown
}

// imageCaption is the line under an image: its caption, then its credit.
func imageCaption(caption, credit string) string {
	caption, credit = strings.TrimSpace(caption), strings.TrimSpace(credit)
	switch {
	case caption == "":
		return credit
	case credit == "":
		return caption
	}
	return caption + " — " + credit
}

// imageBlock is the preview block of a library image at body offset at;
// override replaces the record's caption when set.
func imageBlock(images imageSource, ref string, at int, override string, overrideSet bool) previewBlock {
	b := previewBlock{at: at, kind: blockImage}
	if images == nil {
		b.caption = ref
		return b
	}
	shown := images.image(ref)
	b.img, b.caption = shown.img, shown.caption
	if overrideSet {
		b.caption = strings.TrimSpace(override)
	}
	if shown.problem != "" {
		b.caption = shown.problem
	}
	return b
}
