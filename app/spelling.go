package app

import (
	"context"
	"log"

	"newsroom/spelling"
)

// startSpelling opens the newsroom's dictionary off the UI goroutine,
// loads the newsroom's own words into it and turns the editor's spelling
// check on. Without a dictionary installed the check stays off, and the
// editor says nothing about spelling.
func (ui *mainUI) startSpelling() {
	ui.sched.Go(func() {
		ctx := context.Background()
		lang, err := ui.store.SpellingLanguage(ctx)
		if err != nil {
			log.Printf("newsroom: spelling check off: %v", err)
			return
		}
		checker, err := spelling.Open(lang)
		if err != nil {
			log.Printf("newsroom: spelling check off: %v", err)
			return
		}
		words, err := ui.store.DictionaryWords(ctx)
		if err != nil {
			log.Printf("newsroom: the newsroom dictionary could not be read: %v", err)
		}
		for _, w := range words {
			checker.Add(w)
		}
		ui.sched.Do(func() { ui.articles.editor.SetSpeller(checker, ui.store) })
	})
}
