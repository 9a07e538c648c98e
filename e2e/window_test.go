package e2e

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/storage"
)

// TestWindowShowsSampleAndCreatesArticle starts newsroom on a fresh
// default database, reads the sample article off the screen, creates an
// article with Ctrl+N, types a headline and finds it in the database.
func TestWindowShowsSampleAndCreatesArticle(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	a := startApp(t, d, home)
	var text string
	waitFor(t, 30*time.Second, "the sample article on screen", func() bool {
		text = a.ocr(a.screenshot("01-start"))
		return strings.Contains(text, "Kerry")
	})
	a.key("ctrl+n")
	time.Sleep(1500 * time.Millisecond)
	a.typeText("Typed in a real window")
	a.screenshot("02-typed")
	db := filepath.Join(home, "data", "newsroom", "newsroom.db")
	waitFor(t, 10*time.Second, "the typed headline in the database", func() bool {
		store, err := storage.Open(db)
		if err != nil {
			return false
		}
		defer store.Close()
		list, err := store.ListArticles(context.Background(), storage.ArticleQuery{Search: "typed real window"})
		return err == nil && len(list) == 1 && list[0].Headline == "Typed in a real window"
	})
	shot := a.screenshot("02-new-article")
	if text := a.ocr(shot); !strings.Contains(text, "Typed in a real window") {
		t.Errorf("the new headline is not on screen; OCR read:\n%s", text)
	}
	a.quit()
}
