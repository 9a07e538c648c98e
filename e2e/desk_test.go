package e2e

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// deskSlug is the published, fact-checked article the desk tests open.
const deskSlug = "kerry-to-visit-russia"

// seedCheckedArticle writes a published, fact-checked article with every
// field filled and a one-line body (so the body's empty background can be
// measured on screen).
func seedCheckedArticle(t *testing.T, db string) {
	t.Helper()
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	a := &domain.Article{
		Slug: deskSlug, Headline: "Kerry to visit Russia", Byline: "Ann Reporter",
		Standfirst: "The secretary of state will meet Putin in Sochi.",
		Section:    "World", Keywords: []string{"Russia", "Diplomacy"},
		Body:   "Kerry flies to Sochi on Tuesday.",
		Status: domain.StatusPublished, PublishedAt: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
	}
	if err := store.CreateArticle(ctx, a, "seed"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SetFactCheck(ctx, a.ID, a.Version, "Checker", true); err != nil {
		t.Fatal(err)
	}
}

// homeSized is a home whose preferences know the user and open the
// window at w×h.
func homeSized(t *testing.T, w, h int, extra string) string {
	home := t.TempDir()
	prefs := filepath.Join(home, "config", "fyne", "org.newsroom.desktop")
	os.MkdirAll(prefs, 0o755)
	json := fmt.Sprintf(`{"user.name":"E2E Tester","window.width":%d,"window.height":%d%s}`, w, h, extra)
	os.WriteFile(filepath.Join(prefs, "preferences.json"), []byte(json), 0o644)
	return home
}

// TestTabThroughEveryFieldChangesNothing walks the published, checked
// article's fields with Shift+Tab and Tab and checks that the database
// still holds every field's text and the fact check.
func TestTabThroughEveryFieldChangesNothing(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	db := filepath.Join(t.TempDir(), "desk.db")
	seedCheckedArticle(t, db)
	before := storedArticle(t, db, deskSlug)
	a := startApp(t, d, home, "--db", db, "--open", deskSlug)
	a.waitIdle(60 * time.Second)
	// Click into the headline, then Tab through every field to the body.
	a.clickHeadline(1280)
	a.screenshot("desk-10-headline-focused")
	for i := 0; i < 10; i++ {
		a.key("Tab")
	}
	a.screenshot("desk-11-back-in-body")
	time.Sleep(3 * time.Second) // an autosave would have run by now
	after := storedArticle(t, db, deskSlug)
	for _, f := range []struct{ name, was, is string }{
		{"headline", before.Headline, after.Headline}, {"slug", before.Slug, after.Slug},
		{"standfirst", before.Standfirst, after.Standfirst}, {"byline", before.Byline, after.Byline},
		{"section", before.Section, after.Section}, {"body", before.Body, after.Body},
		{"status", string(before.Status), string(after.Status)},
		{"time", before.PublishedAt.String(), after.PublishedAt.String()},
	} {
		if f.was != f.is {
			t.Errorf("%s changed by Tab: %q → %q", f.name, f.was, f.is)
		}
	}
	if after.Version != before.Version {
		t.Errorf("Tab saved the article (version %d → %d)", before.Version, after.Version)
	}
	if !after.FactCheck.Checked {
		t.Error("Tabbing through the fields revoked the fact check")
	}
	a.quit()
}

// clickHeadline clicks the end of the headline field: the topmost
// "Russia" right of the article list (the list shows the headline too).
func (a *app) clickHeadline(screenW int) {
	a.t.Helper()
	for try := 0; try < 20; try++ {
		best := word{y: 1 << 30}
		for _, w := range a.words(a.screenshot("ocr")) {
			if strings.Trim(w.text, ".,") == "Russia" && w.x > screenW/4 && w.y < best.y {
				best = w
			}
		}
		if best.y < 1<<30 {
			a.xdotool("mousemove", itoa(best.x+best.w+2), itoa(best.y+best.h/2))
			a.xdotool("click", "1")
			time.Sleep(300 * time.Millisecond)
			return
		}
		time.Sleep(300 * time.Millisecond)
	}
	a.t.Fatal("the headline is not on screen")
}

// idleShare measures the share of a core the window uses over span.
func (a *app) idleShare(span time.Duration) float64 {
	from := a.cpuTime()
	time.Sleep(span)
	return float64(a.cpuTime()-from) / float64(span)
}

// steadyShare is the lower of two back-to-back idleShare windows: a cost
// that lasts (a blinking caret redrawing the window) shows in both, a
// one-off burst (a collection, the lock's 30 s refresh, another process
// on the machine) in at most one.
func (a *app) steadyShare(span time.Duration) float64 {
	return min(a.idleShare(span), a.idleShare(span))
}

// TestIdleWithTheCaretInAField measures the window's CPU with the caret
// in the headline, in the search box, in the body's find bar and in the
// first-run dialog.
func TestIdleWithTheCaretInAField(t *testing.T) {
	d := startXvfb(t)
	db := filepath.Join(t.TempDir(), "desk.db")
	seedCheckedArticle(t, db)

	a := startApp(t, d, newHome(t), "--db", db, "--open", deskSlug)
	a.waitIdle(60 * time.Second)
	a.clickHeadline(1280)
	time.Sleep(time.Second)
	headline := a.steadyShare(10 * time.Second)
	a.screenshot("desk-20-idle-headline")
	a.key("ctrl+f")
	time.Sleep(time.Second)
	search := a.steadyShare(10 * time.Second)
	a.screenshot("desk-21-idle-search")
	// The find bar over the body: click into the body, Ctrl+F.
	a.clickWord("Tuesday", 0, 0)
	a.key("ctrl+f")
	if _, _, ok := a.findWord("Whole", 0, 8*time.Second); !ok {
		t.Fatal("Ctrl+F in the body does not show the find bar")
	}
	a.typeText("Sochi")
	time.Sleep(time.Second)
	find := a.steadyShare(10 * time.Second)
	a.screenshot("desk-23-idle-find")
	a.quit()

	// No name yet: the window asks "Who is editing?" and waits.
	home := t.TempDir()
	b := startApp(t, d, home, "--db", db)
	time.Sleep(3 * time.Second)
	dialog := b.steadyShare(10 * time.Second)
	b.screenshot("desk-22-idle-first-run")
	b.quit()

	t.Logf("idle CPU: headline %.2f%%, search %.2f%%, find bar %.2f%%, first-run dialog %.2f%% of a core (the lower of two 10 s windows each)", 100*headline, 100*search, 100*find, 100*dialog)
	// A blinking caret costs 9.6–14% of a core here. Our idle window
	// measures 1.0–1.8% on a quiet machine and up to 2.4% on a loaded one
	// (the 250 ms change watch, lock refresh and timers, with any binary
	// since the shared desk), so the bar is 3%: far below any blinking.
	for name, share := range map[string]float64{"headline": headline, "search box": search, "find bar": find, "first-run dialog": dialog} {
		if share >= 0.03 {
			t.Errorf("caret in the %s: %.1f%% of a core while idle, want under 3%%", name, 100*share)
		}
	}
}

// bodyBackground is the dark theme's input background, the body's.
var bodyBackground = [3]uint32{0x20, 0x20, 0x23}

// bodyRun finds the longest run of the body's background colour along
// row y of the screenshot: at the bottom of a one-line body it is the
// body's width (the fields above it share the colour, the rows below the
// fields hold nothing else of it).
func bodyRun(t *testing.T, path string, y int) (x0, length int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	isBody := func(x int, c image.Image) bool {
		r, g, bl, _ := c.At(x, y).RGBA()
		return r>>8 == bodyBackground[0] && g>>8 == bodyBackground[1] && bl>>8 == bodyBackground[2]
	}
	start := -1
	for x := b.Min.X; x <= b.Max.X; x++ {
		in := x < b.Max.X && isBody(x, img)
		switch {
		case in && start < 0:
			start = x
		case !in && start >= 0:
			if x-start > length {
				x0, length = start, x-start
			}
			start = -1
		}
	}
	return x0, length
}

// TestBodyWinsTheWidth opens the article at 800×600, 1024×700 and
// 1920×1080 and measures the body column on the screenshot.
func TestBodyWinsTheWidth(t *testing.T) {
	for _, size := range []struct{ w, h int }{{800, 600}, {1024, 700}, {1920, 1080}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			d := startXvfbScreen(t, fmt.Sprintf("%dx%dx24", size.w, size.h))
			db := filepath.Join(t.TempDir(), "desk.db")
			seedCheckedArticle(t, db)
			a := startApp(t, d, homeSized(t, size.w, size.h, ""), "--db", db, "--open", deskSlug)
			a.waitIdle(60 * time.Second)
			shot := a.screenshot(fmt.Sprintf("desk-30-layout-%dx%d", size.w, size.h))
			x0, body := bodyRun(t, shot, size.h*85/100)
			t.Logf("%d×%d: body column %d px from x=%d (%.0f%% of the width)", size.w, size.h, body, x0, 100*float64(body)/float64(size.w))
			if size.w <= 800 && float64(body) < 0.6*float64(size.w) {
				t.Errorf("at %d×%d the body is %d px, under 60%% of the width", size.w, size.h, body)
			}
			if float64(body) < 0.45*float64(size.w) {
				t.Errorf("at %d×%d the body is %d px, under 45%% of the width", size.w, size.h, body)
			}
			a.quit()
		})
	}
}

