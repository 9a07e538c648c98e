package domain

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

var checkTime = time.Date(2015, 5, 11, 9, 30, 0, 0, time.UTC)

// checkedArticle returns a fact-checked article with every field filled.
func checkedArticle(t *testing.T) *Article {
	t.Helper()
	a := &Article{
		Slug:       "kerry-to-meet-putin",
		Headline:   "Kerry to meet Putin",
		Standfirst: "First Russian visit since the start of the Ukraine crisis",
		Byline:     "A. Reporter",
		Body:       "“We are ready,” said Sergey Lavrov.\n\n{{quote harf}}\n",
		Status:     StatusReview,
		Keywords:   []string{"russia"},
		Sources:    []Source{{Name: "US State Department", Kind: SourceOfficial}},
		Quotes: []Quote{
			{Ref: "harf", Text: "This trip is part of our ongoing effort", Speaker: "Marie Harf", Role: "spokeswoman", Context: "in a written statement", Source: "US State Department"},
			{Ref: "lavrov", Text: "We are ready", Speaker: "Sergey Lavrov", Role: "foreign minister", Context: "to reporters", Source: "US State Department"},
		},
	}
	if err := MarkChecked(a, "Fact Checker", checkTime); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestCoveredDigest(t *testing.T) {
	a := checkedArticle(t)
	d := CoveredDigest(a)
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(d) {
		t.Fatalf("digest %q is not hex SHA-256", d)
	}
	if CoveredDigest(a) != d {
		t.Errorf("digest is not stable")
	}
	// Framing: moving text between adjacent fields changes the digest.
	x := &Article{Headline: "ab", Standfirst: "c"}
	y := &Article{Headline: "a", Standfirst: "bc"}
	if CoveredDigest(x) == CoveredDigest(y) {
		t.Errorf("digest is ambiguous across headline and standfirst")
	}
	q1 := &Article{Quotes: []Quote{{Text: "a", Speaker: ""}}}
	q2 := &Article{Quotes: []Quote{{Text: "", Speaker: "a"}}}
	if CoveredDigest(q1) == CoveredDigest(q2) {
		t.Errorf("digest is ambiguous across quote fields")
	}
	if CoveredDigest(nil) != CoveredDigest(&Article{}) {
		t.Errorf("nil article should digest like an empty one")
	}
	if CoveredDigest(&Article{}) == CoveredDigest(&Article{Quotes: []Quote{{}}}) {
		t.Errorf("an empty quote record should change the digest")
	}
}

func TestReconcileFactCheck(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(a *Article)
		revoke bool
	}{
		{"unchanged", func(a *Article) {}, false},
		{"headline", func(a *Article) { a.Headline += "!" }, true},
		{"standfirst", func(a *Article) { a.Standfirst = "" }, true},
		{"body", func(a *Article) { a.Body = strings.Replace(a.Body, "ready", "read", 1) }, true},
		{"body whitespace", func(a *Article) { a.Body += "\n" }, true},
		{"quote text", func(a *Article) { a.Quotes[0].Text += "." }, true},
		{"quote speaker", func(a *Article) { a.Quotes[0].Speaker = "Jen Psaki" }, true},
		{"quote role", func(a *Article) { a.Quotes[0].Role = "spokesperson" }, true},
		{"quote context", func(a *Article) { a.Quotes[1].Context = "on television" }, true},
		{"quote source", func(a *Article) { a.Quotes[1].Source = "" }, true},
		{"quote ref", func(a *Article) { a.Quotes[1].Ref = "lavrov-2" }, true},
		{"quote order", func(a *Article) { a.Quotes[0], a.Quotes[1] = a.Quotes[1], a.Quotes[0] }, true},
		{"quote removed", func(a *Article) { a.Quotes = a.Quotes[:1] }, true},
		{"quote added", func(a *Article) { a.Quotes = append(a.Quotes, Quote{Ref: "new", Text: "x"}) }, true},
		{"byline", func(a *Article) { a.Byline = "Someone Else" }, false},
		{"status", func(a *Article) { a.Status = StatusPublished }, false},
		{"keywords", func(a *Article) { a.Keywords = append(a.Keywords, "usa") }, false},
		{"sources", func(a *Article) { a.Sources = append(a.Sources, Source{Name: "Reuters", Kind: SourceNewsAgency}) }, false},
		{"quote id", func(a *Article) { a.Quotes[0].ID = 99 }, false},
		{"published at and version", func(a *Article) { a.PublishedAt = checkTime; a.Version++ }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := checkedArticle(t)
			tt.edit(a)
			if got := ReconcileFactCheck(a); got != tt.revoke {
				t.Fatalf("ReconcileFactCheck = %v, want %v", got, tt.revoke)
			}
			if a.FactCheck.Checked == tt.revoke {
				t.Errorf("Checked = %v after reconcile, want %v", a.FactCheck.Checked, !tt.revoke)
			}
			if a.FactCheck.By != "Fact Checker" || !a.FactCheck.At.Equal(checkTime) {
				t.Errorf("reconcile lost who checked and when: %+v", a.FactCheck)
			}
			if tt.revoke && ReconcileFactCheck(a) {
				t.Errorf("a revoked check was revoked again")
			}
		})
	}
	if ReconcileFactCheck(nil) {
		t.Errorf("nil article reported a revocation")
	}
	unchecked := &Article{Body: "x"}
	if ReconcileFactCheck(unchecked) {
		t.Errorf("unchecked article reported a revocation")
	}
}

