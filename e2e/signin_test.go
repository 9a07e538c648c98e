package e2e

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSignInByKeyboardAndSwitchPerson: at the "Who is editing?" question
// the arrows choose and Enter signs in; File → Switch person… asks again
// and the window says who is signed in now.
func TestSignInByKeyboardAndSwitchPerson(t *testing.T) {
	d := startXvfb(t)
	db := filepath.Join(t.TempDir(), "shared.db")
	lockNewsroomFile(t, db) // Ada Admin, Ed Editor, Maria Lopez
	home := t.TempDir()     // nobody signed in on this computer yet
	a := startApp(t, d, home, "--db", db)
	if _, _, ok := a.findWord("yourself", 0, 20*time.Second); !ok {
		t.Fatal("no \"Who is editing?\" question")
	}
	a.key("Right", "Return") // the first of the staff: Ada Admin
	signedIn := func(name string) {
		t.Helper()
		var text string
		if !poll(15*time.Second, func() bool {
			text = a.ocr(a.screenshot("signin-" + strings.Fields(name)[0]))
			return strings.Contains(text, "Signed in as "+name)
		}) {
			t.Fatalf("the window does not say %q is signed in:\n%s", name, text)
		}
	}
	signedIn("Ada Admin")

	a.clickWord("File", 0, 0)
	a.clickMenuItem("Switch")
	if _, _, ok := a.findWord("yourself", 0, 10*time.Second); !ok {
		t.Fatal("Switch person… does not ask who is editing")
	}
	a.key("Right", "Return") // the next after Ada, offered first: Ed Editor
	signedIn("Ed Editor")
	a.quit()
}

// clickMenuItem clicks an item of the menu open at the top left. The
// whole screen with a menu open reads as nothing: the menu's corner is
// read by itself.
func (a *app) clickMenuItem(text string) {
	a.t.Helper()
	for try := 0; try < 10; try++ {
		shot := a.screenshot("menu")
		crop := strings.TrimSuffix(shot, ".png") + "-corner.png"
		if out, err := exec.Command("convert", shot, "-crop", "400x500+0+0", "+repage", crop).CombinedOutput(); err != nil {
			a.t.Fatalf("crop: %v %s", err, out)
		}
		for _, w := range a.words(crop) {
			if w.text == text {
				a.xdotool("mousemove", itoa(w.x+w.w/2), itoa(w.y+w.h/2))
				a.xdotool("click", "1")
				time.Sleep(300 * time.Millisecond)
				return
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	a.t.Fatalf("no menu item %q on screen", text)
}
