package publish

import (
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"newsroom/domain"
	"newsroom/markup"
)

// imageView is an image as a page shows it: the attributes of its img
// element and its caption and credit, all plain text (the template and
// writeFigure escape them).
type imageView struct {
	Src     string
	Srcset  string
	Sizes   string
	Width   int
	Height  int
	Alt     string
	Caption string
	Credit  string
	// URL is the absolute URL of the largest rendition (Width × Height),
	// for JSON-LD; set only with a base URL.
	URL string
	// CardURL, CardWidth and CardHeight describe the social card (the
	// focal-point crop), set only with a base URL.
	CardURL               string
	CardWidth, CardHeight int
	// OGURL, OGWidth and OGHeight are the OpenGraph image: the card, or
	// the largest rendition when there is none.
	OGURL             string
	OGWidth, OGHeight int
}

// newImageView is the view of img with its renditions' paths relative to
// prefix; caption, when set, replaces the record's.
func newImageView(img *resolvedImage, prefix string, caption *string) *imageView {
	if img == nil || len(img.Renditions) == 0 {
		return nil
	}
	m := img.Media
	v := &imageView{Sizes: imageSizes, Alt: strings.TrimSpace(cleanText(m.Alt)),
		Caption: strings.TrimSpace(cleanText(m.Caption)), Credit: strings.TrimSpace(cleanText(m.Credit))}
	if caption != nil {
		v.Caption = strings.TrimSpace(cleanText(*caption))
	}
	var set []string
	for _, r := range img.Renditions {
		set = append(set, prefix+r.Rel+" "+strconv.Itoa(r.Width)+"w")
	}
	v.Srcset = strings.Join(set, ", ")
	// The src (for browsers without srcset) is the middle size or the
	// largest below it; width and height give the aspect ratio, so the
	// page does not shift as the image arrives.
	top := img.Renditions[len(img.Renditions)-1]
	src := img.Renditions[min(1, len(img.Renditions)-1)]
	v.Src = prefix + src.Rel
	v.Width, v.Height = top.Width, top.Height
	return v
}

// withURL sets the absolute URLs of the view's largest rendition and of
// card (nil: none) under the site's base URL; the card, else the largest
// rendition, is the OpenGraph image.
func (v *imageView) withURL(baseURL string, img *resolvedImage, card *socialCard) *imageView {
	if v == nil || baseURL == "" {
		return v
	}
	v.URL = baseURL + "/" + img.Renditions[len(img.Renditions)-1].Rel
	v.OGURL, v.OGWidth, v.OGHeight = v.URL, v.Width, v.Height
	if card != nil {
		v.CardURL, v.CardWidth, v.CardHeight = baseURL+"/"+card.Rel, card.Size.X, card.Size.Y
		v.OGURL, v.OGWidth, v.OGHeight = v.CardURL, v.CardWidth, v.CardHeight
	}
	return v
}

// renderImageFigure writes an image placement: a figure with a responsive,
// lazily loaded img and a caption holding caption and credit, or a note
// when the media library has no such image.
func renderImageFigure(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*markup.ImageFigure)
	var caption *string
	if n.CaptionSet {
		caption = &n.Caption
	}
	var v *imageView
	if n.Media != nil {
		v = newImageView(&resolvedImage{Media: *n.Media, Format: n.Format, Renditions: renditionsOf(*n.Media, n.Format)}, n.Prefix, caption)
	}
	if v == nil {
		_, _ = w.WriteString(`<p class="missing-image" role="note">Missing image: no image called “`)
		_, _ = w.WriteString(html.EscapeString(cleanText(n.Ref)))
		_, _ = w.WriteString("” in the media library.</p>\n")
		return ast.WalkSkipChildren, nil
	}
	writeFigure(w, v, "photo", true)
	return ast.WalkSkipChildren, nil
}

// writeFigure writes the figure of v with class class; lazy adds
// loading="lazy" (every image but the lead).
func writeFigure(w util.BufWriter, v *imageView, class string, lazy bool) {
	_, _ = w.WriteString(`<figure class="` + class + `"><img src="`)
	_, _ = w.WriteString(html.EscapeString(v.Src))
	_, _ = w.WriteString(`" srcset="`)
	_, _ = w.WriteString(html.EscapeString(v.Srcset))
	_, _ = w.WriteString(`" sizes="`)
	_, _ = w.WriteString(html.EscapeString(v.Sizes))
	_, _ = w.WriteString(`" width="` + strconv.Itoa(v.Width) + `" height="` + strconv.Itoa(v.Height) + `" alt="`)
	_, _ = w.WriteString(html.EscapeString(v.Alt))
	_, _ = w.WriteString(`"`)
	if lazy {
		_, _ = w.WriteString(` loading="lazy"`)
	}
	_, _ = w.WriteString(` decoding="async">`)
	if v.Caption != "" || v.Credit != "" {
		_, _ = w.WriteString("<figcaption>")
		if v.Caption != "" {
			_, _ = w.WriteString(`<span class="caption">`)
			_, _ = w.WriteString(html.EscapeString(v.Caption))
			_, _ = w.WriteString("</span>")
		}
		if v.Credit != "" {
			if v.Caption != "" {
				_, _ = w.WriteString(" ")
			}
			_, _ = w.WriteString(`<span class="credit">`)
			_, _ = w.WriteString(html.EscapeString(v.Credit))
			_, _ = w.WriteString("</span>")
		}
		_, _ = w.WriteString("</figcaption>")
	}
	_, _ = w.WriteString("</figure>\n")
}

// imageWarnings lists the image findings of a (domain.CheckImages) as
// export warnings, in the form of AttributionWarnings.
func imageWarnings(a *domain.Article, marks domain.BodyMarks, found map[string]domain.Media) []string {
	var out []string
	for _, f := range domain.CheckImages(a, marks, found) {
		out = append(out, "article "+strconv.Quote(a.Slug)+": "+f.Kind+": "+f.Summary())
	}
	return out
}
