package e2e

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// seedOne creates one draft article with body in a new database.
func seedOne(t *testing.T, slug, body string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "writing.db")
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	a := &domain.Article{Slug: slug, Headline: "Writing tools", Status: domain.StatusDraft, Body: body}
	if err := store.CreateArticle(context.Background(), a, "seed"); err != nil {
		t.Fatal(err)
	}
	return db
}

// waitBody waits until the stored body of slug is want, and fails with
// what it is otherwise.
func waitBody(t *testing.T, db, slug, want string) {
	t.Helper()
	var got string
	poll(15*time.Second, func() bool {
		store, err := storage.Open(db)
		if err != nil {
			return false
		}
		defer store.Close()
		art, err := store.GetArticleBySlug(context.Background(), slug)
		if err != nil {
			return false
		}
		got = art.Body
		return got == want
	})
	if got != want {
		t.Fatalf("body in the database is %q, want %q", got, want)
	}
}

// TestFindReplaceInWindow: Ctrl+F in the body counts the matches, Ctrl+H
// replaces all of them, one Ctrl+Z takes the whole replacement back.
func TestFindReplaceInWindow(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	body := "The cat sat on the mat.\n\nA cat ran. Catalogue cats.\n\nThe last cat."
	db := seedOne(t, "find", body)
	a := startApp(t, d, home, "--db", db, "--open", "find")
	a.waitIdle(60 * time.Second)
	a.key("ctrl+f")
	a.typeText("cat")
	// The count is read off the find bar's own row, found above its
	// "Whole words" switch, four times enlarged: read with the whole
	// window at twice the size, tesseract took "1 of 5" for "10of5".
	whole, ok := a.findBox("whole", 0, 30*time.Second)
	if !ok {
		a.screenshot("find-00-no-bar")
		t.Fatal("the find bar's options are not on screen")
	}
	countRow := func(name string) string {
		return a.ocrRegionScaled(a.screenshot(name), 0, max(whole.y-70, 0), 1200, 65, 400)
	}
	var text string
	waitFor(t, 30*time.Second, "the match count", func() bool {
		text = countRow("find-01-count")
		return readsCount(text, "1 of 5")
	})
	a.key("Return", "Return")
	waitFor(t, 30*time.Second, "the third match", func() bool {
		return readsCount(countRow("find-02-next"), "3 of 5")
	})
	a.key("shift+Return")
	waitFor(t, 30*time.Second, "back to the second match", func() bool {
		return readsCount(countRow("find-03-prev"), "2 of 5")
	})
	a.key("Escape", "ctrl+h")
	a.key("ctrl+a")
	a.typeText("cat")
	a.key("Tab")
	a.typeText("dog")
	a.key("ctrl+alt+Return")
	// "Cat" too: Match case is off.
	waitBody(t, db, "find", "The dog sat on the mat.\n\nA dog ran. dogalogue dogs.\n\nThe last dog.")
	a.screenshot("find-04-replaced")
	a.key("Escape", "ctrl+z")
	waitBody(t, db, "find", body)
	a.quit()
}

// TestSmartQuotesInWindow: straight quotes and double hyphens typed into
// the body are stored curly and as an en dash; Ctrl+Z right after a
// substitution keeps what was typed.
func TestSmartQuotesInWindow(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	db := seedOne(t, "quotes", "End.")
	a := startApp(t, d, home, "--db", db, "--open", "quotes")
	a.waitIdle(60 * time.Second)
	a.typeText(`He said "it's 1990--95" and `) // the caret starts at the beginning of the body
	waitBody(t, db, "quotes", `He said “it’s 1990–95” and End.`)
	a.typeText("x--")
	a.key("ctrl+z")
	waitBody(t, db, "quotes", `He said “it’s 1990–95” and x--End.`)
	a.typeText("`a--b`")
	waitBody(t, db, "quotes", "He said “it’s 1990–95” and x--`a--b`End.")
	a.screenshot("quotes-01-typed")
	a.quit()
}

