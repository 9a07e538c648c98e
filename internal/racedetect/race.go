//go:build race

package racedetect

// Enabled reports whether the program was built with -race.
const Enabled = true

// Slowdown is the factor by which time budgets are multiplied: the race
// detector makes code 2 to 20 times slower.
const Slowdown = 10
