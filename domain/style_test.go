package domain

import (
	"strings"
	"testing"

	"newsroom/internal/sampletext"
)

// paragraphs splits a plain body (no markup) into prose blocks at blank
// lines, as the body grammar would for plain paragraphs.
func paragraphs(body string) []Prose {
	var out []Prose
	start := 0
	for start < len(body) {
		end := strings.Index(body[start:], "\n\n")
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		if strings.TrimSpace(body[start:end]) != "" {
			out = append(out, Prose{Start: start, Text: body[start:end]})
		}
		start = end + 2
	}
	return out
}

func styleOf(t *testing.T, a *Article, s StyleSettings, kind string) []StyleFinding {
	t.Helper()
	var out []StyleFinding
	for _, f := range CheckStyle(a, paragraphs(a.Body), s) {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

// applyFix returns the field with the finding's suggestion in place.
func applyFix(text string, f StyleFinding) string {
	return text[:f.Start] + f.Suggestion + text[f.End:]
}

func TestStyleDoubleSpaces(t *testing.T) {
	tests := []struct {
		name, body string
		want       int
	}{
		{"between words", "the US Secretary of State  is planning", 1},
		{"three spaces", "discuss   Iran", 1},
		{"after a full stop", "It ended.  Then more.", 1},
		{"hard line break", "first line  \nsecond line", 0},
		{"indentation", "  leading spaces", 0},
		{"single spaces", "one two three", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{Body: tt.body}
			got := styleOf(t, a, DefaultStyleSettings(), StyleDoubleSpace)
			if len(got) != tt.want {
				t.Fatalf("%d double-space findings, want %d: %+v", len(got), tt.want, got)
			}
			for _, f := range got {
				if fixed := applyFix(tt.body, f); strings.Contains(fixed[f.Start-1:f.Start+2], "  ") {
					t.Errorf("fix leaves a double space: %q", fixed)
				}
			}
		})
	}
}

func TestStyleDoubleSpaceBlankedMarkupIsNotJudged(t *testing.T) {
	// The grammar blanks "**" to spaces: the prose shows spaces the
	// writer never typed.
	body := "a **bold** word"
	prose := []Prose{{Start: 0, Text: "a   bold   word"}}
	for _, f := range CheckStyle(&Article{Body: body}, prose, DefaultStyleSettings()) {
		if f.Kind == StyleDoubleSpace {
			t.Fatalf("blanked markup reported as a double space: %+v", f)
		}
	}
}

func TestStyleHeadlineCase(t *testing.T) {
	body := "He will meet the minister in Sochi on his first visit since the start of the crisis."
	tests := []struct {
		name, headline string
		style          HeadlineCase
		want           string // the suggested headline; "" for no finding
	}{
		{"sample page, sentence case", "Kerry To meet Putin In First Russian Visit Since Start Of Ukraine Crisis", SentenceCase,
			"Kerry to meet Putin in first Russian visit since start of Ukraine crisis"},
		{"sample page, title case", "Kerry To meet Putin In First Russian Visit Since Start Of Ukraine Crisis", TitleCase,
			"Kerry to Meet Putin in First Russian Visit Since Start of Ukraine Crisis"},
		{"good sentence case", "Kerry to meet Putin in Sochi", SentenceCase, ""},
		{"good title case", "Kerry to Meet Putin in Sochi", TitleCase, ""},
		{"acronyms stay", "NATO and US allies meet in Sochi", SentenceCase, ""},
		{"capital after a colon", "Ukraine: Talks resume in Minsk", SentenceCase, ""},
		{"last word capitalised in title case", "What It Is Made of", TitleCase, "What It Is Made Of"},
		{"one word", "Breaking", TitleCase, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultStyleSettings()
			s.HeadlineCase = tt.style
			got := styleOf(t, &Article{Headline: tt.headline, Body: body}, s, StyleHeadlineCase)
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("unexpected finding: %+v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d findings, want 1: %+v", len(got), got)
			}
			if fixed := applyFix(tt.headline, got[0]); fixed != tt.want {
				t.Errorf("fix gives %q, want %q", fixed, tt.want)
			}
		})
	}
}

