package intake

import (
	"fmt"
	"net/http"
	"strconv"
)

// refusal is an answer that turns a request down: a status code, a short
// message for the reader, and for 429 and 503 the seconds to wait.
type refusal struct {
	code       int
	msg        string
	retryAfter int
}

func (r *refusal) Error() string { return fmt.Sprintf("%d %s", r.code, r.msg) }

// refuse builds a refusal.
func refuse(code int, format string, args ...any) *refusal {
	return &refusal{code: code, msg: fmt.Sprintf(format, args...)}
}

// unavailable is the 503 for a database that cannot take a comment now;
// it says nothing about the cause.
func unavailable() *refusal {
	return &refusal{code: http.StatusServiceUnavailable, msg: "the comment could not be saved right now; please try again in a few seconds", retryAfter: 5}
}

// writeRefusal answers with the refusal, as JSON when the client accepts
// it and as plain text otherwise.
func writeRefusal(w http.ResponseWriter, r *http.Request, f *refusal) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	if f.retryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(f.retryAfter))
	}
	if f.code == http.StatusMethodNotAllowed {
		h.Set("Allow", http.MethodPost)
	}
	if wantsJSON(r) {
		writeJSON(w, f.code, map[string]string{"error": f.msg})
		return
	}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(f.code)
	fmt.Fprintln(w, f.msg)
}
