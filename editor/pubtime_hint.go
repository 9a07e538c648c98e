package editor

import (
	"fmt"
	"strings"
	"time"
)

// pubTimeHint is the time field's placeholder: the format in words and
// the time zone the time is read in, at now (its location is the local
// zone; the offset is now's, so summer time shows as it applies).
func pubTimeHint(now time.Time) string {
	return "publication time: YYYY-MM-DD HH:MM, " + zoneName(now)
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