// brightShare is the share of light pixels on a screenshot.
func brightShare(t *testing.T, path string) float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	bright, all := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if (r+g+bl)/3 > 0xc000 {
				bright++
			}
			all++
		}
	}
	return float64(bright) / float64(all)
}

// onScreen reports whether a word can be read on the screen now.
func (a *app) onScreen(text string) bool {
	for _, w := range a.words(a.screenshot("ocr")) {
		if strings.EqualFold(strings.Trim(w.text, ".,:…()"), text) {
			return true
		}
	}
	return false
}

// TestWindowKeysAndAppearance: the light look chosen is applied at start;
// Escape closes Help's dialog; F9 hides the side panels and the window
// remembers it next time.
func TestWindowKeysAndAppearance(t *testing.T) {
	d := startXvfbScreen(t, "1200x850x24")
	db := filepath.Join(t.TempDir(), "desk.db")
	seedCheckedArticle(t, db)
	home := homeSized(t, 1200, 850, `,"appearance.mode":"light"`)
	a := startApp(t, d, home, "--db", db, "--open", deskSlug)
	a.waitIdle(60 * time.Second)
	if share := brightShare(t, a.screenshot("desk-40-light")); share < 0.5 {
		t.Errorf("light appearance chosen, but only %.0f%% of the window is light", 100*share)
	}
	a.clickWord("Help", 0, 0)
	a.clickWord("Keyboard", 0, 0)
	waitFor(t, 10*time.Second, "the shortcuts dialog", func() bool { return a.onScreen("shortcuts") })
	a.screenshot("desk-41-help")
	a.key("Escape")
	waitFor(t, 10*time.Second, "Escape to close the dialog", func() bool { return !a.onScreen("shortcuts") })

	if !a.onScreen("Sources") {
		t.Fatal("the side panels are not shown at 1200 px")
	}
	a.key("F9")
	waitFor(t, 10*time.Second, "F9 to hide the side panels", func() bool { return !a.onScreen("Sources") })
	a.screenshot("desk-42-panels-hidden")
	a.quit()
	b := startApp(t, d, home, "--db", db, "--as", "e2e-tester", "--open", deskSlug) // signed in as the first start adopted
	b.waitIdle(60 * time.Second)
	if b.onScreen("Sources") {
		t.Error("the hidden side panels came back after a restart")
	}
	b.key("F9")
	waitFor(t, 10*time.Second, "F9 to show them again", func() bool { return b.onScreen("Sources") })
	b.quit()
}
