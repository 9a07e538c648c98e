package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/seed"
)

// TestEditorialWorkInWindow drives the editor's panels: add a quote and
// insert it, fact-check, edit the body and see the check revoked, then
// restore the first revision from the history.
func TestEditorialWorkInWindow(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	db := filepath.Join(home, "data", "newsroom", "newsroom.db")
	a := startApp(t, d, home, "--open", sampleSlug)
	a.waitIdle(30 * time.Second)
	article := func() *domain.Article { return storedArticle(t, db, sampleSlug) }
	original := article().Body

	// Add a quote record with the Quotes panel, then insert it at the caret
	// (the start of the body, where --open put it).
	a.clickWord("Add", 600, 0)
	a.clickWord("Text", 150, 200)
	a.typeText("We are ready to talk to our partners.")
	a.clickWord("Speaker", 150, 200)
	a.typeText("Sergey Lavrov")
	a.clickWord("Role", 150, 200)
	a.typeText("Russian Foreign Minister")
	a.clickWord("Save", 500, 0)
	a.clickWord("Sergey", 440, 0) // select the new quote in the panel
	a.clickWord("Insert", 600, 0)
	waitFor(t, 30*time.Second, "the quote saved and placed", func() bool {
		art := article()
		q, ok := art.QuoteByRef("lavrov")
		return ok && q.Speaker == "Sergey Lavrov" && strings.Contains(art.Body, domain.QuoteMarker("lavrov"))
	})
	a.screenshot("30-quote-inserted")
	// The body changed after the check: it was revoked. Check it again.
	waitFor(t, 15*time.Second, "the revoked check", func() bool { return !article().FactCheck.Checked })
	// The box left of "Fact checked" (the line beside it now names who
	// checked last, with the same word), then the confirmation's "Mark
	// checked by E2E Tester" below its title "Mark as fact-checked?".
	a.clickWord("Fact", 200, -20)
	if _, ok := a.findBox("Mark", 0, 8*time.Second); !ok {
		a.screenshot("missing-confirmation")
		t.Fatal("checking asks no confirmation")
	}
	// "Mark" with a capital: the title and, lowest, the button (the text
	// between says "the mark is revoked").
	var button word
	for _, w := range a.words(a.screenshot("30b-confirm-check")) {
		if w.text == "Mark" && w.y > button.y {
			button = w
		}
	}
	a.xdotool("mousemove", itoa(button.x+button.w/2), itoa(button.y+button.h/2))
	a.xdotool("click", "1")
	waitFor(t, 30*time.Second, "the fact check", func() bool {
		fc := article().FactCheck
		return fc.Checked && fc.By == "E2E Tester"
	})
	// Edit the body: the check is revoked and the window says so.
	x, y, ok := a.findWord("Sochi", 300, 5*time.Second)
	if !ok {
		t.Fatal("body text not on screen")
	}
	a.xdotool("mousemove", itoa(x), itoa(y))
	a.xdotool("click", "1")
	a.typeText(" (edited)")
	waitFor(t, 30*time.Second, "the check revoked by the edit", func() bool { return !article().FactCheck.Checked })
	// The notice is orange on the dark theme, which tesseract sometimes
	// misreads in part: either half of the line will do.
	var seen string
	if !poll(30*time.Second, func() bool {
		seen = a.ocr(a.screenshot("31-revoked"))
		return strings.Contains(seen, "Fact check revoked") || strings.Contains(seen, "Check it again before publishing")
	}) {
		fc := article().FactCheck
		t.Fatalf("no revocation notice within 30 s (stored check: %+v); the screen read:\n%s", fc, seen)
	}
	// History: choose the first revision and restore it.
	a.clickWord("History", 300, 0)
	hx, hy, _ := a.findWord("revisions", 350, 5*time.Second)
	a.xdotool("mousemove", itoa(hx), itoa(hy-150)) // over the list: scroll to the oldest
	for i := 0; i < 15; i++ {
		a.xdotool("click", "5")
	}
	a.clickWord("created", 350, 0)
	a.clickWord("Restore", 350, 0)
	// Yes is white on blue, which defeats OCR: click right of "No", whose
	// icon OCR reads as part of it ("xno").
	no, ok := a.findBox("No", 200, 5*time.Second)
	if !ok {
		t.Fatal("no confirmation dialog")
	}
	a.xdotool("mousemove", itoa(no.x+90), itoa(no.y+no.h/2))
	a.xdotool("click", "1")
	waitFor(t, 30*time.Second, "the restored body", func() bool {
		art := article()
		_, hasQuote := art.QuoteByRef("lavrov")
		return art.Body == original && !hasQuote
	})
	a.screenshot("32-restored")
	a.quit()
	if want, _ := seed.SampleArticle(); want.Body != original {
		t.Errorf("the restored body is not the sample's")
	}
}
