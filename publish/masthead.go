package publish

import (
	"strings"

	"newsroom/domain"
)

// Masthead is what the publisher says about itself: the people, the
// masthead text and the policies, all from the site's settings. Every
// field is optional.
type Masthead struct {
	// Staff are the people bylines name, with their roles and bios.
	Staff []Author
	// About is the masthead text of the about page: who publishes the
	// site, owners, address. Paragraphs are separated by blank lines.
	About string
	// Policies, plain text, each shown on the about page and linked from
	// the publisher's JSON-LD when the site has a base URL.
	CorrectionsPolicy    string
	FactCheckingPolicy   string
	EthicsPolicy         string
	PublishingPrinciples string
	// PrivacyContact is where readers ask for a copy or the erasure of
	// their comment data (an email address or a postal address).
	PrivacyContact string
	// RetentionDays is after how many days the store clears commenters'
	// addresses and browser strings; 0 means they are kept.
	RetentionDays int
}

// Author is one person of the staff.
type Author struct {
	Name string
	Role string
	Bio  string
}

// ParseStaff reads the staff setting: one person a line, as
// "Name | Role | Short bio" (role and bio optional). Blank lines and
// lines without a name are skipped.
func ParseStaff(text string) []Author {
	var out []Author
	for _, line := range strings.Split(text, "\n") {
		parts := strings.SplitN(line, "|", 3)
		for len(parts) < 3 {
			parts = append(parts, "")
		}
		a := Author{Name: strings.TrimSpace(parts[0]), Role: strings.TrimSpace(parts[1]), Bio: strings.TrimSpace(parts[2])}
		if a.Name != "" {
			out = append(out, a)
		}
	}
	return out
}

// person returns the staff entry of the byline name (matched by slug),
// else one with only the name.
func (m *Masthead) person(name string) Author {
	if m == nil {
		return Author{Name: strings.TrimSpace(cleanText(name))}
	}
	slug := filingSlug(name)
	for _, a := range m.Staff {
		if filingSlug(a.Name) == slug {
			return Author{Name: strings.TrimSpace(cleanText(a.Name)), Role: strings.TrimSpace(cleanText(a.Role)), Bio: strings.TrimSpace(cleanText(a.Bio))}
		}
	}
	return Author{Name: strings.TrimSpace(cleanText(name))}
}

// policy is one of the publisher's policies on the about page.
type policy struct {
	ID    string // the anchor on the about page
	Title string
	Paras []string
	prop  string // the schema.org property linking to it
}

// policies returns the policies that have text, in page order.
func (m *Masthead) policies() []policy {
	if m == nil {
		return nil
	}
	var out []policy
	for _, p := range []struct {
		id, title, text, prop string
	}{
		{"publishing-principles", "Publishing principles", m.PublishingPrinciples, "publishingPrinciples"},
		{"corrections-policy", "Corrections policy", m.CorrectionsPolicy, "correctionsPolicy"},
		{"fact-checking-policy", "Fact-checking policy", m.FactCheckingPolicy, "verificationFactCheckingPolicy"},
		{"ethics-policy", "Ethics policy", m.EthicsPolicy, "ethicsPolicy"},
	} {
		if paras := paragraphs(p.text); len(paras) > 0 {
			out = append(out, policy{ID: p.id, Title: p.title, Paras: paras, prop: p.prop})
		}
	}
	return out
}

// paragraphs splits plain text at blank lines, cleaned and trimmed.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(cleanText(text), "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// hashPublisher adds to a key what every page shows of the masthead: the
// publisher's JSON-LD links to the policies that are set.
func (m *Masthead) hashPublisher(k *keyHasher) {
	for _, p := range m.policies() {
		k.str(p.ID)
	}
}

// hash adds the whole masthead to a key.
func (m *Masthead) hash(k *keyHasher) {
	if m == nil {
		m = &Masthead{}
	}
	k.int(int64(len(m.Staff)))
	for _, a := range m.Staff {
		k.str(a.Name)
		k.str(a.Role)
		k.str(a.Bio)
	}
	for _, s := range []string{m.About, m.CorrectionsPolicy, m.FactCheckingPolicy, m.EthicsPolicy, m.PublishingPrinciples, m.PrivacyContact} {
		k.str(s)
	}
	k.int(int64(m.RetentionDays))
}

// authorSlug is the URL segment of a byline's author page; "" without a
// usable name.
func authorSlug(a *domain.Article) string {
	return filingSlug(byline(a))
}
