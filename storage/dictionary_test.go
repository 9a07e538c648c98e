package storage

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"newsroom/domain"
)

func TestDictionaryIsSharedByEveryProcess(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	other, err := Open(path) // a second desk on the same file
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for _, w := range []string{"Lavrov", "Sochi", "Interfax", "Lavrov", " Kerry’s "} {
		if err := s.AddDictionaryWord(ctx, w, "Maria"); err != nil {
			t.Fatalf("add %q: %v", w, err)
		}
	}
	got, err := other.DictionaryWords(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Interfax", "Kerry's", "Lavrov", "Sochi"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("the other desk sees %q, want %q", got, want)
	}
	if err := other.RemoveDictionaryWord(ctx, "Sochi"); err != nil {
		t.Fatal(err)
	}
	if err := other.RemoveDictionaryWord(ctx, "Sochi"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("removing an absent word: %v", err)
	}
	for _, bad := range []string{"", "two words", strings.Repeat("x", 101), "tab\there", "\xff"} {
		if err := s.AddDictionaryWord(ctx, bad, ""); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("word %q: %v, want invalid", bad, err)
		}
	}
}

func TestIgnoredWordsBelongToOneArticle(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a, b := sample("one"), sample("two")
	for _, x := range []*domain.Article{a, b} {
		if err := s.CreateArticle(ctx, x, "test"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.IgnoreWord(ctx, a.ID, "Harf"); err != nil {
		t.Fatal(err)
	}
	if err := s.IgnoreWord(ctx, a.ID, "Harf"); err != nil {
		t.Fatalf("ignoring twice: %v", err)
	}
	if got, _ := s.IgnoredWords(ctx, a.ID); !reflect.DeepEqual(got, []string{"Harf"}) {
		t.Fatalf("article one ignores %q", got)
	}
	if got, _ := s.IgnoredWords(ctx, b.ID); len(got) != 0 {
		t.Fatalf("article two ignores %q", got)
	}
	if err := s.IgnoreWord(ctx, 99999, "x"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("ignoring in a missing article: %v", err)
	}
	if err := trashAndEmpty(ctx, s, a.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM article_ignored_words`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("ignored words left after delete: %d (%v)", n, err)
	}
}

func TestStyleSettings(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	got, err := s.StyleSettings(ctx)
	if err != nil || !reflect.DeepEqual(got, domain.DefaultStyleSettings()) {
		t.Fatalf("defaults: %+v, %v", got, err)
	}
	set := map[string]string{
		SettingStyleHeadlineCase:     "title",
		SettingStyleSpelling:         "en-GB",
		SettingStyleMaxSentenceWords: "30",
		SettingStyleCurlyQuotes:      "false",
		SettingStyleDiscouraged:      "utilise => use\n# a comment\n\nvery unique\n",
	}
	for k, v := range set {
		if err := s.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	got, err = s.StyleSettings(ctx)
	want := domain.StyleSettings{HeadlineCase: domain.TitleCase, Spelling: domain.BritishSpelling, MaxSentenceWords: 30,
		Discouraged: []domain.WordRule{{Word: "utilise", Preferred: "use"}, {Word: "very unique"}}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, %v\nwant %+v", got, err, want)
	}
	for key, bad := range map[string]string{SettingStyleHeadlineCase: "shouty", SettingStyleSpelling: "en-AU",
		SettingStyleMaxSentenceWords: "many", SettingStyleCurlyQuotes: "perhaps"} {
		if err := s.SetSetting(ctx, key, bad); err != nil {
			t.Fatal(err)
		}
		if _, err := s.StyleSettings(ctx); err == nil || !strings.Contains(err.Error(), key) {
			t.Errorf("bad %s=%q: %v", key, bad, err)
		}
		_ = s.SetSetting(ctx, key, set[key])
	}
}

func TestStyleFindingsStoredAtSave(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a := sample("style")
	a.Headline = "Kerry To meet Putin"
	a.Body = "He said  no.\n\n{{quote harf}}\n"
	if err := s.CreateArticle(ctx, a, "test"); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetArticle(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	style, _ := s.StyleSettings(ctx)
	stored, ok := domain.StoredStyle(got, style)
	if !ok {
		t.Fatalf("no valid stored style findings: %+v", got.Attribution)
	}
	kinds := map[string]bool{}
	for _, f := range stored {
		kinds[f.Kind] = true
	}
	if !kinds[domain.StyleDoubleSpace] || !kinds[domain.StyleHeadlineCase] {
		t.Fatalf("stored style findings %+v", stored)
	}
	// Another house style: the stored ones no longer count.
	if err := s.SetSetting(ctx, SettingStyleHeadlineCase, "title"); err != nil {
		t.Fatal(err)
	}
	title, _ := s.StyleSettings(ctx)
	if _, ok := domain.StoredStyle(got, title); ok {
		t.Fatal("findings stored under sentence case were taken for title case")
	}
	// An import batch checks against the house style too.
	b, err := s.BeginImport(ctx, "import")
	if err != nil {
		t.Fatal(err)
	}
	imp := sample("imported")
	imp.Origin = "file:imported.md"
	imp.Headline = "Kerry to meet Putin"
	if _, err := b.UpsertArticle(ctx, imp, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	got, _ = s.GetArticleBySlug(ctx, "imported")
	if f, ok := domain.StoredStyle(got, title); !ok || len(f) == 0 || f[0].Kind != domain.StyleHeadlineCase {
		t.Fatalf("imported article's stored style: %+v %v", f, ok)
	}
}
