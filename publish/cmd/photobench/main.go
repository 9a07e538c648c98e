// Command photobench writes the corpus of publish/testdata/hugo-photo-compare.sh:
// N articles, each with its own camera-size photo (a generated JPEG,
// varied so it does not compress trivially), as Hugo page bundles
// (DIR/<slug>/index.md and photo.jpg) and as Markdown files for
// `newsroom import` (MD/<slug>.md, the same text).
//
//	go run ./publish/cmd/photobench -n 1000 -hugo /tmp/hugo/content/posts -md /tmp/md [-w 4000 -h 3000]
//
// The photos are made on one worker per CPU. It prints the number of
// photos and their total size.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"newsroom/internal/sampletext"
)

func main() {
	n := flag.Int("n", 1000, "number of articles, each with a photo")
	words := flag.Int("words", 300, "words per article")
	hugo := flag.String("hugo", "", "write Hugo page bundles into this directory")
	md := flag.String("md", "", "write Markdown files for newsroom import into this directory")
	w := flag.Int("w", 4000, "photo width")
	h := flag.Int("h", 3000, "photo height")
	flag.Parse()
	if *hugo == "" || *md == "" || *n <= 0 || *w <= 0 || *h <= 0 {
		fmt.Fprintln(os.Stderr, "photobench: -hugo and -md are required; -n, -w and -h must be positive")
		os.Exit(2)
	}
	if err := run(*n, *words, *w, *h, *hugo, *md); err != nil {
		fmt.Fprintln(os.Stderr, "photobench:", err)
		os.Exit(1)
	}
}

func run(n, words, w, h int, hugo, md string) error {
	if err := os.MkdirAll(md, 0o755); err != nil {
		return err
	}
	t0 := time.Date(2015, 5, 11, 9, 30, 0, 0, time.UTC)
	var next, total atomic.Int64
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				size, err := writeStory(i, words, w, h, t0.Add(time.Duration(i)*time.Minute), hugo, md)
				if err != nil {
					errs <- err
					return
				}
				total.Add(size)
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}
	fmt.Printf("%d photos of %d×%d, %.0f MB (%.1f MB each)\n", n, w, h, float64(total.Load())/1e6, float64(total.Load())/1e6/float64(n))
	return nil
}

// writeStory writes story i's bundle, Markdown file and photo, returning
// the photo's size.
func writeStory(i, words, w, h int, at time.Time, hugo, md string) (int64, error) {
	slug := fmt.Sprintf("photo-story-%05d", i)
	front := fmt.Sprintf("---\ntitle: %q\ndate: %s\ndescription: %q\nslug: %q\n---\n\n", fmt.Sprintf("Photo story number %d", i),
		at.Format(time.RFC3339), "The minister said talks in Sochi would cover Iran, Syria and Ukraine.", slug)
	text := front + sampletext.Body(words) + "\n"
	bundle := filepath.Join(hugo, slug)
	if err := os.MkdirAll(bundle, 0o755); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(bundle, "index.md"), []byte(text), 0o644); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(md, slug+".md"), []byte(text), 0o644); err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, photo(w, h, int64(i)), &jpeg.Options{Quality: 92}); err != nil {
		return 0, err
	}
	return int64(buf.Len()), os.WriteFile(filepath.Join(bundle, "photo.jpg"), buf.Bytes(), 0o644)
}

// photo draws a picture like a photograph's for the JPEG encoder: soft
// gradients, shapes of varied colour and sensor-like noise, all from seed.
func photo(w, h int, seed int64) *image.YCbCr {
	rng := rand.New(rand.NewSource(seed))
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	y0, cb0, cr0 := 40+rng.Intn(150), 90+rng.Intn(76), 90+rng.Intn(76)
	type disc struct{ x, y, r, lum, cb, cr int }
	var discs []disc
	for k := 0; k < 20; k++ {
		discs = append(discs, disc{rng.Intn(w), rng.Intn(h), 20 + rng.Intn(max(21, min(w, h)/5)), rng.Intn(256), 60 + rng.Intn(136), 60 + rng.Intn(136)})
	}
	noise := rand.New(rand.NewSource(seed ^ 0x5eed))
	lum := make([]int, w)
	for y := 0; y < h; y++ {
		for x := range lum {
			lum[x] = y0 + 60*x/w - 30*y/h
		}
		for k := len(discs) - 1; k >= 0; k-- {
			d := discs[k]
			if x0, x1, ok := span(d.x, d.y, d.r, y, w); ok {
				for x := x0; x < x1; x++ {
					lum[x] = d.lum + 20*(x-d.x)/d.r
				}
			}
		}
		row := img.Y[y*img.YStride:]
		var bits uint64
		for x := 0; x < w; x++ {
			if x%8 == 0 {
				bits = noise.Uint64()
			}
			n := int(bits&0xF) + int(bits>>4&0xF) - 15 // −15…15, peaked at 0
			bits >>= 8
			row[x] = uint8(max(0, min(255, lum[x]+n)))
		}
	}
	cw, ch := (w+1)/2, (h+1)/2
	for cy := 0; cy < ch; cy++ {
		cbRow, crRow := img.Cb[cy*img.CStride:], img.Cr[cy*img.CStride:]
		for cx := 0; cx < cw; cx++ {
			cbRow[cx], crRow[cx] = uint8(cb0+20*cx/cw), uint8(cr0-20*cy/ch)
		}
		for k := len(discs) - 1; k >= 0; k-- {
			d := discs[k]
			if x0, x1, ok := span(d.x/2, d.y/2, d.r/2, cy, cw); ok {
				for cx := x0; cx < x1; cx++ {
					cbRow[cx], crRow[cx] = uint8(d.cb), uint8(d.cr)
				}
			}
		}
	}
	return img
}

// span is the range of x a disc at (cx, cy) of radius r covers on row y,
// within [0, w).
func span(cx, cy, r, y, w int) (int, int, bool) {
	dy := y - cy
	if dy*dy >= r*r {
		return 0, 0, false
	}
	half := int(math.Sqrt(float64(r*r - dy*dy)))
	x0, x1 := max(0, cx-half), min(w, cx+half+1)
	return x0, x1, x0 < x1
}
