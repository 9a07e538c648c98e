package intake

import (
	"context"
	"encoding/json"
	"html/template"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"newsroom/domain"
	"newsroom/storage"
)

// answer is the JSON body for a stored comment.
type answer struct {
	ID      int64    `json:"id"`
	Status  string   `json:"status"`
	Reasons []string `json:"reasons"`
}

// heldForModeration is the only reason a client sees for a comment
// stored as spam, so a bot learns nothing about which rule caught it.
const heldForModeration = "held for moderation"

// publicAnswer is what the submitter may learn: spam is reported as
// pending, and keywords the site moderates on are not named.
func publicAnswer(c *domain.Comment) answer {
	a := answer{ID: c.ID, Status: string(c.Status), Reasons: []string{}}
	switch c.Status {
	case domain.CommentSpam:
		a.Status = string(domain.CommentPending)
		a.Reasons = append(a.Reasons, heldForModeration)
	case domain.CommentPending:
		for _, r := range c.Reasons {
			if strings.HasPrefix(r, "matches moderation keyword") {
				r = "contains a word the editors review"
			}
			a.Reasons = append(a.Reasons, r)
		}
	}
	return a
}

// answer replies to a stored comment: JSON (201 approved, 202 held) when
// the client accepts JSON; otherwise a 303 back to the article for an
// approved comment, or a short page saying it awaits moderation.
func (s *Server) answer(ctx context.Context, w http.ResponseWriter, r *http.Request, c *domain.Comment, a *domain.Article) {
	w.Header().Set("Cache-Control", "no-store")
	code := http.StatusAccepted
	if c.Status == domain.CommentApproved {
		code = http.StatusCreated
	}
	if wantsJSON(r) {
		writeJSON(w, code, publicAnswer(c))
		return
	}
	back := s.articleURL(ctx, r, a)
	if c.Status == domain.CommentApproved {
		back.Fragment = "comment-" + strconv.FormatInt(c.ID, 10)
		http.Redirect(w, r, back.String(), http.StatusSeeOther)
		return
	}
	back.Fragment = "comments"
	writeHTML(w, http.StatusAccepted, heldPage, heldData{
		Headline: a.Headline,
		Author:   c.Author,
		Excerpt:  excerpt(c.Body, 300),
		Back:     back.String(),
	})
}

// articleURL is where the reader goes back to: the Referer when it is on
// this site (the intake's host or the site's base URL), else the article's
// page under the base URL setting, else /<slug>/ on this host.
func (s *Server) articleURL(ctx context.Context, r *http.Request, a *domain.Article) *url.URL {
	base, _ := s.store.Setting(ctx, storage.SettingBaseURL, "")
	baseURL, err := url.Parse(strings.TrimSpace(base))
	if err != nil || (baseURL.Scheme != "http" && baseURL.Scheme != "https") || baseURL.Host == "" {
		baseURL = nil
	}
	if ref, err := url.Parse(r.Referer()); err == nil && (ref.Scheme == "http" || ref.Scheme == "https") && ref.Host != "" {
		if strings.EqualFold(ref.Host, r.Host) || (baseURL != nil && strings.EqualFold(ref.Host, baseURL.Host)) {
			ref.Fragment, ref.RawFragment = "", ""
			return ref
		}
	}
	path := "/" + url.PathEscape(a.Slug) + "/"
	if baseURL != nil {
		u := *baseURL
		u.Path = strings.TrimSuffix(u.Path, "/") + path
		u.RawPath, u.RawQuery, u.Fragment = "", "", ""
		return &u
	}
	return &url.URL{Path: path}
}

// excerpt cuts text to at most n characters, marking the cut.
func excerpt(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	return string([]rune(text)[:n]) + "…"
}

// wantsJSON reports whether the Accept header names application/json
// (or a +json type).
func wantsJSON(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept") {
		for _, part := range strings.Split(v, ",") {
			mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json")) {
				return true
			}
		}
	}
	return false
}

// writeJSON writes v as JSON with the status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(append(body, '\n'))
}

// pageCSP locks down the intake's own small HTML pages.
const pageCSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// writeHTML renders one of the intake's own pages.
func writeHTML(w http.ResponseWriter, code int, t *template.Template, data any) {
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("X-Frame-Options", "DENY")
	w.WriteHeader(code)
	w.Write([]byte(b.String()))
}

// heldData fills heldPage.
type heldData struct {
	Headline, Author, Excerpt, Back string
}

var heldPage = template.Must(template.New("held").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Comment awaiting moderation</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}blockquote{border-left:3px solid #ccc;margin:1rem 0;padding-left:1rem;color:#444;white-space:pre-wrap}</style>
</head><body>
<h1>Thank you, {{.Author}}</h1>
<p>Your comment on <cite>{{.Headline}}</cite> is awaiting moderation. It will appear once an editor has approved it.</p>
<blockquote>{{.Excerpt}}</blockquote>
<p><a href="{{.Back}}">Back to the article</a></p>
</body></html>
`))
