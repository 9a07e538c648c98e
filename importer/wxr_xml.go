package importer

import (
	"encoding/xml"
	"regexp"
)

// Canonical namespaces: the WXR versions' URIs are rewritten to these so
// one set of struct tags reads WXR 1.0, 1.1 and 1.2 alike.
const (
	nsWP      = "wxr"
	nsExcerpt = "wxr-excerpt"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
)

var wxrExcerptNamespace = regexp.MustCompile(`^https?://wordpress\.org/export/1\.[0-2]/excerpt/$`)

// nsNormalizer is a token stream that renames the WXR namespaces. It
// also marks token boundaries for the boundedReader under the decoder and
// remembers the line each element of the current item starts on.
type nsNormalizer struct {
	d       *xml.Decoder
	limit   *boundedReader
	lastTag string         // prefix:name of the last element opened
	line    int            // the line it opened on
	lines   map[string]int // element name → line, in the current item
}

// Token returns the next token with canonical namespaces.
func (n *nsNormalizer) Token() (xml.Token, error) {
	tok, err := n.d.Token()
	if n.limit != nil {
		n.limit.tokenMark = n.limit.n
	}
	switch t := tok.(type) {
	case xml.StartElement:
		t.Name.Space = canonicalNS(t.Name.Space)
		n.line, _ = n.d.InputPos()
		n.lastTag = shortName(t.Name)
		if n.limit != nil {
			n.limit.field = n.lastTag
		}
		if n.lines != nil {
			if _, seen := n.lines[n.lastTag]; !seen {
				n.lines[n.lastTag] = n.line
			}
		}
		return t, err
	case xml.EndElement:
		t.Name.Space = canonicalNS(t.Name.Space)
		return t, err
	}
	return tok, err
}

// shortName is an element's name as an export writes it: wp:post_name,
// content:encoded, title.
func shortName(n xml.Name) string {
	switch n.Space {
	case nsWP:
		return "wp:" + n.Local
	case nsExcerpt:
		return "excerpt:" + n.Local
	case nsContent:
		return "content:" + n.Local
	case nsDC:
		return "dc:" + n.Local
	}
	return n.Local
}

func canonicalNS(ns string) string {
	switch {
	case ns == "":
		return ""
	case wxrNamespace.MatchString(ns):
		return nsWP
	case wxrExcerptNamespace.MatchString(ns):
		return nsExcerpt
	}
	return ns
}

// wxrAuthor is a <wp:author> block of the channel.
type wxrAuthor struct {
	Login       string `xml:"wxr author_login"`
	DisplayName string `xml:"wxr author_display_name"`
}

// wxrItem is one <item>: a post, page, attachment, menu item, ….
type wxrItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	GUID        string        `xml:"guid"`
	Creator     string        `xml:"http://purl.org/dc/elements/1.1/ creator"`
	Content     string        `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	Excerpt     string        `xml:"wxr-excerpt encoded"`
	PostID      string        `xml:"wxr post_id"`
	PostDate    string        `xml:"wxr post_date"`
	PostDateGMT string        `xml:"wxr post_date_gmt"`
	PostName    string        `xml:"wxr post_name"`
	Status      string        `xml:"wxr status"`
	PostType    string        `xml:"wxr post_type"`
	Password    string        `xml:"wxr post_password"`
	Categories  []wxrCategory `xml:"category"`
	Comments    []wxrComment  `xml:"wxr comment"`
	// AttachmentURL is an attachment's file address; PostMeta holds its
	// alt text and file path, and a post's featured image (_thumbnail_id).
	AttachmentURL string    `xml:"wxr attachment_url"`
	PostMeta      []wxrMeta `xml:"wxr postmeta"`
}

// wxrCategory is a category or tag of an item.
type wxrCategory struct {
	Domain   string `xml:"domain,attr"`
	Nicename string `xml:"nicename,attr"`
	Name     string `xml:",chardata"`
}

// wxrComment is a <wp:comment> of an item.
type wxrComment struct {
	ID          string `xml:"wxr comment_id"`
	Author      string `xml:"wxr comment_author"`
	AuthorEmail string `xml:"wxr comment_author_email"`
	AuthorURL   string `xml:"wxr comment_author_url"`
	AuthorIP    string `xml:"wxr comment_author_IP"`
	Date        string `xml:"wxr comment_date"`
	DateGMT     string `xml:"wxr comment_date_gmt"`
	Content     string `xml:"wxr comment_content"`
	Approved    string `xml:"wxr comment_approved"`
	Type        string `xml:"wxr comment_type"`
	Parent      string `xml:"wxr comment_parent"`
}
