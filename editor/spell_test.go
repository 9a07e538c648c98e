package editor

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/spelling"
	"newsroom/textedit"
)

func openSpeller(t *testing.T) *spelling.Checker {
	t.Helper()
	c, err := spelling.Open("en-US")
	if err != nil {
		t.Fatalf("dictionary (make test installs hunspell-en-us): %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

// menuLabels lists the labels of the body's context-menu spelling items at
// offset.
func menuLabels(s *Screen, offset int) []string {
	var out []string
	for _, it := range s.Body().ContextItems(offset) {
		out = append(out, it.Label)
	}
	return out
}

func TestSpellingUnderlinesAndCorrects(t *testing.T) {
	body := "Lavrov will recieve Kerry in Sochi.\n\n```\nrecieve_in_code()\n```\n\nSee https://example.org/recieve and NATO."
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: body})
	s.SetSpeller(openSpeller(t), st)
	waitFor(t, s, "misspellings underlined", func() bool { return len(s.Body().Marks()) > 0 })
	var words []string
	for _, m := range s.Body().Marks() {
		words = append(words, body[m.Start:m.End])
	}
	// Code, the URL and the acronym are not checked.
	if strings.Join(words, " ") != "Lavrov recieve" {
		t.Fatalf("underlined %q", words)
	}
	at := strings.Index(body, "recieve") + 2
	labels := menuLabels(s, at)
	if len(labels) < 3 || labels[0] != "receive" {
		t.Fatalf("menu %q", labels)
	}
	s.Body().ContextItems(at)[0].Action()
	want := strings.Replace(body, "recieve", "receive", 1)
	if s.Body().Text() != want {
		t.Fatalf("after the suggestion: %q", s.Body().Text())
	}
	waitFor(t, s, "the correction saved", func() bool { return stored(t, st, s.article.ID).Body == want })
	waitFor(t, s, "only Lavrov underlined", func() bool {
		m := s.Body().Marks()
		return len(m) == 1 && want[m[0].Start:m[0].End] == "Lavrov"
	})

	// Add to the newsroom dictionary: stored for every desk, underline gone.
	items := s.Body().ContextItems(1)
	var add *func()
	for _, it := range items {
		if strings.HasPrefix(it.Label, "Add “Lavrov”") {
			add = &it.Action
		}
	}
	if add == nil {
		t.Fatalf("no add item in %q", menuLabels(s, 1))
	}
	(*add)()
	waitFor(t, s, "no underline left", func() bool { return len(s.Body().Marks()) == 0 })
	waitFor(t, s, "the word stored", func() bool {
		w, _ := st.DictionaryWords(context.Background())
		return reflect.DeepEqual(w, []string{"Lavrov"})
	})
}

func TestSpellingIgnoreInThisArticle(t *testing.T) {
	body := "Interfaxx reported it."
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: body})
	s.SetSpeller(openSpeller(t), st)
	waitFor(t, s, "underlined", func() bool { return len(s.Body().Marks()) == 1 })
	for _, it := range s.Body().ContextItems(2) {
		if strings.HasPrefix(it.Label, "Ignore “Interfaxx”") {
			it.Action()
		}
	}
	waitFor(t, s, "ignored", func() bool { return len(s.Body().Marks()) == 0 })
	waitFor(t, s, "kept with the article", func() bool {
		w, _ := st.IgnoredWords(context.Background(), s.article.ID)
		return reflect.DeepEqual(w, []string{"Interfaxx"})
	})
	if w, _ := st.DictionaryWords(context.Background()); len(w) != 0 {
		t.Fatalf("ignoring added to the dictionary: %q", w)
	}
	// Opened again, the article still ignores it.
	s.show(stored(t, st, s.article.ID))
	s.Body().SetMarks(s.Body().Text(), []textedit.Span{{Start: 0, End: 3}})
	waitFor(t, s, "ignored after reopening", func() bool { return len(s.Body().Marks()) == 0 })
}

func TestCheckPanelListsStyleFindingsAndFixes(t *testing.T) {
	a := &domain.Article{Headline: "Kerry To meet Putin", Body: "The diplomat had canceled the trip amongst others.\n\nHe said  no."}
	s, st := newPanelScreen(t, a)
	c := s.panels().check
	waitFor(t, s, "style findings", func() bool { return len(c.style) == 3 })
	kinds := map[string]int{}
	for i, f := range c.style {
		kinds[f.Kind] = i
	}
	// The double space: choose it, fix it.
	c.list.Select(len(c.findings) + kinds[domain.StyleDoubleSpace])
	if c.fix.Hidden {
		t.Fatal("no Fix offered for the double space")
	}
	c.applyFix()
	if got := s.Body().Text(); !strings.HasSuffix(got, "He said no.") {
		t.Fatalf("body after the fix: %q", got)
	}
	waitFor(t, s, "two findings left", func() bool { return len(c.style) == 2 })
	for i, f := range c.style {
		if f.Kind == domain.StyleHeadlineCase {
			c.list.Select(len(c.findings) + i)
		}
	}
	c.applyFix()
	if s.headline.Text() != "Kerry to meet Putin" {
		t.Fatalf("headline after the fix: %q", s.headline.Text())
	}
	waitFor(t, s, "the fixes saved", func() bool {
		got := stored(t, st, s.article.ID)
		return got.Headline == "Kerry to meet Putin" && strings.HasSuffix(got.Body, "He said no.")
	})
}

func TestSpellingOfHeadlineAndStandfirstInCheckPanel(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "Kery meets Lavrov", Standfirst: "The talks went well.", Body: "Talks."})
	s.SetSpeller(openSpeller(t), st)
	c := s.panels().check
	retype(s.headline, "Kery meets Lavrov in Sochi") // a change runs the check
	var found *domain.StyleFinding
	waitFor(t, s, "the headline misspelling listed", func() bool {
		for i, f := range c.style {
			if f.Kind == domain.StyleMisspelling && f.Field == domain.FieldHeadline && f.Start == 0 {
				found = &c.style[i]
				c.list.Select(len(c.findings) + i)
				return true
			}
		}
		return false
	})
	if found.Suggestion == "" {
		t.Fatalf("no suggestion for %+v", found)
	}
	c.applyFix()
	if !strings.HasPrefix(s.headline.Text(), found.Suggestion+" meets") {
		t.Fatalf("headline after the fix: %q", s.headline.Text())
	}
}
