package markup

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/internal/racedetect"
)

// unattributedOffsets runs the check on body and returns the offsets of
// its unattributed-quote findings.
func unattributedOffsets(t *testing.T, body string) []int {
	t.Helper()
	var got []int
	for _, f := range CheckAttribution(&domain.Article{Body: body}) {
		if f.Kind == domain.FindingUnattributedQuote {
			got = append(got, f.Offset)
		}
	}
	return got
}

func TestCheckAttributionQuotations(t *testing.T) {
	standalone := "“The sanctions will be lifted next week.”"
	tests := []struct {
		name string
		body string
		want []int // offsets of unattributed quotations
	}{
		{"curly quote, speaker after verb", "“We are ready,” said Sergey Lavrov.", nil},
		{"curly quote, speaker before verb", "“We are ready,” Lavrov said.", nil},
		{"straight quotes", `"We are ready to talk," said Sergey Lavrov.`, nil},
		{"paragraph that is only a quote", standalone, []int{0}},
		{"straight quote alone", `"The sanctions will be lifted next week."`, []int{0}},
		{"attribution in the next sentence", "“The sanctions will be lifted next week.” That is what Lavrov told reporters.", nil},
		{"continued quotation after attributed sentence", "“We are ready,” Lavrov said. “We have always been ready to talk.”", nil},
		{"attribution two sentences later is too far", "“The sanctions will be lifted next week.” It rained. Lavrov said so.", []int{0}},
		{"attribution does not cross paragraphs", standalone + "\n\nLavrov said that on Tuesday.", []int{0}},
		{"colon introduction", "The minister told reporters: “The sanctions will be lifted next week.”", nil},
		{"according to", "According to Reuters, “the talks will go on for three more days.”", nil},
		{"described source", "“The talks will go on for days,” a Russian diplomatic source told the agency.", nil},
		{"pronoun speaker", "“The talks will go on for days,” she added.", nil},
		{"plural described source", "“The talks will go on for days,” officials warned.", nil},
		{"verb without speaker", "“The sanctions will be lifted next week,” it was announced.", []int{0}},
		{"speaker without verb", "“The sanctions will be lifted next week,” Lavrov on Tuesday.", []int{0}},
		{"verb only inside the quotation", "“He said the sanctions will be lifted.”", []int{0}},
		{"short scare quotes in unattributed sentence", "The visit was “very symbolic” for both sides.", nil},
		{"short quote ending the sentence counts", "The visit was called “a joke”. Nobody knows more.", []int{len("The visit was called ")}},
		{"one-word quote ending the sentence, attributed", "He replied: “No.”", nil},
		{"Mr. does not break the sentence", "“We will go to Moscow on Tuesday,” Mr. Kerry said.", nil},
		{"U.S. does not break the sentence", "“We will go,” the U.S. secretary of state said.", nil},
		{"quote with an inner full stop", "“Sanctions work. They always have,” Lavrov said.", nil},
		{"quotation running on to the next paragraph", "“We are ready,” Lavrov said. “And we shall wait.\n\n“The talks will go on for days.”", nil},
		{"closed quotation does not run on", "“We are ready,” Lavrov said.\n\n“The talks will go on for days.”", []int{len("“We are ready,” Lavrov said.\n\n")}},
		{"unattributed open quotation does not run on", "“We are ready to talk.\n\n“The talks will go on for days.”", []int{0, len("“We are ready to talk.\n\n")}},
		{"code span ignored", "Type `\"The sanctions will be lifted next week.\"` to test.", nil},
		{"fenced code ignored", "```\n\"The sanctions will be lifted next week.\"\n```", nil},
		{"tilde fence ignored", "~~~go\nx := \"The sanctions will be lifted next week.\"\n~~~\n", nil},
		{"indented code ignored", "Intro.\n\n    \"The sanctions will be lifted next week.\"\n", nil},
		{"excerpt blockquote ignored", "> [!excerpt The Guardian]\n> “The sanctions will be lifted next week.”\n", nil},
		{"plain blockquote checked", "> “The sanctions will be lifted next week.”\n", []int{2}},
		{"link title ignored", `See [the report](https://example.com "The full report in one place").`, nil},
		{"html attribute ignored", `<a href="https://example.com" title="The full report in one place">report</a>`, nil},
		{"quote marker ignored", "{{quote harf}}", nil},
		{"German quotes", "„Wir sind bereit zu reden“, sagte Lavrow.", []int{0}},
		{"German quotes with English verb", "„Wir sind bereit zu reden“, said Lavrov.", nil},
		{"guillemets", "« Nous sommes prêts à parler », said Lavrov.", nil},
		{"heading is its own block", "# “The sanctions will be lifted next week”\nLavrov said it.", []int{2}},
		{"list items are their own blocks", "- “The sanctions will be lifted next week.”\n- Lavrov said it.", []int{2}},
		{"second paragraph offset", "Kerry arrives.\n\n“The sanctions will be lifted next week.”", []int{16}},
		{"multibyte before the quote", "Россия.\n\n“The sanctions will be lifted next week.”", []int{len("Россия.\n\n")}},
		{"two unattributed quotes", "“Sanctions go next week.” “Talks go on for days.”", []int{0, len("“Sanctions go next week.” ")}},
		{"empty body", "", nil},
		{"lone mark", "“", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := unattributedOffsets(t, tt.body)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("unattributed offsets = %v, want %v\nbody: %q\nfindings: %+v", got, tt.want, tt.body, CheckAttribution(&domain.Article{Body: tt.body}))
			}
		})
	}
}

