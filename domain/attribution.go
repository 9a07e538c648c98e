package domain

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Finding is one problem the attribution check found.
type Finding struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
	Excerpt string `json:"excerpt"`
	// Offset and End are the byte range of Article.Body the problem
	// covers; both are -1 for a problem in a quote record.
	Offset int `json:"offset"`
	End    int `json:"end"`
	// Quote is the number (1-based index into Article.Quotes) of the quote
	// record the finding concerns, 0 for none.
	Quote int `json:"quote,omitempty"`
	// Image is the media reference an image finding concerns (see
	// CheckImages), "" for others.
	Image string `json:"image,omitempty"`
}

// Kinds of Finding.
const (
	FindingUnattributedQuote    = "unattributed-quote"
	FindingQuoteMissingSpeaker  = "quote-missing-speaker"
	FindingQuoteMissingSource   = "quote-missing-source"
	FindingQuoteUnknownRef      = "quote-unknown-ref"
	FindingExcerptUnknownSource = "excerpt-unknown-source"
	// FindingMarkerAsText is marker syntax the page prints as text (a
	// {{quote}} inside a sentence, an [!excerpt] outside a blockquote's
	// first line or without a source name).
	FindingMarkerAsText = "marker-printed-as-text"
	// FindingBodyRefused is a body the renderer refuses (over the size
	// or markup bounds): its page is not written.
	FindingBodyRefused = "body-refused"
)

// Summary is the finding in one line for a confirmation dialog.
func (f Finding) Summary() string {
	if f.Excerpt == "" {
		return f.Message
	}
	return fmt.Sprintf("%s: %s", f.Message, f.Excerpt)
}

// maxExcerpt bounds Finding.Excerpt, in bytes.
const maxExcerpt = 160

