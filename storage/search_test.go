package storage

import (
	"context"
	"strings"
	"testing"

	"newsroom/domain"
)

// TestSearchSameOnBothBackends is the one table of searches both engines
// must answer alike: the suite runs it on SQLite (FTS5) and, with
// NEWSROOM_TEST_POSTGRES, on PostgreSQL (tsvector + GIN).
func TestSearchSameOnBothBackends(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	docs := []struct{ slug, headline, standfirst, body, byline string }{
		{"cafe", "Café owners protest", "Rents doubled", "The CAFÉ on Rue Saint-Denis closed.", "Zoë Martin"},
		{"budget", "Budget passes", "Tax cuts for families", "The finance minister said the budget is balanced.", "Staff"},
		{"flood", "Flood warning", "River Thames rising", "Residents near the river were told to leave. Tax offices closed.", "Ann Lee"},
		{"numbers", "Rates at 4.5%", "Bank of England", "Inflation fell to 12345 this year; e-mail newsroom@example.com.", "Staff"},
		{"cross", "River", "Thames barrier", "Nothing else here.", "Staff"},
	}
	for _, d := range docs {
		a := &domain.Article{Slug: d.slug, Headline: d.headline, Standfirst: d.standfirst, Body: d.body,
			Byline: d.byline, Status: domain.StatusDraft}
		if err := s.CreateArticle(ctx, a, "t"); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct{ query, want string }{
		{"cafe", "cafe"},                  // diacritics folded in the text
		{"CAFÉ", "cafe"},                  // and in the query, any case
		{"zoe", "cafe"},                   // byline
		{"tax", "flood,budget"},           // newest first
		{"tax fam", "budget"},             // every word, the last a prefix
		{"ta", "flood,budget"},            // prefix
		{"river thames", "cross,flood"},   // words anywhere
		{`"river thames"`, "flood"},       // a phrase, in one column only
		{`"thames river"`, ""},            // words in another order
		{`"the budget is"`, "budget"},     // a longer phrase
		{`"the budget is" bal`, "budget"}, // phrase and prefix
		{"12345", "numbers"},              // numbers
		{"4 5", "numbers"},                // 4.5 is two words
		{"example com", "numbers"},        // an address is words
		{"saint denis", "cafe"},           // hyphenated words
		{"nosuchword", ""},                // nothing
		{"tax nosuchword", ""},            // every word must match
		{`(the) AND tax*`, ""},            // AND is a word, not an operator
		{`(the) tax* -`, "flood,budget"},  // punctuation is no syntax
	}
	for _, c := range cases {
		got, err := s.ListArticles(ctx, ArticleQuery{Search: c.query})
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		var slugs []string
		for _, g := range got {
			slugs = append(slugs, g.Slug)
		}
		if strings.Join(slugs, ",") != c.want {
			t.Errorf("%s search %q: got %v, want %q", s.backend, c.query, slugs, c.want)
		}
	}
}

func TestParseSearch(t *testing.T) {
	cases := []struct{ in, fts, ts string }{
		{"kerry", `"kerry"*`, `'kerry':*`},
		{"Kerry Putin", `"Kerry" "Putin"*`, `'kerry' & 'putin':*`},
		{`"kerry putin"`, `"kerry putin"`, `('kerry' <-> 'putin')`},
		{`"kerry putin" soc`, `"kerry putin" "soc"*`, `('kerry' <-> 'putin') & 'soc':*`},
		{`"kerry putin`, `"kerry" "putin"*`, `'kerry' & 'putin':*`}, // an open quote is no phrase
		{"Zoë", `"Zoë"*`, `'zoe':*`},
		{`( ) " *`, ``, ``},
	}
	for _, c := range cases {
		if got := ftsQuery(c.in); got != c.fts {
			t.Errorf("ftsQuery(%q) = %q, want %q", c.in, got, c.fts)
		}
		if got := tsQuery(c.in); got != c.ts {
			t.Errorf("tsQuery(%q) = %q, want %q", c.in, got, c.ts)
		}
	}
}

func TestTSVectorKeepsColumnsApart(t *testing.T) {
	got := tsVector("River", "Thames barrier", "Café café")
	want := `'barrier':4 'cafe':6,7 'river':1 'thames':3`
	if got != want {
		t.Fatalf("tsVector = %q, want %q", got, want)
	}
}

// TestSearchPagesAgreeWithTheWholeList: a page of a search is the same
// slice of the full list of matches for rare words (older than the
// newest thousand articles), common ones and words in between, with and
// without an offset.
func TestSearchPagesAgreeWithTheWholeList(t *testing.T) {
	s, _ := openTemp(t)
	fillArticles(t, s, 2500) // "zanzibar" is in story-1250 only
	ctx := context.Background()
	for _, search := range []string{"zanzibar", "minist", "story 12", "ceasefire treaty", "court ruling"} {
		all, err := s.ListArticles(ctx, ArticleQuery{Search: search})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []struct{ limit, offset int }{{50, 0}, {10, 5}, {50, 100}} {
			page, err := s.ListArticles(ctx, ArticleQuery{Search: search, Limit: p.limit, Offset: p.offset})
			if err != nil {
				t.Fatal(err)
			}
			want := all[min(p.offset, len(all)):min(p.offset+p.limit, len(all))]
			if len(page) != len(want) {
				t.Fatalf("%q %+v: %d results, want %d", search, p, len(page), len(want))
			}
			for i := range page {
				if page[i].ID != want[i].ID {
					t.Fatalf("%q %+v: result %d is %s, want %s", search, p, i, page[i].Slug, want[i].Slug)
				}
			}
		}
		if search == "zanzibar" && (len(all) != 1 || all[0].Slug != "story-1250") {
			t.Fatalf("zanzibar: %v", all)
		}
	}
}
