package markup

import (
	"net/url"
	"strings"
)

// HTTPURL returns raw as a normalised absolute http or https URL, and
// whether it is one. Anything else (javascript:, data:, relative paths,
// URLs with spaces or quotes in them) is refused, so the result is safe in
// an href or cite attribute and valid HTML.
func HTTPURL(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 2048 {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	scheme := strings.ToLower(u.Scheme)
	if (scheme != "http" && scheme != "https") || u.Host == "" || u.User != nil {
		return "", false
	}
	u.Scheme = scheme
	s := u.String()
	if strings.ContainsAny(s, " \t\r\n<>\"'`{}|\\^") {
		return "", false
	}
	return s, true
}
