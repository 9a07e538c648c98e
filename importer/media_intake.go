package importer

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"newsroom/domain"
	"newsroom/photo"
)

// mediaIntake takes image files into the media library within one
// import batch, and remembers what it took.
type mediaIntake struct {
	ctx context.Context
	b   Batch
	sum *Summary
	// byPath remembers the files already taken in this batch.
	byPath map[string]placedImage
	// err is a failure of the store (not of an image): the file fails.
	err error
}

func newMediaIntake(ctx context.Context, b Batch, sum *Summary) *mediaIntake {
	return &mediaIntake{ctx: ctx, b: b, sum: sum, byPath: map[string]placedImage{}}
}

// errNoImageFile says an image's file is not where it was looked for.
var errNoImageFile = errors.New("no such file")

// add reads the image file at path (checked by package photo: format,
// size, pixels, damage), fills m from what the file says where m leaves
// a field empty, and stores it. A refused file gives an error saying why;
// nothing is stored for it.
func (mi *mediaIntake) add(path string, m domain.Media) (placedImage, error) {
	if p, ok := mi.byPath[path]; ok {
		return p, nil
	}
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return placedImage{}, errNoImageFile
	}
	data, info, err := photo.ReadFile(path, photo.DefaultLimits)
	if err != nil {
		return placedImage{}, err
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
	stored, existed, err := mi.b.AddMedia(mi.ctx, data, m)
	if errors.Is(err, domain.ErrInvalid) {
		return placedImage{}, err
	}
	if err != nil {
		mi.err = fmt.Errorf("store image %s: %w", path, err)
		return placedImage{}, mi.err
	}
	mi.sum.Images++
	if !existed {
		mi.sum.ImagesNew++
	}
	p := placedImage{ref: stored.Ref, caption: stored.Caption}
	mi.byPath[path] = p
	return p, nil
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
			p, err := mi.add(path, domain.Media{Alt: unescapeMarkdown(alt), Origin: "file:" + filepath.ToSlash(rel)})
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
	if mi.err != nil {
		return mi.err
	}
	a.Body = body
	for _, w := range warnings {
		sum.Warnings = append(sum.Warnings, Warning{Message: w})
	}
	if leadImage != "" {
		p := resolve(leadImage, "")
		if mi.err != nil {
			return mi.err
		}
		if p.ref != "" {
			a.LeadImage = p.ref
		} else if p.warning != "" {
			sum.Warnings = append(sum.Warnings, Warning{Message: "lead image (front matter): " + p.warning})
		}
	}
	return nil
}
