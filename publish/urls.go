package publish

import "newsroom/domain"

// httpURL returns raw as a normalised absolute http or https URL, and
// whether it is one (domain.HTTPURL: the one rule).
func httpURL(raw string) (string, bool) { return domain.HTTPURL(raw) }