// seedArticle returns the sample article as the editor holds it.
func seedArticle(t *testing.T) *domain.Article {
	t.Helper()
	body, err := os.ReadFile("testdata/seed-article.md")
	if err != nil {
		t.Fatal(err)
	}
	return &domain.Article{
		Slug:     "kerry-to-meet-putin",
		Headline: "Kerry To meet Putin In First Russian Visit Since Start Of Ukraine Crisis",
		Body:     string(body),
		Status:   domain.StatusDraft,
		Sources: []domain.Source{
			{Name: "The Guardian", Kind: domain.SourceNewspaper},
			{Name: "Reuters", Kind: domain.SourceNewsAgency},
			{Name: "RIA Novosti", Kind: domain.SourceStateMedia},
			{Name: "Interfax", Kind: domain.SourceNewsAgency},
			{Name: "US State Department", Kind: domain.SourceOfficial},
		},
	}
}

func TestSeedArticleEveryQuotationAttributed(t *testing.T) {
	raw, err := os.ReadFile("testdata/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	md := seedArticle(t).Body
	wantStarts := []string{"“very symbolic,”", "“This trip is part of our ongoing effort"}
	for name, body := range map[string]string{"plain text": string(raw), "markdown": md} {
		t.Run(name, func(t *testing.T) {
			got := BodyMarks(&domain.Article{Body: body}).Quotations
			if len(got) != len(wantStarts) {
				t.Fatalf("found %d quotations, want %d: %+v", len(got), len(wantStarts), got)
			}
			for i, q := range got {
				if !strings.HasPrefix(q.Text, wantStarts[i]) {
					t.Errorf("quotation %d = %q, want it to start %q", i, q.Text, wantStarts[i])
				}
				if !q.Attributed {
					t.Errorf("quotation %q is not attributed", q.Text)
				}
				if body[q.Start:q.End] != q.Text {
					t.Errorf("quotation %d offsets %d..%d do not match its text", i, q.Start, q.End)
				}
			}
			if !got[1].Counts {
				t.Errorf("the Harf quotation should count as a quotation that needs a speaker")
			}
			if got[0].Counts {
				t.Errorf("the scare quotes “very symbolic” should not need a speaker of their own")
			}
		})
	}
	if f := CheckAttribution(seedArticle(t)); len(f) != 0 {
		t.Errorf("seed article findings = %+v, want none", f)
	}
}

func TestCheckAttributionMarkersAndRecords(t *testing.T) {
	base := func() *domain.Article {
		return &domain.Article{
			Sources: []domain.Source{{Name: "The Guardian", Kind: domain.SourceNewspaper}, {Name: "US State Department", Kind: domain.SourceOfficial}},
			Quotes: []domain.Quote{
				{Ref: "harf", Text: "This trip is part of our ongoing effort", Speaker: "Marie Harf", Source: "US State Department"},
			},
		}
	}
	tests := []struct {
		name   string
		edit   func(a *domain.Article)
		kind   string
		offset int
		inMsg  string
	}{
		{"known quote marker", func(a *domain.Article) { a.Body = "Intro.\n\n{{quote harf}}\n" }, "", 0, ""},
		{"unknown quote marker", func(a *domain.Article) { a.Body = "Intro.\n\n{{quote lavrov}}\n" }, domain.FindingQuoteUnknownRef, 8, `"lavrov"`},
		{"marker inside code is ignored", func(a *domain.Article) { a.Body = "Write `{{quote lavrov}}` to place it." }, "", 0, ""},
		{"empty quote marker", func(a *domain.Article) { a.Body = "{{quote }}" }, domain.FindingQuoteUnknownRef, 0, "names no quote"},
		{"known excerpt source, any case", func(a *domain.Article) { a.Body = "> [!excerpt the guardian]\n> Text." }, "", 0, ""},
		{"unknown excerpt source", func(a *domain.Article) { a.Body = "Intro.\n\n> [!excerpt The Times]\n> Text." }, domain.FindingExcerptUnknownSource, 10, `"The Times"`},
		{"excerpt without a name prints as text", func(a *domain.Article) { a.Body = "> [!excerpt]\n> Text." }, domain.FindingMarkerAsText, 2, "name a source"},
		{"quote marker inside a sentence prints as text", func(a *domain.Article) { a.Body = "He said {{quote harf}} loudly." }, domain.FindingMarkerAsText, 8, "stand alone"},
		{"quote keyword in any case", func(a *domain.Article) { a.Body = "{{Quote harf}}" }, "", 0, ""},
		{"quote ref with spaces", func(a *domain.Article) { a.Body = "{{quote two words}}" }, domain.FindingQuoteUnknownRef, 0, `"two words"`},
		{"excerpt keyword in any case", func(a *domain.Article) { a.Body = "> [!Excerpt The Times]\n> Text." }, domain.FindingExcerptUnknownSource, 2, `"The Times"`},
		{"excerpt marker in a nested blockquote of a list", func(a *domain.Article) { a.Body = "- item\n\n  > [!excerpt The Times]\n  > Text." }, domain.FindingExcerptUnknownSource, 12, `"The Times"`},
		{"bad embed address", func(a *domain.Article) { a.Body = "{{embed javascript:alert(1)}}" }, domain.FindingMarkerAsText, 0, "http(s)"},
		{"good embed", func(a *domain.Article) { a.Body = "{{embed https://vimeo.com/1}}" }, "", 0, ""},
		{"quote without speaker", func(a *domain.Article) { a.Quotes[0].Speaker = " " }, domain.FindingQuoteMissingSpeaker, -1, `quote 1 ("harf")`},
		{"quote without source", func(a *domain.Article) { a.Quotes[0].Source = "" }, domain.FindingQuoteMissingSource, -1, `quote 1 ("harf") has no source`},
		{"quote crediting an unlisted source", func(a *domain.Article) { a.Quotes[0].Source = "Pravda" }, domain.FindingQuoteMissingSource, -1, `"Pravda"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := base()
			tt.edit(a)
			got := CheckAttribution(a)
			if tt.kind == "" {
				if len(got) != 0 {
					t.Fatalf("findings = %+v, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("findings = %+v, want one %s", got, tt.kind)
			}
			f := got[0]
			if f.Kind != tt.kind || f.Offset != tt.offset || !strings.Contains(f.Message, tt.inMsg) {
				t.Errorf("finding = %+v, want kind %s offset %d message containing %q", f, tt.kind, tt.offset, tt.inMsg)
			}
		})
	}
}

func TestCheckAttributionOrderAndExcerpt(t *testing.T) {
	long := strings.Repeat("word ", 100)
	a := &domain.Article{
		Body:   "Intro.\n\n“" + long + "”\n\n{{quote nope}}",
		Quotes: []domain.Quote{{Ref: "x", Text: "t"}},
	}
	got := CheckAttribution(a)
	kinds := make([]string, len(got))
	for i, f := range got {
		kinds[i] = f.Kind
	}
	want := []string{domain.FindingQuoteMissingSpeaker, domain.FindingQuoteMissingSource, domain.FindingUnattributedQuote, domain.FindingQuoteUnknownRef}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Fatalf("kinds = %v, want %v", kinds, want)
	}
	ex := got[2].Excerpt
	if len(ex) > 160+len("…") || !strings.HasSuffix(ex, "…") || !strings.HasPrefix(ex, "“word word") {
		t.Errorf("excerpt = %q, want a shortened excerpt of the quotation", ex)
	}
	if s := got[3].Summary(); !strings.Contains(s, "{{quote nope}}") || !strings.Contains(s, `"nope"`) {
		t.Errorf("summary = %q", s)
	}
	if CheckAttribution(nil) != nil {
		t.Errorf("nil article should have no findings")
	}
}

func TestUnattributedQuoteInLongBody(t *testing.T) {
	attributed := "“We are ready to talk at any time,” said Sergey Lavrov. Mr. Kerry agreed, the U.S. embassy said.\n\n"
	var b strings.Builder
	for b.Len() < 30_000 {
		b.WriteString(attributed)
	}
	offset := b.Len()
	b.WriteString("“The sanctions will be lifted next week.”\n\n")
	for b.Len() < 60_000 {
		b.WriteString(attributed)
	}
	got := unattributedOffsets(t, b.String())
	if len(got) != 1 || got[0] != offset {
		t.Fatalf("unattributed offsets = %v, want [%d]", got, offset)
	}
	if !strings.HasPrefix(b.String()[got[0]:], "“The sanctions") {
		t.Errorf("offset does not point at the quotation")
	}
}

func TestCheckAttributionHostileInput(t *testing.T) {
	inputs := []string{
		"Путин сказал: «Мы готовы к переговорам в любое время».",
		"プーチン氏は「いつでも交渉する用意がある」と述べた。",
		"بوتين قال: \"نحن مستعدون للتفاوض في أي وقت\"",
		"\xff\xfe“bad \xc3 bytes”\x80 said Lavrov.",
		"“\xe2\x80",
		"```",
		"> [!excerpt",
		"]((((((",
		"`````````",
		"{{quote {{quote x}}}}",
		"<a href=\"",
		strings.Repeat("“", 1000),
		strings.Repeat("\"", 1001),
		strings.Repeat(". ", 1000),
		strings.Repeat("> ", 1000),
		"    \n\t\n    x",
	}
	for _, in := range inputs {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("CheckAttribution(%q) panicked: %v", in, r)
				}
			}()
			for _, f := range CheckAttribution(&domain.Article{Body: in, Quotes: []domain.Quote{{Ref: "\xff", Text: in}}}) {
				if f.Offset < -1 || f.Offset > len(in) {
					t.Errorf("CheckAttribution(%q): offset %d out of range", in, f.Offset)
				}
				if !strings.Contains(f.Excerpt, "\uFFFD") && strings.ToValidUTF8(f.Excerpt, "") != f.Excerpt {
					t.Errorf("excerpt %q is not valid UTF-8", f.Excerpt)
				}
			}
		}()
	}
	if got := unattributedOffsets(t, "\xff\xfe“The sanctions will be lifted next week.”"); len(got) != 1 || got[0] != 2 {
		t.Errorf("quotation after invalid bytes: offsets %v, want [2]", got)
	}
}