// CheckAttribution lists quotations and quote records that do not say who
// is speaking, and body markers that point at nothing or print as text.
// It reads the body as the body grammar parsed it (package markup builds
// body; see BodyMarks): code, HTML, link destinations, placed quotes and
// credited excerpts are not prose.
//
// A direct quotation ("…" or “…”, also „…“, «…» and 「…」) counts when it
// is at least three words long or ends a sentence; short scare quotes
// inside a sentence are left alone. It is attributed when its own
// sentence, the next sentence or the sentence before it in the same
// paragraph (a continued quotation) holds — outside any quotation — a
// reporting verb (said, told, according to, quoted, wrote, …) and a
// speaker: a capitalised name, a pronoun (he, she, they, I, we, who) or a
// described source ("officials", "a diplomatic source", "the
// spokeswoman"). Reporting verbs are English.
//
// Findings come sorted by Offset, quote-record findings (Offset -1) first.
// CheckAttribution never panics, also not on invalid UTF-8, and takes time
// linear in the size of the article.
func CheckAttribution(a *Article, body BodyMarks) []Finding {
	if a == nil {
		return nil
	}
	out := checkQuoteRecords(a)
	at := func(kind, message string, start, end int) Finding {
		return Finding{Kind: kind, Message: message, Excerpt: bodyExcerpt(a.Body, start, end), Offset: start, End: end}
	}
	if body.Refused != "" {
		out = append(out, at(FindingBodyRefused, body.Refused, 0, 0))
	}
	for _, m := range body.Placements {
		switch {
		case strings.TrimSpace(m.Ref) == "":
			out = append(out, at(FindingQuoteUnknownRef, "quote marker names no quote", m.Start, m.End))
		default:
			if _, ok := a.QuoteByRef(m.Ref); !ok {
				out = append(out, at(FindingQuoteUnknownRef, fmt.Sprintf("quote marker points at %q, which has no quote record", m.Ref), m.Start, m.End))
			}
		}
	}
	for _, e := range body.Excerpts {
		if _, ok := a.SourceByName(e.Name); !ok {
			out = append(out, at(FindingExcerptUnknownSource, fmt.Sprintf("excerpt credits %q, which is not in the article's sources", e.Name), e.Start, e.End))
		}
	}
	for _, m := range body.AsText {
		out = append(out, at(FindingMarkerAsText, m.Reason, m.Start, m.End))
	}
	for _, q := range body.Quotations {
		if q.Counts && !q.Attributed {
			out = append(out, at(FindingUnattributedQuote, "quotation does not say who said it (no reporting verb with a speaker in its sentence or the next)", q.Start, q.End))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	return out
}

// bodyExcerpt is the excerpt of body[start:end], or "" when the range is
// not inside the body.
func bodyExcerpt(body string, start, end int) string {
	if start < 0 || end > len(body) || start >= end {
		return ""
	}
	return excerpt(body[start:end])
}

// checkQuoteRecords reports quote records without a speaker or a source.
func checkQuoteRecords(a *Article) []Finding {
	var out []Finding
	for i, q := range a.Quotes {
		name := fmt.Sprintf("quote %d (%q)", i+1, q.Ref)
		if strings.TrimSpace(q.Speaker) == "" {
			out = append(out, Finding{Kind: FindingQuoteMissingSpeaker, Message: name + " has no speaker", Excerpt: excerpt(q.Text), Offset: -1, End: -1, Quote: i + 1})
		}
		switch _, ok := a.SourceByName(q.Source); {
		case strings.TrimSpace(q.Source) == "":
			out = append(out, Finding{Kind: FindingQuoteMissingSource, Message: name + " has no source", Excerpt: excerpt(q.Text), Offset: -1, End: -1, Quote: i + 1})
		case !ok:
			out = append(out, Finding{Kind: FindingQuoteMissingSource, Message: fmt.Sprintf("%s credits %q, which is not in the article's sources", name, q.Source), Excerpt: excerpt(q.Text), Offset: -1, End: -1, Quote: i + 1})
		}
	}
	return out
}

// excerpt shortens s for a Finding, on a rune boundary, as valid UTF-8.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
	if len(s) <= maxExcerpt {
		return s
	}
	cut := maxExcerpt
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// closers maps each opening quotation mark to the marks that close it.
var closers = map[rune]string{
	'“': "”",
	'"': "\"",
	'„': "“”",
	'«': "»",
	'「': "」",
	'『': "』",
}

// isCloser reports whether r closes some quotation.
func isCloser(r rune) bool { return strings.ContainsRune("”\"“»」』’)]", r) }

// span is a half-open byte range.
type span struct{ start, end int }

// blank overwrites b[start:end] with spaces, keeping line breaks.
func blank(b []byte, start, end int) {
	for i := start; i < end; i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}

// ReadQuotations finds the direct quotations in the body's prose, block
// by block, and decides which are attributed. A quotation left open at a
// block's end, when the next block opens with a quotation mark, runs on:
// the new block's first quotation shares its attribution, as news style
// has it. It takes time linear in the prose's length.
func ReadQuotations(prose []Prose) []Quotation {
	var out []Quotation
	continued := false // the previous block ended inside an attributed quotation
	for _, p := range prose {
		qs := readParagraph(p)
		if continued && len(qs) > 0 && strings.TrimSpace(p.Text[:qs[0].Start-p.Start]) == "" {
			qs[0].Attributed = true // a quotation running on over paragraphs
		}
		continued = len(qs) > 0 && qs[len(qs)-1].open && qs[len(qs)-1].Attributed
		out = append(out, qs...)
	}
	return out
}

// readParagraph finds the quotations of one block of prose and decides
// which are attributed.
func readParagraph(p Prose) []Quotation {
	text := p.Text
	spans := findQuotations(text)
	if len(spans) == 0 {
		return nil
	}
	sentences := splitSentences(text, spans)
	plain := []byte(text)
	for _, s := range spans {
		_, open := utf8.DecodeRuneInString(text[s.start:])
		inner := s.start + open
		end := s.end
		if r, size := utf8.DecodeLastRuneInString(text[:s.end]); s.end-size >= inner && isCloser(r) {
			end -= size
		}
		blank(plain, inner, end)
	}
	attributedSentence := make([]bool, len(sentences))
	for i, s := range sentences {
		attributedSentence[i] = hasAttribution(string(plain[s.start:s.end]))
	}
	out := make([]Quotation, 0, len(spans))
	for _, s := range spans {
		si := sentenceOf(sentences, s.start)
		ok := attributedSentence[si] ||
			(si+1 < len(sentences) && attributedSentence[si+1]) ||
			(si > 0 && attributedSentence[si-1])
		out = append(out, Quotation{
			Start:      p.Start + s.start,
			End:        p.Start + s.end,
			Text:       text[s.start:s.end],
			Counts:     quotationCounts(text, s),
			Attributed: ok,
			open:       isOpen(text[s.start:s.end]),
		})
	}
	return out
}

// findQuotations returns the spans of the quotations in a paragraph,
// opening and closing marks included. A quotation left open runs to the
// end of the paragraph, as a quotation continued in the next one does.
func findQuotations(text string) []span {
	var out []span
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		close, ok := closers[r]
		if !ok {
			i += size
			continue
		}
		start := i
		i += size
		end := -1
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if strings.ContainsRune(close, r) {
				end = i
				break
			}
		}
		if end < 0 {
			end = len(strings.TrimRightFunc(text, unicode.IsSpace))
			if end <= start {
				end = len(text)
			}
		}
		out = append(out, span{start, end})
	}
	return out
}

