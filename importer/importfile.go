package importer

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"newsroom/domain"
)

// maxMarkdownFile bounds what a Markdown file may hold: the body limit
// plus generous room for front matter.
const maxMarkdownFile = domain.MaxBodyLen + 1<<20

// ImportFile imports one file into st, telling its format by content: a
// WordPress WXR export (XML with an <rss> root and the wp: namespace of
// WXR 1.0 to 1.2) or Markdown with YAML (---) or TOML (+++) front matter.
// The whole file is one Batch: on any error the batch is rolled back,
// nothing of the file is stored, and the error (an *Error) names the file
// and the line. progress, when not nil, is called with the number of
// articles stored so far.
func ImportFile(ctx context.Context, st Store, path string, progress func(done int)) (sum Summary, err error) {
	sum = Summary{File: path}
	f, err := os.Open(path)
	if err != nil {
		return sum, &Error{File: path, Offset: -1, Err: err}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return sum, &Error{File: path, Offset: -1, Err: err}
	}
	if info.IsDir() {
		return sum, &Error{File: path, Offset: -1, Err: errors.New("is a folder, not a file")}
	}
	br := bufio.NewReaderSize(f, 64<<10)
	format, err := detectFormat(br)
	if err != nil {
		return sum, &Error{File: path, Offset: -1, Err: err}
	}
	sum.Format = format

	b, err := st.BeginImport(ctx)
	if err != nil {
		return sum, &Error{File: path, Offset: -1, Err: fmt.Errorf("begin import: %w", err)}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error while importing: %v", r)
		}
		if err != nil {
			e := locate(path, err)
			if rbErr := b.Rollback(); rbErr != nil {
				e.Err = fmt.Errorf("%w (and rollback failed: %v)", e.Err, rbErr)
			}
			err = e
		}
	}()

	var got Summary
	switch format {
	case FormatMarkdown:
		got, err = importMarkdownReader(ctx, b, path, br, info.ModTime(), progress)
	default:
		got, err = importWXR(ctx, b, path, br, progress)
	}
	got.File, got.Format = path, format
	if err != nil {
		return got, err
	}
	if err := b.Commit(); err != nil {
		return got, fmt.Errorf("commit: %w", err)
	}
	return got, nil
}

func importMarkdownReader(ctx context.Context, b Batch, path string, r io.Reader, modTime time.Time, progress func(int)) (Summary, error) {
	src, err := io.ReadAll(io.LimitReader(r, maxMarkdownFile+1))
	if err != nil {
		return Summary{}, fmt.Errorf("read: %w", err)
	}
	if len(src) > maxMarkdownFile {
		return Summary{}, fmt.Errorf("the file is over %d bytes, too large for one article", maxMarkdownFile)
	}
	return importMarkdown(ctx, b, path, src, modTime, progress)
}
