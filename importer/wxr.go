package importer

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"newsroom/domain"
)

// wxrImport is the state of one WXR file's import.
type wxrImport struct {
	ctx      context.Context
	b        Batch
	path     string
	raw      *xml.Decoder // positions come from here
	norm     *nsNormalizer
	limit    *boundedReader
	dec      *xml.Decoder // namespace-normalised tokens
	body     *bodyConverter
	opt      Options
	site     string            // the export's base site URL, normalised
	authors  map[string]string // login → display name
	slugs    map[string]bool   // slugs given in this file
	nextSlug map[string]int    // wanted slug → next number to try
	origins  map[string]int    // origins given in this file → times
	comments map[string]int64  // WordPress comment id → stored id
	deferred []deferredReply   // replies read before their parent
	sum      Summary
	// collect makes a first pass that only gathers the attachments (for
	// --uploads); media is what they became, nil without --uploads.
	collect         bool
	attachments     []wxrItem
	attachmentLines []int
	media           *wxrMedia
}

// deferredReply is a reply stored before its parent was; its ParentID is
// set once the whole file is read.
type deferredReply struct {
	comment  domain.Comment
	wpID     string
	parentWP string
	line     int
}

// importWXR streams a WordPress export from r into b, one <item> at a
// time, with every element's size bounded while it is read, so memory
// stays bounded whatever the file holds. Reading stops at </rss>.
func importWXR(ctx context.Context, b Batch, f fileRef, r io.Reader, opt Options) (Summary, error) {
	w := newWXRImport(ctx, b, f, r, opt)
	if opt.Uploads != "" && f.path != "" {
		items, lines, err := collectAttachments(w, f.path)
		if err != nil {
			return w.sum, err
		}
		w.media = &wxrMedia{uploads: opt.Uploads, byID: map[string]placedImage{},
			byPath: map[string]placedImage{}, byKey: map[string]placedImage{}}
		if err := w.takeAttachments(items, lines); err != nil {
			return w.sum, err
		}
	}
	if err := w.run(); err != nil {
		return w.sum, err
	}
	return w.sum, nil
}

// newWXRImport prepares the import of one export read from r.
func newWXRImport(ctx context.Context, b Batch, f fileRef, r io.Reader, opt Options) *wxrImport {
	limit := newBoundedReader(r)
	raw := xml.NewDecoder(limit)
	raw.Entity = xml.HTMLEntity
	raw.CharsetReader = charsetReader
	norm := &nsNormalizer{d: raw, limit: limit}
	w := &wxrImport{
		ctx: ctx, b: b, path: f.display, raw: raw, norm: norm, limit: limit,
		dec:      xml.NewTokenDecoder(norm),
		body:     newBodyConverter(),
		opt:      opt,
		authors:  map[string]string{},
		slugs:    map[string]bool{},
		nextSlug: map[string]int{},
		origins:  map[string]int{},
		comments: map[string]int64{},
		sum:      Summary{File: f.display, Format: FormatWordPress, Skipped: map[string]int{}},
	}
	return w
}

// posError locates err at the decoder's current position; a size limit
// is located at the line of the element that broke it.
func (w *wxrImport) posError(err error) error {
	line, col := w.raw.InputPos()
	var le *limitError
	if errors.As(err, &le) {
		return &Error{File: w.path, Line: w.norm.line, Offset: -1, Err: le}
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) && strings.HasPrefix(se.Msg, "unexpected EOF") {
		return &Error{File: w.path, Line: se.Line, Column: col, Offset: w.raw.InputOffset(), Err: fmt.Errorf("malformed XML: %s: the file ends in the middle of an element, so it is truncated", se.Msg)}
	}
	if errors.As(err, &se) {
		return &Error{File: w.path, Line: se.Line, Column: col, Offset: w.raw.InputOffset(), Err: fmt.Errorf("malformed XML: %s", se.Msg)}
	}
	return &Error{File: w.path, Line: line, Column: col, Offset: w.raw.InputOffset(), Err: err}
}

// itemError locates err at the start of the item it concerns.
func (w *wxrImport) itemError(line, col int, off int64, err error) error {
	var fe *fieldError
	if errors.As(err, &fe) {
		if l, ok := w.norm.lines[fe.field]; ok {
			return &Error{File: w.path, Line: l, Offset: -1, Err: err}
		}
	}
	return &Error{File: w.path, Line: line, Column: col, Offset: off, Err: err}
}

// fieldError is an error about one element of an item, reported at that
// element's line.
type fieldError struct {
	field string
	err   error
}

func (e *fieldError) Error() string { return e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

func (w *wxrImport) run() error {
	sawRoot := false
	for {
		tok, err := w.dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return w.posError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !sawRoot {
				sawRoot = true
				continue
			}
			if err := w.element(t); err != nil {
				return err
			}
		case xml.EndElement:
			if t.Name.Local == "rss" {
				// Nothing after </rss> belongs to the export.
				return w.resolveDeferred()
			}
		}
	}
	return w.posError(errors.New("the export ends before </rss>: the file is truncated"))
}

