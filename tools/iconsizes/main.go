// Command iconsizes writes the application icon in the sizes of the
// freedesktop hicolor icon theme, for `make install` and `make package`:
//
//	iconsizes -src assets/icon.png -out DIR -name newsroom
//
// writes DIR/16x16/apps/newsroom.png … DIR/512x512/apps/newsroom.png.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

// Sizes are the hicolor sizes written, in pixels.
var Sizes = []int{16, 22, 24, 32, 48, 64, 128, 256, 512}

func main() {
	src := flag.String("src", "assets/icon.png", "the icon, a square PNG")
	out := flag.String("out", "", "the hicolor folder to write into")
	name := flag.String("name", "newsroom", "the icon's name (the desktop entry's Icon=)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: iconsizes -src PNG -out DIR [-name NAME]")
		os.Exit(2)
	}
	if err := writeSizes(*src, *out, *name); err != nil {
		fmt.Fprintf(os.Stderr, "iconsizes: %v\n", err)
		os.Exit(1)
	}
}

// writeSizes scales src to every hicolor size below out.
func writeSizes(src, out, name string) error {
	f, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("open icon: %w", err)
	}
	defer f.Close()
	icon, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("read icon %s: %w", src, err)
	}
	if b := icon.Bounds(); b.Dx() != b.Dy() {
		return fmt.Errorf("icon %s is %dx%d, not square", src, b.Dx(), b.Dy())
	}
	for _, size := range Sizes {
		path := filepath.Join(out, fmt.Sprintf("%dx%d", size, size), "apps", name+".png")
		if err := writePNG(path, scale(icon, size)); err != nil {
			return err
		}
	}
	return nil
}

// scale resizes img to size×size with Catmull-Rom, in premultiplied
// colour so transparent edges stay clean.
func scale(img image.Image, size int) image.Image {
	dst := image.NewRGBA(image.Rect(0, 0, size, size))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

// writePNG writes img to path, creating its folder.
func writePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create icon folder: %w", err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create icon: %w", err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("write icon %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write icon %s: %w", path, err)
	}
	return nil
}
