package racedetect

import "testing"

func TestSlowdownFollowsEnabled(t *testing.T) {
	if Enabled != (Slowdown > 1) {
		t.Fatalf("Enabled %v with Slowdown %d", Enabled, Slowdown)
	}
}
