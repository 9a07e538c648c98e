// Package intake is the HTTP comment intake behind `newsroom serve`: it
// takes the comment form of exported pages at POST /comments, applies the
// moderation rules (package moderation) and stores each comment as
// approved, pending or spam. GET / serves the exported site when one is
// given.
//
// Every refusal has its own status code and a short message: 400 for a
// missing or malformed field, 404 for an article that is not live, 405
// for a method other than POST, 409 for a repeated comment, 413 for an
// oversized text or request, 429 (with Retry-After) for a second comment
// from the same address or email within 15 seconds, and 503 (with
// Retry-After) when the database cannot take the comment right now.
package intake
