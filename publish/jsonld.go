package publish

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"time"

	"newsroom/domain"
)

// newsArticleLD is schema.org NewsArticle as JSON-LD.
type newsArticleLD struct {
	Context          string         `json:"@context"`
	Type             string         `json:"@type"`
	Headline         string         `json:"headline"`
	Description      string         `json:"description,omitempty"`
	DatePublished    string         `json:"datePublished,omitempty"`
	DateModified     string         `json:"dateModified,omitempty"`
	Author           []ldThing      `json:"author,omitempty"`
	Publisher        ldPublisher    `json:"publisher"`
	ArticleSection   string         `json:"articleSection,omitempty"`
	Keywords         []string       `json:"keywords,omitempty"`
	URL              string         `json:"url,omitempty"`
	MainEntityOfPage *ldWebPage     `json:"mainEntityOfPage,omitempty"`
	Correction       []ldCorrection `json:"correction,omitempty"`
	Image            []ldImage      `json:"image,omitempty"`
}

// ldImage is schema.org ImageObject: the lead image's social card (the
// 1.91:1 focal-point crop) and its largest rendition.
type ldImage struct {
	Type       string `json:"@type"`
	URL        string `json:"url"`
	Width      int    `json:"width"`
	Height     int    `json:"height"`
	Caption    string `json:"caption,omitempty"`
	CreditText string `json:"creditText,omitempty"`
}

// ldCorrection is schema.org CorrectionComment: one note of the log.
type ldCorrection struct {
	Type          string `json:"@type"`
	Text          string `json:"text"`
	DatePublished string `json:"datePublished"`
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// ldPublisher is schema.org NewsMediaOrganization with links to its
// policies on the about page.
type ldPublisher struct {
	Type                           string `json:"@type"`
	Name                           string `json:"name"`
	URL                            string `json:"url,omitempty"`
	PublishingPrinciples           string `json:"publishingPrinciples,omitempty"`
	CorrectionsPolicy              string `json:"correctionsPolicy,omitempty"`
	VerificationFactCheckingPolicy string `json:"verificationFactCheckingPolicy,omitempty"`
	EthicsPolicy                   string `json:"ethicsPolicy,omitempty"`
}

// publisherJSONLD describes the publisher; the policy links and the URL
// need the site's base URL.
func publisherJSONLD(site siteView, m *Masthead) ldPublisher {
	p := ldPublisher{Type: "NewsMediaOrganization", Name: site.Publisher}
	if site.BaseURL == "" {
		return p
	}
	p.URL = site.BaseURL + "/"
	if m == nil {
		return p
	}
	for _, pol := range m.policies() {
		u := site.BaseURL + "/" + aboutDir + "#" + pol.ID
		switch pol.prop {
		case "publishingPrinciples":
			p.PublishingPrinciples = u
		case "correctionsPolicy":
			p.CorrectionsPolicy = u
		case "verificationFactCheckingPolicy":
			p.VerificationFactCheckingPolicy = u
		case "ethicsPolicy":
			p.EthicsPolicy = u
		}
	}
	return p
}

type ldWebPage struct {
	Type string `json:"@type"`
	ID   string `json:"@id"`
}

// articleJSONLD returns the NewsArticle JSON-LD for a, safe to place
// inside <script type="application/ld+json">: encoding/json escapes <, >
// and & (and U+2028, U+2029), so the text can never close the script.
func articleJSONLD(a *domain.Article, site siteView, m *Masthead, pageURL string, lead *imageView) (template.JS, error) {
	publisher := site.Publisher
	ld := newsArticleLD{
		Context:     "https://schema.org",
		Type:        a.Kind.SchemaType(),
		Headline:    strings.TrimSpace(cleanText(a.Headline)),
		Description: strings.TrimSpace(cleanText(a.Standfirst)),
		Publisher:   publisherJSONLD(site, m),
		URL:         pageURL,
	}
	if !a.PublishedAt.IsZero() {
		ld.DatePublished = a.PublishedAt.Format(time.RFC3339)
	}
	if modified := modifiedAt(a); !modified.IsZero() {
		ld.DateModified = modified.Format(time.RFC3339)
	}
	if names := bylineNames(a); len(names) > 0 {
		for _, name := range names {
			person := ldThing{Type: "Person", Name: name}
			if slug := filingSlug(name); slug != "" && site.BaseURL != "" && a.Status == domain.StatusPublished {
				person.URL = site.BaseURL + "/author/" + slug + "/"
			}
			ld.Author = append(ld.Author, person)
		}
	} else {
		ld.Author = []ldThing{{Type: "NewsMediaOrganization", Name: publisher}}
	}
	ld.ArticleSection = strings.TrimSpace(cleanText(domain.SectionOf(a)))
	for _, k := range a.Keywords {
		if k = strings.TrimSpace(cleanText(k)); k != "" {
			ld.Keywords = append(ld.Keywords, k)
		}
	}
	for _, c := range a.Corrections {
		if text := strings.TrimSpace(cleanText(c.Text)); text != "" {
			ld.Correction = append(ld.Correction, ldCorrection{Type: "CorrectionComment", Text: c.Kind.Label() + ": " + text, DatePublished: c.At.Format(time.RFC3339)})
		}
	}
	if lead != nil && lead.CardURL != "" {
		ld.Image = append(ld.Image, ldImage{Type: "ImageObject", URL: lead.CardURL, Width: lead.CardWidth, Height: lead.CardHeight, Caption: lead.Caption, CreditText: lead.Credit})
	}
	if lead != nil && lead.URL != "" {
		ld.Image = append(ld.Image, ldImage{Type: "ImageObject", URL: lead.URL, Width: lead.Width, Height: lead.Height, Caption: lead.Caption, CreditText: lead.Credit})
	}
	if pageURL != "" {
		ld.MainEntityOfPage = &ldWebPage{Type: "WebPage", ID: pageURL}
	}
	b, err := json.Marshal(ld)
	if err != nil {
		return "", fmt.Errorf("json-ld of %q: %w", a.Slug, err)
	}
	return template.JS(b), nil
}

// modifiedAt is when the article last changed (its text, or its
// corrections log), never before it was published.
func modifiedAt(a *domain.Article) time.Time {
	m := a.UpdatedAt
	if c := domain.LastCorrectedAt(a); c.After(m) {
		m = c
	}
	if m.Before(a.PublishedAt) {
		return a.PublishedAt
	}
	return m
}

// byline returns the author's name from the byline, without a leading
// "By".
func byline(a *domain.Article) string {
	b := strings.TrimSpace(cleanText(a.Byline))
	if len(b) > 3 && strings.EqualFold(b[:3], "by ") {
		b = strings.TrimSpace(b[3:])
	}
	return b
}
