package editor

import (
	"fmt"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// pubTimeHint is the time field's placeholder: the format in words and
// the time zone the time is read in, at now (its location is the local
// zone; the offset is now's, so summer time shows as it applies). The
// row's label ("Status, time") says what the time is; the hint is short
// enough to be read whole in the field (pubTimeMinWidth).
func pubTimeHint(now time.Time) string {
	return "YYYY-MM-DD HH:MM, " + zoneName(now)
}

// pubTimeMinWidth is the time field's narrowest: room for its hint (and
// so for any time typed in the format).
func pubTimeMinWidth(hint string) float32 {
	text := fyne.MeasureText(hint, theme.TextSize(), fyne.TextStyle{})
	return float32(math.Ceil(float64(text.Width + 2*theme.InnerPadding() + theme.Padding())))
}

// zoneName names now's zone: "CET (UTC+1)", "IST (UTC+5:30)", "UTC".
func zoneName(now time.Time) string {
	abbr, offset := now.Zone()
	utc := "UTC"
	if offset != 0 {
		sign := "+"
		if offset < 0 {
			sign, offset = "-", -offset
		}
		utc += fmt.Sprintf("%s%d", sign, offset/3600)
		if m := offset % 3600 / 60; m != 0 {
			utc += fmt.Sprintf(":%02d", m)
		}
	}
	// Zones without a name print their offset ("+03"): say it once.
	if abbr == "" || abbr == "UTC" && offset == 0 || strings.ContainsAny(abbr[:1], "+-0123456789") {
		return utc
	}
	return abbr + " (" + utc + ")"
}

// timeRow lays out the time field and what follows it (the fact check):
// the field is as wide as its hint when the row has room for both, and
// never narrower than its minimum (a time typed in the format), so a
// small window keeps its width.
type timeRow struct {
	hint float32 // the hint's width (pubTimeMinWidth)
}

// Layout is part of fyne.Layout: objects are the time field, then the rest.
func (r *timeRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) != 2 {
		return
	}
	field, rest := objects[0], objects[1]
	pad := theme.Padding()
	w := max(field.MinSize().Width, min(r.hint, size.Width-pad-rest.MinSize().Width))
	field.Move(fyne.NewPos(0, 0))
	field.Resize(fyne.NewSize(w, size.Height))
	rest.Move(fyne.NewPos(w+pad, 0))
	rest.Resize(fyne.NewSize(max(size.Width-w-pad, 0), size.Height))
}

// MinSize is part of fyne.Layout: the field's minimum beside the rest's.
func (r *timeRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objects {
		m := o.MinSize()
		s.Width += m.Width
		if i > 0 {
			s.Width += theme.Padding()
		}
		s.Height = max(s.Height, m.Height)
	}
	return s
}