// TestPreviewShowsThePageInWindow reads the sample article's preview off
// the screen: its headline without "#", its quote figure without ">".
func TestPreviewShowsThePageInWindow(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	a := startApp(t, d, home, "--open", "kerry-to-meet-putin-in-first-russian-visit-since-start-of-ukraine-crisis")
	a.waitIdle(60 * time.Second)
	a.key("ctrl+p")
	// Put the caret on the quote's placement: the preview follows it.
	a.key("ctrl+f")
	a.typeText("quote harf")
	a.key("Escape")
	var preview string
	waitFor(t, 20*time.Second, "the quote figure in the preview", func() bool {
		shot := a.screenshot("preview-01")
		// The preview is right of the body: from the rightmost "Marie".
		left := -1
		for _, w := range a.words(shot) {
			if strings.Trim(w.text, ",") == "Marie" && w.x > left {
				left = w.x
			}
		}
		if left < 0 {
			return false
		}
		preview = a.ocrRegion(shot, left-20, 0, 1200-left+20, 850)
		return strings.Contains(preview, "This trip is part")
	})
	a.key("ctrl+Home")
	waitFor(t, 20*time.Second, "the headline in the preview", func() bool {
		shot := a.screenshot("preview-02")
		left := -1
		for _, w := range a.words(shot) {
			if w.text == "Kerry" && w.y > 300 && w.x > left {
				left = w.x
			}
		}
		if left < 0 {
			return false
		}
		preview += "\n" + a.ocrRegion(shot, left-20, 0, 1200-left+20, 850)
		return strings.Contains(preview, "Kerry To meet Putin")
	})
	lines := strings.Split(preview, "\n")
	headline, quote := "", ""
	for _, l := range lines {
		if strings.Contains(l, "Kerry To meet Putin") && headline == "" {
			headline = l
		}
		if strings.Contains(l, "This trip is part") && quote == "" {
			quote = l
		}
	}
	if headline == "" || strings.Contains(headline, "#") {
		t.Errorf("headline line %q, want the headline without #; OCR read:\n%s", headline, preview)
	}
	if quote == "" || strings.HasPrefix(strings.TrimSpace(quote), ">") {
		t.Errorf("quote line %q, want the quotation without >; OCR read:\n%s", quote, preview)
	}
	if !strings.Contains(preview, "Marie Harf") {
		t.Errorf("the quote's caption is not on screen; OCR read:\n%s", preview)
	}
	a.quit()
}

// ocrRegion reads the text of a w×h region at x, y of a screenshot.
func (a *app) ocrRegion(png string, x, y, w, h int) string {
	a.t.Helper()
	return a.ocrRegionScaled(png, x, y, w, h, 200)
}

// ocrRegionScaled is ocrRegion with the crop enlarged percent times a
// hundred: small text (a match count) reads right only larger.
func (a *app) ocrRegionScaled(png string, x, y, w, h, percent int) string {
	a.t.Helper()
	crop := strings.TrimSuffix(png, ".png") + "-crop.png"
	geom := itoa(w) + "x" + itoa(h) + "+" + itoa(x) + "+" + itoa(y)
	if out, err := exec.Command("convert", png, "-crop", geom, "+repage", "-colorspace", "Gray", "-negate", "-resize", itoa(percent)+"%", crop).CombinedOutput(); err != nil {
		a.t.Fatalf("crop screenshot: %v %s", err, out)
	}
	return a.ocr(crop)
}

// readsCount reports whether OCR text holds the match count want ("3 of
// 5"), allowing for tesseract's readings of "of" as "0f", of "1" as "l"
// or "i", and lost spaces.
func readsCount(text, want string) bool {
	squeeze := func(s string) string {
		s = strings.ToLower(strings.Join(strings.Fields(s), ""))
		return strings.NewReplacer("0f", "of", "lof", "1of", "iof", "1of").Replace(s)
	}
	return strings.Contains(squeeze(text), squeeze(want))
}
