package moderation

import (
	"encoding/json"
	"math"
	"strings"
	"sync"
	"testing"
)

// corpus is a tiny set of editors' decisions.
var corpus = []struct {
	body, url string
	spam      bool
}{
	{"Buy cheap pills online, best prices, free shipping https://pills.example/buy", "https://pills.example", true},
	{"Cheap pills and casino bonus, click here https://casino.example", "", true},
	{"Free bonus money, best casino online, click https://casino.example/win", "https://casino.example", true},
	{"Earn money fast from home, click here for free cash", "", true},
	{"I was in Sochi last year; the talks with Lavrov seem overdue.", "", false},
	{"Thank you for the clear report on Kerry's visit and the ceasefire.", "https://anna.example.org", false},
	{"The ceasefire in Ukraine has been violated many times, sadly.", "", false},
	{"Interesting that Reuters and the Guardian report the visit differently.", "", false},
}

// trained returns a classifier that learned the corpus.
func trained() *Classifier {
	c := NewClassifier()
	for _, d := range corpus {
		c.Train(d.body, d.url, d.spam)
	}
	return c
}

func TestClassifierScores(t *testing.T) {
	c := trained()
	tests := []struct {
		name      string
		body, url string
		min, max  float64
	}{
		{"spammy text", "Click here for cheap pills and a free casino bonus", "", 0.9, 1},
		{"spammy link host only", "see this", "https://www.pills.example/x", 0.6, 1},
		{"reader's comment", "The talks in Sochi on the ceasefire and Kerry's visit matter.", "", 0, 0.1},
		{"unknown words only", "zyxxy quorp", "", 0.5, 0.5},
		{"empty", "", "", 0.5, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Score(tt.body, tt.url)
			if got < tt.min || got > tt.max || math.IsNaN(got) {
				t.Errorf("Score = %.3f, want within [%.2f, %.2f]", got, tt.min, tt.max)
			}
		})
	}
}

func TestClassifierNeedsData(t *testing.T) {
	var zero Classifier
	if got := zero.Score("cheap pills", ""); got != 0.5 {
		t.Errorf("zero classifier Score = %v, want 0.5", got)
	}
	c := NewClassifier()
	c.Train("cheap pills", "", true)
	c.Train("cheap casino", "", true)
	c.Train("the talks in Sochi", "", false)
	if got := c.Score("cheap pills", ""); got != 0.5 {
		t.Errorf("with one approved comment Score = %v, want 0.5", got)
	}
	c.Train("the ceasefire report", "", false)
	if got := c.Score("cheap pills", ""); got <= 0.5 {
		t.Errorf("with enough data Score = %v, want above 0.5", got)
	}
	if s, h := c.Trained(); s != 2 || h != 2 {
		t.Errorf("Trained = %d, %d, want 2, 2", s, h)
	}
	zero.Train("cheap pills", "", true) // the zero value must not panic
}

func TestClassifierUntrain(t *testing.T) {
	c := trained()
	before := c.Score("cheap pills casino", "")
	c.Train("cheap pills casino are fine by me", "", false)
	c.Untrain("cheap pills casino are fine by me", "", false)
	if got := c.Score("cheap pills casino", ""); math.Abs(got-before) > 1e-12 {
		t.Errorf("Train then Untrain changed the score: %v → %v", before, got)
	}
	empty := NewClassifier()
	empty.Untrain("anything", "", true)
	if s, h := empty.Trained(); s != 0 || h != 0 {
		t.Errorf("Untrain on an empty classifier went below zero: %d, %d", s, h)
	}
}

func TestClassifierJSON(t *testing.T) {
	c := trained()
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back Classifier
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	for _, d := range corpus {
		if a, b := c.Score(d.body, d.url), back.Score(d.body, d.url); math.Abs(a-b) > 1e-12 {
			t.Errorf("score after round trip %v, want %v", b, a)
		}
	}
	if err := back.UnmarshalJSON([]byte(`{`)); err == nil || !strings.Contains(err.Error(), "spam classifier") {
		t.Errorf("UnmarshalJSON({): err = %v, want an error naming the classifier", err)
	}
	bad := []string{
		`{"version":2}`,
		`{"version":1,"spam_docs":-1}`,
		`{"version":1,"spam_docs":1,"ham_tokens":{"x":-3}}`,
	}
	for _, in := range bad {
		if err := json.Unmarshal([]byte(in), &back); err == nil || !strings.Contains(err.Error(), "spam classifier") {
			t.Errorf("Unmarshal(%s): err = %v, want an error naming the classifier", in, err)
		}
	}
	if a, b := c.Score("cheap pills", ""), back.Score("cheap pills", ""); math.Abs(a-b) > 1e-12 {
		t.Errorf("a failed Unmarshal changed the classifier")
	}
	var empty Classifier
	if err := json.Unmarshal([]byte(`{"version":1}`), &empty); err != nil {
		t.Fatal(err)
	}
	empty.Train("x y", "", true) // restored maps must be writable
}

func TestClassifierConcurrent(t *testing.T) {
	c := trained()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for j := range 50 {
				c.Train("cheap pills", "", (i+j)%2 == 0)
				c.Score("cheap pills casino", "")
			}
		})
	}
	wg.Wait()
	if s, h := c.Trained(); s+h != len(corpus)+200 {
		t.Errorf("Trained = %d + %d, want %d", s, h, len(corpus)+200)
	}
}

func TestTokens(t *testing.T) {
	got := tokens("Buy at HTTPS://WWW.Pills.Example/x?y=1 — Ünïcode a", "https://site.example:8080/")
	for _, want := range []string{"host:pills.example", "host:site.example", "buy", "at", "ünïcode"} {
		if !got[want] {
			t.Errorf("tokens lack %q: %v", want, got)
		}
	}
	if got["a"] {
		t.Errorf("one-letter words should not be tokens")
	}
	if n := len(tokens(strings.Repeat("w", 10)+" "+strings.Repeat("word ", 10_000), "")); n > maxTokensPerDoc {
		t.Errorf("tokens returned %d, over the limit", n)
	}
	_ = tokens("\xff\xfe bad bytes", "%zz")
}
