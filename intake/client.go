package intake

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
	"unicode/utf8"
)

// clientAddr returns the client's IP address: the connection's, or with
// trustProxy the first valid address in X-Forwarded-For (falling back to
// the connection's when the header has none).
func clientAddr(r *http.Request, trustProxy bool) string {
	if trustProxy {
		for _, v := range r.Header.Values("X-Forwarded-For") {
			for _, part := range strings.Split(v, ",") {
				if a, err := netip.ParseAddr(strings.TrimSpace(part)); err == nil {
					return a.Unmap().WithZone("").String()
				}
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return a.Unmap().WithZone("").String()
	}
	return host
}

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
