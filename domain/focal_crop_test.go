package domain

import (
	"image"
	"math"
	"testing"
)

func TestFocalCrop(t *testing.T) {
	for _, c := range []struct {
		name   string
		w, h   int
		fx, fy float64
		want   image.Rectangle
	}{
		{"camera photo, centre", 4000, 3000, 0.5, 0.5, image.Rect(0, 450, 4000, 2550)},
		{"camera photo, focal at the top left", 4000, 3000, 0, 0, image.Rect(0, 0, 4000, 2100)},
		{"camera photo, focal at the bottom right", 4000, 3000, 1, 1, image.Rect(0, 900, 4000, 3000)},
		{"camera photo, focal near the top", 4000, 3000, 0.9, 0.2, image.Rect(0, 0, 4000, 2100)},
		{"camera photo, focal below the middle", 4000, 3000, 0.5, 0.6, image.Rect(0, 750, 4000, 2850)},
		{"portrait", 600, 900, 0.5, 0.3, image.Rect(0, 113, 600, 428)},
		{"panorama wider than 1.91:1, centre", 6000, 1000, 0.5, 0.5, image.Rect(2048, 0, 3953, 1000)},
		{"panorama, focal at the left edge", 6000, 1000, 0, 0.5, image.Rect(0, 0, 1905, 1000)},
		{"panorama, focal at the right edge", 6000, 1000, 1, 0.5, image.Rect(4095, 0, 6000, 1000)},
		{"panorama, focal at 70%", 6000, 1000, 0.7, 1, image.Rect(3248, 0, 5153, 1000)},
		{"exactly 1200 × 630", 1200, 630, 0, 1, image.Rect(0, 0, 1200, 630)},
		{"tiny", 3, 2, 0.5, 0.5, image.Rect(0, 0, 3, 2)},
		{"one pixel", 1, 1, 1, 1, image.Rect(0, 0, 1, 1)},
		{"one pixel tall strip", 1, 50, 0.5, 0.5, image.Rect(0, 25, 1, 26)},
		{"out of range focal counts as the edge", 4000, 3000, -3, 7, image.Rect(0, 900, 4000, 3000)},
		{"NaN focal counts as the centre", 4000, 3000, math.NaN(), math.NaN(), image.Rect(0, 450, 4000, 2550)},
		{"empty image", 0, 10, 0.5, 0.5, image.Rectangle{}},
	} {
		got := FocalCrop(c.w, c.h, c.fx, c.fy, SocialCardWidth, SocialCardHeight)
		if got != c.want {
			t.Errorf("%s: FocalCrop(%d, %d, %g, %g) = %v, want %v", c.name, c.w, c.h, c.fx, c.fy, got, c.want)
		}
		if !got.Empty() && !got.In(image.Rect(0, 0, c.w, c.h)) {
			t.Errorf("%s: crop %v leaves the image", c.name, got)
		}
	}
}

func TestSocialCardSize(t *testing.T) {
	for _, c := range []struct {
		crop image.Rectangle
		want image.Point
	}{
		{image.Rect(0, 450, 4000, 2550), image.Point{1200, 630}},
		{image.Rect(0, 0, 1200, 630), image.Point{1200, 630}},
		{image.Rect(0, 113, 600, 428), image.Point{600, 315}}, // never upscaled
		{image.Rect(0, 0, 1, 1), image.Point{1, 1}},
	} {
		if got := SocialCardSize(c.crop); got != c.want {
			t.Errorf("SocialCardSize(%v) = %v, want %v", c.crop, got, c.want)
		}
	}
}
