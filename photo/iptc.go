package photo

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// IPTC IIM datasets of record 2 (application record) that Newsroom reads,
// by dataset number, with the field each fills.
var iptcFields = map[byte]string{
	5:   "title",     // Object Name
	55:  "date",      // Date Created (CCYYMMDD)
	80:  "creator",   // By-line (repeatable)
	105: "headline",  // Headline
	110: "credit",    // Credit
	115: "source",    // Source
	116: "copyright", // Copyright Notice
	120: "caption",   // Caption/Abstract
}

// parseIPTC reads an IPTC IIM block (a run of datasets, each 0x1C, record,
// dataset number, length, value). No Go library reads IIM, so this is ours:
// it stops at the first malformed dataset and keeps what came before.
// Values are UTF-8 when the block says so (1:90 = ESC % G) or when they are
// valid UTF-8; otherwise they are read as Latin-1, as older tools wrote them.
func parseIPTC(block []byte) map[string]string {
	type value struct {
		field string
		raw   []byte
	}
	var values []value
	utf8Declared := false
	for i := 0; i+5 <= len(block); {
		if block[i] != 0x1C {
			break
		}
		record, dataset := block[i+1], block[i+2]
		n := int(binary.BigEndian.Uint16(block[i+3:]))
		i += 5
		if n&0x8000 != 0 { // extended dataset: the low bits count the length bytes
			k := n & 0x7FFF
			if k > 4 || i+k > len(block) {
				break
			}
			n = 0
			for _, c := range block[i : i+k] {
				n = n<<8 | int(c)
			}
			i += k
		}
		if n < 0 || i+n > len(block) {
			break
		}
		raw := block[i : i+n]
		i += n
		switch {
		case record == 1 && dataset == 90:
			utf8Declared = string(raw) == "\x1b%G"
		case record == 2:
			if f, ok := iptcFields[dataset]; ok {
				values = append(values, value{f, raw})
			}
		}
	}
	out := map[string]string{}
	for _, v := range values {
		text := iimText(v.raw, utf8Declared)
		if text == "" {
			continue
		}
		if v.field == "date" && len(text) == 8 {
			text = text[:4] + "-" + text[4:6] + "-" + text[6:]
		}
		if old, ok := out[v.field]; ok {
			if v.field == "creator" {
				out[v.field] = old + "; " + text
			}
			continue
		}
		out[v.field] = text
	}
	return out
}

// iimText decodes an IIM value as UTF-8 or Latin-1.
func iimText(raw []byte, utf8Declared bool) string {
	if utf8Declared || utf8.Valid(raw) {
		return strings.TrimRight(string(raw), "\x00")
	}
	var b strings.Builder
	for _, c := range raw {
		b.WriteRune(rune(c))
	}
	return strings.TrimRight(b.String(), "\x00")
}
