package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestKillWhileTypingLosesAtMostTwoSeconds types for about 3 s, kills the
// process with SIGKILL the moment typing stops, and checks that what was
// typed more than 2 s before the kill is in the database.
func TestKillWhileTypingLosesAtMostTwoSeconds(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	db := filepath.Join(t.TempDir(), "kill.db")
	seedArticles(t, db)
	a := startApp(t, d, home, "--db", db, "--open", "short")
	a.waitIdle(30 * time.Second)
	typed := strings.Repeat("abcdefghij", 12) // 120 characters, about 3 s of typing
	a.focus()
	started := time.Now()
	a.xdotool("type", "--delay", "50", typed)
	a.cmd.Process.Kill()
	a.cmd.Wait()
	elapsed := time.Since(started)
	art := storedArticle(t, db, "short")
	saved := 0
	for saved < len(typed) && strings.HasPrefix(art.Body, typed[:saved+1]) {
		saved++
	}
	perChar := elapsed / time.Duration(len(typed))
	lost := time.Duration(len(typed)-saved) * perChar
	t.Logf("typed %d characters in %v; %d reached the database; lost the last %v", len(typed), elapsed.Round(time.Millisecond), saved, lost.Round(time.Millisecond))
	if lost > 2*time.Second {
		t.Errorf("SIGKILL lost %v of typing (%d of %d characters saved)", lost, saved, len(typed))
	}
}
