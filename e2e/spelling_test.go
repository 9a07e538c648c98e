package e2e

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// redPixels counts the pixels of a screenshot in the error colour the
// body underlines misspelt words with.
func redPixels(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 > 170 && g>>8 < 120 && bl>>8 < 120 {
				n++
			}
		}
	}
	return n
}

// TestSpellingInWindow types a misspelt word into the body of a real
// window, sees it underlined, takes the first suggestion with F7 and the
// keyboard, and finds the corrected text in the database.
func TestSpellingInWindow(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	db := filepath.Join(t.TempDir(), "spell.db")
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	a := &domain.Article{Slug: "spell", Headline: "Talks in Sochi", Status: domain.StatusDraft, Body: "the minister said."}
	if err := store.CreateArticle(context.Background(), a, "seed"); err != nil {
		t.Fatal(err)
	}
	store.Close()
	app := startApp(t, d, home, "--db", db, "--open", "spell")
	app.waitIdle(60 * time.Second)
	before := redPixels(t, app.screenshot("spelling-before"))
	app.typeText("recieve ")
	var underlined string
	waitFor(t, 15*time.Second, "the misspelt word underlined", func() bool {
		underlined = app.screenshot("spelling-underlined")
		return redPixels(t, underlined)-before >= 30
	})
	app.key("F7")
	time.Sleep(500 * time.Millisecond)
	app.screenshot("spelling-menu")
	app.key("Down", "Return")
	want := "receive the minister said."
	var got string
	waitFor(t, 15*time.Second, "the corrected text in the database", func() bool {
		got = storedArticle(t, db, "spell").Body
		return got == want
	})
	waitFor(t, 10*time.Second, "the underline gone", func() bool {
		return redPixels(t, app.screenshot("spelling-fixed"))-before < 30
	})
	app.quit()
}
