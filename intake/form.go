package intake

import (
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// submission is the comment form as posted.
type submission struct {
	article  string
	author   string
	email    string
	url      string
	body     string
	parent   int64
	honeypot bool
}

// Form field names, as the exported page's comment form has them.
const (
	fieldArticle  = "article"
	fieldAuthor   = "author"
	fieldEmail    = "email"
	fieldURL      = "url"
	fieldBody     = "body"
	fieldParent   = "parent"
	fieldHoneypot = "website_confirm"
)

// readSubmission parses the posted form. The caller has already bounded
// the body with http.MaxBytesReader.
func readSubmission(r *http.Request) (*submission, *refusal) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return nil, refuse(http.StatusUnsupportedMediaType, "send the comment form as application/x-www-form-urlencoded or multipart/form-data")
	}
	switch mt {
	case "application/x-www-form-urlencoded":
		err = r.ParseForm()
	case "multipart/form-data":
		err = r.ParseMultipartForm(MaxRequestBytes)
		if r.MultipartForm != nil {
			defer r.MultipartForm.RemoveAll()
		}
	default:
		return nil, refuse(http.StatusUnsupportedMediaType, "send the comment form as application/x-www-form-urlencoded or multipart/form-data")
	}
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, refuse(http.StatusRequestEntityTooLarge, "the request is over the limit of %d KiB", MaxRequestBytes>>10)
		}
		return nil, refuse(http.StatusBadRequest, "the comment form could not be read")
	}
	get := func(name string) string {
		if v := r.PostForm[name]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	for _, name := range []string{fieldArticle, fieldAuthor, fieldEmail, fieldURL, fieldBody, fieldParent, fieldHoneypot} {
		if !utf8.ValidString(get(name)) {
			return nil, refuse(http.StatusBadRequest, "the %s field is not valid UTF-8 text", name)
		}
		if strings.IndexFunc(get(name), isControl) >= 0 {
			return nil, refuse(http.StatusBadRequest, "the %s field contains control characters", name)
		}
	}
	sub := &submission{
		article:  strings.TrimSpace(get(fieldArticle)),
		author:   get(fieldAuthor),
		email:    get(fieldEmail),
		url:      get(fieldURL),
		body:     get(fieldBody),
		honeypot: strings.TrimSpace(get(fieldHoneypot)) != "",
	}
	if sub.article == "" {
		return nil, refuse(http.StatusBadRequest, "the form does not say which article the comment is for")
	}
	if p := strings.TrimSpace(get(fieldParent)); p != "" && p != "0" {
		sub.parent, err = strconv.ParseInt(p, 10, 64)
		if err != nil || sub.parent <= 0 {
			return nil, refuse(http.StatusBadRequest, "the comment replied to is not a valid comment number")
		}
	}
	return sub, nil
}

// isControl reports a control character other than tab, line feed and
// carriage return; none belongs in a comment form.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
}