// isOpen reports whether quotation q lacks its closing mark.
func isOpen(q string) bool {
	open, size := utf8.DecodeRuneInString(q)
	if len(q) == size {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(q)
	return !strings.ContainsRune(closers[open], last)
}

// quotationCounts reports whether a quotation is long enough to need a
// speaker (three words or more) or ends a sentence.
func quotationCounts(text string, s span) bool {
	inner := strings.TrimFunc(text[s.start:s.end], func(r rune) bool {
		_, opens := closers[r]
		return opens || isCloser(r) || unicode.IsSpace(r)
	})
	if WordCount(inner) >= 3 {
		return true
	}
	if inner == "" {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(inner); isTerminal(r) {
		return true
	}
	after := strings.TrimLeftFunc(text[s.end:], unicode.IsSpace)
	if after == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(after)
	return isTerminal(r)
}

// isTerminal reports whether r ends a sentence.
func isTerminal(r rune) bool { return strings.ContainsRune(".!?…。！？", r) }

// sentenceOf returns the index of the sentence holding byte offset at.
func sentenceOf(sentences []span, at int) int {
	i := sort.Search(len(sentences), func(i int) bool { return sentences[i].end > at })
	if i == len(sentences) {
		return len(sentences) - 1
	}
	return i
}

// abbreviations that end with a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sr": true, "jr": true,
	"gen": true, "sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true,
	"maj": true, "cmdr": true, "adm": true, "rev": true, "hon": true, "pres": true, "supt": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "plc": true, "bros": true, "vs": true, "etc": true,
	"no": true, "nos": true, "vol": true, "fig": true, "approx": true, "dept": true, "est": true, "mt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "ave": true, "blvd": true, "rd": true,
}

// splitSentences splits a paragraph into sentences covering it entirely.
// A full stop, question or exclamation mark (with any closing marks after
// it) ends a sentence when white space and a capital letter, digit,
// opening mark or uncased letter follow; never inside a quotation, nor
// after an abbreviation ("Mr.", "U.S.", initials).
func splitSentences(text string, quotes []span) []span {
	var out []span
	start := 0
	qi := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isTerminal(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !isTerminal(r2) && !isCloser(r2) {
				break
			}
			j += s2
		}
		for qi < len(quotes) && quotes[qi].end <= i {
			qi++
		}
		inside := qi < len(quotes) && quotes[qi].start < j && j < quotes[qi].end
		if !inside && endsSentence(text, i, r, j) {
			out = append(out, span{start, j})
			start = j
		}
		i = j
	}
	if start < len(text) || len(out) == 0 {
		out = append(out, span{start, len(text)})
	}
	return out
}

// endsSentence decides whether the terminal r at text[i] with its closing
// marks up to j ends a sentence.
func endsSentence(text string, i int, r rune, j int) bool {
	if r == '.' && isAbbreviation(text[:i]) {
		return false
	}
	if strings.ContainsRune("。！？", r) {
		return true
	}
	rest := text[j:]
	trimmed := strings.TrimLeftFunc(rest, unicode.IsSpace)
	if trimmed == "" {
		return true
	}
	if len(trimmed) == len(rest) {
		return false // no white space: "3.5", "example.com"
	}
	next, _ := utf8.DecodeRuneInString(trimmed)
	_, opens := closers[next]
	return opens || unicode.IsUpper(next) || unicode.IsDigit(next) || next == '(' || next == '[' ||
		(unicode.IsLetter(next) && !unicode.IsLower(next))
}

