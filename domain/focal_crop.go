package domain

import (
	"image"
	"math"
)

// SocialCardWidth and SocialCardHeight are the size of the social card
// (OpenGraph, Twitter's large summary): 1200 × 630, about 1.91:1.
const (
	SocialCardWidth  = 1200
	SocialCardHeight = 630
)

// FocalCrop returns the largest rectangle of aspect ratio aw:ah inside an
// image of w × h pixels, placed so that its centre is as near the focal
// point (fx, fy: fractions of the width and height, 0..1) as the image
// allows. Values outside 0..1 (or NaN) count as the nearest edge (the
// centre). It returns the empty rectangle for an empty image or ratio.
func FocalCrop(w, h int, fx, fy float64, aw, ah int) image.Rectangle {
	if w <= 0 || h <= 0 || aw <= 0 || ah <= 0 {
		return image.Rectangle{}
	}
	cw, ch := w, h
	if int64(w)*int64(ah) > int64(h)*int64(aw) {
		// Wider than the ratio: the full height, part of the width.
		cw = int(min(int64(w), max(1, (int64(h)*int64(aw)+int64(ah)/2)/int64(ah))))
	} else {
		ch = int(min(int64(h), max(1, (int64(w)*int64(ah)+int64(aw)/2)/int64(aw))))
	}
	x := placeCrop(w, cw, fx)
	y := placeCrop(h, ch, fy)
	return image.Rect(x, y, x+cw, y+ch)
}

// placeCrop is the offset of a span of length n inside one of length
// total, centred as near the fraction f of total as it fits.
func placeCrop(total, n int, f float64) int {
	if math.IsNaN(f) {
		f = 0.5
	}
	f = min(1, max(0, f))
	at := int(math.Round(f*float64(total) - float64(n)/2))
	return min(total-n, max(0, at))
}

// SocialCardSize is the size the social card of a crop of w × h pixels is
// written at: 1200 × 630, or the crop's own size when it is smaller
// (never upscaled).
func SocialCardSize(crop image.Rectangle) image.Point {
	if crop.Dx() >= SocialCardWidth && crop.Dy() >= SocialCardHeight {
		return image.Point{SocialCardWidth, SocialCardHeight}
	}
	return crop.Size()
}
