package domain

// BodyMarks is what the body grammar (package markup) found in an
// article's body, with byte offsets into Article.Body: what the
// attribution check reads instead of parsing the body itself.
type BodyMarks struct {
	// Placements are the {{quote REF}} paragraphs, in body order.
	Placements []QuotePlacement
	// Images are the {{image REF}} paragraphs, in body order.
	Images []ImagePlacement
	// Excerpts are the credited excerpts' marker lines, in body order.
	Excerpts []ExcerptCredit
	// AsText is marker syntax the page prints as text.
	AsText []MarkerAsText
	// Quotations are the direct quotations of the body's prose.
	Quotations []Quotation
	// Refused says why the body cannot be rendered ("" when it can).
	Refused string
	// Prose is the body's running text, block by block, with offsets and
	// text lengths in Article.Body (what house style and spelling read).
	Prose []Prose
}

// QuotePlacement is a paragraph placing a quote record; Ref is as typed,
// trimmed.
type QuotePlacement struct {
	Ref        string
	Start, End int
}

// ImagePlacement is a paragraph placing an image of the media library;
// Ref is as typed, trimmed. Caption overrides the record's caption there
// when CaptionSet.
type ImagePlacement struct {
	Ref        string
	Caption    string
	CaptionSet bool
	Start, End int
}

// ExcerptCredit is the marker line of a credited excerpt; Name is the
// source as typed, trimmed (never empty).
type ExcerptCredit struct {
	Name       string
	Start, End int
}

// MarkerAsText is marker syntax the page shows as plain text, with why.
type MarkerAsText struct {
	Reason     string
	Start, End int
}

// Prose is one block of the body's running text (a paragraph, heading,
// list item or table row). Text has the length of the block's range of the
// body starting at Start, with everything that is not prose (markup,
// code, link destinations, HTML) blanked to spaces.
type Prose struct {
	Start int
	Text  string
}

// Quotation is a direct quotation in the body.
type Quotation struct {
	Start, End int    // byte offsets, quotation marks included
	Text       string // the quotation as prose
	Counts     bool   // long enough or ending a sentence
	Attributed bool
	open       bool // not closed before the block's end
}
