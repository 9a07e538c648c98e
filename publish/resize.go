package publish

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
	"golang.org/x/image/webp"

	"newsroom/photo"
)

// jpegQuality is the quality of the JPEG renditions.
const jpegQuality = 82

// maxDecodePixels bounds the images the export decodes (the media
// library refuses bigger ones when they are added).
const maxDecodePixels = 120_000_000

// encoderVersion names how renditions are made (decoder, orientation,
// filter, encoder settings): changing it makes the next export make every
// rendition again.
const encoderVersion = "newsroom-renditions/1 catmullrom q82"

// makeRenditions decodes an image file of the given format ("jpeg",
// "png", "gif" or "webp"), turns it upright as its EXIF orientation says,
// and encodes it at each size of sizes (largest last, none larger than
// the upright image) in out ("jpeg" or "png"). The image is decoded once:
// the largest size is made from it (halved with a box filter first while
// it is at least twice as large, then Catmull-Rom), each smaller one from
// the next larger.
func makeRenditions(data []byte, format string, sizes []image.Point, out string) ([][]byte, error) {
	encoded, _, err := makeImageFiles(data, format, sizes, out, nil)
	return encoded, err
}

// makeImageFiles is makeRenditions that also cuts the social card when
// card is set, from the same decoded image (halved no further than the
// card needs). sizes may be empty when only the card is wanted.
func makeImageFiles(data []byte, format string, sizes []image.Point, out string, card *socialCard) ([][]byte, []byte, error) {
	if len(sizes) == 0 && card == nil {
		return nil, nil, nil
	}
	var animated [][]byte
	if out == "gif" && len(sizes) > 0 {
		// The animation is kept; the social card is cut from the first
		// frame as from a still.
		var err error
		if animated, err = makeGIFRenditions(data, sizes); err != nil || card == nil {
			return animated, nil, err
		}
		sizes = nil
	}
	src, err := decodeImage(data, format)
	if err != nil {
		return nil, nil, err
	}
	// The orientation photo.Describe read when the file was added (and
	// gave the record its upright size).
	orient := photo.Metadata(format, data).Orientation
	// stored turns an upright size into the file's own frame.
	stored := func(p image.Point) image.Point {
		if orient >= 5 {
			return image.Point{p.Y, p.X}
		}
		return p
	}
	full := stored(src.Bounds().Size())
	var upright *image.RGBA
	if len(sizes) > 0 {
		upright = orientImage(halveTo(src, stored(sizes[len(sizes)-1])), orient)
	}
	var cardFile []byte
	if card != nil {
		need := cardSource(card, full)
		base := upright
		if base == nil || base.Rect.Dx() < need.X || base.Rect.Dy() < need.Y {
			base = orientImage(halveTo(src, stored(need)), orient)
		}
		// Social networks show a card on backgrounds of their own, and
		// many a transparent one as black: it is flattened in any format.
		if cardFile, err = encodeImage(flatten(cutCard(base, full, card)), card.Format); err != nil {
			return nil, nil, err
		}
	}
	encoded := make([][]byte, len(sizes))
	img := upright
	for i := len(sizes) - 1; i >= 0; i-- {
		img = scaleTo(img, sizes[i])
		if encoded[i], err = encodeImage(img, out); err != nil {
			return nil, nil, err
		}
	}
	if animated != nil {
		return animated, cardFile, nil
	}
	return encoded, cardFile, nil
}

// decodeImage decodes data as format, refusing images over
// maxDecodePixels before decoding their pixels.
func decodeImage(data []byte, format string) (image.Image, error) {
	var decode func(*bytes.Reader) (image.Image, error)
	var config func(*bytes.Reader) (image.Config, error)
	switch format {
	case "jpeg":
		decode = func(r *bytes.Reader) (image.Image, error) { return jpeg.Decode(r) }
		config = func(r *bytes.Reader) (image.Config, error) { return jpeg.DecodeConfig(r) }
	case "png":
		decode = func(r *bytes.Reader) (image.Image, error) { return png.Decode(r) }
		config = func(r *bytes.Reader) (image.Config, error) { return png.DecodeConfig(r) }
	case "gif":
		decode = func(r *bytes.Reader) (image.Image, error) { return gif.Decode(r) }
		config = func(r *bytes.Reader) (image.Config, error) { return gif.DecodeConfig(r) }
	case "webp":
		decode = func(r *bytes.Reader) (image.Image, error) { return webp.Decode(r) }
		config = func(r *bytes.Reader) (image.Config, error) { return webp.DecodeConfig(r) }
	default:
		return nil, fmt.Errorf("decode image: unknown format %q", format)
	}
	cfg, err := config(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode %s image: %w", format, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxDecodePixels {
		return nil, fmt.Errorf("decode %s image: %d×%d pixels is beyond the limit", format, cfg.Width, cfg.Height)
	}
	img, err := decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode %s image: %w", format, err)
	}
	return img, nil
}

