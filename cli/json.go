package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// articleJSON is the command line's JSON form of an article.
type articleJSON struct {
	Slug        string           `json:"slug"`
	Headline    string           `json:"headline"`
	Standfirst  string           `json:"standfirst"`
	Byline      string           `json:"byline"`
	Body        *string          `json:"body,omitempty"`
	Status      string           `json:"status"`
	PublishedAt *time.Time       `json:"published_at"`
	CreatedAt   time.Time        `json:"created_at"`
	UpdatedAt   time.Time        `json:"updated_at"`
	Keywords    []string         `json:"keywords"`
	Section     string           `json:"section"`
	Kind        string           `json:"kind"`
	LeadImage   string           `json:"lead_image"`
	FactCheck   factCheckJSON    `json:"fact_check"`
	Sources     []sourceJSON     `json:"sources"`
	Quotes      []quoteJSON      `json:"quotes"`
	Corrections []correctionJSON `json:"corrections"`
	Revisions   int              `json:"revisions"`
	Comments    map[string]int   `json:"comments"`
}

type factCheckJSON struct {
	Checked bool       `json:"checked"`
	By      string     `json:"by"`
	At      *time.Time `json:"at"`
}

type sourceJSON struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	URL  string `json:"url"`
	Note string `json:"note"`
}

type quoteJSON struct {
	Ref     string `json:"ref"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Role    string `json:"role"`
	Context string `json:"context"`
	Source  string `json:"source"`
}

// correctionJSON is one note of an article's corrections log.
type correctionJSON struct {
	Kind string    `json:"kind"`
	Text string    `json:"text"`
	At   time.Time `json:"at"`
	By   string    `json:"by"`
}

// timePtr returns nil for the zero time, so JSON says null.
func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// toArticleJSON converts an article and its counts.
func toArticleJSON(a *domain.Article, st storage.ArticleStats, withBody bool) articleJSON {
	out := articleJSON{
		Slug: a.Slug, Headline: a.Headline, Standfirst: a.Standfirst, Byline: a.Byline, Status: string(a.Status),
		PublishedAt: timePtr(a.PublishedAt), CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
		Keywords: append([]string{}, a.Keywords...),
		Section:  a.Section, Kind: string(a.Kind), LeadImage: a.LeadImage,
		FactCheck: factCheckJSON{Checked: a.FactCheck.Checked, By: a.FactCheck.By, At: timePtr(a.FactCheck.At)},
		Sources:   []sourceJSON{}, Quotes: []quoteJSON{}, Corrections: []correctionJSON{},
		Revisions: st.Revisions,
		Comments:  map[string]int{"pending": 0, "approved": 0, "spam": 0, "trash": 0},
	}
	if withBody {
		body := a.Body
		out.Body = &body
	}
	for _, s := range a.Sources {
		out.Sources = append(out.Sources, sourceJSON{Name: s.Name, Kind: string(s.Kind), URL: s.URL, Note: s.Note})
	}
	for _, q := range a.Quotes {
		out.Quotes = append(out.Quotes, quoteJSON{Ref: q.Ref, Text: q.Text, Speaker: q.Speaker, Role: q.Role, Context: q.Context, Source: q.Source})
	}
	for _, c := range a.Corrections {
		out.Corrections = append(out.Corrections, correctionJSON{Kind: string(c.Kind), Text: c.Text, At: c.At, By: c.By})
	}
	for k, v := range st.Comments {
		out.Comments[string(k)] = v
	}
	return out
}

// commentJSON is the command line's JSON form of a comment.
type commentJSON struct {
	ID          int64     `json:"id"`
	Article     string    `json:"article"`
	Parent      int64     `json:"parent"`
	Author      string    `json:"author"`
	Email       string    `json:"email"`
	URL         string    `json:"url"`
	Body        string    `json:"body"`
	Status      string    `json:"status"`
	Reasons     []string  `json:"reasons"`
	Type        string    `json:"type"`
	SubmittedAt time.Time `json:"submitted_at"`
}

// toCommentJSON converts a comment; the client address stays out.
func toCommentJSON(c domain.Comment) commentJSON {
	reasons := c.Reasons
	if reasons == nil {
		reasons = []string{}
	}
	return commentJSON{ID: c.ID, Article: c.ArticleSlug, Parent: c.ParentID, Author: c.Author, Email: c.Email,
		URL: c.URL, Body: c.Body, Status: string(c.Status), Reasons: reasons, Type: string(c.Type), SubmittedAt: c.SubmittedAt}
}

// writeJSON prints v indented, with a final newline. Every control
// character is escaped (see jsonSafe), so the output is safe on a
// terminal and still the same JSON.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(jsonSafe(buf.Bytes()))
	return err
}