func TestMarkChecked(t *testing.T) {
	tests := []struct {
		name    string
		a       *Article
		by      string
		at      time.Time
		wantErr string
	}{
		{"ok", &Article{Body: "b"}, "  Fact Checker ", checkTime, ""},
		{"no checker", &Article{Body: "b"}, " ", checkTime, "name is required"},
		{"no time", &Article{Body: "b"}, "Fact Checker", time.Time{}, "time of the check is required"},
		{"no article", nil, "Fact Checker", checkTime, "no article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := MarkChecked(tt.a, tt.by, tt.at)
			if tt.wantErr != "" {
				if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want ErrInvalid mentioning %q", err, tt.wantErr)
				}
				if tt.a != nil && tt.a.FactCheck.Checked {
					t.Errorf("a failed MarkChecked marked the article checked")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := FactCheck{Checked: true, By: "Fact Checker", At: checkTime, Digest: CoveredDigest(tt.a)}
			if tt.a.FactCheck != want {
				t.Errorf("FactCheck = %+v, want %+v", tt.a.FactCheck, want)
			}
		})
	}
}

func TestPublishWarnings(t *testing.T) {
	stale := checkedArticle(t)
	stale.Body = "“We are ready,” said Sergey Lavrov.\n\n{{quote harf}}\n\n“The sanctions will be lifted next week.”"
	revoked := checkedArticle(t)
	revoked.Headline = "Changed"
	ReconcileFactCheck(revoked)
	unchecked := checkedArticle(t)
	unchecked.FactCheck = FactCheck{}
	unchecked.Quotes[1].Speaker = ""
	tests := []struct {
		name string
		a    *Article
		want []string // substrings, one per warning, in order
	}{
		{"checked and attributed", checkedArticle(t), nil},
		{"checked, then edited without reconcile", stale, []string{"no longer covers", "does not say who said it"}},
		{"revoked", revoked, []string{"not fact-checked: the check by Fact Checker was revoked"}},
		{"never checked, quote without speaker", unchecked, []string{"not fact-checked", `quote 2 ("lavrov") has no speaker: We are ready`}},
		{"nil", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var findings []Finding
			if tt.a != nil {
				findings = CheckAttribution(tt.a, proseMarks(tt.a.Body))
			}
			got := PublishWarnings(tt.a, findings)
			if len(got) != len(tt.want) {
				t.Fatalf("warnings = %q, want %d matching %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.Contains(got[i], tt.want[i]) {
					t.Errorf("warning %d = %q, want it to contain %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestValidTransition(t *testing.T) {
	all := []Status{StatusDraft, StatusReview, StatusPublished}
	for _, from := range all {
		for _, to := range all {
			if !ValidTransition(from, to) {
				t.Errorf("ValidTransition(%s, %s) = false, want true", from, to)
			}
		}
		if ValidTransition(from, "archived") || ValidTransition("", from) {
			t.Errorf("a transition with an unknown status was allowed (from/to %s)", from)
		}
	}
}

// TestFollowFactCheck is the digest rule: the mark follows the covered
// text, revoked when it changes and standing again when it returns to
// exactly what was checked.
func TestFollowFactCheck(t *testing.T) {
	revokedBy := func(edit func(a *Article)) func(t *testing.T) *Article {
		return func(t *testing.T) *Article {
			a := checkedArticle(t)
			edit(a)
			if FollowFactCheck(a) != FactCheckRevoked {
				t.Fatal("setup: the edit did not revoke the check")
			}
			return a
		}
	}
	typo := func(a *Article) { a.Body = strings.Replace(a.Body, "ready", "raedy", 1) }
	tests := []struct {
		name    string
		start   func(t *testing.T) *Article
		edit    func(a *Article)
		want    FactCheckChange
		checked bool
	}{
		{"checked, unchanged", func(t *testing.T) *Article { return checkedArticle(t) }, func(a *Article) {}, FactCheckKept, true},
		{"checked, byline changed", func(t *testing.T) *Article { return checkedArticle(t) }, func(a *Article) { a.Byline = "B" }, FactCheckKept, true},
		{"checked, body changed", func(t *testing.T) *Article { return checkedArticle(t) }, typo, FactCheckRevoked, false},
		{"revoked, undone back to the checked body", revokedBy(typo),
			func(a *Article) { a.Body = strings.Replace(a.Body, "raedy", "ready", 1) }, FactCheckRestored, true},
		{"revoked, quote undone", revokedBy(func(a *Article) { a.Quotes[0].Text += "!" }),
			func(a *Article) { a.Quotes[0].Text = strings.TrimSuffix(a.Quotes[0].Text, "!") }, FactCheckRestored, true},
		{"revoked, edited further", revokedBy(typo), func(a *Article) { a.Body += "More." }, FactCheckKept, false},
		{"revoked, almost back (trailing space)", revokedBy(typo),
			func(a *Article) { a.Body = strings.Replace(a.Body, "raedy", "ready", 1) + " " }, FactCheckKept, false},
		{"revoked, only the byline back", revokedBy(func(a *Article) { a.Headline += "?"; a.Byline = "X" }),
			func(a *Article) { a.Byline = "A. Reporter" }, FactCheckKept, false},
		{"cleared on purpose, text unchanged", func(t *testing.T) *Article { a := checkedArticle(t); ClearFactCheck(a); return a },
			func(a *Article) {}, FactCheckKept, false},
		{"never checked", func(t *testing.T) *Article { return &Article{Body: "x"} }, func(a *Article) {}, FactCheckKept, false},
		{"digest without a checker", func(t *testing.T) *Article {
			a := &Article{Body: "x"}
			a.FactCheck.Digest = CoveredDigest(a)
			return a
		}, func(a *Article) {}, FactCheckKept, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.start(t)
			tt.edit(a)
			if got := FollowFactCheck(a); got != tt.want {
				t.Fatalf("FollowFactCheck = %v, want %v", got, tt.want)
			}
			if a.FactCheck.Checked != tt.checked {
				t.Errorf("Checked = %v, want %v", a.FactCheck.Checked, tt.checked)
			}
			if tt.want == FactCheckRestored && (a.FactCheck.By != "Fact Checker" || !a.FactCheck.At.Equal(checkTime)) {
				t.Errorf("restored mark names %q at %v, want the original check", a.FactCheck.By, a.FactCheck.At)
			}
			if FollowFactCheck(a) != FactCheckKept {
				t.Errorf("a second FollowFactCheck changed the mark again")
			}
		})
	}
	if FollowFactCheck(nil) != FactCheckKept {
		t.Error("nil article changed")
	}
}
