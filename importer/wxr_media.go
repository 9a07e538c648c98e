package importer

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"newsroom/domain"
)

// wxrMeta is a <wp:postmeta> of an item.
type wxrMeta struct {
	Key   string `xml:"wxr meta_key"`
	Value string `xml:"wxr meta_value"`
}

// meta returns the value of the item's post meta key, or "".
func (it *wxrItem) meta(key string) string {
	for _, m := range it.PostMeta {
		if strings.TrimSpace(m.Key) == key {
			return strings.TrimSpace(m.Value)
		}
	}
	return ""
}

// wxrMedia is what an export's attachments became in the media library.
type wxrMedia struct {
	uploads string                 // the wp-content/uploads copy given
	byID    map[string]placedImage // attachment post id → its record
	byPath  map[string]placedImage // uploadsPath of its URL → its record
	byKey   map[string]placedImage // uploadsKey of its URL (no size) → its record
}

// sizeSuffix is the size WordPress appends to resized copies
// (photo-300x200.jpg) and to big originals it scaled (photo-scaled.jpg).
var sizeSuffix = regexp.MustCompile(`(?:-\d+x\d+|-scaled)$`)

// uploadsPath is the part of an image address that names the file under
// wp-content/uploads, whatever the host and scheme: "2008/06/canola2.jpg"
// for https://example.com/wp-content/uploads/2008/06/canola2.jpg and for
// https://example.files.wordpress.com/2008/06/canola2.jpg (lower case).
func uploadsPath(src string) string {
	u, err := url.Parse(strings.TrimSpace(src))
	if err != nil {
		return ""
	}
	p := u.Path
	if i := strings.LastIndex(p, "/uploads/"); i >= 0 {
		p = p[i+len("/uploads/"):]
	}
	return strings.ToLower(strings.TrimPrefix(path.Clean("/"+p), "/"))
}

// uploadsKey is the part of an image address that names the file under
// wp-content/uploads, whatever the host and scheme and without a resized
// copy's size: "2008/06/canola2.jpg" for
// https://example.com/wp-content/uploads/2008/06/canola2-300x200.jpg and
// for https://example.files.wordpress.com/2008/06/canola2.jpg.
func uploadsKey(src string) string {
	p := uploadsPath(src)
	ext := path.Ext(p)
	return sizeSuffix.ReplaceAllString(strings.TrimSuffix(p, ext), "") + ext
}

// uploadsCandidates lists the paths under the uploads folder where an
// attachment's file may be: its _wp_attached_file, then its URL's path
// after /uploads/ (or the whole path, as on WordPress.com).
func uploadsCandidates(uploads string, it *wxrItem) []string {
	var rels []string
	if f := it.meta("_wp_attached_file"); f != "" {
		rels = append(rels, f)
	}
	for _, raw := range []string{it.AttachmentURL, it.GUID} {
		u, err := url.Parse(strings.TrimSpace(raw))
		if err != nil || u.Path == "" {
			continue
		}
		p := u.Path
		if i := strings.LastIndex(p, "/uploads/"); i >= 0 {
			p = p[i+len("/uploads/"):]
		}
		rels = append(rels, p)
	}
	var out []string
	seen := map[string]bool{}
	for _, rel := range rels {
		clean := path.Clean("/" + filepath.ToSlash(rel)) // never above the uploads folder
		full := filepath.Join(uploads, filepath.FromSlash(clean))
		if !seen[full] {
			seen[full] = true
			out = append(out, full)
		}
	}
	return out
}

// takeAttachments takes the files of the attachments read by the first
// pass from the uploads folder into the batch's media library. The files
// are described (read and decoded) first, on every core and before the
// batch writes anything, keeping only what describes them; they are read
// again, without decoding, as they are stored.
func (w *wxrImport) takeAttachments(items []wxrItem, lines []int) error {
	type result struct {
		d   describedImage
		err error
	}
	results := make([]result, len(items))
	records := make([]domain.Media, len(items))
	for i := range items {
		records[i] = w.attachmentRecord(&items[i])
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i].err = errNoImageFile
				for _, p := range uploadsCandidates(w.media.uploads, &items[i]) {
					d, err := describeImage(p, records[i])
					if errors.Is(err, errNoImageFile) {
						continue
					}
					d.data = nil // read again when stored: memory stays bounded
					results[i] = result{d, err}
					break
				}
			}
		}()
	}
	for i := range items {
		if err := w.ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := w.ctx.Err(); err != nil {
		return err
	}

	mi := newMediaIntake(w.ctx, w.b, &w.sum)
	for i := range items {
		it := &items[i]
		id := strings.TrimSpace(it.PostID)
		src := records[i].SourceURL
		r := results[i]
		if r.err != nil {
			why := r.err
			if errors.Is(why, errNoImageFile) {
				why = fmt.Errorf("no such file under %s (looked for %s)", w.media.uploads, strings.Join(relNames(w.media.uploads, uploadsCandidates(w.media.uploads, it)), ", "))
			}
			w.sum.Warnings = append(w.sum.Warnings, Warning{Line: lines[i], Message: fmt.Sprintf(
				"attachment %s (%s) was not taken in: %v", id, src, why)})
			continue
		}
		stored, err := mi.store(r.d)
		if err != nil {
			return err
		}
		placed := placedImage{ref: stored.Ref, caption: stored.Caption}
		if id != "" {
			w.media.byID[id] = placed
		}
		if p := uploadsPath(src); p != "" {
			w.media.byPath[p] = placed
		}
		// An attachment whose own name ends like a size (image-300x200.jpg)
		// does not take the key of one without it.
		if k := uploadsKey(src); k != "" {
			if _, taken := w.media.byKey[k]; !taken || k == uploadsPath(src) {
				w.media.byKey[k] = placed
			}
		}
	}
	return nil
}

