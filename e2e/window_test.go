package e2e

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/storage"
)

// TestWindowShowsSampleAndCreatesArticle starts newsroom on a fresh
// default database, reads the sample article off the screen, creates an
// article with Ctrl+N, types a headline and finds it in the database.
func TestWindowShowsSampleAndCreatesArticle(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	a := startApp(t, d, home)
	var text string
	waitFor(t, 30*time.Second, "the sample article on screen", func() bool {
		text = a.ocr(a.screenshot("01-start"))
		return strings.Contains(text, "Kerry")
	})
	a.key("ctrl+n")
	time.Sleep(1500 * time.Millisecond)
	a.typeText("Typed in a real window")
	a.screenshot("02-typed")
	db := filepath.Join(home, "data", "newsroom", "newsroom.db")
	waitFor(t, 30*time.Second, "the typed headline in the database", func() bool {
		store, err := storage.Open(db)
		if err != nil {
			return false
		}
		defer store.Close()
		list, err := store.ListArticles(context.Background(), storage.ArticleQuery{Search: "typed real window"})
		return err == nil && len(list) == 1 && list[0].Headline == "Typed in a real window"
	})
	shot := a.screenshot("02-new-article")
	if text := a.ocr(shot); !strings.Contains(text, "Typed in a real window") {
		t.Errorf("the new headline is not on screen; OCR read:\n%s", text)
	}
	a.quit()
}

// TestNoDisplayIsAClearError: without a display the window command says
// so and exits 1, with no stack trace; a display that cannot be opened
// likewise.
func TestNoDisplayIsAClearError(t *testing.T) {
	bin := binary(t)
	for _, display := range []string{"", ":4242"} {
		cmd := exec.Command(bin, "--db", filepath.Join(t.TempDir(), "x.db"))
		cmd.Env = append(os.Environ(), "DISPLAY="+display, "WAYLAND_DISPLAY=", "HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("DISPLAY=%q: %v, want exit status 1", display, err)
		}
		if !strings.Contains(string(out), "newsroom: ") || strings.Contains(string(out), "goroutine ") {
			t.Errorf("DISPLAY=%q printed:\n%s", display, out)
		}
	}
}

// TestQuitSavesFirst types and quits at once with Ctrl+Q: what was typed
// is in the database although no autosave had run yet.
func TestQuitSavesFirst(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	db := filepath.Join(t.TempDir(), "quit.db")
	seedArticles(t, db)
	a := startApp(t, d, home, "--db", db, "--open", "short")
	a.waitIdle(30 * time.Second)
	a.typeText("Saved on quit. ")
	a.key("ctrl+q")
	done := make(chan error, 1)
	go func() { done <- a.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Ctrl+Q did not quit")
	}
	if art := storedArticle(t, db, "short"); !strings.HasPrefix(art.Body, "Saved on quit. ") {
		t.Fatalf("after Ctrl+Q the body starts %q", head(art.Body, 30))
	}
}

// TestCLIQuietUnderCLocale runs a command under the C.UTF-8 locale of
// Debian containers: Fyne used to log "Error parsing user locale C" on
// every run (see internal/clocale).
func TestCLIQuietUnderCLocale(t *testing.T) {
	bin := binary(t)
	for _, env := range [][]string{
		{"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE="},
		{"LANG=en_GB.UTF-8", "LC_ALL=POSIX.UTF-8", "LC_MESSAGES=", "LANGUAGE="},
	} {
		cmd := exec.Command(bin, "articles", "list", "--db", filepath.Join(t.TempDir(), "x.db"))
		cmd.Env = append(append(os.Environ(), "HOME="+t.TempDir()), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", env, err, out)
		}
		if strings.Contains(string(out), "Fyne error") || strings.Contains(string(out), "locale") {
			t.Errorf("%v printed:\n%s", env, out)
		}
	}
}