// halveTo returns src as RGBA, halved with a 2×2 box filter as long as
// the result stays at least as large as target in both directions. A
// box halving is exact and cheap; the filter that follows then works on
// at most twice the final size.
func halveTo(src image.Image, target image.Point) *image.RGBA {
	b := src.Bounds()
	if ycc, ok := src.(*image.YCbCr); ok && b.Dx() >= 2*target.X && b.Dy() >= 2*target.Y {
		img := halveYCbCr(ycc)
		for img.Rect.Dx() >= 2*target.X && img.Rect.Dy() >= 2*target.Y {
			img = halveRGBA(img)
		}
		return img
	}
	img := toRGBA(src)
	for img.Rect.Dx() >= 2*target.X && img.Rect.Dy() >= 2*target.Y {
		img = halveRGBA(img)
	}
	return img
}

// toRGBA converts img to an RGBA image at the origin.
func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok && r.Rect.Min == (image.Point{}) {
		return r
	}
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Rect, img, b.Min, draw.Src)
	return out
}

// halveYCbCr makes the RGBA image of half src's size, each pixel the
// average of a 2×2 block (luma and chroma averaged, then converted).
func halveYCbCr(src *image.YCbCr) *image.RGBA {
	b := src.Rect
	w, h := b.Dx()/2, b.Dy()/2
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		sy := b.Min.Y + 2*y
		row := out.Pix[y*out.Stride:]
		y0 := src.Y[(sy-b.Min.Y)*src.YStride:]
		y1 := src.Y[(sy+1-b.Min.Y)*src.YStride:]
		for x := 0; x < w; x++ {
			sx := b.Min.X + 2*x
			i := 2 * x
			lum := (uint32(y0[i]) + uint32(y0[i+1]) + uint32(y1[i]) + uint32(y1[i+1]) + 2) >> 2
			c00, c01 := src.COffset(sx, sy), src.COffset(sx+1, sy)
			c10, c11 := src.COffset(sx, sy+1), src.COffset(sx+1, sy+1)
			cb := (uint32(src.Cb[c00]) + uint32(src.Cb[c01]) + uint32(src.Cb[c10]) + uint32(src.Cb[c11]) + 2) >> 2
			cr := (uint32(src.Cr[c00]) + uint32(src.Cr[c01]) + uint32(src.Cr[c10]) + uint32(src.Cr[c11]) + 2) >> 2
			r, g, bl := color.YCbCrToRGB(uint8(lum), uint8(cb), uint8(cr))
			p := row[4*x : 4*x+4 : 4*x+4]
			p[0], p[1], p[2], p[3] = r, g, bl, 0xFF
		}
	}
	return out
}

// halveRGBA makes the image of half src's size, each pixel the average of
// a 2×2 block.
func halveRGBA(src *image.RGBA) *image.RGBA {
	w, h := src.Rect.Dx()/2, src.Rect.Dy()/2
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		r0 := src.Pix[(2*y)*src.Stride:]
		r1 := src.Pix[(2*y+1)*src.Stride:]
		row := out.Pix[y*out.Stride:]
		for x := 0; x < w; x++ {
			a, b := r0[8*x:8*x+8:8*x+8], r1[8*x:8*x+8:8*x+8]
			p := row[4*x : 4*x+4 : 4*x+4]
			p[0] = uint8((uint32(a[0]) + uint32(a[4]) + uint32(b[0]) + uint32(b[4]) + 2) >> 2)
			p[1] = uint8((uint32(a[1]) + uint32(a[5]) + uint32(b[1]) + uint32(b[5]) + 2) >> 2)
			p[2] = uint8((uint32(a[2]) + uint32(a[6]) + uint32(b[2]) + uint32(b[6]) + 2) >> 2)
			p[3] = uint8((uint32(a[3]) + uint32(a[7]) + uint32(b[3]) + uint32(b[7]) + 2) >> 2)
		}
	}
	return out
}

// scaleTo resizes img to size with the Catmull-Rom filter (scaleCatmullRom), or a box
// filter when size is exactly half of img's; img is returned as it is
// when it already has that size.
func scaleTo(img *image.RGBA, size image.Point) *image.RGBA {
	if img.Rect.Dx() == size.X && img.Rect.Dy() == size.Y {
		return img
	}
	if img.Rect.Dx() == 2*size.X && img.Rect.Dy() == 2*size.Y {
		return halveRGBA(img)
	}
	out := image.NewRGBA(image.Rect(0, 0, size.X, size.Y))
	scaleCatmullRom(out, img, img.Rect)
	return out
}

