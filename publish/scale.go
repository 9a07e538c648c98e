package publish

import (
	"image"
	"math"

	"golang.org/x/image/draw"
)

// scaleBandRows is how many destination rows scaleCatmullRom makes at a
// time.
const scaleBandRows = 64

// scaleCatmullRom scales the part sr of src onto all of dst with the
// Catmull-Rom filter, making exactly the pixels
// draw.CatmullRom.Scale(dst, dst.Rect, src, sr, draw.Src, nil) makes (the
// same weights, sums in the same order and roundings), in bands of
// scaleBandRows rows. x/image's scaler first filters every source row
// into a buffer of float64 colours, dst's width by sr's height (77 MB to
// make a 1,600-pixel rendition of a halved camera photo); a band needs
// only the source rows its own rows take from, a few megabytes reused for
// every band.
func scaleCatmullRom(dst, src *image.RGBA, sr image.Rectangle) {
	dw, dh := int32(dst.Rect.Dx()), int32(dst.Rect.Dy())
	sw, sh := int32(sr.Dx()), int32(sr.Dy())
	if dw <= 0 || dh <= 0 || sw <= 0 || sh <= 0 {
		return
	}
	horizontal := newScaleDistrib(draw.CatmullRom, dw, sw)
	vertical := newScaleDistrib(draw.CatmullRom, dh, sh)
	var tmp [][4]float64
	for y0 := int32(0); y0 < dh; y0 += scaleBandRows {
		y1 := min(y0+scaleBandRows, dh)
		// The source rows (relative to sr) the band's rows take from.
		lo, hi := sh, int32(0)
		for _, s := range vertical.sources[y0:y1] {
			for _, c := range vertical.contribs[s.i:s.j] {
				lo, hi = min(lo, c.coord), max(hi, c.coord+1)
			}
		}
		if hi <= lo {
			lo, hi = 0, 0
		}
		n := int(hi-lo) * int(dw)
		if cap(tmp) < n {
			tmp = make([][4]float64, n)
		}
		tmp = tmp[:n]
		// As x/image's scaleX_RGBA, for rows lo to hi.
		t := 0
		for y := lo; y < hi; y++ {
			row := (sr.Min.Y + int(y) - src.Rect.Min.Y) * src.Stride
			for _, s := range horizontal.sources {
				var pr, pg, pb, pa float64
				for _, c := range horizontal.contribs[s.i:s.j] {
					pi := row + (sr.Min.X+int(c.coord)-src.Rect.Min.X)*4
					pru := uint32(src.Pix[pi+0]) * 0x101
					pgu := uint32(src.Pix[pi+1]) * 0x101
					pbu := uint32(src.Pix[pi+2]) * 0x101
					pau := uint32(src.Pix[pi+3]) * 0x101
					pr += float64(float64(pru) * c.weight)
					pg += float64(float64(pgu) * c.weight)
					pb += float64(float64(pbu) * c.weight)
					pa += float64(float64(pau) * c.weight)
				}
				tmp[t] = [4]float64{
					pr * s.invTotalWeightFFFF,
					pg * s.invTotalWeightFFFF,
					pb * s.invTotalWeightFFFF,
					pa * s.invTotalWeightFFFF,
				}
				t++
			}
		}
		// As x/image's scaleY_RGBA_Src, for the band's rows.
		for dx := int32(0); dx < dw; dx++ {
			d := int(y0)*dst.Stride + int(dx)*4
			for _, s := range vertical.sources[y0:y1] {
				var pr, pg, pb, pa float64
				for _, c := range vertical.contribs[s.i:s.j] {
					p := &tmp[(c.coord-lo)*dw+dx]
					pr += float64(p[0] * c.weight)
					pg += float64(p[1] * c.weight)
					pb += float64(p[2] * c.weight)
					pa += float64(p[3] * c.weight)
				}
				if pr > pa {
					pr = pa
				}
				if pg > pa {
					pg = pa
				}
				if pb > pa {
					pb = pa
				}
				dst.Pix[d+0] = uint8(scaleFtou(pr*s.invTotalWeight) >> 8)
				dst.Pix[d+1] = uint8(scaleFtou(pg*s.invTotalWeight) >> 8)
				dst.Pix[d+2] = uint8(scaleFtou(pb*s.invTotalWeight) >> 8)
				dst.Pix[d+3] = uint8(scaleFtou(pa*s.invTotalWeight) >> 8)
				d += dst.Stride
			}
		}
	}
}

// scaleSource and scaleContrib are x/image/draw's source and contrib: the
// contributions of one destination column (or row), and one source
// column's (or row's) weight.
type scaleSource struct {
	i, j               int32
	invTotalWeight     float64
	invTotalWeightFFFF float64
}

type scaleContrib struct {
	coord  int32
	weight float64
}

type scaleDistrib struct {
	sources  []scaleSource
	contribs []scaleContrib
}

// newScaleDistrib is x/image/draw's newDistrib: how sw source columns
// (or rows) are distributed over dw destination ones by kernel q.
func newScaleDistrib(q *draw.Kernel, dw, sw int32) scaleDistrib {
	scale := float64(sw) / float64(dw)
	halfWidth, kernelArgScale := q.Support, 1.0
	if scale > 1 {
		halfWidth *= scale
		kernelArgScale = 1 / scale
	}
	n, sources := int32(0), make([]scaleSource, dw)
	for x := range sources {
		center := float64((float64(x)+0.5)*scale) - 0.5
		i := int32(math.Floor(center - halfWidth))
		if i < 0 {
			i = 0
		}
		j := int32(math.Ceil(center + halfWidth))
		if j > sw {
			j = sw
			if j < i {
				j = i
			}
		}
		sources[x] = scaleSource{i: i, j: j, invTotalWeight: center}
		n += j - i
	}
	contribs := make([]scaleContrib, 0, n)
	for k, b := range sources {
		totalWeight := 0.0
		l := int32(len(contribs))
		for coord := b.i; coord < b.j; coord++ {
			t := (b.invTotalWeight - float64(coord)) * kernelArgScale
			if t < 0 {
				t = -t
			}
			if t >= q.Support {
				continue
			}
			weight := q.At(t)
			if weight == 0 {
				continue
			}
			totalWeight += weight
			contribs = append(contribs, scaleContrib{coord, weight})
		}
		totalWeight = 1 / totalWeight
		sources[k] = scaleSource{
			i:                  l,
			j:                  int32(len(contribs)),
			invTotalWeight:     totalWeight,
			invTotalWeightFFFF: totalWeight / 0xffff,
		}
	}
	return scaleDistrib{sources, contribs}
}

// scaleFtou is x/image/draw's ftou: [0, 1] to [0, 0xffff].
func scaleFtou(f float64) uint16 {
	i := int32(float64(0xffff*f) + 0.5)
	if i > 0xffff {
		return 0xffff
	}
	if i > 0 {
		return uint16(i)
	}
	return 0
}
