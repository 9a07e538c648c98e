// Package domain holds Newsroom's vocabulary — articles, quotes, sources,
// comments and their statuses — and the editorial rules that need no I/O:
// the attribution check, fact-check revocation and body conventions.
//
// It imports the standard library only.
package domain
