//go:build race

package publish

// raceEnabled is set when the race detector, which slows code about
// tenfold, is on: timing tests then skip.
const raceEnabled = true
