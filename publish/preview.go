package publish

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"newsroom/assets"
	"newsroom/domain"
)

// SiteCSS returns the site stylesheet that pages link as site.css.
func SiteCSS() []byte { return append([]byte(nil), assets.SiteCSS...) }

// Preview is what WritePreview needs besides the article.
type Preview struct {
	// Media is the media library; nil shows every image as missing.
	Media MediaSource
	// MakingImages, when set, is called (from WritePreview's goroutine)
	// before images are decoded and resized, with how many: for a
	// "Preparing images…" note, since that can take a second or more.
	MakingImages func(n int)
}

// WritePreview writes an article page for "Preview in browser" into dir
// (usually a temporary directory): dir/<slug>/index.html exactly as the
// export writes it, the stylesheet dir/site.css it links and the image
// renditions it shows, dir/media/<REF>-<width>.<ext> as the export names
// them, so its relative image URLs resolve. Renditions already in dir are
// kept: their names say their content and size, so a second preview of
// an unchanged article writes no image. It returns the page's path.
func WritePreview(ctx context.Context, dir string, a *domain.Article, comments []domain.Comment, opt Options, pv Preview) (string, error) {
	if a == nil {
		return "", fmt.Errorf("preview: no article")
	}
	if err := domain.ValidateSlug(a.Slug); err != nil {
		return "", fmt.Errorf("preview %q: %w", a.Slug, err)
	}
	images := newImageCache(pv.Media)
	body, err := renderBodyImages(ctx, a, images, "../")
	if err != nil {
		return "", fmt.Errorf("preview %q: %w", a.Slug, err)
	}
	page, err := renderArticlePage(a, body.html, body.lead, comments, opt)
	if err != nil {
		return "", fmt.Errorf("preview %q: %w", a.Slug, err)
	}
	if err := writePreviewImages(ctx, dir, images, body.used, pv.MakingImages); err != nil {
		return "", fmt.Errorf("preview %q: %w", a.Slug, err)
	}
	if err := os.MkdirAll(filepath.Join(dir, a.Slug), 0o755); err != nil {
		return "", fmt.Errorf("preview %q: %w", a.Slug, err)
	}
	if err := writeFileAtomic(filepath.Join(dir, "site.css"), assets.SiteCSS); err != nil {
		return "", fmt.Errorf("preview %q: %w", a.Slug, err)
	}
	path := filepath.Join(dir, a.Slug, "index.html")
	if err := writeFileAtomic(path, page); err != nil {
		return "", fmt.Errorf("preview %q: %w", a.Slug, err)
	}
	return path, nil
}

// writePreviewImages makes, in dir, the renditions of the images a page
// uses (as the manifest records them: "REF FORMAT") that dir lacks.
func writePreviewImages(ctx context.Context, dir string, images *imageCache, used []string, making func(int)) error {
	var todo []*resolvedImage
	for _, u := range used {
		e := parseUsed(u)
		if e.Format == "" {
			continue // missing from the library
		}
		img, err := images.resolve(ctx, e.Ref, e)
		if err != nil {
			return err
		}
		if img == nil {
			continue
		}
		for _, r := range img.Renditions {
			if !regularFile(filepath.Join(dir, filepath.FromSlash(r.Rel))) {
				todo = append(todo, img)
				break
			}
		}
	}
	if len(todo) == 0 {
		return nil
	}
	if making != nil {
		making(len(todo))
	}
	if err := os.MkdirAll(filepath.Join(dir, mediaDir), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", mediaDir, err)
	}
	for _, img := range todo {
		if err := ctx.Err(); err != nil {
			return err
		}
		encoded, err := encodeRenditions(ctx, images.src, img)
		if err != nil {
			return err
		}
		for i, r := range img.Renditions {
			path := filepath.Join(dir, filepath.FromSlash(r.Rel))
			if regularFile(path) {
				continue
			}
			if err := writeFileAtomic(path, encoded[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// regularFile reports whether path is a regular file that is not empty.
func regularFile(path string) bool {
	fi, err := os.Lstat(path)
	if err != nil {
		return false
	}
	return fi.Mode().IsRegular() && fi.Size() > 0
}
