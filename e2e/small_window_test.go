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

// TestTabBringsTheFieldIntoViewInASmallWindow: at 800×600 with find and
// replace open, the fields above the body scroll; Tab from the headline
// to the publication time brings the Status row into view above the find
// bar, and Shift+Tab back to the headline brings the headline back.
func TestTabBringsTheFieldIntoViewInASmallWindow(t *testing.T) {
	d := startXvfbScreen(t, "800x600x24")
	a := startApp(t, d, homeSized(t, 800, 600, ""), "--open", sampleSlug)
	a.waitIdle(60 * time.Second)
	a.key("ctrl+h") // --open puts the keyboard in the body
	if _, ok := a.findBox("Whole", 0, 8*time.Second); !ok {
		t.Fatal("Ctrl+H shows no find bar")
	}
	// The find bar's query ("Find in the body") is just under the fields.
	find, ok := a.findBox("Find", 200, 3*time.Second)
	if !ok {
		t.Fatal("no find field on screen")
	}
	barTop := find.y
	// Click into the headline: the topmost "Kerry" right of the list.
	headline := word{y: 1 << 30}
	for _, w := range a.words(a.screenshot("small-20-find-open")) {
		if strings.Trim(w.text, ".,") == "Kerry" && w.x > 260 && w.y < headline.y {
			headline = w
		}
	}
	if headline.y == 1<<30 {
		t.Fatal("no headline on screen")
	}
	a.xdotool("mousemove", strconv.Itoa(headline.x+headline.w/2), strconv.Itoa(headline.y+headline.h/2))
	a.xdotool("click", "1")
	time.Sleep(300 * time.Millisecond)
	for i := 0; i < 8; i++ { // slug, standfirst, byline, kind, section, tags, status, time
		a.key("Tab")
	}
	shot := a.screenshot("small-21-tabbed-to-time")
	var status, time2015 *word
	for _, w := range a.words(shot) {
		w := w
		if strings.HasPrefix(w.text, "Status") && status == nil {
			status = &w
		}
		if strings.HasPrefix(w.text, "2015-05-11") && time2015 == nil {
			time2015 = &w
		}
	}
	if status == nil || time2015 == nil || time2015.y+time2015.h > barTop {
		t.Fatalf("after Tab to the time field its row is not in view above the find bar (top %d): Status %v, time %v", barTop, status, time2015)
	}
	for i := 0; i < 8; i++ {
		a.key("shift+Tab")
	}
	a.screenshot("small-22-back-to-headline")
	if _, ok := a.findBox("Headline", 0, 3*time.Second); !ok {
		t.Error("after Shift+Tab back to the headline its row is not in view")
	}
	a.quit()
}
