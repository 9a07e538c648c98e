package markup

import "newsroom/domain"

// HTTPURL returns raw as a normalised absolute http or https URL, and
// whether it is one: domain.HTTPURL, the one rule for every URL of ours
// that reaches a page.
func HTTPURL(raw string) (string, bool) { return domain.HTTPURL(raw) }
