package importer

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"newsroom/domain"
)

// maxMarkdownFile bounds what a Markdown file may hold: the body limit
// plus generous room for front matter.
const maxMarkdownFile = domain.MaxBodyBytes + 1<<20

// Options change how Import works.
type Options struct {
	// DryRun reads and checks everything in one transaction that is rolled
	// back: the report says what a real run would do, nothing is written.
	DryRun bool
	// Replace lets a file take over the article that holds its slug when
	// no article came from that file yet (its text is replaced, the old
	// text stays in its history). Without it the file gets a free slug.
	Replace bool
	// Uploads is a copy of a WordPress site's wp-content/uploads folder:
	// the files of a WordPress export's attachments are taken from it
	// into the media library, and bodies that show them point at the
	// records. Without it attachments are counted and skipped.
	Uploads string
	// Progress, when set, is called with the number of articles stored so
	// far in the current file.
	Progress func(done int)
}

// fileRef is one file an import looks at.
type fileRef struct {
	path    string // to open
	display string // as shown: relative to the folder given, or as given
	origin  string // identity: "file:" + path relative to the folder (or absolute)
	walked  bool   // found in a folder (not named by the user)
	root    string // the folder given (a file named alone: its folder); images must lie under it
	skip    string // why it is not read, when set
}

// Import imports path: one file (Markdown or a WordPress export, told by
// content) or a folder, walked recursively, whose Markdown files and
// WordPress exports are imported and whose other files are skipped and
// counted. Each file is stored whole or not at all. The returned error is
// only for a path that cannot be read at all or a cancelled context;
// failures of single files are in the Report.
func Import(ctx context.Context, st Store, path string, opt Options) (Report, error) {
	rep := Report{DryRun: opt.DryRun}
	info, err := os.Stat(path)
	if err != nil {
		return rep, &Error{File: path, Offset: -1, Err: plainPathError(err)}
	}
	var files []fileRef
	if info.IsDir() {
		if files, err = walkFolder(path); err != nil {
			return rep, &Error{File: path, Offset: -1, Err: plainPathError(err)}
		}
	} else {
		files = []fileRef{singleFile(path)}
	}
	var shared Batch
	if opt.DryRun {
		if shared, err = st.BeginImport(ctx); err != nil {
			return rep, &Error{File: path, Offset: -1, Err: fmt.Errorf("begin import: %w", err)}
		}
		defer shared.Rollback()
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		if f.skip != "" {
			rep.Files = append(rep.Files, Summary{File: f.display, SkipReason: f.skip})
			continue
		}
		sum := importOne(ctx, st, shared, f, opt)
		if errors.Is(sum.Err, context.Canceled) {
			rep.Files = append(rep.Files, sum)
			return rep, ctx.Err()
		}
		rep.Files = append(rep.Files, sum)
	}
	return rep, nil
}

// ImportFile imports one file (see Import) and returns its summary; the
// error is the file's failure, an *Error naming file and line.
func ImportFile(ctx context.Context, st Store, path string, progress func(done int)) (Summary, error) {
	sum := importOne(ctx, st, nil, singleFile(path), Options{Progress: progress})
	return sum, sum.Err
}

// singleFile is a file named by the user: shown as given, identified by
// its absolute path.
func singleFile(path string) fileRef {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return fileRef{path: path, display: path, origin: "file:" + filepath.ToSlash(abs), root: filepath.Dir(path)}
}

// importOne imports one file in its own batch (or in shared, for a dry
// run); failures are in the summary's Err.
func importOne(ctx context.Context, st Store, shared Batch, f fileRef, opt Options) (sum Summary) {
	sum = Summary{File: f.display}
	fail := func(err error) Summary {
		e := locate(f.display, err)
		sum.Err = e
		return sum
	}
	file, err := os.Open(f.path)
	if err != nil {
		return fail(plainPathError(err))
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return fail(plainPathError(err))
	}
	if info.IsDir() {
		return fail(errors.New("is a folder, not a file"))
	}
	if isListPage(f.path) {
		sum.SkipReason = "a list page (_index), not an article"
		return sum
	}
	br, err := decodingReader(file)
	if err != nil {
		return fail(err)
	}
	format, err := detectFormat(br, f.path)
	if err != nil {
		if f.walked {
			sum.SkipReason = err.Error()
			return sum
		}
		return fail(err)
	}
	sum.Format = format

	b := shared
	if b == nil {
		if b, err = st.BeginImport(ctx); err != nil {
			return fail(fmt.Errorf("begin import: %w", err))
		}
	}
	defer func() {
		if r := recover(); r != nil {
			sum.Err = locate(f.display, fmt.Errorf("internal error while importing: %v", r))
		}
		if sum.Err != nil && shared == nil {
			if rbErr := b.Rollback(); rbErr != nil {
				e := sum.Err.(*Error)
				e.Err = fmt.Errorf("%w (and rollback failed: %v)", e.Err, rbErr)
			}
		}
	}()

	var got Summary
	switch format {
	case FormatMarkdown:
		got, err = importMarkdownReader(ctx, b, f, br, opt)
	default:
		got, err = importWXR(ctx, b, f, br, opt)
	}
	got.File, got.Format = f.display, format
	for i := range got.Warnings {
		got.Warnings[i].File = f.display
	}
	if err != nil {
		sum = got
		return fail(err)
	}
	if shared == nil {
		if err := b.Commit(); err != nil {
			sum = got
			return fail(fmt.Errorf("commit: %w", err))
		}
	}
	return got
}

// decodingReader reads a file as UTF-8: a UTF-16 file (told by its byte
// order mark) is decoded.
func decodingReader(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(2)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read: %w", err)
	}
	if bytes.Equal(head, []byte{0xFE, 0xFF}) || bytes.Equal(head, []byte{0xFF, 0xFE}) {
		dec := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), nil
	}
	return br, nil
}

// plainError is an error said in plain words that still unwraps to its
// cause.
type plainError struct {
	msg string
	err error
}

func (e *plainError) Error() string { return e.msg }
func (e *plainError) Unwrap() error { return e.err }

// plainPathError says what went wrong with a file in plain words.
func plainPathError(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return &plainError{"no such file or folder", err}
	case errors.Is(err, os.ErrPermission):
		return &plainError{"not allowed to read it (permission denied)", err}
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func importMarkdownReader(ctx context.Context, b Batch, f fileRef, r io.Reader, opt Options) (Summary, error) {
	src, err := io.ReadAll(io.LimitReader(r, maxMarkdownFile+1))
	if err != nil {
		return Summary{}, fmt.Errorf("read: %w", err)
	}
	if len(src) > maxMarkdownFile {
		return Summary{}, fmt.Errorf("the file is over %d bytes, too large for one article", maxMarkdownFile)
	}
	return importMarkdown(ctx, b, f, src, opt)
}
