package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// fmField is one front matter field with the file line its value is on.
type fmField struct {
	key   string
	value any
	line  int
}

// splitFrontMatter separates the front matter from the Markdown body. It
// returns the raw front matter, its fence ("---" or "+++"), the file line
// its first line is on, the body and the file line the body starts on.
//
// JSON front matter (Hugo) is one object starting at the file's first
// byte; its fence is "{". A file without front matter has fence "" and is
// all body.
func splitFrontMatter(src []byte) (raw []byte, fence string, firstLine int, body []byte, bodyLine int, err error) {
	if len(src) > 1 && src[0] == '{' && src[1] != '{' {
		return splitJSONFrontMatter(src)
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	fence = strings.TrimRight(string(lines[0]), " \t\r\n")
	if fence != "---" && fence != "+++" {
		return nil, "", 0, src, 1, nil
	}
	for i := 1; i < len(lines); i++ {
		l := strings.TrimRight(string(lines[i]), " \t\r\n")
		if l == fence || (fence == "---" && l == "...") {
			raw = bytes.Join(lines[1:i], nil)
			body = bytes.Join(lines[i+1:], nil)
			return raw, fence, 2, body, i + 2, nil
		}
	}
	return nil, "", 0, nil, 0, atLine(1, "front matter opened with %q is never closed (no line %q after it)", fence, fence)
}

// parseFrontMatter reads YAML or TOML front matter into fields, in order.
func parseFrontMatter(raw []byte, fence string, firstLine int) ([]fmField, error) {
	switch fence {
	case "":
		return nil, nil
	case "{":
		return parseJSONFrontMatter(raw)
	case "+++":
		return parseTOMLFrontMatter(raw, firstLine)
	}
	return parseYAMLFrontMatter(raw, firstLine)
}

// splitJSONFrontMatter cuts the JSON object at the start of src.
func splitJSONFrontMatter(src []byte) (raw []byte, fence string, firstLine int, body []byte, bodyLine int, err error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		off := dec.InputOffset()
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
		}
		line := 1 + bytes.Count(src[:min(int(off), len(src))], []byte("\n"))
		return nil, "", 0, nil, 0, atLine(line, "front matter is not valid JSON: %v", err)
	}
	end := int(dec.InputOffset())
	raw, body = src[:end], src[end:]
	bodyLine = 1 + bytes.Count(raw, []byte("\n"))
	if i := bytes.IndexByte(body, '\n'); i >= 0 && len(bytes.TrimSpace(body[:i])) == 0 {
		body, bodyLine = body[i+1:], bodyLine+1
	}
	return raw, "{", 1, body, bodyLine, nil
}

// parseJSONFrontMatter reads a JSON object's fields in order, each with
// the file line its key is on.
func parseJSONFrontMatter(raw []byte) ([]fmField, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	lineAt := func() int { return 1 + bytes.Count(raw[:dec.InputOffset()], []byte("\n")) }
	if _, err := dec.Token(); err != nil { // {
		return nil, atLine(1, "front matter is not valid JSON: %v", err)
	}
	var fields []fmField
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, atLine(lineAt(), "front matter is not valid JSON: %v", err)
		}
		key, _ := tok.(string)
		line := lineAt()
		var value any
		if err := dec.Decode(&value); err != nil {
			return nil, atLine(line, "front matter is not valid JSON: %v", err)
		}
		fields = append(fields, fmField{key: strings.ToLower(key), value: value, line: line})
	}
	return fields, nil
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

func parseYAMLFrontMatter(raw []byte, firstLine int) ([]fmField, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, yamlError(err, firstLine)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // empty front matter
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, atLine(m.Line+firstLine-1, "front matter is not a list of \"field: value\" lines")
	}
	fields := make([]fmField, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		var value any
		if err := v.Decode(&value); err != nil {
			return nil, yamlError(err, firstLine)
		}
		fields = append(fields, fmField{key: strings.ToLower(k.Value), value: value, line: v.Line + firstLine - 1})
	}
	return fields, nil
}

// yamlError rewrites yaml's "line N" (counted in the front matter) into
// the file's line numbers.
func yamlError(err error, firstLine int) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := firstLine
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = n + firstLine - 1
		msg = strings.TrimPrefix(msg, m[0]+": ")
		if strings.HasPrefix(msg, "did not find expected") {
			// yaml.v3 counts these parser errors' lines from 0: the
			// line is where the unfinished mapping or list starts.
			line++
		}
	}
	msg = yamlLineRE.ReplaceAllStringFunc(msg, func(s string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(s, "line "))
		return fmt.Sprintf("line %d", n+firstLine-1)
	})
	msg = strings.ReplaceAll(msg, "yaml: ", "")
	return atLine(line, "front matter is not valid YAML: %s", msg)
}

func parseTOMLFrontMatter(raw []byte, firstLine int) ([]fmField, error) {
	values := map[string]any{}
	md, err := toml.Decode(string(raw), &values)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, atLine(pe.Position.Line+firstLine-1, "front matter is not valid TOML: %s", pe.Message)
		}
		return nil, atLine(firstLine, "front matter is not valid TOML: %v", err)
	}
	lines := strings.Split(string(raw), "\n")
	var fields []fmField
	for _, key := range md.Keys() {
		if len(key) != 1 {
			continue // keys inside tables
		}
		name := key[0]
		line := firstLine
		for i, l := range lines {
			l = strings.TrimSpace(l)
			if strings.HasPrefix(l, name) && strings.HasPrefix(strings.TrimSpace(l[len(name):]), "=") {
				line = firstLine + i
				break
			}
		}
		fields = append(fields, fmField{key: strings.ToLower(name), value: values[name], line: line})
	}
	return fields, nil
}
