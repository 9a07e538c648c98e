package app

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"newsroom/cli"
	"newsroom/domain"
)

// TestWindowAndCommandLineExportTheSameSite exports one database with
// File → Export… and with `newsroom export`: the two sites are the same
// bytes, file for file, and the warnings are the same lines. The database
// sets a site title but no publisher name, where the two once disagreed
// (the command line credited "Newsroom", the window the site title).
func TestWindowAndCommandLineExportTheSameSite(t *testing.T) {
	store, path := openTestStore(t)
	ctx := context.Background()
	if err := store.SetSite(ctx, domain.Site{Title: "The Daily Test", BaseURL: "https://news.example", CommentsURL: "/comments"}); err != nil {
		t.Fatal(err)
	}
	a := addTestArticle(t, store, "budget-vote", "\"We will not raise taxes this year, whatever happens in the vote.\"\n\nThe vote passed.")
	addTestArticle(t, store, "river-floods", "The river rose.\n\n> [!excerpt Reuters]\n> Water everywhere.")
	addTestComment(t, store, a.ID, "Ann", "Well reported.", domain.CommentApproved)

	f := newExportFixture(t, store)
	windowDir := filepath.Join(t.TempDir(), "window")
	test.Type(f.d.folder, windowDir)
	test.Tap(f.d.exportBtn)
	f.q.waitUntil(t, "the export to finish", func() bool { return f.done })
	if f.err != nil {
		t.Fatalf("window export: %v", f.err)
	}

	cliDir := filepath.Join(t.TempDir(), "cli")
	var stdout, stderr bytes.Buffer
	if code := cli.Run(ctx, []string{"export", "--db", path, "--out", cliDir}, cli.Options{Stdout: &stdout, Stderr: &stderr}); code != 0 {
		t.Fatalf("newsroom export: status %d: %s", code, stderr.String())
	}

	window, cmdline := readTree(t, windowDir), readTree(t, cliDir)
	if len(window) == 0 || len(window) != len(cmdline) {
		t.Fatalf("the window wrote %d files, the command line %d", len(window), len(cmdline))
	}
	for name, data := range window {
		if !bytes.Equal(data, cmdline[name]) {
			t.Errorf("%s differs between the window's and the command line's export", name)
		}
	}
	if page := string(window["budget-vote/index.html"]); !strings.Contains(page, `"name":"The Daily Test"`) && !strings.Contains(page, `"name": "The Daily Test"`) {
		t.Errorf("the publisher in JSON-LD is not the site title")
	}

	var cliWarnings []string
	for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		cliWarnings = append(cliWarnings, strings.TrimPrefix(line, "warning: "))
	}
	if got, want := strings.Join(f.warnings, "\n"), strings.Join(cliWarnings, "\n"); got != want || got == "" {
		t.Errorf("warnings differ:\nwindow:\n%s\ncommand line:\n%s", got, want)
	}
	if got, _ := store.Site(ctx); got.PublisherName != "" {
		t.Errorf("exporting stored a publisher name %q", got.PublisherName)
	}
}

// readTree reads every file below dir, by slash-separated relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
