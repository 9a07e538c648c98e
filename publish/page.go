package publish

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"time"

	"newsroom/assets"
	"newsroom/domain"
)

// Options shape an article page.
type Options struct {
	// SiteTitle names the site in the header and <title>; default "Newsroom".
	SiteTitle string
	// PublisherName is the organisation in JSON-LD and the footer;
	// default SiteTitle.
	PublisherName string
	// BaseURL is the site's public address ("https://news.example"); when
	// set, pages carry canonical URLs.
	BaseURL string
	// CommentsURL receives the comment form; empty means comments are
	// closed.
	CommentsURL string
	// Language is the pages' BCP 47 language; default "en".
	Language string
	// Draft marks the page as a draft: a visible banner and noindex.
	Draft bool
	// Masthead holds the staff and the publisher's policies; nil means
	// none are set.
	Masthead *Masthead
	// Now is the time of rendering. Nothing on the page depends on it, so
	// the same article always renders to the same bytes.
	Now time.Time
}

// Date formats used on pages.
const (
	timeISO   = time.RFC3339
	timeHuman = "2 January 2006 at 15:04 MST"
	dateHuman = "2 January 2006"
)

// siteView holds what every page shows.
type siteView struct {
	Lang      string
	SiteTitle string
	Publisher string
	BaseURL   string
	NoIndex   bool
}

// chrome is the data of the shared header and footer: the site and the
// relative links to the home page and the feed.
type chrome struct {
	Site siteView
	Home string
	Feed string
	// Root is the relative path from the page to the site root ("",
	// "../", "../../").
	Root string
}

// chromeAt is the chrome of a page at root (the relative path to the
// site root).
func chromeAt(site siteView, root string) chrome {
	return chrome{Site: site, Home: root + "index.html", Feed: root + "feed.xml", Root: root}
}

// renderedChrome is the site header and footer rendered from the
// "site-header" and "site-footer" templates.
type renderedChrome struct {
	Header template.HTML
	Footer template.HTML
}

// chromeCache holds rendered chrome by its data: it is the same for every
// page of a site, so it is rendered once.
var chromeCache sync.Map // chrome → renderedChrome

func siteChrome(t *template.Template, c chrome) (renderedChrome, error) {
	if r, ok := chromeCache.Load(c); ok {
		return r.(renderedChrome), nil
	}
	var header, footer bytes.Buffer
	if err := t.ExecuteTemplate(&header, "site-header", c); err != nil {
		return renderedChrome{}, fmt.Errorf("render site header: %w", err)
	}
	if err := t.ExecuteTemplate(&footer, "site-footer", c); err != nil {
		return renderedChrome{}, fmt.Errorf("render site footer: %w", err)
	}
	r := renderedChrome{Header: template.HTML(header.String()), Footer: template.HTML(footer.String())}
	chromeCache.Store(c, r)
	return r, nil
}

// articleView is the data of the article page template.
type articleView struct {
	Site       siteView
	Chrome     renderedChrome
	Kicker     string
	KickerHref string
	BylineHref string
	// CoAuthors is set for a byline of several names (co-authors): each
	// with its own author page; Byline and BylineHref are then unused.
	CoAuthors     []coAuthorView
	KindLabel     string
	Tags          []tagView
	Slug          string
	Headline      string
	Standfirst    string
	Byline        string
	PublishedISO  string
	PublishedText string
	ModifiedISO   string
	FactChecked   bool
	Draft         bool
	Keywords      []string
	Body          template.HTML
	Lead          *imageView
	Sources       []sourceView
	CanonicalURL  string
	JSONLD        template.JS
	Comments      []*commentView
	CommentList   []*commentView
	CommentCount  int
	CommentsURL   string
	Corrections   []correctionView
	Notice        *correctionNotice
}

// tagView is a tag on an article page, linked to its page when live.
type tagView struct {
	Name string
	Href string
}

type sourceView struct {
	Name string
	Kind string
	URL  string
}

// templates are parsed once, from assets.Templates.
var templates = sync.OnceValues(func() (*template.Template, error) {
	t, err := template.New("site").ParseFS(assets.Templates, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse site templates: %w", err)
	}
	return t, nil
})

// RenderArticlePage renders the complete HTML page of an article, as both
// "Preview in browser" and export show it. comments are the article's
// comments; only approved ones are shown. The page links its stylesheet
// as ../site.css (see SiteCSS and WritePreview).
func RenderArticlePage(a *domain.Article, comments []domain.Comment, opt Options) ([]byte, error) {
	if a == nil {
		return nil, fmt.Errorf("render article page: no article")
	}
	body, _, err := renderBody(a)
	if err != nil {
		return nil, err
	}
	return renderArticlePage(a, body, nil, comments, opt)
}

