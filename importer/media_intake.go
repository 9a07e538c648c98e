package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"newsroom/domain"
	"newsroom/photo"
)

// mediaIntake takes image files into the media library within one
// import batch, and remembers what it took. Images are described (read
// and decoded by package photo) before anything is written, so the
// batch's write lock is never held while pixels are decoded.
type mediaIntake struct {
	ctx context.Context
	b   Batch
	sum *Summary
	// byPath remembers the files already described in this batch.
	byPath map[string]placedImage
	// pending are the described images not yet stored, in order.
	pending []describedImage
}

func newMediaIntake(ctx context.Context, b Batch, sum *Summary) *mediaIntake {
	return &mediaIntake{ctx: ctx, b: b, sum: sum, byPath: map[string]placedImage{}}
}

// errNoImageFile says an image's file is not where it was looked for.
var errNoImageFile = errors.New("no such file")

// describedImage is an image file checked and described, ready to store.
type describedImage struct {
	path string
	m    domain.Media // the record, filled from the file where it was empty
	sha  string       // hex SHA-256 of the bytes described
	data []byte       // the bytes; nil when they are to be read again at store time
}

// ref is the media ref the image will have.
func (d describedImage) ref() string { return domain.MediaRefOf(d.sha) }

// describeImage reads the image file at path (checked by package photo:
// format, size, pixels, damage) and fills the empty fields of m from
// what the file says. A refused file gives an error saying why;
// errNoImageFile when there is no such file.
func describeImage(path string, m domain.Media) (describedImage, error) {
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return describedImage{}, errNoImageFile
	}
	data, info, err := photo.ReadFile(path, photo.DefaultLimits)
	if err != nil {
		return describedImage{}, err
	}
	fromFile := info.Media(path)
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&m.Caption, fromFile.Caption}, {&m.Credit, fromFile.Credit}, {&m.Creator, fromFile.Creator},
		{&m.Copyright, fromFile.Copyright}, {&m.Alt, fromFile.Alt}, {&m.Title, fromFile.Title},
		{&m.Filename, fromFile.Filename},
	} {
		if strings.TrimSpace(*f.dst) == "" {
			*f.dst = f.src
		}
	}
	m.Format, m.Width, m.Height, m.Embedded = info.Format, info.Width, info.Height, info.Embedded
	sum := sha256.Sum256(data)
	return describedImage{path: path, m: m, sha: hex.EncodeToString(sum[:]), data: data}, nil
}

// describe describes the image at path once per batch and queues it for
// store; the placed image carries the ref it will have.
func (mi *mediaIntake) describe(path string, m domain.Media) (placedImage, error) {
	if p, ok := mi.byPath[path]; ok {
		return p, nil
	}
	d, err := describeImage(path, m)
	if err != nil {
		return placedImage{}, err
	}
	p := placedImage{ref: d.ref(), caption: d.m.Caption}
	mi.byPath[path] = p
	mi.pending = append(mi.pending, d)
	return p, nil
}

// store writes one described image into the batch. Bytes dropped after
// describing are read again and must be the ones described.
func (mi *mediaIntake) store(d describedImage) (domain.Media, error) {
	data := d.data
	if data == nil {
		var err error
		if data, err = readBounded(d.path, photo.DefaultLimits.MaxBytes); err != nil {
			return domain.Media{}, fmt.Errorf("store image %s: %w", d.path, err)
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != d.sha {
			return domain.Media{}, fmt.Errorf("store image %s: the file changed while the import read it", d.path)
		}
	}
	stored, existed, err := mi.b.AddMedia(mi.ctx, data, d.m)
	if err != nil {
		return domain.Media{}, fmt.Errorf("store image %s: %w", d.path, err)
	}
	mi.sum.Images++
	if !existed {
		mi.sum.ImagesNew++
	}
	return stored, nil
}

// flush stores every queued image; a failure fails the file.
func (mi *mediaIntake) flush() error {
	for _, d := range mi.pending {
		if _, err := mi.store(d); err != nil {
			return err
		}
	}
	mi.pending = nil
	return nil
}

// readBounded reads at most limit bytes of the file at path.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, plainPathError(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("the file grew over %d bytes", limit)
	}
	return data, nil
}

// localResolver resolves the images a Markdown file shows: an address
// relative to the file (a Hugo page bundle's index.md beside its images)
// or site-absolute (/images/x.jpg, looked for under the folder given and
// its static/ folder), always inside root. Remote images stay links with
// a warning; a file that is missing or refused stays as written, with a
// warning saying why.
func (mi *mediaIntake) localResolver(f fileRef) imageResolver {
	return func(src, alt string) placedImage {
		if isRemote(src) {
			return placedImage{warning: remoteImageWarning(src)}
		}
		if strings.HasPrefix(strings.ToLower(src), "data:") || strings.Contains(src, "://") || strings.HasPrefix(src, "mailto:") {
			return placedImage{}
		}
		for _, path := range localCandidates(f, src) {
			rel, err := filepath.Rel(f.root, path)
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				continue
			}
			p, err := mi.describe(path, domain.Media{Alt: truncate(unescapeMarkdown(alt), domain.MaxMediaFieldLen), Origin: "file:" + filepath.ToSlash(rel)})
			if errors.Is(err, errNoImageFile) {
				continue
			}
			if err != nil {
				return placedImage{warning: fmt.Sprintf("the image %s was not taken in: %v; it stays as written", src, err)}
			}
			return p
		}
		return placedImage{warning: fmt.Sprintf("the image %s is not a file under the imported folder: it stays as written", src)}
	}
}

// localCandidates lists where a Markdown file's image address may be.
func localCandidates(f fileRef, src string) []string {
	if i := strings.IndexAny(src, "?#"); i >= 0 {
		src = src[:i]
	}
	if u, err := url.PathUnescape(src); err == nil {
		src = u
	}
	if src == "" {
		return nil
	}
	if strings.HasPrefix(src, "/") {
		return []string{filepath.Join(f.root, "static", filepath.FromSlash(src)), filepath.Join(f.root, filepath.FromSlash(src))}
	}
	return []string{filepath.Join(filepath.Dir(f.path), filepath.FromSlash(src))}
}

// unescapeMarkdown removes the backslashes of Markdown escapes.
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// takeMarkdownImages takes in the local images a Markdown article shows
// (and the lead image its front matter names) and points the body at
// them as {{image REF}} blocks; what stays as written is warned.
func takeMarkdownImages(ctx context.Context, b Batch, f fileRef, a *domain.Article, leadImage string, sum *Summary) error {
	if leadImage == "" && !strings.Contains(a.Body, "![") {
		return nil
	}
	if f.root == "" {
		f.root = filepath.Dir(f.path)
	}
	mi := newMediaIntake(ctx, b, sum)
	resolve := mi.localResolver(f)
	body, warnings := rewriteImages(a.Body, resolve)
	a.Body = body
	for _, w := range warnings {
		sum.Warnings = append(sum.Warnings, Warning{Message: w})
	}
	if leadImage != "" {
		p := resolve(leadImage, "")
		if p.ref != "" {
			a.LeadImage = p.ref
		} else if p.warning != "" {
			sum.Warnings = append(sum.Warnings, Warning{Message: "lead image (front matter): " + p.warning})
		}
	}
	// Every image is decoded by now: the write lock is taken from here.
	return mi.flush()
}