// attachmentRecord is the library record an attachment item describes.
func (w *wxrImport) attachmentRecord(it *wxrItem) domain.Media {
	src := strings.TrimSpace(it.AttachmentURL)
	if src == "" {
		src = strings.TrimSpace(it.GUID)
	}
	m := domain.Media{
		Title:       truncate(cleanControl(plainText(it.Title, false)), domain.MaxMediaFieldLen),
		Caption:     truncate(plainText(it.Excerpt, true), domain.MaxMediaFieldLen),
		Description: truncate(plainText(it.Content, true), domain.MaxMediaFieldLen),
		Alt:         truncate(cleanControl(it.meta("_wp_attachment_image_alt")), domain.MaxMediaFieldLen),
		SourceURL:   truncate(src, domain.MaxMediaFieldLen),
		Origin:      "wxr:" + strings.TrimSpace(it.GUID),
	}
	if strings.TrimSpace(it.GUID) == "" {
		m.Origin = "wxr:" + w.site + " attachment " + strings.TrimSpace(it.PostID)
	}
	return m
}

// relNames shows paths relative to the uploads folder.
func relNames(root string, paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if rel, err := filepath.Rel(root, p); err == nil {
			p = filepath.ToSlash(rel)
		}
		out = append(out, p)
	}
	return out
}

// imageResolver resolves a post's image addresses to the attachments
// taken in; an image that is not one stays a link, warned.
func (w *wxrImport) imageResolver() imageResolver {
	return func(src, alt string) placedImage {
		if w.media != nil {
			if p, ok := w.media.byPath[uploadsPath(src)]; ok {
				return p
			}
			if p, ok := w.media.byKey[uploadsKey(src)]; ok {
				return p
			}
		}
		if !isRemote(src) {
			return placedImage{warning: fmt.Sprintf("the image %s is not an attachment of this export: it stays as written", src)}
		}
		warning := remoteImageWarning(src)
		if w.media == nil && (strings.Contains(src, "/uploads/") || strings.Contains(src, ".files.wordpress.com/")) {
			warning += " (to take the site's images in, import again with a copy of its wp-content/uploads folder: --uploads DIR, or the Import dialog's WordPress uploads folder)"
		}
		return placedImage{warning: warning}
	}
}

// placeImages points the post's body at the attachments taken in and its
// lead image at its featured image (_thumbnail_id).
func (w *wxrImport) placeImages(it *wxrItem, a *domain.Article, line int) {
	body, warnings := rewriteImages(a.Body, w.imageResolver())
	a.Body = body
	for _, msg := range warnings {
		w.sum.Warnings = append(w.sum.Warnings, Warning{Line: line, Message: fmt.Sprintf("post %s: %s", strings.TrimSpace(it.PostID), msg)})
	}
	if w.media == nil {
		return
	}
	if id := it.meta("_thumbnail_id"); id != "" {
		if p, ok := w.media.byID[id]; ok {
			a.LeadImage = p.ref
		}
	}
}

// collectAttachments reads the export a first time for its attachments
// only (the posts that show them may come before them).
func collectAttachments(w *wxrImport, path string) ([]wxrItem, []int, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, plainPathError(err)
	}
	defer file.Close()
	br, err := decodingReader(file)
	if err != nil {
		return nil, nil, err
	}
	first := newWXRImport(w.ctx, nil, fileRef{display: w.path}, br, w.opt)
	first.collect = true
	if err := first.run(); err != nil {
		return nil, nil, err
	}
	w.site = first.site
	return first.attachments, first.attachmentLines, nil
}
