package intake

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ProxyTrust says which reverse proxies in front of the intake are trusted
// to append the client's address to X-Forwarded-For. The zero value trusts
// none: the connection's address is the client's.
//
// The client address is found as reverse proxies document it: walk the
// chain (the X-Forwarded-For entries, then the connection's address) from
// the right, skipping trusted proxies; the first address that is not one is
// the client's. Entries to its left were written by the client and are
// ignored, so a client cannot choose the address it is counted under.
type ProxyTrust struct {
	// Hops trusts that many proxies nearest the intake, whatever their
	// addresses: with 1, the connection comes from the proxy and the
	// rightmost X-Forwarded-For entry is the client.
	Hops int
	// Proxies trusts these addresses and networks wherever they appear at
	// the right end of the chain.
	Proxies []netip.Prefix
}

// Enabled reports whether any proxy is trusted.
func (p ProxyTrust) Enabled() bool { return p.Hops > 0 || len(p.Proxies) > 0 }

// trusted reports whether a is one of the named proxies.
func (p ProxyTrust) trusted(a netip.Addr) bool {
	for _, pr := range p.Proxies {
		if pr.Contains(a) {
			return true
		}
	}
	return false
}

// ParseProxies reads a comma-separated list of addresses and CIDR networks
// such as "127.0.0.1, 10.0.0.0/8, ::1".
func ParseProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(list, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.Contains(part, "/") {
			pr, err := netip.ParsePrefix(part)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q is not an address or network such as 10.0.0.0/8", part)
			}
			if pr.Addr().Is4In6() {
				pr = netip.PrefixFrom(pr.Addr().Unmap(), pr.Bits()-96)
			}
			out = append(out, pr.Masked())
			continue
		}
		a, err := netip.ParseAddr(part)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q is not an address or network such as 10.0.0.0/8", part)
		}
		a = a.Unmap().WithZone("")
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// clientAddr returns the client's IP address under trust (see ProxyTrust).
func clientAddr(r *http.Request, trust ProxyTrust) string {
	peer := connAddr(r.RemoteAddr)
	if !trust.Enabled() {
		return peer
	}
	// The chain from the right: the connection, then the header entries
	// from the last one written to the first.
	chain := []string{peer}
	values := r.Header.Values("X-Forwarded-For")
	for i := len(values) - 1; i >= 0; i-- {
		parts := strings.Split(values[i], ",")
		for j := len(parts) - 1; j >= 0; j-- {
			chain = append(chain, strings.TrimSpace(parts[j]))
		}
	}
	client := peer
	for i, entry := range chain {
		a, err := netip.ParseAddr(entry)
		if err != nil {
			// A trusted proxy passed on something that is not an address:
			// the nearest address it came through stands for the client.
			return client
		}
		a = a.Unmap().WithZone("")
		client = a.String()
		if i < trust.Hops || trust.trusted(a) {
			continue
		}
		return client
	}
	return client // every hop was a trusted proxy: the leftmost one
}

// connAddr is the address of the connection's peer, without port or zone.
func connAddr(remote string) string {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return a.Unmap().WithZone("").String()
	}
	return host
}
