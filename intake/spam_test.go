package intake

import (
	"io"
	"log"
	"slices"
	"strings"
	"testing"

	"newsroom/domain"
)

// spammy and hammy comments to teach the classifier.
var (
	spamTexts = []string{"cheap pills casino bonus win money http://pills.example", "casino bonus cheap pills now http://pills.example",
		"win money casino cheap bonus http://pills.example"}
	hamTexts = []string{"The council vote on the library was close.", "Thanks for the careful reporting on the library budget.",
		"The library vote deserves a follow-up on the council."}
)

func (f *fixture) teach(t *testing.T) {
	t.Helper()
	for _, s := range spamTexts {
		f.addComment(t, domain.Comment{Author: "Spammer", Email: "s@spam.example", Body: s, Status: domain.CommentSpam})
	}
	for _, h := range hamTexts {
		f.addComment(t, domain.Comment{Author: "Reader", Email: "r@example.org", Body: h, Status: domain.CommentApproved})
	}
}

func TestSpamScoreFromHistory(t *testing.T) {
	f := newFixture(t, Options{})
	f.teach(t)
	f.srv = NewServer(f.store, Options{Now: f.clock.Now}) // trains at start
	w := f.postJSON(form("Reader", "r@example.org", "casino bonus cheap pills http://pills.example"), "192.0.2.40")
	c := f.stored(t, decodeAnswer(t, w).ID)
	if c.Status != domain.CommentPending || !slices.ContainsFunc(c.Reasons, func(r string) bool { return strings.HasPrefix(r, "spam score") }) {
		t.Errorf("spammy comment from a known author is %s %q, want held with a spam score", c.Status, c.Reasons)
	}
	f.clock.Advance(CommentInterval)
	w = f.postJSON(form("Reader", "r@example.org", "A follow-up on the library vote, please."), "192.0.2.41")
	if w.Code != 201 {
		t.Errorf("plain comment from a known author: %d %s, want 201", w.Code, w.Body.String())
	}
}

func TestSpamModelRetrains(t *testing.T) {
	f := newFixture(t, Options{})
	m := newSpamModel(f.store, log.New(io.Discard, "", 0), f.clock.Now)
	m.retrain()
	text, site := spamTexts[0], ""
	if got := m.score(text, site); got != 0.5 {
		t.Fatalf("untrained score %v, want 0.5", got)
	}
	f.teach(t)
	if m.noteStored() {
		t.Fatal("retraining asked for right after training")
	}
	f.clock.Advance(retrainEvery)
	if !m.noteStored() {
		t.Fatal("no retraining after the interval")
	}
	if m.noteStored() {
		t.Fatal("a second retraining while one is due to run")
	}
	m.retrain()
	if got := m.score(text, site); got < 0.9 {
		t.Errorf("score after retraining %v, want at least 0.9", got)
	}
	for i := 1; i < retrainComments; i++ {
		if m.noteStored() {
			t.Fatalf("retraining asked for after %d comments", i)
		}
	}
	if !m.noteStored() {
		t.Errorf("no retraining after %d comments", retrainComments)
	}
}
