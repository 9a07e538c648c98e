package editor

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"newsroom/domain"
)

func TestPubTimeHintNamesFormatAndZone(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		loc  *time.Location
		want string
	}{
		{time.UTC, "YYYY-MM-DD HH:MM, UTC"},
		{time.FixedZone("CET", 3600), "YYYY-MM-DD HH:MM, CET (UTC+1)"},
		{time.FixedZone("IST", 5*3600+1800), "YYYY-MM-DD HH:MM, IST (UTC+5:30)"},
		{time.FixedZone("EST", -5*3600), "YYYY-MM-DD HH:MM, EST (UTC-5)"},
		{time.FixedZone("+03", 3*3600), "YYYY-MM-DD HH:MM, UTC+3"},
	}
	for _, c := range cases {
		if got := pubTimeHint(at.In(c.loc)); got != c.want {
			t.Errorf("%s: %q, want %q", c.loc, got, c.want)
		}
	}
}

func TestTimeFieldPlaceholderIsNotGosReferenceDate(t *testing.T) {
	s, _ := newPanelScreen(t, &domain.Article{Headline: "Hint"})
	if p := s.pubTime.PlaceHolder(); strings.Contains(p, "2006") || !strings.Contains(p, "YYYY-MM-DD HH:MM") {
		t.Errorf("time field placeholder %q", p)
	}
	// The hint is read whole: the field is at least as wide as it.
	hint := fyne.MeasureText(s.pubTime.PlaceHolder(), theme.TextSize(), fyne.TextStyle{}).Width
	if w := s.pubTime.Size().Width; w < hint+2*theme.InnerPadding() {
		t.Errorf("the time field is %.0f wide, its hint %.0f", w, hint)
	}
	// It asks for no more than a time's room: a small window keeps its width.
	if m := s.pubTime.MinSize().Width; m > 141 {
		t.Errorf("the time field needs %.0f px at least", m)
	}
	s.win.Resize(fyne.NewSize(500, 600))
	if w := s.pubTime.Size().Width; w >= hint || w < 140 {
		t.Errorf("in a narrow window the time field is %.0f wide (hint %.0f)", w, hint)
	}
}