// maxWord bounds how far isAbbreviation looks back, so that a long run of
// letters and full stops costs linear time.
const maxWord = 32

// isAbbreviation reports whether the word ending text is an abbreviation
// that takes a full stop.
func isAbbreviation(text string) bool {
	k := len(text)
	for k > 0 && len(text)-k < maxWord {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k -= size
	}
	word := text[k:]
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") || utf8.RuneCountInString(word) == 1 {
		return true // "U.S.", "e.g.", initials such as "J."
	}
	return abbreviations[strings.ToLower(word)]
}

// reportingVerbs are the words that introduce reported speech.
var reportingVerbs = wordSet(`say says said saying tell tells told telling add adds added adding
	quote quotes quoted quoting cite cites cited citing write writes wrote writing written
	report reports reported reporting state states stated stating announce announces announced
	declare declares declared insist insists insisted explain explains explained ask asks asked
	reply replies replied tweet tweets tweeted tweeting post posts posted note notes noted
	warn warns warned claim claims claimed argue argues argued comment comments commented
	recall recalls recalled admit admits admitted acknowledge acknowledges acknowledged
	confirm confirms confirmed deny denies denied suggest suggests suggested continue continues continued
	respond responds responded urge urges urged predict predicts predicted shout shouted whisper whispered
	agree agrees agreed conclude concluded complain complains complained remark remarked observe observed
	maintain maintains maintained emphasise emphasised emphasize emphasized stress stresses stressed
	concede conceded boast boasted joke joked vow vows vowed promise promised estimate estimated
	call calls called describe describes described dub dubbed term termed recount recounted
	testify testified mention mentioned assert asserted exclaimed muttered wondered
	according`)

// speakerWords are pronouns and described sources that can speak.
var speakerWords = wordSet(`he she they i we you who
	source sources official officials spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople
	minister ministers ministry diplomat diplomats president secretary agency department government
	police witness witnesses analyst analysts expert experts statement report reports newspaper paper
	aide aides adviser advisers advisor advisors lawyer lawyers representative representatives
	resident residents chief director leader leaders officer officers authorities person people
	member members insider insiders colleague colleagues friend friends author researcher researchers
	study survey website broadcaster channel company firm group office embassy ceo chairman chairwoman
	chair manager judge prosecutor prosecutors doctor doctors scientist scientists professor teacher
	student students worker workers union military army commander ambassador envoy negotiator negotiators
	observer observers critic critics supporter supporters opponent opponents voter voters protester
	protesters victim victims survivor survivors owner founder editor reporter correspondent journalist
	journalists blogger letter memo document court ruling spokes organisation organization ministers
	administration council committee campaign party mayor governor senator lawmaker lawmakers`)

// notNames are capitalised words that do not name a speaker.
var notNames = wordSet(`the a an it its this that these those there here but and or so in on at as if
	when while after before then yet however meanwhile also still such their his her our my your
	for of to from by with without not no yes
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july
	august september october november december`)

// wordSet builds a set from white-space separated words.
func wordSet(words string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// hasAttribution reports whether a sentence (with its quotations blanked)
// holds a reporting verb and a speaker.
func hasAttribution(sentence string) bool {
	verb, speaker := false, false
	words := sentenceWords(sentence)
	for i, w := range words {
		lower := strings.ToLower(w)
		if reportingVerbs[lower] && (lower != "according" || (i+1 < len(words) && strings.EqualFold(words[i+1], "to"))) {
			verb = true
		}
		if speakerWords[lower] {
			speaker = true
		} else if first, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(first) && !notNames[lower] {
			speaker = true
		}
		if verb && speaker {
			return true
		}
	}
	return false
}

// sentenceWords splits a sentence into words, dropping a possessive "'s".
func sentenceWords(s string) []string {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\'' || r == '’')
	})
	for i, w := range words {
		w = strings.Trim(w, "'’")
		words[i] = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	}
	return words
}
