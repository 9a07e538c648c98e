// Package moderation holds the rules for readers' comments, after
// WordPress's defaults: what is spam, what waits for an editor and why,
// a small naive Bayes classifier learned from editors' decisions, and the
// checks a submitted comment must pass before it is stored.
//
// Nothing here deletes or stores anything: Decide returns a status with
// reasons and the caller keeps the comment. The package imports only the
// domain package and the standard library.
package moderation
