package markup

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"

	"newsroom/domain"
)

// Node kinds of the body grammar's own constructs.
var (
	KindQuoteFigure   = ast.NewNodeKind("QuoteFigure")
	KindExcerptFigure = ast.NewNodeKind("ExcerptFigure")
	KindCallout       = ast.NewNodeKind("Callout")
	KindEmbed         = ast.NewNodeKind("Embed")
	KindImageFigure   = ast.NewNodeKind("ImageFigure")
)

// QuoteFigure is a quote record placed in the body by a {{quote REF}}
// paragraph. Found is false when the article has no record with Ref.
type QuoteFigure struct {
	ast.BaseBlock
	Ref   string
	Quote domain.Quote
	// Number is the record's 1-based index in Article.Quotes, 0 when not
	// found.
	Number int
	Found  bool
	// SourceName and SourceURL credit the quote's source; SourceURL is
	// empty unless the register gives an http(s) URL.
	SourceName string
	SourceURL  string
	// Start and End are the marker's byte range in the parsed source.
	Start, End int
}

// Kind implements ast.Node.
func (n *QuoteFigure) Kind() ast.NodeKind { return KindQuoteFigure }

// Dump implements ast.Node.
func (n *QuoteFigure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Ref": n.Ref}, nil)
}

// ExcerptFigure is a blockquote credited to a source by a first line
// [!excerpt Source Name]. Its children are the blockquote's content.
type ExcerptFigure struct {
	ast.BaseBlock
	// SourceName is the register's spelling when the source is known,
	// else the name as typed.
	SourceName string
	// SourceURL is the source's http(s) URL, or empty.
	SourceURL string
	// Known is whether the article's sources hold SourceName.
	Known bool
	// Typed is the name as written in the marker, trimmed.
	Typed string
	// Start and End are the marker line's byte range in the parsed source.
	Start, End int
}

// Kind implements ast.Node.
func (n *ExcerptFigure) Kind() ast.NodeKind { return KindExcerptFigure }

// Dump implements ast.Node.
func (n *ExcerptFigure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"SourceName": n.SourceName, "SourceURL": n.SourceURL}, nil)
}

// Callout is a GitHub alert: a blockquote whose first line is [!NOTE],
// [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]. Its children are the
// rest of the blockquote.
type Callout struct {
	ast.BaseBlock
	// AlertType is the alert's type in lower case: note, tip, important,
	// warning or caution.
	AlertType string
}

// Kind implements ast.Node.
func (n *Callout) Kind() ast.NodeKind { return KindCallout }

// Dump implements ast.Node.
func (n *Callout) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Type": n.AlertType}, nil)
}

// Label is the callout's visible label ("Note", "Warning", …).
func (n *Callout) Label() string {
	if n.AlertType == "" {
		return ""
	}
	return strings.ToUpper(n.AlertType[:1]) + n.AlertType[1:]
}

// Embed is an {{embed URL}} paragraph. OK is false when URL is not an
// absolute http(s) address; the page then says so.
type Embed struct {
	ast.BaseBlock
	// URL is the normalised address when OK, else the text as typed.
	URL string
	OK  bool
	// Start and End are the marker's byte range in the parsed source.
	Start, End int
}

// Kind implements ast.Node.
func (n *Embed) Kind() ast.NodeKind { return KindEmbed }

// Dump implements ast.Node.
func (n *Embed) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"URL": n.URL}, nil)
}

// Label is the link card's text: "Watch on YouTube", "View on Vimeo" or
// "View on HOST".
func (n *Embed) Label() string {
	u, err := url.Parse(n.URL)
	if err != nil || !n.OK {
		return "View"
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	switch host {
	case "youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com", "music.youtube.com":
		return "Watch on YouTube"
	case "vimeo.com", "player.vimeo.com":
		return "View on Vimeo"
	}
	return "View on " + host
}

// ImageFigure is an image of the media library placed in the body by an
// {{image REF}} paragraph (optionally {{image REF "caption"}}).
type ImageFigure struct {
	ast.BaseBlock
	// Ref is the media reference as typed, trimmed.
	Ref string
	// Caption replaces the record's caption at this place when
	// CaptionSet (an empty override hides the caption).
	Caption    string
	CaptionSet bool
	// Start and End are the marker's byte range in the parsed source.
	Start, End int
	// Media is the library record Ref names, set by the code that renders
	// the tree (Parse does not read the library); nil while unresolved or
	// when no record has that reference.
	Media *domain.Media
	// Format is the renditions' file format ("jpeg" or "png"), and
	// Prefix what their paths are relative to (a path or URL ending in
	// "/", "" for the same folder), set with Media.
	Format string
	Prefix string
}

// Kind implements ast.Node.
func (n *ImageFigure) Kind() ast.NodeKind { return KindImageFigure }

// Dump implements ast.Node.
func (n *ImageFigure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Ref": n.Ref, "Caption": n.Caption}, nil)
}

// Images returns the image placements of the tree, in body order.
func (d *Doc) Images() []*ImageFigure {
	var out []*ImageFigure
	for c := d.Root.FirstChild(); c != nil; c = c.NextSibling() {
		collectImages(c, &out)
	}
	return out
}

func collectImages(n ast.Node, out *[]*ImageFigure) {
	if f, ok := n.(*ImageFigure); ok {
		*out = append(*out, f)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		collectImages(c, out)
	}
}
