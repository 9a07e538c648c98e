package importer

import (
	"fmt"
	"io"

	"newsroom/domain"
)

// Limits on what one piece of a WordPress export may hold, enforced while
// the file is read, so a hostile export is refused with bounded memory.
const (
	// maxWXRText is the most one element's text (a post's content, an
	// unknown element's text) may take in the file: twice the body limit,
	// as HTML is longer than the Markdown it becomes.
	maxWXRText = 2 * domain.MaxBodyBytes
	// maxWXRItem is the most one <item> (a post with its comments) may
	// take in the file.
	maxWXRItem = 64 << 20
)

// limitError is a piece of the export over its limit.
type limitError struct {
	what  string
	limit int64
}

func (e *limitError) Error() string {
	return fmt.Sprintf("%s is over the limit of %d MB", e.what, e.limit>>20)
}

// boundedReader counts what the XML decoder reads and fails once the
// text since the last token, or the current item, is over its limit: the
// decoder never buffers more than the limit (plus its 4 KB read-ahead).
type boundedReader struct {
	r         io.Reader
	n         int64
	tokenMark int64
	itemMark  int64 // -1 outside an item
	field     string
}

func newBoundedReader(r io.Reader) *boundedReader { return &boundedReader{r: r, itemMark: -1} }

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.n-b.tokenMark > maxWXRText {
		what := "the text of an element"
		if b.field != "" {
			what = "the text of <" + b.field + ">"
		}
		return 0, &limitError{what: what, limit: maxWXRText}
	}
	if b.itemMark >= 0 && b.n-b.itemMark > maxWXRItem {
		return 0, &limitError{what: "the item (a post with its comments)", limit: maxWXRItem}
	}
	if len(p) > 64<<10 {
		p = p[:64<<10]
	}
	k, err := b.r.Read(p)
	b.n += int64(k)
	return k, err
}
