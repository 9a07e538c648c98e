package domain

import (
	"fmt"
	"regexp"
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
	// Offset is the byte offset into Article.Body where the problem
	// starts, or -1 for a problem in a quote record.
	Offset int `json:"offset"`
}

// Kinds of Finding.
const (
	FindingUnattributedQuote    = "unattributed-quote"
	FindingQuoteMissingSpeaker  = "quote-missing-speaker"
	FindingQuoteMissingSource   = "quote-missing-source"
	FindingQuoteUnknownRef      = "quote-unknown-ref"
	FindingExcerptUnknownSource = "excerpt-unknown-source"
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
// is speaking, and body markers that point at nothing.
//
// The body is read as Markdown source. Code spans and blocks, HTML tags,
// link destinations, {{quote REF}} markers and credited excerpt
// blockquotes are skipped. A direct quotation ("…" or “…”, also „…“, «…»
// and 「…」) counts when it is at least three words long or ends a
// sentence; short scare quotes inside a sentence are left alone. It is
// attributed when its own sentence, the next sentence or the sentence
// before it in the same paragraph (a continued quotation) holds — outside
// any quotation — a reporting verb (said, told, according to, quoted,
// wrote, …) and a speaker: a capitalised name, a pronoun (he, she, they,
// I, we, who) or a described source ("officials", "a diplomatic source",
// "the spokeswoman"). Reporting verbs are English.
//
// Findings come sorted by Offset, quote-record findings (Offset -1) first.
// CheckAttribution never panics, also not on invalid UTF-8.
func CheckAttribution(a *Article) []Finding {
	if a == nil {
		return nil
	}
	out := checkQuoteRecords(a)
	scan := scanBody(a.Body)
	for _, m := range scan.markers {
		if m.ref == "" {
			out = append(out, Finding{Kind: FindingQuoteUnknownRef, Message: "quote marker names no quote", Excerpt: excerpt(m.text), Offset: m.offset})
			continue
		}
		if _, ok := a.QuoteByRef(m.ref); !ok {
			out = append(out, Finding{Kind: FindingQuoteUnknownRef, Message: fmt.Sprintf("quote marker points at %q, which has no quote record", m.ref), Excerpt: excerpt(m.text), Offset: m.offset})
		}
	}
	for _, e := range scan.excerpts {
		switch _, ok := a.SourceByName(e.name); {
		case strings.TrimSpace(e.name) == "":
			out = append(out, Finding{Kind: FindingExcerptUnknownSource, Message: "excerpt names no source", Excerpt: excerpt(e.text), Offset: e.offset})
		case !ok:
			out = append(out, Finding{Kind: FindingExcerptUnknownSource, Message: fmt.Sprintf("excerpt credits %q, which is not in the article's sources", e.name), Excerpt: excerpt(e.text), Offset: e.offset})
		}
	}
	for _, q := range scan.quotations {
		if q.counts && !q.attributed {
			out = append(out, Finding{Kind: FindingUnattributedQuote, Message: "quotation does not say who said it (no reporting verb with a speaker in its sentence or the next)", Excerpt: excerpt(q.text), Offset: q.start})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	return out
}

// checkQuoteRecords reports quote records without a speaker or a source.
func checkQuoteRecords(a *Article) []Finding {
	var out []Finding
	for i, q := range a.Quotes {
		name := fmt.Sprintf("quote %d (%q)", i+1, q.Ref)
		if strings.TrimSpace(q.Speaker) == "" {
			out = append(out, Finding{Kind: FindingQuoteMissingSpeaker, Message: name + " has no speaker", Excerpt: excerpt(q.Text), Offset: -1})
		}
		switch _, ok := a.SourceByName(q.Source); {
		case strings.TrimSpace(q.Source) == "":
			out = append(out, Finding{Kind: FindingQuoteMissingSource, Message: name + " has no source", Excerpt: excerpt(q.Text), Offset: -1})
		case !ok:
			out = append(out, Finding{Kind: FindingQuoteMissingSource, Message: fmt.Sprintf("%s credits %q, which is not in the article's sources", name, q.Source), Excerpt: excerpt(q.Text), Offset: -1})
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

// bodyScan is what scanBody found in an article body.
type bodyScan struct {
	markers    []bodyMarker
	excerpts   []excerptMarker
	quotations []quotation
}

// bodyMarker is a {{quote REF}} marker.
type bodyMarker struct {
	ref, text string
	offset    int
}

// excerptMarker is the first line of a credited excerpt.
type excerptMarker struct {
	name, text string
	offset     int
}

// quotation is a direct quotation in the body.
type quotation struct {
	start, end int    // byte offsets into the body, marks included
	text       string // body[start:end]
	counts     bool   // long enough or ending a sentence
	attributed bool
	open       bool // not closed before the paragraph's end
}

// scanBody masks what the check must skip and then reads each paragraph.
// A quotation left open at a paragraph's end, when the next paragraph
// opens with a quotation mark, runs on: the new paragraph's first
// quotation shares its attribution, as news style has it.
func scanBody(body string) bodyScan {
	var scan bodyScan
	masked := []byte(body)
	scan.excerpts = maskBlocks(body, masked)
	continued := false // the previous paragraph ended inside an attributed quotation
	for _, b := range splitBlocks(masked) {
		scan.markers = append(scan.markers, maskInline(body, masked, b)...)
		qs := readParagraph(body, masked, b)
		if continued && len(qs) > 0 && strings.TrimSpace(string(masked[b.start:qs[0].start])) == "" {
			qs[0].attributed = true // a quotation running on over paragraphs
		}
		continued = len(qs) > 0 && qs[len(qs)-1].open && qs[len(qs)-1].attributed
		scan.quotations = append(scan.quotations, qs...)
	}
	return scan
}

// span is a half-open byte range of the body.
type span struct{ start, end int }

// blank overwrites masked[start:end] with spaces, keeping line breaks.
func blank(masked []byte, start, end int) {
	for i := start; i < end; i++ {
		if masked[i] != '\n' {
			masked[i] = ' '
		}
	}
}

// lines returns the byte ranges of body's lines, without the line breaks.
func lines(body []byte) []span {
	var out []span
	start := 0
	for i, c := range body {
		if c == '\n' {
			out = append(out, span{start, i})
			start = i + 1
		}
	}
	return append(out, span{start, len(body)})
}

// indentOf returns a line's indentation in columns and in bytes.
func indentOf(line []byte) (cols, n int) {
	for n < len(line) {
		switch line[n] {
		case ' ':
			cols++
		case '\t':
			cols += 4 - cols%4
		default:
			return cols, n
		}
		n++
	}
	return cols, n
}

// isBlank reports whether line holds only white space.
func isBlank(line []byte) bool { return len(strings.TrimSpace(string(line))) == 0 }

var (
	excerptLine   = regexp.MustCompile(`^ {0,3}>[ \t]*\[!(?i:excerpt)(?:[ \t]+([^\]]*))?\]`)
	refDefinition = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*\S`)
	listMarker    = regexp.MustCompile(`^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)`)
	headingLine   = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]|$)`)
	quoteMarker   = regexp.MustCompile(`\{\{[ \t]*quote(?:[ \t]+([^{}\s]*))?[ \t]*\}\}`)
	htmlTag       = regexp.MustCompile(`(?s)<!--.*?-->|</?[A-Za-z][^<>]*>`)
)

// maskBlocks blanks fenced and indented code, credited excerpts, link
// reference definitions and blockquote markers, and returns the excerpts.
func maskBlocks(body string, masked []byte) []excerptMarker {
	var (
		excerpts          []excerptMarker
		fenceChar         byte
		fenceLen          int
		inExcerpt, inCode bool
		inList            bool
		prevBlank         = true
		src               = []byte(body)
	)
	for _, l := range lines(src) {
		line := src[l.start:l.end]
		blankLine := isBlank(line)
		cols, n := indentOf(line)
		rest := line[n:]
		switch {
		case fenceLen > 0:
			blank(masked, l.start, l.end)
			if cols < 4 && closesFence(rest, fenceChar, fenceLen) {
				fenceLen = 0
			}
		case inExcerpt && !blankLine:
			blank(masked, l.start, l.end)
		case cols < 4 && opensFence(rest) > 0:
			fenceChar, fenceLen = rest[0], opensFence(rest)
			blank(masked, l.start, l.end)
		case cols < 4 && excerptLine.Match(line):
			m := excerptLine.FindSubmatch(line)
			excerpts = append(excerpts, excerptMarker{name: strings.TrimSpace(string(m[1])), text: string(line), offset: l.start + n})
			inExcerpt = true
			blank(masked, l.start, l.end)
		case cols >= 4 && !blankLine && !inList && (prevBlank || inCode):
			inCode = true
			blank(masked, l.start, l.end)
		case refDefinition.Match(line):
			blank(masked, l.start, l.end)
		default:
			if !blankLine {
				inCode = false
			}
			maskBlockquotePrefix(line, masked[l.start:l.end])
			if listMarker.Match(masked[l.start:l.end]) {
				inList = true
			} else if cols == 0 && !blankLine {
				inList = false
			}
		}
		if blankLine {
			inExcerpt = false
		}
		prevBlank = blankLine
	}
	return excerpts
}

// opensFence returns the length of the code fence line opens, or 0.
func opensFence(line []byte) int {
	if len(line) < 3 || (line[0] != '`' && line[0] != '~') {
		return 0
	}
	n := 0
	for n < len(line) && line[n] == line[0] {
		n++
	}
	if n < 3 || (line[0] == '`' && strings.IndexByte(string(line[n:]), '`') >= 0) {
		return 0
	}
	return n
}

// closesFence reports whether line closes a fence of c repeated n times.
func closesFence(line []byte, c byte, n int) bool {
	k := 0
	for k < len(line) && line[k] == c {
		k++
	}
	return k >= n && isBlank(line[k:])
}

// maskBlockquotePrefix blanks the blockquote markers ("> > ") at a line's
// start so that a quoted paragraph reads like any other.
func maskBlockquotePrefix(line, masked []byte) {
	i := 0
	for {
		for i < len(line) && i < 4 && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) || line[i] != '>' {
			return
		}
		masked[i] = ' '
		i++
	}
}

// splitBlocks splits masked text into paragraphs: runs of non-blank lines,
// with every heading and list item starting a block of its own.
func splitBlocks(masked []byte) []span {
	var out []span
	cur := span{-1, -1}
	flush := func() {
		if cur.start >= 0 {
			out = append(out, cur)
		}
		cur = span{-1, -1}
	}
	for _, l := range lines(masked) {
		line := masked[l.start:l.end]
		if isBlank(line) {
			flush()
			continue
		}
		heading := headingLine.Match(line)
		if heading || listMarker.Match(line) {
			flush()
		}
		if cur.start < 0 {
			cur.start = l.start
		}
		cur.end = l.end
		if heading {
			flush()
		}
	}
	flush()
	return out
}

// maskInline blanks code spans, HTML, link destinations and quote markers
// in one paragraph and returns the markers.
func maskInline(body string, masked []byte, b span) []bodyMarker {
	text := masked[b.start:b.end]
	maskCodeSpans(text)
	var markers []bodyMarker
	for _, m := range quoteMarker.FindAllSubmatchIndex(text, -1) {
		ref := ""
		if m[2] >= 0 {
			ref = string(text[m[2]:m[3]])
		}
		markers = append(markers, bodyMarker{ref: ref, text: body[b.start+m[0] : b.start+m[1]], offset: b.start + m[0]})
		blank(text, m[0], m[1])
	}
	for _, m := range htmlTag.FindAllIndex(text, -1) {
		blank(text, m[0], m[1])
	}
	maskLinkDestinations(text)
	return markers
}

// maskCodeSpans blanks `code` spans, matching backtick runs by length.
func maskCodeSpans(text []byte) {
	i := 0
	for i < len(text) {
		if text[i] != '`' {
			i++
			continue
		}
		open := run(text, i, '`')
		closeAt := -1
		for j := i + open; j < len(text); {
			if text[j] != '`' {
				j++
				continue
			}
			k := run(text, j, '`')
			if k == open {
				closeAt = j + k
				break
			}
			j += k
		}
		if closeAt < 0 {
			i += open
			continue
		}
		blank(text, i, closeAt)
		i = closeAt
	}
}

// run counts the bytes equal to c from text[i].
func run(text []byte, i int, c byte) int {
	n := 0
	for i+n < len(text) && text[i+n] == c {
		n++
	}
	return n
}

// maskLinkDestinations blanks the "(url "title")" part of inline links
// and images, keeping the link text.
func maskLinkDestinations(text []byte) {
	for i := 0; i+1 < len(text); i++ {
		if text[i] != ']' || text[i+1] != '(' {
			continue
		}
		depth := 0
		for j := i + 1; j < len(text); j++ {
			if text[j] == '(' {
				depth++
			} else if text[j] == ')' {
				depth--
				if depth == 0 {
					blank(text, i+1, j+1)
					i = j
					break
				}
			} else if text[j] == '\n' && j+1 < len(text) && text[j+1] == '\n' {
				break
			}
		}
	}
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

// readParagraph finds the quotations of one paragraph and decides which
// are attributed.
func readParagraph(body string, masked []byte, b span) []quotation {
	text := string(masked[b.start:b.end])
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
	out := make([]quotation, 0, len(spans))
	for _, s := range spans {
		si := sentenceOf(sentences, s.start)
		ok := attributedSentence[si] ||
			(si+1 < len(sentences) && attributedSentence[si+1]) ||
			(si > 0 && attributedSentence[si-1])
		out = append(out, quotation{
			start:      b.start + s.start,
			end:        b.start + s.end,
			text:       body[b.start+s.start : b.start+s.end],
			counts:     quotationCounts(text, s),
			attributed: ok,
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

// isAbbreviation reports whether the word ending text is an abbreviation
// that takes a full stop.
func isAbbreviation(text string) bool {
	k := len(text)
	for k > 0 {
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
