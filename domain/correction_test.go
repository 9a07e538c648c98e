package domain

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCorrectionValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Correction
		ok   bool
	}{
		{"correction", Correction{Kind: CorrectionFix, Text: "The minister's name was misspelt."}, true},
		{"clarification", Correction{Kind: CorrectionClarification, Text: "The figure is per year."}, true},
		{"update", Correction{Kind: CorrectionUpdate, Text: "The talks ended on Friday."}, true},
		{"unknown kind", Correction{Kind: "retraction", Text: "x"}, false},
		{"empty kind", Correction{Text: "x"}, false},
		{"blank text", Correction{Kind: CorrectionFix, Text: "  \n "}, false},
		{"invalid UTF-8", Correction{Kind: CorrectionFix, Text: "bad \xff"}, false},
		{"too long", Correction{Kind: CorrectionFix, Text: strings.Repeat("a", MaxCorrectionLen+1)}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.c.Validate()
			if tc.ok && err != nil {
				t.Fatalf("Validate() = %v, want nil", err)
			}
			if !tc.ok && !errors.Is(err, ErrInvalid) {
				t.Fatalf("Validate() = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestParseCorrectionKind(t *testing.T) {
	for in, want := range map[string]CorrectionKind{"correction": CorrectionFix, " Update ": CorrectionUpdate, "CLARIFICATION": CorrectionClarification} {
		got, err := ParseCorrectionKind(in)
		if err != nil || got != want {
			t.Errorf("ParseCorrectionKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseCorrectionKind("erratum"); !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseCorrectionKind(erratum) = %v, want ErrInvalid", err)
	}
}

func TestCanCorrectAndLastCorrectedAt(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	draft := &Article{Slug: "d", Status: StatusDraft}
	if err := CanCorrect(draft); !errors.Is(err, ErrInvalid) {
		t.Errorf("CanCorrect(draft) = %v, want ErrInvalid", err)
	}
	pub := &Article{Slug: "p", Status: StatusPublished, PublishedAt: t0}
	if err := CanCorrect(pub); err != nil {
		t.Errorf("CanCorrect(published) = %v", err)
	}
	if !LastCorrectedAt(pub).IsZero() {
		t.Error("LastCorrectedAt without notes is not zero")
	}
	pub.Corrections = []Correction{{At: t0.Add(2 * time.Hour)}, {At: t0.Add(time.Hour)}}
	if got := LastCorrectedAt(pub); !got.Equal(t0.Add(2 * time.Hour)) {
		t.Errorf("LastCorrectedAt = %v", got)
	}
}

func TestCorrectionKindLabel(t *testing.T) {
	if CorrectionFix.Label() != "Correction" || CorrectionUpdate.Label() != "Update" || CorrectionClarification.Label() != "Clarification" {
		t.Error("labels wrong")
	}
}
