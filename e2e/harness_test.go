// Package e2e drives the real Newsroom binary in a real X window (Xvfb),
// with xdotool for input, ImageMagick for screenshots and tesseract to
// read them. `make test` installs those tools and builds bin/newsroom.
package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// binary returns the newsroom binary: $NEWSROOM_BIN, else one built here.
func binary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("NEWSROOM_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(t.TempDir(), "newsroom")
	cmd := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build newsroom: %v\n%s", err, out)
	}
	return bin
}

// display is a running Xvfb server.
type display struct {
	name string
	cmd  *exec.Cmd
}

// startXvfb starts a virtual screen. Xvfb picks a free display number
// itself (-displayfd), so parallel runs never collide.
func startXvfb(t *testing.T) *display {
	t.Helper()
	return startXvfbScreen(t, "1280x900x24")
}

// startXvfbScreen starts a virtual screen of the given geometry
// (WIDTHxHEIGHTxDEPTH).
func startXvfbScreen(t *testing.T, screen string) *display {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import", "tesseract", "convert"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed (make test installs it): %v", tool, err)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", screen, "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	number := make(chan string, 1)
	go func() {
		buf := make([]byte, 32)
		n, _ := r.Read(buf)
		number <- strings.TrimSpace(string(buf[:n]))
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatal("Xvfb did not report its display")
		}
		return &display{name: ":" + n, cmd: cmd}
	case <-time.After(15 * time.Second):
		t.Fatal("Xvfb did not start within 15 s")
	}
	return nil
}

// app is the newsroom process under test.
type app struct {
	t    *testing.T
	d    *display
	cmd  *exec.Cmd
	home string
	win  string // X window id
	log  *bytes.Buffer
}

// env is the environment every tool runs with.
func (d *display) env(home string) []string {
	env := append(os.Environ(), "DISPLAY="+d.name, "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"), "LIBGL_ALWAYS_SOFTWARE=1")
	return env
}

// newHome makes a home folder whose Fyne preferences already know the
// user's name, so no first-run question covers the window.
func newHome(t *testing.T) string {
	home := t.TempDir()
	prefs := filepath.Join(home, "config", "fyne", "org.newsroom.desktop")
	os.MkdirAll(prefs, 0o755)
	os.WriteFile(filepath.Join(prefs, "preferences.json"), []byte(`{"user.name":"E2E Tester","window.width":1200,"window.height":850}`), 0o644)
	return home
}

// startApp runs newsroom with args and waits for its window.
func startApp(t *testing.T, d *display, home string, args ...string) *app {
	t.Helper()
	a := &app{t: t, d: d, home: home, log: &bytes.Buffer{}}
	a.cmd = exec.Command(binary(t), args...)
	a.cmd.Env = d.env(home)
	a.cmd.Stdout, a.cmd.Stderr = a.log, a.log
	if err := a.cmd.Start(); err != nil {
		t.Fatalf("start newsroom: %v", err)
	}
	t.Cleanup(func() {
		if a.cmd.ProcessState == nil {
			a.cmd.Process.Kill()
			a.cmd.Wait()
		}
		if t.Failed() {
			t.Logf("newsroom output:\n%s", a.log.String())
		}
	})
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		out, err := a.xdotoolOut("search", "--onlyvisible", "--pid", strconv.Itoa(a.cmd.Process.Pid))
		if err == nil && strings.TrimSpace(out) != "" {
			a.win = strings.Fields(out)[0]
			time.Sleep(500 * time.Millisecond) // first frames
			return a
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("no window appeared within 90 s\n%s", a.log.String())
	return nil
}

// xdotoolOut runs xdotool on the display.
func (a *app) xdotoolOut(args ...string) (string, error) {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = a.d.env(a.home)
	out, err := cmd.Output()
	return string(out), err
}

// xdotool runs xdotool and fails the test on error.
func (a *app) xdotool(args ...string) {
	a.t.Helper()
	if out, err := a.xdotoolOut(args...); err != nil {
		a.t.Fatalf("xdotool %v: %v %s", args, err, out)
	}
}

// focus gives the window the keyboard. Input goes through XTEST, as a
// person's would: GLFW ignores events sent to a window directly.
func (a *app) focus() {
	a.t.Helper()
	a.xdotool("windowfocus", "--sync", a.win)
}

// key presses keys (xdotool names, such as ctrl+n) in the window.
func (a *app) key(keys ...string) {
	a.t.Helper()
	a.focus()
	for _, k := range keys {
		a.xdotool("key", k)
		time.Sleep(150 * time.Millisecond)
	}
}

// typeText types text into the focused widget.
func (a *app) typeText(text string) {
	a.t.Helper()
	a.focus()
	a.xdotool("type", "--delay", "30", text)
	time.Sleep(200 * time.Millisecond)
}

// click clicks at window coordinates.
func (a *app) click(x, y int) {
	a.t.Helper()
	a.xdotool("mousemove", "--window", a.win, strconv.Itoa(x), strconv.Itoa(y))
	a.xdotool("click", "1")
	time.Sleep(200 * time.Millisecond)
}

// screenshot saves the screen and returns the PNG's path. Screenshots
// are kept in $NEWSROOM_SHOTS when set, to look at.
func (a *app) screenshot(name string) string {
	a.t.Helper()
	dir := os.Getenv("NEWSROOM_SHOTS")
	if dir == "" {
		dir = a.t.TempDir()
	}
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, name+".png")
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = a.d.env(a.home)
	if out, err := cmd.CombinedOutput(); err != nil {
		a.t.Fatalf("screenshot: %v %s", err, out)
	}
	return path
}

// ocr reads the text off a screenshot.
func (a *app) ocr(png string) string {
	a.t.Helper()
	out, err := exec.Command("tesseract", png, "-", "--psm", "3").Output()
	if err != nil {
		a.t.Fatalf("tesseract: %v", err)
	}
	return string(out)
}

// poll calls cond until it holds (true) or the timeout passes (false).
func poll(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		time.Sleep(200 * time.Millisecond)
	}
	return false
}

// waitFor polls cond and fails the test when it never holds.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	if !poll(timeout, cond) {
		t.Fatalf("timed out after %s waiting for %s", timeout, what)
	}
}

// cpuTime returns the process's user+system CPU time so far.
func (a *app) cpuTime() time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", a.cmd.Process.Pid))
	if err != nil {
		a.t.Fatalf("read cpu time: %v", err)
	}
	fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+2:]))
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ
}

// rss returns the process's resident memory in bytes.
func (a *app) rss() int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", a.cmd.Process.Pid))
	if err != nil {
		a.t.Fatalf("read memory: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			kb, _ := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// quit ends the program the way a person does, with File → Quit
// (Ctrl+Q: the same path as the window's close button, saving first), and
// waits for the exit. (xdotool's windowclose destroys the X window
// instead of asking it to close; an idle window, which draws nothing, then
// never notices and never exits.)
func (a *app) quit() {
	a.t.Helper()
	a.key("ctrl+q")
	done := make(chan error, 1)
	go func() { done <- a.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		a.cmd.Process.Kill()
		<-done // Wait returns after the kill; the cleanup must not Wait again
		a.t.Fatal("newsroom did not exit after File → Quit")
	}
}

// storedArticle reads an article from the database file as another
// process would, failing the test when it cannot.
func storedArticle(t *testing.T, db, slug string) *domain.Article {
	t.Helper()
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	art, err := store.GetArticleBySlug(context.Background(), slug)
	if err != nil {
		t.Fatal(err)
	}
	return art
}
