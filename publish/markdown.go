package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"

	"github.com/yuin/goldmark/util"

	"newsroom/domain"
	"newsroom/markup"
)

// bodyRenderer renders markup's trees to HTML: goldmark's renderer with
// the body grammar's constructs and the link rules of this package.
var bodyRenderer = markup.NewRenderer(util.Prioritized(conventionRenderer{}, 100))

// RenderBody renders an article's Markdown body to HTML, with its quote
// records and credited excerpts resolved from a.Quotes and a.Sources.
func RenderBody(a *domain.Article) (string, error) {
	html, _, err := renderBody(a)
	return html, err
}

// renderBody is RenderBody that also reports the quote references the
// body places but the article has no record for. A body markup refuses
// (too long or beyond the markup bounds) renders as a note saying so; the
// attribution check reports it.
func renderBody(a *domain.Article) (string, []string, error) {
	out, err := renderBodyImages(context.Background(), a, nil, "")
	return out.html, out.missing, err
}

// renderedBody is a body rendered with its images.
type renderedBody struct {
	html string
	// missing are the quote references placed without a record.
	missing []string
	// lead is the article's lead image, nil when it has none or the
	// library does not hold it.
	lead *resolvedImage
	// used are the images the page shows, as the manifest records them
	// (see usedImage), and warnings the image check's findings.
	used     []string
	warnings []string
}

// renderBodyImages is renderBody with the lead image and the placed
// images resolved from images (nil: every image is missing), their
// renditions' paths relative to prefix.
func renderBodyImages(ctx context.Context, a *domain.Article, images *imageCache, prefix string) (renderedBody, error) {
	var out renderedBody
	if a == nil {
		return out, errors.New("render body: no article")
	}
	doc, err := markup.Parse(a)
	if errors.Is(err, markup.ErrRefused) {
		out.html = `<p class="body-refused" role="note">` + html.EscapeString(err.Error()) + "</p>\n"
		if images == nil {
			return out, nil
		}
		out.lead, out.used, out.warnings, err = resolveImages(ctx, a, nil, images, prefix)
		return out, err
	}
	if err != nil {
		return out, fmt.Errorf("render body of %q: %w", a.Slug, err)
	}
	if images != nil {
		if out.lead, out.used, out.warnings, err = resolveImages(ctx, a, doc, images, prefix); err != nil {
			return out, fmt.Errorf("render body of %q: %w", a.Slug, err)
		}
	}
	placeHeadings(doc.Root)
	var buf bytes.Buffer
	buf.Grow(len(doc.Source) + len(doc.Source)/4)
	if err := bodyRenderer.Render(&buf, doc.Source, doc.Root); err != nil {
		return out, fmt.Errorf("render body of %q: %w", a.Slug, err)
	}
	out.html, out.missing = buf.String(), doc.MissingQuotes
	return out, nil
}

// resolveImages resolves a's lead image and doc's placed images (doc nil:
// a refused body) with their paths relative to prefix, and checks them.
func resolveImages(ctx context.Context, a *domain.Article, doc *markup.Doc, images *imageCache, prefix string) (*resolvedImage, []string, []string, error) {
	lead, used, found, err := images.resolveDoc(ctx, a, doc)
	if err != nil || len(used) == 0 {
		return lead, used, nil, err
	}
	var marks domain.BodyMarks
	if doc != nil {
		for _, f := range doc.Images() {
			f.Prefix = prefix
		}
		marks = doc.Marks()
	}
	return lead, used, imageWarnings(a, marks, found), nil
}
