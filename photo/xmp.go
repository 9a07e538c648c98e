package photo

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// XMP namespaces Newsroom reads.
const (
	nsRDF       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsDC        = "http://purl.org/dc/elements/1.1/"
	nsPhotoshop = "http://ns.adobe.com/photoshop/1.0/"
	nsIPTCCore  = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
	nsRights    = "http://ns.adobe.com/xap/1.0/rights/"
	nsXML       = "http://www.w3.org/XML/1998/namespace"
)

// xmpFields maps an XMP property (namespace and name) to the field it fills.
var xmpFields = map[xml.Name]string{
	{Space: nsDC, Local: "description"}:                "caption",
	{Space: nsDC, Local: "title"}:                      "title",
	{Space: nsDC, Local: "creator"}:                    "creator",
	{Space: nsDC, Local: "rights"}:                     "copyright",
	{Space: nsPhotoshop, Local: "Credit"}:              "credit",
	{Space: nsPhotoshop, Local: "Headline"}:            "headline",
	{Space: nsPhotoshop, Local: "Source"}:              "source",
	{Space: nsPhotoshop, Local: "DateCreated"}:         "date",
	{Space: nsIPTCCore, Local: "AltTextAccessibility"}: "alt",
	{Space: nsRights, Local: "UsageTerms"}:             "usage",
}

// maxXMPBytes bounds the XMP packet parsed (JPEG segments hold 64 KB).
const maxXMPBytes = 1 << 20

// parseXMP reads the properties of xmpFields from an XMP packet (RDF/XML):
// simple values as attributes of rdf:Description or as elements, language
// alternatives (rdf:Alt, the x-default entry else the first) and lists
// (rdf:Seq, rdf:Bag, joined with "; "). No maintained Go library reads the
// IPTC Core and photoshop namespaces, so this walk over encoding/xml's
// tokens is ours; encoding/xml expands no external entities. A malformed
// packet keeps what was read before the error.
func parseXMP(packet []byte) map[string]string {
	out := map[string]string{}
	if len(packet) > maxXMPBytes {
		return out
	}
	dec := xml.NewDecoder(bytes.NewReader(packet))
	var (
		field     string // the property being read, "" when none
		depth     int    // element depth inside that property
		items     []string
		defaultLi = -1
		text      strings.Builder
		inItem    bool
	)
	set := func(f, v string) {
		if v = strings.TrimSpace(v); v != "" {
			if _, ok := out[f]; !ok {
				out[f] = v
			}
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if field != "" {
				depth++
				if t.Name.Space == nsRDF && t.Name.Local == "li" {
					inItem = true
					text.Reset()
					for _, a := range t.Attr {
						if a.Name.Space == nsXML && a.Name.Local == "lang" && a.Value == "x-default" && defaultLi < 0 {
							defaultLi = len(items)
						}
					}
				}
				continue
			}
			if t.Name.Space == nsRDF && t.Name.Local == "Description" {
				for _, a := range t.Attr {
					if f, ok := xmpFields[a.Name]; ok {
						set(f, a.Value)
					}
				}
				continue
			}
			if f, ok := xmpFields[t.Name]; ok {
				field, depth, items, defaultLi, inItem = f, 0, nil, -1, false
				text.Reset()
			}
		case xml.CharData:
			if field != "" {
				text.Write(t)
			}
		case xml.EndElement:
			if field == "" {
				continue
			}
			if depth > 0 {
				if t.Name.Space == nsRDF && t.Name.Local == "li" && inItem {
					items = append(items, strings.TrimSpace(text.String()))
					inItem = false
					text.Reset()
				}
				depth--
				continue
			}
			switch {
			case len(items) == 0:
				set(field, text.String())
			case defaultLi >= 0:
				set(field, items[defaultLi])
			case field == "creator":
				set(field, strings.Join(nonEmpty(items), "; "))
			default:
				set(field, items[0])
			}
			field = ""
		}
	}
}

// nonEmpty drops blank strings.
func nonEmpty(v []string) []string {
	var out []string
	for _, s := range v {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
