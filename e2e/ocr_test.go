package e2e

import (
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// word is one word tesseract found on a screenshot, with its box.
type word struct {
	text       string
	x, y, w, h int
}

// words reads every word off a screenshot with its position.
func (a *app) words(png string) []word {
	a.t.Helper()
	// Dark UI text reads best negated, in grey, at twice the size, with
	// tesseract's sparse-text mode.
	big := strings.TrimSuffix(png, ".png") + "-ocr.png"
	if out, err := exec.Command("convert", png, "-colorspace", "Gray", "-negate", "-resize", "200%", big).CombinedOutput(); err != nil {
		a.t.Fatalf("prepare screenshot for OCR: %v %s", err, out)
	}
	out, err := exec.Command("tesseract", big, "-", "--psm", "11", "tsv").Output()
	if err != nil {
		a.t.Fatalf("tesseract: %v", err)
	}
	var ws []word
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 12 || f[0] != "5" || strings.TrimSpace(f[11]) == "" {
			continue
		}
		n := func(i int) int { v, _ := strconv.Atoi(f[i]); return v }
		ws = append(ws, word{text: f[11], x: n(6) / 2, y: n(7) / 2, w: n(8) / 2, h: n(9) / 2})
	}
	return ws
}

// findWord finds text on screen (the first match at or below minY),
// retrying until timeout, and returns the middle of the word. ok is false
// when it never shows.
func (a *app) findWord(text string, minY int, timeout time.Duration) (x, y int, ok bool) {
	w, ok := a.findBox(text, minY, timeout)
	return w.x + w.w/2, w.y + w.h/2, ok
}

// findBox is findWord returning the word's box.
func (a *app) findBox(text string, minY int, timeout time.Duration) (word, bool) {
	a.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		for _, w := range a.words(a.screenshot("ocr")) {
			got := strings.ToLower(strings.Trim(w.text, ".,:…"))
			// An icon before a button's label reads as a stray letter: "xno".
			if w.y >= minY && (got == strings.ToLower(text) || (len(got) == len(text)+1 && strings.HasSuffix(got, strings.ToLower(text)))) {
				return w, true
			}
		}
		if time.Now().After(deadline) {
			return word{}, false
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// clickWord clicks on a word shown on screen, offset by dx pixels (to
// click the field right of a label).
func (a *app) clickWord(text string, minY, dx int) {
	a.t.Helper()
	x, y, ok := a.findWord(text, minY, 8*time.Second)
	if !ok {
		a.screenshot("missing-" + text)
		a.t.Fatalf("%q is not on screen", text)
	}
	a.xdotool("mousemove", strconv.Itoa(x+dx), strconv.Itoa(y))
	a.xdotool("click", "1")
	time.Sleep(300 * time.Millisecond)
}

// itoa is strconv.Itoa, short for xdotool arguments.
func itoa(n int) string { return strconv.Itoa(n) }
