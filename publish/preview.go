package publish

import (
	"fmt"
	"os"
	"path/filepath"

	"newsroom/assets"
	"newsroom/domain"
)

// SiteCSS returns the site stylesheet that pages link as site.css.
func SiteCSS() []byte { return append([]byte(nil), assets.SiteCSS...) }

// WritePreview writes an article page for "Preview in browser" into dir
// (usually a temporary directory): dir/<slug>/index.html and the
// stylesheet dir/site.css it links. It returns the page's path.
func WritePreview(dir string, a *domain.Article, comments []domain.Comment, opt Options) (string, error) {
	if a == nil {
		return "", fmt.Errorf("preview: no article")
	}
	if err := domain.ValidateSlug(a.Slug); err != nil {
		return "", fmt.Errorf("preview %q: %w", a.Slug, err)
	}
	page, err := RenderArticlePage(a, comments, opt)
	if err != nil {
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