// renderArticlePage renders a's page around its rendered body; lead, when
// not nil, is its lead image (shown above the body, in OpenGraph and in
// the JSON-LD).
func renderArticlePage(a *domain.Article, body string, lead *resolvedImage, comments []domain.Comment, opt Options) ([]byte, error) {
	t, err := templates()
	if err != nil {
		return nil, err
	}
	site := newSiteView(opt.SiteTitle, opt.PublisherName, opt.BaseURL, opt.Language, opt.Draft)
	v := articleView{
		Site:        site,
		Slug:        a.Slug,
		Headline:    strings.TrimSpace(cleanText(a.Headline)),
		Standfirst:  strings.TrimSpace(cleanText(a.Standfirst)),
		Byline:      strings.TrimSpace(cleanText(a.Byline)),
		FactChecked: a.FactCheck.Checked,
		Draft:       opt.Draft,
		Body:        template.HTML(body),
		CommentsURL: strings.TrimSpace(opt.CommentsURL),
	}
	if v.Headline == "" {
		v.Headline = "Untitled"
	}
	if v.Chrome, err = siteChrome(t, chromeAt(site, "../")); err != nil {
		return nil, err
	}
	if !a.PublishedAt.IsZero() {
		v.PublishedISO = a.PublishedAt.Format(timeISO)
		v.PublishedText = a.PublishedAt.Format(timeHuman)
	}
	if m := modifiedAt(a); !m.IsZero() {
		v.ModifiedISO = m.Format(timeISO)
	}
	for _, k := range a.Keywords {
		if k = strings.TrimSpace(cleanText(k)); k != "" {
			v.Keywords = append(v.Keywords, k)
		}
	}
	v.Kicker = strings.TrimSpace(cleanText(domain.SectionOf(a)))
	v.KindLabel = a.Kind.Label()
	linked := !opt.Draft && a.Status == domain.StatusPublished
	if linked {
		v.KickerHref = sectionHref(v.Kicker)
		if slug := authorSlug(a); slug != "" {
			v.BylineHref = "../author/" + slug + "/index.html"
		}
	}
	v.CoAuthors = coAuthorViews(a, linked)
	for _, k := range v.Keywords {
		tv := tagView{Name: k}
		if linked {
			tv.Href = tagHref(k)
		}
		v.Tags = append(v.Tags, tv)
	}
	for _, s := range a.Sources {
		name := strings.TrimSpace(cleanText(s.Name))
		if name == "" {
			continue
		}
		sv := sourceView{Name: name, Kind: kindLabel(s.Kind)}
		sv.URL, _ = httpURL(s.URL)
		v.Sources = append(v.Sources, sv)
	}
	if site.BaseURL != "" {
		v.CanonicalURL = site.BaseURL + "/" + a.Slug + "/"
	}
	v.Lead = newImageView(lead, "../", nil).withURL(site.BaseURL, lead, leadCard(site, lead))
	if v.JSONLD, err = articleJSONLD(a, site, opt.Masthead, v.CanonicalURL, v.Lead); err != nil {
		return nil, err
	}
	v.Corrections, v.Notice = correctionViews(a)
	v.Comments, v.CommentCount = commentThread(comments)
	v.CommentList = flattenComments(v.Comments)
	var buf bytes.Buffer
	buf.Grow(len(body) + 8192)
	if err := t.ExecuteTemplate(&buf, "article", v); err != nil {
		return nil, fmt.Errorf("render page of %q: %w", a.Slug, err)
	}
	return buf.Bytes(), nil
}

func newSiteView(title, publisher, baseURL, lang string, noindex bool) siteView {
	s := siteView{
		Lang:      strings.TrimSpace(lang),
		SiteTitle: strings.TrimSpace(cleanText(title)),
		Publisher: strings.TrimSpace(cleanText(publisher)),
		NoIndex:   noindex,
	}
	if s.Lang == "" {
		s.Lang = "en"
	}
	if s.SiteTitle == "" {
		s.SiteTitle = domain.DefaultSiteTitle
	}
	if s.Publisher == "" {
		s.Publisher = s.SiteTitle
	}
	if u, ok := httpURL(baseURL); ok {
		s.BaseURL = strings.TrimRight(u, "/")
	}
	return s
}

// kindLabel names a source kind for readers.
func kindLabel(k domain.SourceKind) string {
	switch k {
	case domain.SourceNewspaper:
		return "newspaper"
	case domain.SourceNewsAgency:
		return "news agency"
	case domain.SourceStateMedia:
		return "state media"
	case domain.SourceOfficial:
		return "official statement"
	case domain.SourcePerson:
		return "person"
	case domain.SourceDocument:
		return "document"
	case domain.SourceAnonymous:
		return "anonymous source"
	}
	return ""
}