func TestStyleMixedSpelling(t *testing.T) {
	tests := []struct {
		name, body string
		house      SpellingVariety
		want       []string // the words reported, in order
		fixes      []string
	}{
		{"sample page: British majority", "Ukraine amongst other issues. The diplomat had canceled the trip. A destabilising policy.", "",
			[]string{"canceled"}, []string{"cancelled"}},
		{"American house", "The diplomat had canceled the trip, calling it a destabilising policy.", AmericanSpelling,
			[]string{"destabilising"}, []string{"destabilizing"}},
		{"consistent British", "The colour of the centre, whilst travelling.", "", nil, nil},
		{"consistent American", "The color of the center while traveling.", "", nil, nil},
		{"neutral words are not judged", "Advertise the promise; exercise and surprise. Among the program.", BritishSpelling, nil, nil},
		{"case kept in the fix", "Colour and color.", BritishSpelling, []string{"color"}, []string{"colour"}},
		{"capitalised word", "The colour. Color matters.", BritishSpelling, []string{"Color"}, []string{"Colour"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultStyleSettings()
			s.Spelling = tt.house
			a := &Article{Body: tt.body}
			got := styleOf(t, a, s, StyleMixedSpelling)
			if len(got) != len(tt.want) {
				t.Fatalf("findings %+v, want words %v", got, tt.want)
			}
			for i, f := range got {
				if w := tt.body[f.Start:f.End]; w != tt.want[i] || f.Suggestion != tt.fixes[i] {
					t.Errorf("finding %d: %q → %q, want %q → %q", i, w, f.Suggestion, tt.want[i], tt.fixes[i])
				}
			}
		})
	}
}

func TestStyleStandfirstRepeats(t *testing.T) {
	first := "John Kerry, the US Secretary of State, is planning his trip to the Black Sea resort of Sochi."
	tests := []struct {
		name, standfirst, body string
		want                   bool
	}{
		{"word for word", first, first + "\n\nMore.", true},
		{"punctuation and spacing aside", "John Kerry, the US Secretary of State  is planning his trip to the Black Sea resort of Sochi", first, true},
		{"first paragraph goes on", "John Kerry, the US Secretary of State, is planning his trip", first, true},
		{"different", "Kerry heads to Sochi for talks with Putin.", first, false},
		{"short prefix is fine", "John Kerry", first, false},
		{"no standfirst", "", first, false},
		{"case and apostrophes aside", "It’s Kerry's TRIP", "it's kerry’s trip", true},
		{"one word differs", "John Kerry, the US Secretary of State, is planning his visit to the Black Sea resort of Sochi.", first, false},
		{"longer than the paragraph", first + " Again.", first, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := styleOf(t, &Article{Standfirst: tt.standfirst, Body: tt.body}, DefaultStyleSettings(), StyleStandfirstRepeats)
			if (len(got) == 1) != tt.want || len(got) > 1 {
				t.Fatalf("findings %+v, want %v", got, tt.want)
			}
		})
	}
}

func TestStyleLongSentences(t *testing.T) {
	long := strings.Repeat("word ", 45) + "end."
	tests := []struct {
		name, body string
		limit      int
		want       int
	}{
		{"over the default", long, 0, 1},
		{"under a raised limit", long, 60, 0},
		{"rule off", long, -1, 0},
		{"two short sentences", "One two three. Four five six.", 4, 0},
		{"second sentence long", "Short one. " + strings.Repeat("x ", 10) + "y.", 5, 1},
		{"abbreviation does not split", "Mr. Smith said. Then", 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultStyleSettings()
			s.MaxSentenceWords = tt.limit
			got := styleOf(t, &Article{Body: tt.body}, s, StyleLongSentence)
			if len(got) != tt.want {
				t.Fatalf("%d findings, want %d: %+v", len(got), tt.want, got)
			}
		})
	}
}

func TestStyleDiscouragedWords(t *testing.T) {
	s := DefaultStyleSettings()
	s.Discouraged = []WordRule{{Word: "utilise", Preferred: "use"}, {Word: "in order to", Preferred: "to"}, {Word: "very unique"}}
	body := "We Utilise tools in order to win. It is very unique. Utilised stays."
	got := styleOf(t, &Article{Body: body}, s, StyleDiscouragedWord)
	var words, fixes []string
	for _, f := range got {
		words = append(words, body[f.Start:f.End])
		fixes = append(fixes, f.Suggestion)
	}
	if strings.Join(words, "|") != "Utilise|in order to|very unique" || strings.Join(fixes, "|") != "Use|to|" {
		t.Fatalf("found %q with fixes %q", words, fixes)
	}
}

