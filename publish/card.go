package publish

import (
	"fmt"
	"image"

	"golang.org/x/image/draw"

	"newsroom/domain"
)

// socialCard is the lead image's crop for OpenGraph and Twitter cards:
// the largest 1.91:1 (1200:630) part of the upright image centred as near
// the record's focal point as it fits, written at 1200 × 630 or, when the
// crop is smaller, at its own size.
type socialCard struct {
	// Crop is the part of the upright image shown.
	Crop image.Rectangle
	// Size is the written file's size, Format its format ("jpeg" or
	// "png").
	Size   image.Point
	Format string
	// Rel is the file's path in the export folder,
	// media/<ref>-card-<x>-<y>-<width>x<height>.<jpg|png>: named by
	// content (the ref), place of the crop and size, so a moved focal
	// point that moves the crop names a new file.
	Rel string
}

// cardOf is the social card of img, nil when img has no renditions.
func cardOf(img *resolvedImage) *socialCard {
	if img == nil || len(img.Renditions) == 0 {
		return nil
	}
	m := img.Media
	crop := domain.FocalCrop(m.Width, m.Height, m.FocalX, m.FocalY, domain.SocialCardWidth, domain.SocialCardHeight)
	if crop.Empty() {
		return nil
	}
	size := domain.SocialCardSize(crop)
	format := img.cardFormat()
	ext := "jpg"
	if format == "png" {
		ext = "png"
	}
	return &socialCard{Crop: crop, Size: size, Format: format,
		Rel: fmt.Sprintf("%s/%s-card-%d-%d-%dx%d.%s", mediaDir, m.Ref, crop.Min.X, crop.Min.Y, size.X, size.Y, ext)}
}

// cardFormat is the format of img's social card: its renditions' format
// when that is JPEG or PNG.
func (r *resolvedImage) cardFormat() string {
	if r.Format == "png" {
		return "png"
	}
	return "jpeg"
}

// leadCard is the social card a page with lead image lead shows: only
// with a base URL, since OpenGraph wants an absolute address.
func leadCard(site siteView, lead *resolvedImage) *socialCard {
	if site.BaseURL == "" {
		return nil
	}
	return cardOf(lead)
}

// cardSource is the target the upright image must keep, while it is
// halved, for the card: the crop scaled to the card's size, the rest of
// the image with it.
func cardSource(card *socialCard, upright image.Point) image.Point {
	return image.Point{
		X: ceilDiv(upright.X*card.Size.X, card.Crop.Dx()),
		Y: ceilDiv(upright.Y*card.Size.Y, card.Crop.Dy()),
	}
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// cutCard crops the card from upright, the upright image at any size not
// smaller than cardSource (full is the upright image's full size, in
// which card.Crop is given), and scales it to the card's size.
func cutCard(upright *image.RGBA, full image.Point, card *socialCard) *image.RGBA {
	b := upright.Rect
	sx := float64(b.Dx()) / float64(full.X)
	sy := float64(b.Dy()) / float64(full.Y)
	r := image.Rect(
		b.Min.X+int(float64(card.Crop.Min.X)*sx+0.5), b.Min.Y+int(float64(card.Crop.Min.Y)*sy+0.5),
		b.Min.X+int(float64(card.Crop.Max.X)*sx+0.5), b.Min.Y+int(float64(card.Crop.Max.Y)*sy+0.5),
	).Intersect(b)
	out := image.NewRGBA(image.Rect(0, 0, card.Size.X, card.Size.Y))
	if r.Dx() == card.Size.X && r.Dy() == card.Size.Y {
		draw.Copy(out, image.Point{}, upright, r, draw.Src, nil)
		return out
	}
	scaleCatmullRom(out, upright, r)
	return out
}
