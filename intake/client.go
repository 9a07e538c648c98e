package intake

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// userAgent returns the request's User-Agent as valid UTF-8, cut to
// MaxUserAgent bytes on a character boundary.
func userAgent(r *http.Request) string {
	ua := strings.ToValidUTF8(r.UserAgent(), "\uFFFD")
	if len(ua) <= MaxUserAgent {
		return ua
	}
	cut := MaxUserAgent
	for cut > 0 && !utf8.RuneStart(ua[cut]) {
		cut--
	}
	return ua[:cut]
}