func TestStyleStraightQuotes(t *testing.T) {
	body := `He said "very symbolic" and Kerry's 'trip'.`
	s := DefaultStyleSettings()
	got := styleOf(t, &Article{Body: body}, s, StyleStraightQuote)
	fixed := body
	for i := len(got) - 1; i >= 0; i-- {
		fixed = applyFix(fixed, got[i])
	}
	if want := `He said “very symbolic” and Kerry’s ‘trip’.`; fixed != want {
		t.Fatalf("fixed %q, want %q", fixed, want)
	}
	s.CurlyQuotes = false
	if got := styleOf(t, &Article{Body: body}, s, StyleStraightQuote); len(got) != 0 {
		t.Fatalf("straight quotes reported although the house uses them: %+v", got)
	}
}

func TestStyleFindingsAreBounded(t *testing.T) {
	body := strings.Repeat(`a  "b" `, 10_000)
	got := CheckStyle(&Article{Body: body}, paragraphs(body), DefaultStyleSettings())
	perKind := map[string]int{}
	for _, f := range got {
		perKind[f.Kind]++
	}
	if perKind[StyleDoubleSpace] != maxStyleFindingsPerKind || perKind[StyleFindingsOmitted] != 2 {
		t.Fatalf("findings per kind %v", perKind)
	}
}

func TestCheckStyleNeverPanics(t *testing.T) {
	for _, body := range []string{"", "\xff\xfe  \xff", "\"", "'", "  ", "a.  B", "“”"} {
		a := &Article{Headline: body, Standfirst: body, Body: body}
		CheckStyle(a, paragraphs(body), DefaultStyleSettings())
		CheckStyle(a, []Prose{{Start: 0, Text: body}}, StyleSettings{HeadlineCase: TitleCase, MaxSentenceWords: 1})
	}
	if CheckStyle(nil, nil, DefaultStyleSettings()) != nil {
		t.Fatal("nil article gave findings")
	}
}

func FuzzCheckStyle(f *testing.F) {
	f.Add("Kerry To meet Putin", "a  b \"c\" d's.", "colour color")
	f.Fuzz(func(t *testing.T, headline, standfirst, body string) {
		a := &Article{Headline: headline, Standfirst: standfirst, Body: body}
		for _, fd := range CheckStyle(a, paragraphs(body), DefaultStyleSettings()) {
			text := map[string]string{FieldHeadline: headline, FieldStandfirst: standfirst, FieldBody: body}[fd.Field]
			if fd.Kind != StyleFindingsOmitted && (fd.Start < 0 || fd.End > len(text) || fd.Start > fd.End) {
				t.Fatalf("finding out of range: %+v in %q", fd, text)
			}
		}
	})
}

func BenchmarkCheckStyle60000(b *testing.B) {
	para := "John Kerry, the US Secretary of State  is planning his trip to the Black Sea resort of Sochi, where he will meet \"Russian\" officials amongst others; the diplomat had canceled it. "
	var body strings.Builder
	for body.Len() < 60_000 {
		body.WriteString(para)
		body.WriteString("\n\n")
	}
	a := &Article{Headline: "Kerry To meet Putin In First Russian Visit", Standfirst: para, Body: body.String()}
	prose := paragraphs(a.Body)
	s := DefaultStyleSettings()
	s.Discouraged = []WordRule{{Word: "in order to", Preferred: "to"}, {Word: "utilise", Preferred: "use"}}
	b.SetBytes(int64(len(a.Body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		CheckStyle(a, prose, s)
	}
}

// BenchmarkCheckStyle4000 is a typical story (~4,000 characters): the
// house-style check runs on every save and every imported article.
func BenchmarkCheckStyle4000(b *testing.B) {
	body := sampletext.Body(4000)
	a := &Article{Headline: "Kerry to meet Putin in Sochi", Standfirst: "The talks go on.", Body: body}
	prose := []Prose{{Text: body}}
	s := DefaultStyleSettings()
	for b.Loop() {
		CheckStyle(a, prose, s)
	}
}

// TestSpellingEndingsCoverEveryForm: the ending filter never hides a
// listed spelling form.
func TestSpellingEndingsCoverEveryForm(t *testing.T) {
	marked := 0
	for _, on := range spellingEndings {
		if on {
			marked++
		}
	}
	for w := range spellingForms {
		i, ok := endingIndex(w)
		if !ok || !spellingEndings[i] {
			t.Fatalf("form %q is not reachable through its ending", w)
		}
		if len(w) < 4 || len(w) > 20 {
			t.Fatalf("form %q is outside the 4 to 20 letters mixedSpelling looks at", w)
		}
	}
	if marked == len(spellingEndings) {
		t.Fatal("every ending is marked: the filter filters nothing")
	}
	t.Logf("%d of %d endings marked", marked, len(spellingEndings))
}
