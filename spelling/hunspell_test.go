package spelling

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"newsroom/domain"
)

func open(t testing.TB, lang string) *Checker {
	t.Helper()
	c, err := Open(lang)
	if err != nil {
		t.Fatalf("open %s (make test installs hunspell-en-us and hunspell-en-gb): %v", lang, err)
	}
	t.Cleanup(c.Close)
	return c
}

func TestVarietiesDisagree(t *testing.T) {
	us, gb := open(t, "en-US"), open(t, "en_GB")
	tests := []struct {
		word   string
		us, gb bool
	}{
		{"color", true, false},
		{"colour", false, true},
		{"destabilising", false, true},
		{"Kerry's", true, true},
		{"Kerry’s", true, true},
		{"recieve", false, false},
	}
	for _, tt := range tests {
		if got := us.Correct(tt.word); got != tt.us {
			t.Errorf("en_US %q: %v, want %v", tt.word, got, tt.us)
		}
		if got := gb.Correct(tt.word); got != tt.gb {
			t.Errorf("en_GB %q: %v, want %v", tt.word, got, tt.gb)
		}
	}
}

func TestSuggestAndAdd(t *testing.T) {
	c := open(t, "en-US")
	if got := c.Suggest("recieve", 5); len(got) == 0 || got[0] != "receive" {
		t.Fatalf("suggestions for recieve: %q", got)
	}
	if c.Correct("Interfax") {
		t.Fatal("Interfax already known: pick another test word")
	}
	c.Add("Interfax")
	if !c.Correct("Interfax") {
		t.Fatal("added word not accepted")
	}
	if got := c.Suggest("x", 0); got != nil {
		t.Fatalf("suggestions with max 0: %q", got)
	}
}

func TestMisspeltSkipsWhatIsNotSpelling(t *testing.T) {
	c := open(t, "en-US")
	text := "NATO and RIA met in 2015 at G7: teh Sochi talks, a x recieve. Ignoredword stays."
	got := c.Misspelt([]domain.Prose{{Start: 10, Text: text}}, func(w string) bool { return w == "Ignoredword" })
	var words []string
	for _, m := range got {
		if text[m.Start-10:m.End-10] != m.Word {
			t.Errorf("offsets %d..%d do not hold %q", m.Start, m.End, m.Word)
		}
		words = append(words, m.Word)
	}
	if strings.Join(words, " ") != "teh recieve" {
		t.Fatalf("misspelt: %q", words)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open("xx-YY"); !errors.Is(err, ErrNoDictionary) || !strings.Contains(err.Error(), "hunspell-xx-yy") {
		t.Fatalf("missing language: %v", err)
	}
	if _, err := Open("../etc/passwd"); err == nil {
		t.Fatal("a path was taken for a language")
	}
	langs := strings.Join(Languages(), " ")
	if !strings.Contains(langs, "en_GB") || !strings.Contains(langs, "en_US") {
		t.Fatalf("languages: %s", langs)
	}
}

func TestBadWordsAreSafe(t *testing.T) {
	c := open(t, "en-US")
	for _, w := range []string{"", "\x00abc", "\xff\xfe", strings.Repeat("a", 10_000), "'", "’’"} {
		c.Correct(w)
		c.Suggest(w, 3)
		c.Add(w)
	}
}

func TestConcurrentUse(t *testing.T) {
	c := open(t, "en-GB")
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				c.Correct("colour")
				c.Correct("recieve")
			}
			c.Suggest("recieve", 3)
		}()
	}
	wg.Wait()
}

func BenchmarkMisspelt60000(b *testing.B) {
	c := open(b, "en-US")
	para := "John Kerry, the US Secretary of State is planning his trip to the Black Sea resort of Sochi on Tuesday where he will meet Russian President Vladimir Putin and Foreign Minister Sergey Lavrov. "
	text := strings.Repeat(para, 60_000/len(para)+1)[:60_000]
	prose := []domain.Prose{{Text: text}}
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		c.Misspelt(prose, nil)
	}
}
