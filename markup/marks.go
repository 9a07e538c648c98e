package markup

import (
	"errors"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"newsroom/domain"
)

// Marks returns what the body holds for the attribution check: quote
// placements, image placements, credited excerpts, marker syntax printed as text and the
// direct quotations of its prose, with byte offsets into Article.Body.
// Credited excerpts' content, code, HTML and link destinations are not
// prose. It is computed once per Doc.
func (d *Doc) Marks() domain.BodyMarks {
	if d.marks != nil {
		return *d.marks
	}
	var m domain.BodyMarks
	var prose []domain.Prose
	span := func(start, end int) (int, int) { return origin(d.from, start), origin(d.from, end) }
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *QuoteFigure:
			s, e := span(n.Start, n.End)
			m.Placements = append(m.Placements, domain.QuotePlacement{Ref: n.Ref, Start: s, End: e})
			return ast.WalkSkipChildren, nil
		case *ImageFigure:
			s, e := span(n.Start, n.End)
			m.Images = append(m.Images, domain.ImagePlacement{Ref: n.Ref, Caption: n.Caption, CaptionSet: n.CaptionSet, Start: s, End: e})
			return ast.WalkSkipChildren, nil
		case *Embed:
			if !n.OK {
				s, e := span(n.Start, n.End)
				m.AsText = append(m.AsText, domain.MarkerAsText{Reason: "embed needs an absolute http(s) address; the page shows a note instead", Start: s, End: e})
			}
			return ast.WalkSkipChildren, nil
		case *ExcerptFigure:
			s, e := span(n.Start, n.End)
			m.Excerpts = append(m.Excerpts, domain.ExcerptCredit{Name: n.Typed, Start: s, End: e})
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock, *east.TableRow, *east.TableHeader:
			if p, ok := proseOf(n, d.Source); ok {
				prose = append(prose, p)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range prose {
		// Every marker starts with "{{" or "[!": the regular expression
		// only runs on the few blocks that hold one.
		if !strings.Contains(p.Text, "{{") && !strings.Contains(p.Text, "[!") {
			continue
		}
		for _, loc := range markerText.FindAllStringIndex(p.Text, -1) {
			s, e := span(p.Start+loc[0], p.Start+loc[1])
			m.AsText = append(m.AsText, domain.MarkerAsText{Reason: asTextReason(p.Text[loc[0]:loc[1]]), Start: s, End: e})
		}
	}
	m.Quotations = domain.ReadQuotations(prose)
	for i := range m.Quotations {
		m.Quotations[i].Start, m.Quotations[i].End = span(m.Quotations[i].Start, m.Quotations[i].End)
	}
	m.Prose = d.bodyProse(prose)
	d.marks = &m
	return m
}

// proseOf returns the prose of block n: the source range its text covers,
// with everything but its text (markup, code spans, autolinks, link
// destinations, HTML) blanked. Line breaks are kept.
func proseOf(n ast.Node, src []byte) (domain.Prose, bool) {
	start, end := -1, -1
	var texts []ast.Node
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if start < 0 || t.Segment.Start < start {
				start = t.Segment.Start
			}
			if t.Segment.Stop > end {
				end = t.Segment.Stop
			}
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	if start < 0 || end <= start {
		return domain.Prose{}, false
	}
	b := []byte(strings.Repeat(" ", end-start))
	for i := start; i < end; i++ {
		if src[i] == '\n' {
			b[i-start] = '\n'
		}
	}
	for _, t := range texts {
		seg := t.(*ast.Text).Segment
		copy(b[seg.Start-start:], src[seg.Start:seg.Stop])
	}
	return domain.Prose{Start: start, Text: string(b)}, true
}

// fallbackMarks are the marks of a body Parse refused: its paragraphs
// (split at blank lines) read as prose, so quotations are still checked,
// and the reason it was refused.
func fallbackMarks(body, reason string) domain.BodyMarks {
	var prose []domain.Prose
	start := 0
	for start < len(body) {
		end := strings.Index(body[start:], "\n\n")
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		if strings.TrimSpace(body[start:end]) != "" {
			prose = append(prose, domain.Prose{Start: start, Text: body[start:end]})
		}
		start = end + 2
	}
	return domain.BodyMarks{Quotations: domain.ReadQuotations(prose), Refused: reason, Prose: prose}
}

// BodyMarks parses a's body and returns its marks (see Doc.Marks); for a
// body Parse refuses, the marks say why.
func BodyMarks(a *domain.Article) domain.BodyMarks {
	if a == nil {
		return domain.BodyMarks{}
	}
	doc, err := Parse(a)
	if err != nil {
		reason := err.Error()
		if errors.Is(err, ErrRefused) {
			reason = "the page cannot show this body: " + strings.TrimPrefix(reason, ErrRefused.Error()+": ")
		}
		return fallbackMarks(a.Body, reason)
	}
	return doc.Marks()
}

// CheckAttribution runs the attribution check (domain.CheckAttribution)
// on a's body as the body grammar reads it.
func CheckAttribution(a *domain.Article) []domain.Finding {
	if a == nil {
		return nil
	}
	return domain.CheckAttribution(a, BodyMarks(a))
}

// ComputeFindings runs the attribution check and the house-style check
// (under style) on a, from one parse, for storing with it.
func ComputeFindings(a *domain.Article, style domain.StyleSettings) domain.StoredFindings {
	if a == nil {
		return domain.StoredFindings{}
	}
	marks := BodyMarks(a)
	stored := domain.NewStoredFindings(a, domain.CheckAttribution(a, marks))
	stored.Style = domain.CheckStyle(a, marks.Prose, style)
	stored.StyleKey = domain.StyleKey(a, style)
	return stored
}

// StyleFindings returns a's house-style findings under style: the stored
// ones when they were computed from exactly a's text under the same
// style, else a fresh CheckStyle.
func StyleFindings(a *domain.Article, style domain.StyleSettings) []domain.StyleFinding {
	if f, ok := domain.StoredStyle(a, style); ok {
		return f
	}
	return CheckStyle(a, style)
}

// AttributionFindings returns a's attribution findings: the stored ones
// when the current rules computed them from exactly a's text, quotes and
// sources, else a fresh CheckAttribution.
func AttributionFindings(a *domain.Article) []domain.Finding {
	if f, ok := domain.StoredAttribution(a); ok {
		return f
	}
	return CheckAttribution(a)
}

// PublishWarnings lists what an editor should confirm before publishing a
// (see domain.PublishWarnings), with a fresh attribution check.
func PublishWarnings(a *domain.Article) []string {
	if a == nil {
		return nil
	}
	return domain.PublishWarnings(a, CheckAttribution(a))
}

// CreditsExcerpt reports whether a's body credits an excerpt to source
// name (compared as domain.Article.SourceByName does).
func CreditsExcerpt(a *domain.Article, name string) bool {
	for _, e := range BodyMarks(a).Excerpts {
		if strings.EqualFold(strings.TrimSpace(e.Name), strings.TrimSpace(name)) {
			return true
		}
	}
	return false
}

// PlacesQuote reports whether a's body places the quote record ref (a
// {{quote ref}} paragraph, as the page renders it).
func PlacesQuote(a *domain.Article, ref string) bool {
	for _, p := range BodyMarks(a).Placements {
		if p.Ref == ref {
			return true
		}
	}
	return false
}

// bodyProse moves prose blocks found in Source to Article.Body's offsets:
// the same blocks when cleaning changed nothing, else each block laid out
// over its range of the body, its prose bytes where they came from.
func (d *Doc) bodyProse(prose []domain.Prose) []domain.Prose {
	if d.from == nil {
		return prose
	}
	out := make([]domain.Prose, 0, len(prose))
	for _, p := range prose {
		start, end := origin(d.from, p.Start), origin(d.from, p.Start+len(p.Text))
		if end <= start {
			continue
		}
		b := []byte(strings.Repeat(" ", end-start))
		for i := 0; i < len(p.Text); i++ {
			if p.Text[i] == ' ' {
				continue
			}
			if at := origin(d.from, p.Start+i) - start; at >= 0 && at < len(b) {
				b[at] = p.Text[i]
			}
		}
		out = append(out, domain.Prose{Start: start, Text: string(b)})
	}
	return out
}

// CheckStyle runs the house-style rules (domain.CheckStyle) on a, reading
// its body as the body grammar does: code, markup, link destinations,
// placed quotes and credited excerpts are not judged.
func CheckStyle(a *domain.Article, s domain.StyleSettings) []domain.StyleFinding {
	if a == nil {
		return nil
	}
	return domain.CheckStyle(a, BodyMarks(a).Prose, s)
}

// CheckImages runs the image check (domain.CheckImages) on a's body as
// the body grammar reads it, against media, the library's records by Ref
// (those of ImageRefs suffice).
func CheckImages(a *domain.Article, media map[string]domain.Media) []domain.Finding {
	if a == nil {
		return nil
	}
	return domain.CheckImages(a, BodyMarks(a), media)
}

// ImageRefs lists the media references a uses: its lead image, then the
// images its body places, each once.
func ImageRefs(a *domain.Article) []string {
	if a == nil {
		return nil
	}
	return domain.ImageRefs(a, BodyMarks(a))
}
