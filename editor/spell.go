package editor

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"newsroom/domain"
	"newsroom/markup"
	"newsroom/schedule"
	"newsroom/textedit"
)

// Speller checks words against a dictionary (package spelling's Checker).
// It must be safe for concurrent use.
type Speller interface {
	Correct(word string) bool
	Suggest(word string, max int) []string
	// Add accepts word from now on.
	Add(word string)
}

// SpellStore keeps the newsroom's dictionary and each article's ignored
// words. Calls are made off the UI goroutine.
type SpellStore interface {
	AddDictionaryWord(ctx context.Context, word, by string) error
	IgnoreWord(ctx context.Context, articleID int64, word string) error
	IgnoredWords(ctx context.Context, articleID int64) ([]string, error)
}

// spellDelay is the pause in typing after which the body is checked again.
const spellDelay = 400 * time.Millisecond

// spellCheck underlines the body's misspelt words (only the visible lines
// are drawn) and offers suggestions, "add to the newsroom dictionary" and
// "ignore in this article" from the context menu (right click, the Menu
// key, Shift+F10; F7 goes to the next one). The body is checked off the
// UI goroutine after a pause in typing; code, URLs and markers are not
// checked, since only the body grammar's prose is read.
type spellCheck struct {
	s       *Screen
	speller Speller
	store   SpellStore
	sched   schedule.Scheduler

	mu      sync.Mutex      // guards ignored, read by the checking goroutine
	ignored map[string]bool // this article's ignored words

	gen   uint64 // UI goroutine only
	timer schedule.Timer
}

// SetSpeller turns spell checking on (nil speller: off). The app opens the
// dictionary and loads the newsroom's words into it before calling this.
func (s *Screen) SetSpeller(sp Speller, store SpellStore) {
	if sp == nil {
		s.spell = nil
		s.body.ContextItems = nil
		s.body.SetMarks(s.body.Text(), nil)
		return
	}
	s.spell = &spellCheck{s: s, speller: sp, store: store, sched: s.sched, ignored: map[string]bool{}}
	s.body.ContextItems = s.spell.menuItems
	s.spell.articleLoaded()
}

// articleLoaded reads the open article's ignored words, then checks it.
func (c *spellCheck) articleLoaded() {
	a := c.s.article
	c.mu.Lock()
	c.ignored = map[string]bool{}
	c.mu.Unlock()
	if a == nil {
		return
	}
	id := a.ID
	c.sched.Go(func() {
		words, err := c.store.IgnoredWords(context.Background(), id)
		c.sched.Do(func() {
			if err == nil && c.s.article != nil && c.s.article.ID == id {
				c.mu.Lock()
				for _, w := range words {
					c.ignored[w] = true
				}
				c.mu.Unlock()
			}
			c.schedule(0)
		})
	})
}

// schedule checks the body after delay, dropping results a newer edit
// has overtaken.
func (c *spellCheck) schedule(delay time.Duration) {
	c.gen++
	gen := c.gen
	if c.timer != nil {
		c.timer.Stop()
	}
	a := c.s.article
	if a == nil {
		return
	}
	snap := &domain.Article{Body: c.s.body.Text(), Quotes: a.Quotes, Sources: a.Sources}
	c.timer = c.sched.AfterFunc(delay, func() {
		prose := markup.BodyMarks(snap).Prose
		var spans []textedit.Span
		for _, w := range domain.SpellingCandidates(prose) {
			if !c.isIgnored(w.Text) && !c.speller.Correct(w.Text) {
				spans = append(spans, textedit.Span{Start: w.Start, End: w.End})
			}
		}
		c.sched.Do(func() {
			if gen == c.gen {
				c.s.body.SetMarks(snap.Body, spans)
			}
		})
	})
}

func (c *spellCheck) isIgnored(word string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ignored[word]
}

// menuItems are the context menu's spelling entries for the word at
// offset, when it is underlined.
func (c *spellCheck) menuItems(offset int) []*fyne.MenuItem {
	span, ok := c.s.body.MarkAt(offset)
	if !ok {
		return nil
	}
	text := c.s.body.Text()
	if span.End > len(text) {
		return nil
	}
	word := text[span.Start:span.End]
	var items []*fyne.MenuItem
	for _, sug := range c.speller.Suggest(word, 5) {
		sug := sug
		items = append(items, fyne.NewMenuItem(sug, func() { c.s.body.Replace(span, sug) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No suggestions", nil)
		none.Disabled = true
		items = append(items, none)
	}
	return append(items,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(fmt.Sprintf("Add “%s” to the newsroom dictionary", word), func() { c.addToDictionary(word) }),
		fyne.NewMenuItem(fmt.Sprintf("Ignore “%s” in this article", word), func() { c.ignore(word) }),
	)
}

// addToDictionary accepts word on every desk of this newsroom.
func (c *spellCheck) addToDictionary(word string) {
	c.speller.Add(word)
	who := c.s.user()
	c.schedule(0)
	c.sched.Go(func() {
		err := c.store.AddDictionaryWord(context.Background(), word, who)
		c.sched.Do(func() {
			if err != nil {
				c.s.notice.SetText(fmt.Sprintf("“%s” is accepted here, but the newsroom dictionary could not keep it: %v", word, err))
			}
		})
	})
}

// ignore accepts word in this article only.
func (c *spellCheck) ignore(word string) {
	a := c.s.article
	if a == nil {
		return
	}
	c.mu.Lock()
	c.ignored[word] = true
	c.mu.Unlock()
	c.schedule(0)
	id := a.ID
	c.sched.Go(func() {
		err := c.store.IgnoreWord(context.Background(), id, word)
		c.sched.Do(func() {
			if err != nil {
				c.s.notice.SetText(fmt.Sprintf("“%s” is ignored until the article is closed; it could not be kept: %v", word, err))
			}
		})
	})
}

// fieldFindings lists the misspelt words of a's headline and standfirst
// (one-line fields, which cannot underline) as Check panel findings, the
// first suggestion as the fix. A nil check finds nothing. It runs off the
// UI goroutine.
func (c *spellCheck) fieldFindings(a *domain.Article) []domain.StyleFinding {
	if c == nil || a == nil {
		return nil
	}
	var out []domain.StyleFinding
	for _, f := range []struct{ name, text string }{{domain.FieldHeadline, a.Headline}, {domain.FieldStandfirst, a.Standfirst}} {
		for _, w := range domain.SpellingCandidates([]domain.Prose{{Text: f.text}}) {
			if c.isIgnored(w.Text) || c.speller.Correct(w.Text) {
				continue
			}
			sugs := c.speller.Suggest(w.Text, 3)
			msg := fmt.Sprintf("Misspelt in the %s: “%s”", f.name, w.Text)
			fix := ""
			if len(sugs) > 0 {
				msg += " (" + strings.Join(sugs, ", ") + ")"
				fix = sugs[0]
			}
			out = append(out, domain.StyleFinding{Kind: domain.StyleMisspelling, Field: f.name, Start: w.Start, End: w.End,
				Message: msg, Suggestion: fix})
		}
	}
	return out
}