// element handles a start tag inside <rss>.
func (w *wxrImport) element(t xml.StartElement) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	switch {
	case t.Name.Space == nsWP && t.Name.Local == "author":
		var a wxrAuthor
		if err := w.dec.DecodeElement(&a, &t); err != nil {
			return w.posError(err)
		}
		if login := strings.TrimSpace(a.Login); login != "" {
			w.authors[login] = strings.TrimSpace(a.DisplayName)
		}
	case t.Name.Space == nsWP && (t.Name.Local == "base_site_url" || t.Name.Local == "base_blog_url"):
		line := w.norm.line
		var v string
		if err := w.dec.DecodeElement(&v, &t); err != nil {
			return w.posError(err)
		}
		site, err := baseSite(v)
		if err != nil {
			return &Error{File: w.path, Line: line, Offset: -1, Err: fmt.Errorf("<wp:%s>: %w", t.Name.Local, err)}
		}
		// The blog's own address: on WordPress.com every blog's
		// base_site_url is wordpress.com itself.
		if w.site == "" || t.Name.Local == "base_blog_url" {
			w.site = site
		}
	case t.Name.Space == "" && t.Name.Local == "item":
		line, col := w.raw.InputPos()
		off := w.raw.InputOffset()
		w.norm.lines = map[string]int{}
		w.limit.itemMark = w.limit.n
		var it wxrItem
		err := w.dec.DecodeElement(&it, &t)
		w.limit.itemMark = -1
		if err != nil {
			return w.posError(err)
		}
		if err := w.item(&it, line); err != nil {
			return w.itemError(line, col, off, err)
		}
	case t.Name.Space == nsWP:
		// terms, categories, tags, options: not imported
		if err := w.dec.Skip(); err != nil {
			return w.posError(err)
		}
	}
	return nil
}

// baseSite checks and normalises an export's base URL: an http(s)
// address without query or fragment, without its trailing slash.
func baseSite(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("the base URL %q is not an http(s) address", v)
	}
	if u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(v, "?#") {
		return "", fmt.Errorf("the base URL %q has a query or a fragment (?… or #…), which a site's address does not", v)
	}
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	return strings.TrimSuffix(u.String(), "/"), nil
}

// item imports a post with its comments, or counts a skipped item.
func (w *wxrImport) item(it *wxrItem, line int) error {
	kind := strings.TrimSpace(it.PostType)
	if kind == "" {
		kind = "post"
	}
	if w.collect {
		if kind == "attachment" {
			w.attachments = append(w.attachments, *it)
			w.attachmentLines = append(w.attachmentLines, line)
		}
		return nil
	}
	if kind == "attachment" && w.media != nil {
		if _, taken := w.media.byID[strings.TrimSpace(it.PostID)]; taken {
			return nil // counted among the images
		}
	}
	skip := ""
	if kind != "post" {
		skip = kind
	} else {
		_, skip = wxrStatus(it.Status, it.Password)
	}
	if skip != "" {
		w.sum.Skipped[skip]++
		if n := len(it.Comments); n > 0 {
			w.sum.Skipped[strings.ReplaceAll(skip, "_", " ")+" comments"] += n
		}
		return nil
	}
	a, err := w.article(it)
	if err != nil {
		return fmt.Errorf("post %s %q: %w", strings.TrimSpace(it.PostID), plainText(it.Title, false), err)
	}
	w.placeImages(it, a, line)
	wanted := a.Slug
	up := Upsert{Replace: w.opt.Replace}
	// A post whose password was added or removed since the last import
	// is still the same post.
	if strings.HasSuffix(a.Origin, protectedSuffix) {
		up.FormerOrigins = []string{strings.TrimSuffix(a.Origin, protectedSuffix)}
	} else {
		up.FormerOrigins = []string{a.Origin + protectedSuffix}
	}
	outcome, err := w.b.UpsertArticle(w.ctx, a, up)
	if err != nil {
		return fmt.Errorf("store post %s as article %q: %w", strings.TrimSpace(it.PostID), a.Slug, err)
	}
	switch outcome {
	case Created:
		w.sum.ArticlesCreated++
	case Updated:
		w.sum.ArticlesUpdated++
	default:
		w.sum.ArticlesUnchanged++
	}
	if a.Slug != wanted && outcome != Unchanged {
		w.sum.Warnings = append(w.sum.Warnings, Warning{Line: line, Message: fmt.Sprintf(
			"post %s: the slug %q belongs to an article this export did not make: stored as %q (import with --replace to overwrite that article instead)",
			strings.TrimSpace(it.PostID), wanted, a.Slug)})
	}
	for i := range it.Comments {
		if err := w.comment(a, &it.Comments[i], line); err != nil {
			return fmt.Errorf("post %s %q, comment %s: %w", strings.TrimSpace(it.PostID), a.Slug, strings.TrimSpace(it.Comments[i].ID), err)
		}
	}
	if w.opt.Progress != nil {
		w.opt.Progress(w.sum.Articles() + w.sum.ArticlesUnchanged)
	}
	return nil
}
