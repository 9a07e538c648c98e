package editor

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestBrowserCommand(t *testing.T) {
	const u = "file:///tmp/p/index.html"
	for _, c := range []struct {
		env  string
		want []string
	}{
		{"", []string{"xdg-open", u}},
		{"firefox", []string{"firefox", u}},
		{"firefox --new-tab", []string{"firefox", "--new-tab", u}},
		{"lynx -dump %s:firefox", []string{"lynx", "-dump", u}},
		{"  ", []string{"xdg-open", u}},
	} {
		t.Setenv("BROWSER", c.env)
		if got := browserCommand(u); !reflect.DeepEqual(got, c.want) {
			t.Errorf("BROWSER=%q: %q, want %q", c.env, got, c.want)
		}
	}
}

func TestLaunchBrowser(t *testing.T) {
	for _, env := range []string{"/nonexistent/browser", "false"} {
		t.Setenv("BROWSER", env)
		if _, err := launchBrowser("file:///x.html", 5*time.Second); err == nil {
			t.Errorf("BROWSER=%s: no error", env)
		}
	}
	t.Setenv("BROWSER", "true")
	pid, err := launchBrowser("file:///x.html", 5*time.Second)
	if err != nil {
		t.Fatalf("BROWSER=true: %v", err)
	}
	requireReaped(t, pid)
	// A browser still running after the grace counts as opened, and is
	// reaped when it ends.
	t.Setenv("BROWSER", "sleep 0.3 %s")
	pid, err = launchBrowser("0", 50*time.Millisecond)
	if err != nil {
		t.Fatalf("a long-running browser: %v", err)
	}
	requireReaped(t, pid)
}

// requireReaped fails unless process pid is gone (not a zombie) within
// five seconds.
func requireReaped(t *testing.T, pid int) {
	t.Helper()
	stat := filepath.Join("/proc", strconv.Itoa(pid), "stat")
	for i := 0; i < 100; i++ {
		if _, err := os.Stat(stat); os.IsNotExist(err) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	b, _ := os.ReadFile(stat)
	t.Fatalf("child %d not reaped: %s", pid, b)
}

func TestPreviewInBrowserFailureSaysWhere(t *testing.T) {
	for _, env := range []string{"/nonexistent/browser", "false"} {
		t.Run(filepath.Base(env), func(t *testing.T) {
			t.Setenv("BROWSER", env)
			s, _ := newPanelScreen(t, previewArticle())
			s.preview.openInBrowser()
			waitFor(t, s, "the failure dialog", func() bool { return s.preview.copyPath != nil })
			top := s.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no dialog")
			}
			var texts []string
			var path string
			for _, o := range test.LaidOutObjects(top) {
				if l, ok := o.(*widget.Label); ok {
					texts = append(texts, l.Text)
					if strings.HasSuffix(l.Text, ".html") {
						path = l.Text
					}
				}
			}
			if path == "" {
				t.Fatalf("the dialog does not give the page's path: %q", texts)
			}
			if _, err := os.Stat(path); err != nil {
				t.Errorf("the path shown is not the page: %v", err)
			}
			if !strings.Contains(strings.Join(texts, " "), "No browser opened") {
				t.Errorf("the dialog does not say the browser failed: %q", texts)
			}
			test.Tap(s.preview.copyPath)
			if got := fyne.CurrentApp().Clipboard().Content(); got != path {
				t.Errorf("Copy put %q on the clipboard, want %q", got, path)
			}
		})
	}
}
