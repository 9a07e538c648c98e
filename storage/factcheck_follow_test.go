package storage

import (
	"context"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

// factCheckKinds lists the fact-check lines of an article's history.
func factCheckKinds(t *testing.T, s *Store, id int64) string {
	t.Helper()
	hist, err := s.History(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range hist {
		if strings.HasPrefix(e.Kind, "fact-") {
			kinds = append(kinds, e.Kind)
		}
	}
	return strings.Join(kinds, ",")
}

func TestFactCheckStandsAgainWhenTheTextComesBack(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := sample("kerry")
	if err := s.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	a, err := s.SetFactCheck(ctx, a.ID, a.Version, "Fiona Checker", true)
	if err != nil {
		t.Fatal(err)
	}
	checked := a.FactCheck
	body := a.Body
	a.Body = body + "\nA typo."
	if res, err := s.SaveArticle(ctx, a, "ann"); err != nil || !res.FactCheckRevoked {
		t.Fatalf("edit did not revoke: %+v %v", res, err)
	}
	a.Body = body // undo back to exactly the checked text
	res, err := s.SaveArticle(ctx, a, "ann")
	if err != nil || !res.FactCheckRestored || res.FactCheckRevoked {
		t.Fatalf("undo did not restore the check: %+v %v", res, err)
	}
	got, err := s.GetArticle(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fc := got.FactCheck; !fc.Checked || fc.By != checked.By || !fc.At.Equal(checked.At.Truncate(time.Microsecond)) || fc.Digest != checked.Digest {
		t.Fatalf("stored mark %+v, want the original %+v", got.FactCheck, checked)
	}
	if kinds := factCheckKinds(t, s, a.ID); kinds != "fact-checked,fact-check-revoked,fact-check-restored" {
		t.Errorf("history %s", kinds)
	}
	// Cleared on purpose, the mark does not come back with the text.
	got, err = s.SetFactCheck(ctx, got.ID, got.Version, "Fiona Checker", false)
	if err != nil {
		t.Fatal(err)
	}
	if got.FactCheck != (domain.FactCheck{}) {
		t.Errorf("cleared mark keeps %+v", got.FactCheck)
	}
	got.Byline = "Another"
	if res, err := s.SaveArticle(ctx, got, "ann"); err != nil || res.FactCheckRestored {
		t.Fatalf("a cleared check came back: %+v %v", res, err)
	}
}

func TestRestoringTheCheckedRevisionRestoresTheCheck(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := sample("kerry")
	if err := s.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	a, err := s.SetFactCheck(ctx, a.ID, a.Version, "Fiona Checker", true)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := s.Revisions(ctx, a.ID)
	if err != nil || len(revs) == 0 {
		t.Fatalf("revisions: %v %v", revs, err)
	}
	checkedRev := revs[0].ID
	a.Headline = "Rewritten"
	if _, err := s.SaveArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	back, res, err := s.RestoreRevision(ctx, checkedRev, a.Version, "ann")
	if err != nil || !res.FactCheckRestored || !back.FactCheck.Checked {
		t.Fatalf("restoring the checked revision: %+v %+v %v", res, back.FactCheck, err)
	}
}
