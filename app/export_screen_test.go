package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/publish"
	"newsroom/storage"
	"newsroom/textedit"
)

// exportFixture is an export dialog over a real store.
type exportFixture struct {
	q        *screenTestQueue
	d        *ExportDialog
	done     bool
	rep      publish.Report
	err      error
	errs     []error
	warnings []string
}

// newExportFixture builds the dialog and waits for its settings.
func newExportFixture(t *testing.T, store ExportStore) *exportFixture {
	t.Helper()
	a := test.NewTempApp(t)
	f := &exportFixture{q: newScreenTestQueue()}
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	f.d = NewExportDialog(store, win, a.Preferences(), f.q)
	f.d.showError = func(err error) { f.errs = append(f.errs, err) }
	f.d.showWarnings = func(w []string) { f.warnings = w }
	f.d.onDone = func(rep publish.Report, err error) { f.done, f.rep, f.err = true, rep, err }
	win.SetContent(f.d.Content())
	f.q.settle()
	return f
}

func TestExportWritesSiteAndKeepsURLs(t *testing.T) {
	store, _ := openTestStore(t)
	ctx := context.Background()
	for k, v := range map[string]string{
		storage.SettingBaseURL:       "https://news.example",
		storage.SettingCommentsURL:   "https://news.example/comments",
		storage.SettingSiteTitle:     "The Daily Test",
		storage.SettingPublisherName: "Test Media",
	} {
		if err := store.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	a := addTestArticle(t, store, "budget-vote", "\"We will not raise taxes this year, whatever happens in the vote.\"\n\nThe vote passed.")
	addTestComment(t, store, a.ID, "Ann", "Well reported.", domain.CommentApproved)
	f := newExportFixture(t, store)
	if f.d.baseURL.Text() != "https://news.example" || f.d.commentsURL.Text() != "https://news.example/comments" {
		t.Fatalf("URL fields prefilled with %q and %q", f.d.baseURL.Text(), f.d.commentsURL.Text())
	}

	dir := filepath.Join(t.TempDir(), "site")
	test.Type(f.d.folder, dir)
	f.d.baseURL.SetText("https://www.news.example")
	test.Tap(f.d.exportBtn)
	f.q.waitUntil(t, "the export to finish", func() bool { return f.done })
	if f.err != nil {
		t.Fatalf("export failed: %v", f.err)
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), "The Daily Test") {
		t.Errorf("index.html does not carry the site title from the settings")
	}
	page, err := os.ReadFile(filepath.Join(dir, "budget-vote", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Well reported.", "https://www.news.example"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	if f.rep.Written < 4 || f.rep.Unchanged != 0 {
		t.Errorf("first export report: %+v", f.rep)
	}
	if !strings.Contains(strings.Join(f.warnings, "\n"), "does not say who said it") {
		t.Errorf("attribution warning not shown; warnings: %q", f.warnings)
	}
	if f.d.openBtn.Disabled() || f.d.indexPath != filepath.Join(dir, "index.html") {
		t.Errorf("Open in browser not ready: disabled=%v path=%q", f.d.openBtn.Disabled(), f.d.indexPath)
	}
	if !strings.Contains(f.d.summary.Text, "written") {
		t.Errorf("summary reads %q", f.d.summary.Text)
	}
	if got, _ := store.Setting(ctx, storage.SettingBaseURL, ""); got != "https://www.news.example" {
		t.Errorf("base URL setting after export: %q", got)
	}
	if got := f.d.prefs.String(prefExportFolder); got != dir {
		t.Errorf("remembered folder %q, want %q", got, dir)
	}

	// A second export changes nothing.
	f.done = false
	test.Tap(f.d.exportBtn)
	f.q.waitUntil(t, "the second export to finish", func() bool { return f.done })
	if f.err != nil || f.rep.Written != 0 || f.rep.Unchanged < 4 {
		t.Errorf("second export: %+v, %v", f.rep, f.err)
	}
	if len(f.errs) > 0 {
		t.Errorf("errors shown: %v", f.errs)
	}
}

// blockingSource holds the export until it is cancelled.
type blockingSource struct {
	*storage.Store
	started chan struct{}
}

func (b blockingSource) ExportSummaries(ctx context.Context, _ bool) ([]domain.Article, error) {
	close(b.started)
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestExportCancel(t *testing.T) {
	store, _ := openTestStore(t)
	src := blockingSource{Store: store, started: make(chan struct{})}
	f := newExportFixture(t, src)
	f.d.folder.SetText(t.TempDir())
	test.Tap(f.d.exportBtn)
	if !f.d.exportBtn.Disabled() || f.d.cancelBtn.Disabled() {
		t.Fatal("Export not disabled or Cancel not enabled while exporting")
	}
	<-src.started
	test.Tap(f.d.cancelBtn)
	f.q.waitUntil(t, "the cancelled export to end", func() bool { return f.done })
	if !errors.Is(f.err, context.Canceled) {
		t.Fatalf("cancelled export ended with %v", f.err)
	}
	if !strings.Contains(f.d.summary.Text, "cancelled") || len(f.errs) > 0 {
		t.Errorf("summary %q, errors shown %v", f.d.summary.Text, f.errs)
	}
	if f.d.exportBtn.Disabled() || !f.d.openBtn.Disabled() {
		t.Error("after cancelling, Export is disabled or Open in browser enabled")
	}
}

func TestEnterInAFieldExports(t *testing.T) {
	store, _ := openTestStore(t)
	addTestArticle(t, store, "budget-vote", "The vote passed.")
	f := newExportFixture(t, store)
	dir := filepath.Join(t.TempDir(), "site")
	test.Type(f.d.folder, dir+"\n")
	f.q.waitUntil(t, "the export to finish", func() bool { return f.done })
	if f.err != nil {
		t.Fatalf("export failed: %v", f.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "budget-vote", "index.html")); err != nil {
		t.Fatalf("Enter in the folder field did not export: %v", err)
	}
}

func TestExportRefusesBadInput(t *testing.T) {
	store, _ := openTestStore(t)
	f := newExportFixture(t, store)
	file := filepath.Join(t.TempDir(), "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, folder, base, comments, want string
	}{
		{"no folder", "  ", "", "", "choose the folder"},
		{"folder is a file", file, "", "", "is a file"},
		{"bad base URL", t.TempDir(), "news.example", "", "base URL"},
		{"bad comments URL", t.TempDir(), "", "javascript:alert(1)", "comments URL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.errs = nil
			f.d.folder.SetText(tc.folder)
			f.d.baseURL.SetText(tc.base)
			f.d.commentsURL.SetText(tc.comments)
			test.Tap(f.d.exportBtn)
			if len(f.errs) != 1 || !strings.Contains(f.errs[0].Error(), tc.want) {
				t.Fatalf("errors shown: %v, want one about %q", f.errs, tc.want)
			}
			if f.d.cancel != nil || f.d.exportBtn.Disabled() {
				t.Fatal("an export started on bad input")
			}
		})
	}
}

func TestFileURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/tmp/site/index.html", "file:///tmp/site/index.html"},
		{"/tmp/my site/index.html", "file:///tmp/my%20site/index.html"},
	}
	for _, tc := range tests {
		if got := fileURL(tc.in).String(); got != tc.want {
			t.Errorf("fileURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func tenThousandWarnings() []string {
	out := make([]string, 10000)
	for i := range out {
		out[i] = fmt.Sprintf("article %q is not fact-checked", fmt.Sprintf("story-%05d", i))
	}
	return out
}

// TestWarningsViewHoldsEveryWarning shows ten thousand warnings in a
// window: all of them are there, one per line, in the scalable text view.
func TestWarningsViewHoldsEveryWarning(t *testing.T) {
	test.NewTempApp(t)
	warnings := tenThousandWarnings()
	view := warningsView(warnings)
	w := test.NewWindow(view)
	defer w.Close()
	w.Resize(fyne.NewSize(700, 400))
	var text *textedit.Viewer
	for _, o := range test.LaidOutObjects(view) {
		if e, ok := o.(*textedit.Viewer); ok {
			text = e
		}
	}
	if text == nil {
		t.Fatal("the warnings are not in the read-only text viewer")
	}
	lines := strings.Split(text.Text(), "\n")
	if len(lines) != len(warnings) || lines[0] != warnings[0] || lines[9999] != warnings[9999] {
		t.Fatalf("the view holds %d lines, first %q, last %q", len(lines), lines[0], lines[len(lines)-1])
	}
}

// BenchmarkWarningsView10000 lays out the warnings dialog's content for
// ten thousand warnings (a word-wrapped label took minutes).
func BenchmarkWarningsView10000(b *testing.B) {
	test.NewTempApp(b)
	warnings := tenThousandWarnings()
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(700, 400))
	for b.Loop() {
		w.SetContent(warningsView(warnings))
	}
}

// TestWindowExportAppliesCommentRetention: exporting from the window
// clears old commenters' addresses as `newsroom export` does.
func TestWindowExportAppliesCommentRetention(t *testing.T) {
	store, _ := openTestStore(t)
	ctx := context.Background()
	a := addTestArticle(t, store, "budget-vote", "The vote passed.")
	store.SetClock(func() time.Time { return time.Now().UTC().AddDate(0, 0, -40) })
	old := addTestComment(t, store, a.ID, "Ann", "Well reported.", domain.CommentApproved)
	store.SetClock(func() time.Time { return time.Now().UTC() })
	if err := store.SetSetting(ctx, storage.SettingCommentRetentionDays, "30"); err != nil {
		t.Fatal(err)
	}
	f := newExportFixture(t, store)
	test.Type(f.d.folder, filepath.Join(t.TempDir(), "site"))
	test.Tap(f.d.exportBtn)
	f.q.waitUntil(t, "the export to finish", func() bool { return f.done })
	if f.err != nil {
		t.Fatalf("export failed: %v", f.err)
	}
	c, err := store.GetComment(ctx, old.ID)
	if err != nil || c.ClientAddr != "" || c.Body != "Well reported." {
		t.Fatalf("old comment after the export: %+v (%v)", c, err)
	}
}
