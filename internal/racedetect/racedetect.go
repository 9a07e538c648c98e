//go:build !race

// Package racedetect tells tests whether the race detector is on, so
// that time budgets (speed tests) allow for its slowdown instead of
// failing under `go test -race`.
package racedetect

// Enabled reports whether the program was built with -race.
const Enabled = false

// Slowdown is the factor by which time budgets are multiplied: 1 without
// the race detector.
const Slowdown = 1
