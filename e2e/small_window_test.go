package e2e

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// windowWidth is the window's width on the screen: a window never gets
// narrower than its content needs, so a wider one is cut off at the
// screen's edge.
func (a *app) windowWidth() int {
	a.t.Helper()
	out, err := a.xdotoolOut("getwindowgeometry", "--shell", a.win)
	if err != nil {
		a.t.Fatalf("window geometry: %v", err)
	}
	for _, line := range strings.Fields(out) {
		if w, ok := strings.CutPrefix(line, "WIDTH="); ok {
			n, _ := strconv.Atoi(w)
			return n
		}
	}
	a.t.Fatalf("no width in %q", out)
	return 0
}

// TestSmallWindowsNothingOverlaps: at 800×600 and 1024×700, a wrapped
// lock notice leaves the Filing and Status rows readable above the body,
// and with find and replace open the status line under the body is whole.
// Everything is found on the screen by its words.
func TestSmallWindowsNothingOverlaps(t *testing.T) {
	for _, size := range []struct{ w, h int }{{800, 600}, {1024, 700}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			d := startXvfbScreen(t, fmt.Sprintf("%dx%dx24", size.w, size.h))
			db := filepath.Join(t.TempDir(), "shared.db")
			lockNewsroomFile(t, db)
			maria := startApp(t, d, homeSized(t, size.w, size.h, ""), "--db", db, "--as", "maria", "--open", "council")
			maria.waitIdle(30 * time.Second)
			ed := startApp(t, d, homeSized(t, size.w, size.h, ""), "--db", db, "--as", "ed", "--open", "council")
			ed.waitIdle(30 * time.Second)
			ed.raise()
			notice, ok := ed.findBox("editing", 0, 20*time.Second)
			if !ok {
				t.Fatal("ed's window does not say who is editing")
			}
			ed.screenshot(fmt.Sprintf("small-10-lock-%dx%d", size.w, size.h))
			status, ok := ed.findBox("Status", notice.y+notice.h, 5*time.Second)
			if !ok {
				t.Fatal("the Status row is covered under the wrapped lock notice")
			}
			filing, ok := ed.findBox("Filing", notice.y+notice.h, time.Second)
			if !ok || filing.y > status.y {
				t.Fatalf("the Filing row is covered under the wrapped lock notice (%v %v)", filing, ok)
			}
			if body, ok := ed.findBox("met", status.y+status.h, time.Second); !ok {
				t.Fatal("the body is not below the Status row")
			} else {
				t.Logf("lock notice at y=%d, Filing %d, Status %d, body %d", notice.y, filing.y, status.y, body.y)
			}

			// Maria's window: find and replace over the body.
			maria.raise()
			maria.clickWord("met", size.h/3, 0)
			maria.key("ctrl+h")
			whole, ok := maria.findBox("Whole", 0, 8*time.Second)
			if !ok {
				t.Fatal("Ctrl+H shows no find bar")
			}
			shot := maria.screenshot(fmt.Sprintf("small-11-find-%dx%d", size.w, size.h))
			for name, a := range map[string]*app{"maria (reporter, find bar open)": maria, "ed (editor, lock notice)": ed} {
				if w := a.windowWidth(); w > size.w {
					t.Errorf("%s: the window is %d px wide on a %d px screen (cut off on the right)", name, w, size.w)
				}
			}
			if _, ok := maria.findBox("met", whole.y+whole.h, time.Second); !ok {
				t.Error("no line of the body is shown under the find bar")
			}
			words, ok := maria.findBox("words", whole.y+whole.h, time.Second)
			if !ok || words.y+words.h > size.h {
				t.Fatalf("the status line is cut off under the find bar (%v %v); see %s", words, ok, shot)
			}
			if read, ok := maria.findBox("saved", words.y-words.h, time.Second); !ok || read.y+read.h > size.h {
				t.Errorf("the status line does not read whole (%v %v)", read, ok)
			}
			ed.quit()
			maria.quit()
		})
	}
}
