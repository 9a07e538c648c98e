// Package clocale keeps Fyne quiet under a "C.UTF-8" locale. Fyne reads
// the locale while its packages initialise, hands "C" (from C.UTF-8) to a
// BCP 47 parser and logs "Fyne error: Error parsing user locale C" on
// every run, also of command-line commands. Its locale reader consults
// $LANGUAGE first unless the locale is exactly "C" or "POSIX", so this
// package, imported by main for its side effect, sets LANGUAGE=en when
// the locale is C or POSIX with an encoding and LANGUAGE is unset.
// gettext ignores LANGUAGE under the C locale, so programs we start (the
// browser) are not affected.
//
// It must initialise before fyne.io/fyne/v2/lang: it imports only os and
// strings, and Go initialises packages in import-path order as soon as
// their imports are ready, so it runs before text/template, which Fyne's
// lang package needs (checked by TestLocaleNoiseGone in cli).
package clocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = os.Getenv(name); locale != "" {
			break
		}
	}
	base, _, hasEncoding := strings.Cut(locale, ".")
	if hasEncoding && (base == "C" || base == "POSIX") {
		os.Setenv("LANGUAGE", "en")
	}
}