func FuzzCheckAttribution(f *testing.F) {
	f.Add("“We are ready,” said Sergey Lavrov.")
	f.Add("> [!excerpt The Guardian]\n> text\n\n{{quote a}}\n```\n\"x\"\n```")
	f.Fuzz(func(t *testing.T, body string) {
		for _, fd := range CheckAttribution(&domain.Article{Body: body}) {
			if fd.Offset < 0 || fd.Offset > len(body) {
				t.Fatalf("offset %d out of range for %q", fd.Offset, body)
			}
		}
	})
}

// longBody builds a realistic body of about n bytes with quotations.
func longBody(n int) string {
	paras := []string{
		"John Kerry, the US Secretary of State, is planning his trip to the Black Sea resort of Sochi on Tuesday where he will meet Russian President Vladimir Putin.",
		"“This trip is part of our ongoing effort to maintain direct lines of communication,” state department spokeswoman Marie Harf said in a written statement.",
		"RIA Novosti news agency quoted a Russian diplomatic source as saying that Kerry’s arrival was “very symbolic,” since the top US diplomat had canceled the trip.",
		"> [!excerpt The Guardian]\n> It will be his first trip to Russia since the start of the Ukraine crisis.",
		"“The sanctions will be lifted next week.”",
		"Mr. Kerry met the U.S. ambassador. `code \"x\"` and [a link](https://example.com \"title\").",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(paras[i%len(paras)])
		b.WriteString("\n\n")
	}
	return b.String()[:n]
}

