package publish

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/gif"

	"golang.org/x/image/draw"
)

// maxAnimatedPixels bounds the animated GIFs whose renditions keep the
// animation: frames × width × height of the canvas. Decoding holds every
// frame (a byte a pixel), and each frame is composed, scaled and mapped
// to its palette for every size, so memory and time grow with it. A GIF
// beyond it is published as its first frame, like a still. 40 million is
// e.g. 200 frames of 500 × 400, about 80 MB while its renditions are made.
var maxAnimatedPixels int64 = 40_000_000

// gifShape is what the block structure of a GIF file says, read without
// decoding any pixel.
type gifShape struct {
	Width, Height int
	Frames        int
}

// scanGIF walks a GIF file's blocks (header, colour tables, extensions,
// image descriptors and their data sub-blocks) and counts its frames;
// ok is false for a file that is not a well-formed GIF.
func scanGIF(data []byte) (shape gifShape, ok bool) {
	if len(data) < 13 || (string(data[:6]) != "GIF87a" && string(data[:6]) != "GIF89a") {
		return shape, false
	}
	shape.Width = int(binary.LittleEndian.Uint16(data[6:8]))
	shape.Height = int(binary.LittleEndian.Uint16(data[8:10]))
	i := 13
	if flags := data[10]; flags&0x80 != 0 {
		i += 3 << ((flags & 7) + 1)
	}
	// skipSubBlocks moves i past a run of data sub-blocks.
	skipSubBlocks := func() bool {
		for i < len(data) {
			n := int(data[i])
			i += 1 + n
			if n == 0 {
				return true
			}
		}
		return false
	}
	for i < len(data) {
		switch data[i] {
		case 0x21: // extension: label, then sub-blocks
			i += 2
			if !skipSubBlocks() {
				return shape, false
			}
		case 0x2C: // image descriptor, local colour table, LZW code size, data
			if i+10 > len(data) {
				return shape, false
			}
			flags := data[i+9]
			i += 10
			if flags&0x80 != 0 {
				i += 3 << ((flags & 7) + 1)
			}
			i++ // LZW minimum code size
			if !skipSubBlocks() {
				return shape, false
			}
			shape.Frames++
		case 0x3B: // trailer
			return shape, shape.Frames > 0
		default:
			return shape, false
		}
	}
	// Many files lack the trailer; browsers show them all the same.
	return shape, shape.Frames > 0
}

// animatedGIF reports whether data is a GIF of several frames whose
// renditions keep the animation (within maxAnimatedPixels).
func animatedGIF(data []byte) bool {
	s, ok := scanGIF(data)
	return ok && s.Frames > 1 && s.Width > 0 && s.Height > 0 &&
		int64(s.Frames)*int64(s.Width)*int64(s.Height) <= maxAnimatedPixels
}

// makeGIFRenditions makes the animated renditions of a GIF at each size
// of sizes (largest last): every frame is composed on the canvas as the
// file says (offsets, transparency, disposal), scaled as still images are
// (halved, then Catmull-Rom, each smaller size from the next larger) and
// mapped back to the frame's palette; delays and the loop count are kept.
// Each written frame is the whole canvas.
func makeGIFRenditions(data []byte, sizes []image.Point) ([][]byte, error) {
	if !animatedGIF(data) {
		return nil, fmt.Errorf("decode gif image: not an animated GIF within %d frame pixels", maxAnimatedPixels)
	}
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode gif image: %w", err)
	}
	w, h := g.Config.Width, g.Config.Height
	if w <= 0 || h <= 0 {
		b := g.Image[0].Bounds()
		w, h = b.Max.X, b.Max.Y
	}
	canvas := image.NewRGBA(image.Rect(0, 0, w, h))
	outs := make([]*gif.GIF, len(sizes))
	for j, s := range sizes {
		outs[j] = &gif.GIF{LoopCount: g.LoopCount, Config: image.Config{Width: s.X, Height: s.Y}}
	}
	var saved *image.RGBA
	palettes := mappers{}
	for i, frame := range g.Image {
		disposal := byte(gif.DisposalNone)
		if i < len(g.Disposal) {
			disposal = g.Disposal[i]
		}
		delay := 0
		if i < len(g.Delay) {
			delay = g.Delay[i]
		}
		if disposal == gif.DisposalPrevious {
			saved = cloneRGBA(canvas)
		}
		fb := frame.Bounds().Intersect(canvas.Rect)
		draw.Draw(canvas, fb, frame, fb.Min, draw.Over)
		img := halveTo(canvas, sizes[len(sizes)-1])
		mapper := palettes.of(frame.Palette)
		for j := len(sizes) - 1; j >= 0; j-- {
			img = scaleTo(img, sizes[j])
			p, transparent := mapper.toPalette(img)
			o := outs[j]
			o.Image = append(o.Image, p)
			o.Delay = append(o.Delay, delay)
			// A frame with transparent pixels must not show the one
			// before through them: the browser clears it first.
			d := byte(gif.DisposalNone)
			if transparent {
				d = gif.DisposalBackground
			}
			if n := len(o.Disposal); n > 0 && transparent {
				o.Disposal[n-1] = gif.DisposalBackground
			}
			o.Disposal = append(o.Disposal, d)
		}
		switch disposal {
		case gif.DisposalBackground:
			draw.Draw(canvas, fb, image.Transparent, image.Point{}, draw.Src)
		case gif.DisposalPrevious:
			if saved != nil {
				canvas = saved
			}
		}
	}
	encoded := make([][]byte, len(sizes))
	for j, o := range outs {
		var buf bytes.Buffer
		if err := gif.EncodeAll(&buf, o); err != nil {
			return nil, fmt.Errorf("encode gif: %w", err)
		}
		encoded[j] = buf.Bytes()
	}
	return encoded, nil
}

