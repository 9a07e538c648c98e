package importer

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/net/html/charset"
)

// wxrNamespace matches the wp: namespace of WXR 1.0 to 1.2 (WordPress.com
// writes it with https).
var wxrNamespace = regexp.MustCompile(`^https?://wordpress\.org/export/1\.[0-2]/$`)

// detectFormat looks at the start of the file, without consuming it, and
// tells FormatMarkdown (front matter fence first, or a Markdown file name)
// from FormatWordPress (an <rss> root declaring the WXR namespace).
func detectFormat(br *bufio.Reader, name string) (string, error) {
	head, err := br.Peek(br.Size())
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return "", fmt.Errorf("read: %w", err)
	}
	text := bytes.TrimPrefix(head, []byte("\uFEFF"))
	trimmed := bytes.TrimLeft(text, " \t\r\n")
	isMarkdownName := markdownExts[strings.ToLower(filepath.Ext(name))]
	switch {
	case len(trimmed) == 0:
		return "", errors.New("the file is empty")
	case bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("+++")) || text[0] == '{':
		return FormatMarkdown, nil
	case trimmed[0] == '<':
		err := checkWXRRoot(trimmed)
		switch {
		case err == nil:
			return FormatWordPress, nil
		case isMarkdownName: // Markdown starting with HTML
			return FormatMarkdown, nil
		}
		return "", err
	case isMarkdownName:
		return FormatMarkdown, nil
	}
	return "", errors.New("unknown format: expected Markdown starting with front matter (---, +++ or {) or a WordPress export (WXR)")
}

// charsetReader reads the encodings WordPress exports are written in
// (ISO-8859-1, Windows-1252, …). UTF-16 was decoded before the XML
// decoder saw the file (see decodingReader), so its label passes through.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	l := strings.ToLower(strings.TrimSpace(label))
	if strings.HasPrefix(l, "utf-16") || l == "utf16" || l == "utf-8" || l == "utf8" {
		return r, nil
	}
	out, err := charset.NewReaderLabel(label, r)
	if err != nil {
		return nil, fmt.Errorf("the export declares the encoding %q, which is not known", label)
	}
	return out, nil
}

// checkWXRRoot returns nil when the XML's root is <rss> with the WXR
// namespace, else an error saying what the XML is instead.
func checkWXRRoot(head []byte) error {
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	d.CharsetReader = charsetReader
	for {
		tok, err := d.RawToken()
		if err != nil {
			return errors.New("an XML file whose root element could not be read: not a WordPress export")
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if start.Name.Local != "rss" {
			return fmt.Errorf("an XML file whose root is <%s>, not <rss>: not a WordPress export", start.Name.Local)
		}
		for _, a := range start.Attr {
			if a.Name.Space == "xmlns" && wxrNamespace.MatchString(a.Value) {
				return nil
			}
		}
		return errors.New("an RSS feed without the WordPress export namespace (wp:, export/1.0 to 1.2): not a WordPress export")
	}
}
