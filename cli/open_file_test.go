package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsroom/storage"
)

// TestFileArgumentOpensWindowWithOffer: `newsroom FILE` and `newsroom
// FOLDER` open the window with the absolute path to offer for import; a
// word that is neither a command nor a file is a usage error.
func TestFileArgumentOpensWindowWithOffer(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "story.md")
	os.WriteFile(md, []byte(story), 0o644)
	t.Chdir(dir)
	for _, tc := range []struct {
		arg, want string
	}{
		{"story.md", md},
		{".", dir},
	} {
		var got string
		var opened bool
		window := func(store *storage.Store, openSlug, importPath string) error {
			opened, got = true, importPath
			return nil
		}
		var errOut bytes.Buffer
		code := Run(context.Background(), []string{"--db", filepath.Join(dir, "n.db"), tc.arg},
			Options{Window: window, Stdout: &bytes.Buffer{}, Stderr: &errOut})
		if code != 0 || !opened || got != tc.want {
			t.Errorf("newsroom %s: status %d, window opened %v with %q; want %q (%s)", tc.arg, code, opened, got, tc.want, errOut.String())
		}
	}

	opened := false
	window := func(*storage.Store, string, string) error { opened = true; return nil }
	var errOut bytes.Buffer
	code := Run(context.Background(), []string{"--db", filepath.Join(dir, "n.db"), "artciles"},
		Options{Window: window, Stdout: &bytes.Buffer{}, Stderr: &errOut})
	if code != 2 || opened || !strings.Contains(errOut.String(), `unknown command "artciles"`) ||
		!strings.Contains(errOut.String(), "did you mean articles") {
		t.Errorf("mistyped command: status %d, window %v, stderr %q", code, opened, errOut.String())
	}
	code = Run(context.Background(), []string{"--db", filepath.Join(dir, "n.db"), md, md},
		Options{Window: window, Stdout: &bytes.Buffer{}, Stderr: &errOut})
	if code != 2 || opened {
		t.Errorf("two files: status %d, window %v", code, opened)
	}
}

// TestVersionFlag prints the version main passes in, without opening
// anything.
func TestVersionFlag(t *testing.T) {
	var out bytes.Buffer
	code := Run(context.Background(), []string{"--version"}, Options{Version: "1.2.3 (commit abc1234)", Stdout: &out, Stderr: &out})
	if code != 0 || out.String() != "newsroom 1.2.3 (commit abc1234)\n" {
		t.Errorf("--version: status %d, printed %q", code, out.String())
	}
}
