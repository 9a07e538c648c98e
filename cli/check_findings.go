package cli

import "newsroom/domain"

// checkFinding is one finding of `articles check`, attribution or house
// style, in one shape: the field it concerns and its byte range there
// (-1 for a problem in a quote record), and a suggested replacement
// for that range where there is an obvious one.
type checkFinding struct {
	Kind       string `json:"kind"`
	Field      string `json:"field"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Message    string `json:"message"`
	Excerpt    string `json:"excerpt,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
	Quote      int    `json:"quote,omitempty"`
	Image      string `json:"image,omitempty"`
}

// checkFindings lists the attribution findings, then the style ones.
func checkFindings(a *domain.Article, attribution []domain.Finding, style []domain.StyleFinding) []checkFinding {
	out := make([]checkFinding, 0, len(attribution)+len(style))
	for _, f := range attribution {
		field := domain.FieldBody
		switch {
		case f.Offset < 0 && f.Image != "":
			field = "lead_image"
		case f.Offset < 0:
			field = "quote"
		}
		out = append(out, checkFinding{Kind: f.Kind, Field: field, Start: f.Offset, End: f.End, Message: f.Message,
			Excerpt: f.Excerpt, Quote: f.Quote, Image: f.Image})
	}
	for _, f := range style {
		c := checkFinding{Kind: f.Kind, Field: f.Field, Start: f.Start, End: f.End, Message: f.Message, Suggestion: f.Suggestion}
		if text := fieldText(a, f.Field); f.Start >= 0 && f.End <= len(text) && f.Start <= f.End {
			c.Excerpt = excerptAround(text, f.Start, f.End)
		}
		out = append(out, c)
	}
	return out
}

// fieldText is the text of one of an article's checked fields.
func fieldText(a *domain.Article, field string) string {
	switch field {
	case domain.FieldHeadline:
		return a.Headline
	case domain.FieldStandfirst:
		return a.Standfirst
	}
	return a.Body
}

// excerptAround shows text[start:end] with up to 30 bytes either side,
// cut at rune boundaries, on one line.
func excerptAround(text string, start, end int) string {
	from, to := max(0, start-30), min(len(text), end+30)
	for from > 0 && from < len(text) && text[from]&0xC0 == 0x80 {
		from--
	}
	for to < len(text) && text[to]&0xC0 == 0x80 {
		to++
	}
	s := text[from:to]
	if from > 0 {
		s = "…" + s
	}
	if to < len(text) {
		s += "…"
	}
	out := []rune(s)
	for i, r := range out {
		if r == '\n' || r == '\t' {
			out[i] = ' '
		}
	}
	return string(out)
}