func TestCheckAttributionSpeed(t *testing.T) {
	if raceEnabled {
		t.Skip("timing under the race detector means nothing")
	}
	a := &domain.Article{Body: longBody(60_000)}
	best := time.Hour
	for range 3 {
		start := time.Now()
		CheckAttribution(a)
		best = min(best, time.Since(start))
	}
	if budget := 50 * time.Millisecond * racedetect.Slowdown; best > budget {
		t.Errorf("CheckAttribution on 60,000 bytes took %v, want well under %v", best, budget)
	}
	t.Logf("CheckAttribution on 60,000 bytes: %v", best)
}

func BenchmarkCheckAttribution60000(b *testing.B) {
	a := &domain.Article{Body: longBody(60_000)}
	b.SetBytes(int64(len(a.Body)))
	for b.Loop() {
		CheckAttribution(a)
	}
}

func TestPlacesQuoteAndCreditsExcerpt(t *testing.T) {
	a := &domain.Article{Body: "Intro {{quote inline}}.\n\n{{ Quote harf }}\n\n> [!EXCERPT the guardian]\n> Text.\n\n`{{quote code}}`"}
	for ref, want := range map[string]bool{"harf": true, "inline": false, "code": false} {
		if got := PlacesQuote(a, ref); got != want {
			t.Errorf("PlacesQuote(%q) = %v, want %v", ref, got, want)
		}
	}
	if !CreditsExcerpt(a, "The Guardian") || CreditsExcerpt(a, "Reuters") {
		t.Error("CreditsExcerpt should see the excerpt credited to The Guardian only")
	}
	if got, want := AttributionFindings(a), CheckAttribution(a); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("AttributionFindings without stored findings = %+v, want CheckAttribution's %+v", got, want)
	}
}