// orientImage turns img upright from EXIF orientation o (2–8 flip or
// rotate; 1 and anything else leave it).
func orientImage(img *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return img
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	ow, oh := w, h
	if o >= 5 {
		ow, oh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, ow, oh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-x, y
			case 3: // rotated 180°
				dx, dy = w-1-x, h-1-y
			case 4: // mirrored vertically
				dx, dy = x, h-1-y
			case 5: // transposed
				dx, dy = y, x
			case 6: // rotated 90° clockwise to view
				dx, dy = h-1-y, x
			case 7: // transversed
				dx, dy = h-1-y, w-1-x
			case 8: // rotated 90° counter-clockwise to view
				dx, dy = y, w-1-x
			}
			copy(out.Pix[dy*out.Stride+4*dx:dy*out.Stride+4*dx+4], img.Pix[y*img.Stride+4*x:y*img.Stride+4*x+4])
		}
	}
	return out
}

// flattenBackground is the colour transparent pixels are composed over
// where they cannot stay transparent: in JPEG renditions (a WebP with
// alpha) and in social cards. White: the site's stylesheet has a light and
// a dark page background, not one, and a card is shown off the site.
var flattenBackground = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}

// flatten returns img composed over flattenBackground, img itself when it
// is opaque.
func flatten(img image.Image) image.Image {
	if o, ok := img.(interface{ Opaque() bool }); ok && o.Opaque() {
		return img
	}
	b := img.Bounds()
	out := image.NewRGBA(b)
	draw.Draw(out, b, image.NewUniform(flattenBackground), image.Point{}, draw.Src)
	draw.Draw(out, b, img, b.Min, draw.Over)
	return out
}

// encodeImage encodes img as format ("jpeg" or "png"); a JPEG, which has
// no transparency, is flattened first (else its transparent pixels would
// be black).
func encodeImage(img image.Image, format string) ([]byte, error) {
	var buf bytes.Buffer
	switch format {
	case "jpeg":
		img = flatten(img)
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality}); err != nil {
			return nil, fmt.Errorf("encode jpeg: %w", err)
		}
	case "png":
		if err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img); err != nil {
			return nil, fmt.Errorf("encode png: %w", err)
		}
	default:
		return nil, errors.New("encode image: unknown format " + format)
	}
	return buf.Bytes(), nil
}

// renditionFormat is the format renditions of a file of format are
// written in: GIF for animated GIFs (within maxAnimatedPixels), PNG for
// PNG and still GIF files with transparency, else JPEG.
func renditionFormat(format string, data []byte) string {
	switch format {
	case "png":
		if pngHasAlpha(data) {
			return "png"
		}
	case "gif":
		if animatedGIF(data) {
			return "gif"
		}
		if gifHasAlpha(data) {
			return "png"
		}
	}
	return "jpeg"
}

// pngHasAlpha reports whether a PNG file has an alpha channel (colour
// types 4 and 6) or a transparency chunk (tRNS) before its image data.
func pngHasAlpha(data []byte) bool {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(data) < 33 || string(data[:8]) != sig {
		return false
	}
	if ct := data[25]; ct == 4 || ct == 6 {
		return true
	}
	for i := 8; i+8 <= len(data); {
		n := int(uint32(data[i])<<24 | uint32(data[i+1])<<16 | uint32(data[i+2])<<8 | uint32(data[i+3]))
		switch string(data[i+4 : i+8]) {
		case "tRNS":
			return true
		case "IDAT", "IEND":
			return false
		}
		if n < 0 || i+12+n > len(data) {
			return false
		}
		i += 12 + n
	}
	return false
}

// gifHasAlpha reports whether a GIF's first frame has a transparent
// colour.
func gifHasAlpha(data []byte) bool {
	img, err := gif.Decode(bytes.NewReader(data))
	if err != nil {
		return false
	}
	p, ok := img.(*image.Paletted)
	if !ok {
		return false
	}
	for _, c := range p.Palette {
		if _, _, _, a := c.RGBA(); a != 0xFFFF {
			return true
		}
	}
	return false
}

// PreviewImage decodes an image file of the given format, turns it
// upright and scales it to at most width pixels wide (never up), as the
// export's renditions are made: for showing a library image in the window.
func PreviewImage(data []byte, format string, width int) (image.Image, error) {
	src, err := decodeImage(data, format)
	if err != nil {
		return nil, err
	}
	orient := photo.Metadata(format, data).Orientation
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if orient >= 5 {
		w, h = h, w
	}
	size := image.Point{w, h}
	if width > 0 && w > width {
		size = image.Point{width, max(1, (h*width+w/2)/w)}
	}
	stored := size
	if orient >= 5 {
		stored = image.Point{size.Y, size.X}
	}
	return scaleTo(orientImage(halveTo(src, stored), orient), size), nil
}
