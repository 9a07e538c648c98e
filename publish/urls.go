package publish

import "newsroom/markup"

// httpURL returns raw as a normalised absolute http or https URL, and
// whether it is one (domain.HTTPURL: the one rule).
func httpURL(raw string) (string, bool) { return markup.HTTPURL(raw) }

// cleanText makes s safe to put in an HTML document as text (see
// markup.CleanText).
func cleanText(s string) string { return markup.CleanText(s) }
