package importer

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"newsroom/domain"
)

// wxrImport is the state of one WXR file's import.
type wxrImport struct {
	ctx      context.Context
	b        Batch
	path     string
	raw      *xml.Decoder // positions come from here
	dec      *xml.Decoder // namespace-normalised tokens
	body     *bodyConverter
	authors  map[string]string // login → display name
	slugs    map[string]bool   // slugs given in this file
	origins  map[string]bool   // origins given in this file
	comments map[string]int64  // WordPress comment id → stored id
	deferred []deferredReply   // replies read before their parent
	sum      Summary
	progress func(int)
}

// deferredReply is a reply stored before its parent was; its ParentID is
// set once the whole file is read.
type deferredReply struct {
	comment  domain.Comment
	parentWP string
	line     int
}

// importWXR streams a WordPress export from r into b, one <item> at a
// time, so memory stays bounded whatever the file's size.
func importWXR(ctx context.Context, b Batch, path string, r io.Reader, progress func(int)) (Summary, error) {
	raw := xml.NewDecoder(r)
	raw.Entity = xml.HTMLEntity
	raw.CharsetReader = charset.NewReaderLabel
	w := &wxrImport{
		ctx: ctx, b: b, path: path, raw: raw,
		dec:      xml.NewTokenDecoder(nsNormalizer{raw}),
		body:     newBodyConverter(),
		authors:  map[string]string{},
		slugs:    map[string]bool{},
		origins:  map[string]bool{},
		comments: map[string]int64{},
		sum:      Summary{File: path, Format: FormatWordPress, Skipped: map[string]int{}},
		progress: progress,
	}
	if err := w.run(); err != nil {
		return w.sum, err
	}
	return w.sum, nil
}

// posError locates err at the decoder's current position.
func (w *wxrImport) posError(err error) error {
	line, col := w.raw.InputPos()
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
	return &Error{File: w.path, Line: line, Column: col, Offset: off, Err: err}
}

func (w *wxrImport) run() error {
	sawRoot, closedRoot := false, false
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
				closedRoot = true
			}
		}
	}
	if !sawRoot || !closedRoot {
		return w.posError(errors.New("the export ends before </rss>: the file is truncated"))
	}
	return w.resolveDeferred()
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
	case t.Name.Space == "" && t.Name.Local == "item":
		line, col := w.raw.InputPos()
		off := w.raw.InputOffset()
		var it wxrItem
		if err := w.dec.DecodeElement(&it, &t); err != nil {
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

// item imports a post with its comments, or counts a skipped item.
func (w *wxrImport) item(it *wxrItem, line int) error {
	kind := strings.TrimSpace(it.PostType)
	if kind == "" {
		kind = "post"
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
		return fmt.Errorf("post %s %q: %w", strings.TrimSpace(it.PostID), it.Title, err)
	}
	created, err := w.b.UpsertArticle(w.ctx, a)
	if err != nil {
		return fmt.Errorf("store post %s as article %q: %w", strings.TrimSpace(it.PostID), a.Slug, err)
	}
	if created {
		w.sum.ArticlesCreated++
	} else {
		w.sum.ArticlesUpdated++
	}
	for i := range it.Comments {
		if err := w.comment(a, &it.Comments[i], line); err != nil {
			return fmt.Errorf("post %s %q, comment %s: %w", strings.TrimSpace(it.PostID), a.Slug, strings.TrimSpace(it.Comments[i].ID), err)
		}
	}
	if w.progress != nil {
		w.progress(w.sum.Articles())
	}
	return nil
}