func cloneRGBA(img *image.RGBA) *image.RGBA {
	out := image.NewRGBA(img.Rect)
	copy(out.Pix, img.Pix)
	return out
}

// paletteMapper maps colours to one palette (a frame's colours): pixels
// less than half opaque to its transparent colour (added when it has
// none), the others to the nearest opaque colour, looked up once per
// 15-bit colour for all the frames that share the palette.
type paletteMapper struct {
	pal      color.Palette
	clearIdx int // -1: none yet
	nearest  [1 << 15]int16
}

func newPaletteMapper(pal color.Palette) *paletteMapper {
	m := &paletteMapper{pal: append(color.Palette(nil), pal...), clearIdx: -1}
	for i, c := range m.pal {
		if _, _, _, a := c.RGBA(); a == 0 {
			m.clearIdx = i
			break
		}
	}
	for i := range m.nearest {
		m.nearest[i] = -1
	}
	return m
}

// mappers keeps a paletteMapper per palette, by its first colour's
// address: frames without a colour table of their own share the file's.
type mappers map[*color.Color]*paletteMapper

func (ms mappers) of(pal color.Palette) *paletteMapper {
	if len(pal) == 0 {
		return newPaletteMapper(color.Palette{color.Black})
	}
	m := ms[&pal[0]]
	if m == nil {
		m = newPaletteMapper(pal)
		ms[&pal[0]] = m
	}
	return m
}

// toPalette maps img to m's palette and reports whether any pixel is
// transparent.
func (m *paletteMapper) toPalette(img *image.RGBA) (*image.Paletted, bool) {
	b := img.Rect
	out := image.NewPaletted(image.Rect(0, 0, b.Dx(), b.Dy()), m.pal)
	transparent := false
	for y := 0; y < b.Dy(); y++ {
		row := img.Pix[y*img.Stride:]
		dst := out.Pix[y*out.Stride:]
		for x := 0; x < b.Dx(); x++ {
			p := row[4*x : 4*x+4 : 4*x+4]
			a := uint32(p[3])
			if a < 128 {
				if m.clearIdx < 0 {
					m.addTransparent()
					out.Palette = m.pal
				}
				dst[x] = uint8(m.clearIdx)
				transparent = true
				continue
			}
			// Premultiplied: undo it for the colour.
			r, g, bl := uint32(p[0])*255/a, uint32(p[1])*255/a, uint32(p[2])*255/a
			key := (r>>3)<<10 | (g>>3)<<5 | bl>>3
			idx := m.nearest[key]
			if idx < 0 {
				idx = int16(nearestOpaque(m.pal, m.clearIdx, r, g, bl))
				m.nearest[key] = idx
			}
			dst[x] = uint8(idx)
		}
	}
	return out, transparent
}

// addTransparent gives the palette a transparent colour (replacing the
// last one when it is full).
func (m *paletteMapper) addTransparent() {
	if len(m.pal) < 256 {
		m.pal = append(m.pal, color.RGBA{})
		m.clearIdx = len(m.pal) - 1
		return
	}
	m.pal[255] = color.RGBA{}
	m.clearIdx = 255
	for i := range m.nearest {
		if m.nearest[i] == 255 {
			m.nearest[i] = -1 // that colour was replaced
		}
	}
}

// nearestOpaque is the index of pal's colour nearest to r, g, b (0–255),
// skipping index skip (the transparent one).
func nearestOpaque(pal color.Palette, skip int, r, g, b uint32) int {
	best, bestDist := 0, uint32(1<<32-1)
	for i, c := range pal {
		if i == skip {
			continue
		}
		cr, cg, cb, _ := c.RGBA()
		dr, dg, db := int32(cr>>8)-int32(r), int32(cg>>8)-int32(g), int32(cb>>8)-int32(b)
		if d := uint32(dr*dr + dg*dg + db*db); d < bestDist {
			best, bestDist = i, d
		}
	}
	return best
}

// GIFInfo is what a GIF file's block structure says of its frames.
type GIFInfo struct {
	// Frames is the frame count, Width × Height the canvas.
	Frames, Width, Height int
	// Animates tells whether the export keeps the animation: false for a
	// still and for an animation over the frame-pixel bound, which is
	// published as its first frame.
	Animates bool
}

// FramePixels is frames × width × height, what the bound applies to.
func (g GIFInfo) FramePixels() int64 { return int64(g.Frames) * int64(g.Width) * int64(g.Height) }

// ReadGIFInfo reads a GIF file's frame count and canvas without decoding
// any pixel; ok is false for a file that is not a well-formed GIF.
func ReadGIFInfo(data []byte) (info GIFInfo, ok bool) {
	s, ok := scanGIF(data)
	if !ok {
		return GIFInfo{}, false
	}
	return GIFInfo{Frames: s.Frames, Width: s.Width, Height: s.Height, Animates: animatedGIF(data)}, true
}

// AnimatedPixelBound is the frame-pixel bound (frames × width × height)
// up to which the export keeps a GIF's animation.
func AnimatedPixelBound() int64 { return maxAnimatedPixels }
