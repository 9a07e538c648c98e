package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/editor"
	"newsroom/schedule"
	"newsroom/storage"
	"newsroom/textedit"
)

// ArticleStore is what the article list needs, plus what the editor needs.
type ArticleStore interface {
	editor.Store
	ListArticles(ctx context.Context, q storage.ArticleQuery) ([]storage.ArticleSummary, error)
	CreateArticle(ctx context.Context, a *domain.Article, who string) error
	EmptyDraft(ctx context.Context, byline string) (int64, error)
	TrashStore
	GetArticleBySlug(ctx context.Context, slug string) (*domain.Article, error)
	ChangeCounter(ctx context.Context, name string) (int64, error)
}

// ArticlesScreen is the article list beside the editor.
type ArticlesScreen struct {
	store  ArticleStore
	win    fyne.Window
	user   func() string
	sched  schedule.Scheduler
	editor *editor.Screen

	search      *textedit.Editor // a field of our engine: no blinking caret to redraw the window
	statusPick  *widget.Select
	checkedPick *widget.Select
	list        *widget.List
	countLabel  *wholeLabel // the count gives way (…) before the list widens the window
	notice      *widget.Label
	trashBar    *trashButtons
	content     fyne.CanvasObject

	mu       sync.Mutex // guards queryGen
	queryGen int
	items    []storage.TrashedArticle // UI goroutine only; TrashedAt is zero outside the trash
	selected int64
	picked   int64 // the article picked in the trash (not opened)
	debounce schedule.Timer
	// afterReload runs once the next list reload is shown (Enter or Down
	// in the search box before its results came).
	afterReload func()

	// Watching other desks (articles_watch.go).
	watchCtx   context.Context
	stopWatch  context.CancelFunc
	seen       atomic.Int64 // the articles change counter last acted on
	watchEvery time.Duration
}

// NewArticlesScreen builds the list and the editor beside it; sched
// runs their background work, timers and UI updates.
func NewArticlesScreen(store ArticleStore, win fyne.Window, user func() string, sched schedule.Scheduler) *ArticlesScreen {
	s := &ArticlesScreen{store: store, win: win, user: user, sched: sched}
	s.editor = editor.NewScreen(store, win, user, sched)
	s.editor.OnSaved = s.articleSaved
	s.search = textedit.NewField()
	s.search.SetPlaceHolder("Search headline, text, quotes, byline… (Ctrl+F)")
	s.search.OnChanged = func(string) { s.reloadSoon() }
	s.search.OnSubmitted = func(string) { s.openFirstResult() }
	s.search.OnTypedKey = s.searchKey
	s.statusPick = widget.NewSelect([]string{"All statuses", "draft", "review", "published", trashFilter}, func(string) { s.filterChanged() })
	s.statusPick.SetSelectedIndex(0)
	s.checkedPick = widget.NewSelect([]string{"Checked or not", "Fact-checked", "Not fact-checked"}, func(string) { s.Reload() })
	s.checkedPick.SetSelectedIndex(0)
	s.countLabel = newWholeLabel()
	s.list = widget.NewList(
		func() int { return len(s.items) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("headline", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("status")
			meta.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, meta)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(s.items) {
				return
			}
			a := s.items[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(headlineOrUntitled(a.Headline))
			box.Objects[1].(*widget.Label).SetText(rowLine(a, s.sched.Now()))
		},
	)
	s.list.OnSelected = func(id widget.ListItemID) {
		if s.inTrash() {
			if id < len(s.items) {
				s.picked = s.items[id].ID
				s.trashBar.update(s)
			}
			return
		}
		if id < len(s.items) && s.items[id].ID != s.selected {
			s.open(s.items[id].ID, editor.FocusNone)
		}
	}
	newBtn := widget.NewButtonWithIcon("New", theme.ContentAddIcon(), s.NewArticle)
	delBtn := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), s.deleteSelected)
	s.notice = widget.NewLabel("")
	s.notice.Wrapping = fyne.TextWrapWord
	s.notice.Hide()
	s.trashBar = newTrashButtons(s, newBtn, delBtn)
	s.trashBar.update(s) // at once: who may not delete sees why before a list loads
	left := container.NewBorder(
		container.NewVBox(s.search, s.statusPick, s.checkedPick,
			// The count gives way (…) before the list widens the window
			// ("Delete (editors)" at 800 px).
			newCountRow(container.NewHBox(newBtn, delBtn, s.trashBar.restore, s.trashBar.empty), s.countLabel), s.notice),
		nil, nil, nil, s.list)
	s.content = container.New(listBeside{}, left, s.editor.Content()) // the body gets the room
	s.Reload()
	s.startWatch(changesWatchEvery)
	return s
}

// countArticles says how many articles the list shows: "1 article",
// "10,000 articles".
func countArticles(n int) string {
	if n == 1 {
		return "1 article"
	}
	digits := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + " articles"
}

// headlineOrUntitled shows something for an article with no headline yet.
func headlineOrUntitled(h string) string {
	if h == "" {
		return "(untitled)"
	}
	return h
}

// Content is the screen's canvas object.
func (s *ArticlesScreen) Content() fyne.CanvasObject { return s.content }

// Editor is the article editor beside the list.
func (s *ArticlesScreen) Editor() *editor.Screen { return s.editor }

// FocusSearch moves the keyboard to the search box.
func (s *ArticlesScreen) FocusSearch() { s.win.Canvas().Focus(s.search) }

// FindInBody opens the editor's find bar when the keyboard is in the body
// (or the find bar), and reports whether it did: there Ctrl+F finds in
// the body rather than searching the list.
func (s *ArticlesScreen) FindInBody() bool {
	if !s.editor.WritingFocused() {
		return false
	}
	s.editor.Find()
	return true
}

// TogglePreview shows or hides the editor's preview.
func (s *ArticlesScreen) TogglePreview() { s.editor.TogglePreview() }

// SaveNow saves the open article at once.
func (s *ArticlesScreen) SaveNow() { s.editor.SaveNow() }

// Close saves the open article, then calls done on the UI goroutine.
func (s *ArticlesScreen) Close(done func()) {
	s.editor.Flush(func() {
		s.stopWatch()
		s.editor.ReleaseLock(done)
	})
}

// reloadSoon reloads after typing in the search box pauses.
func (s *ArticlesScreen) reloadSoon() {
	if s.debounce != nil {
		s.debounce.Stop()
	}
	s.debounce = s.sched.AfterFunc(150*time.Millisecond, func() { s.sched.Do(s.Reload) })
}

// query reads the filters (UI goroutine).
func (s *ArticlesScreen) query() storage.ArticleQuery {
	q := storage.ArticleQuery{Search: s.search.Text()}
	if i := s.statusPick.SelectedIndex(); i > 0 && !s.inTrash() {
		q.Status = domain.Status(s.statusPick.Selected)
	}
	switch s.checkedPick.SelectedIndex() {
	case 1:
		yes := true
		q.FactChecked = &yes
	case 2:
		no := false
		q.FactChecked = &no
	}
	return q
}

// Reload queries the list off the UI goroutine; only the newest query's
// answer is shown.
func (s *ArticlesScreen) Reload() {
	if s.list == nil {
		return
	}
	q := s.query()
	s.mu.Lock()
	s.queryGen++
	gen := s.queryGen
	s.mu.Unlock()
	trash := s.inTrash()
	s.sched.Go(func() {
		// The counter first: the list read next is at least as new.
		if n, err := s.store.ChangeCounter(context.Background(), "articles"); err == nil {
			s.seen.Store(n)
		}
		items, err := s.listRows(context.Background(), q, trash)
		s.sched.Do(func() {
			s.mu.Lock()
			stale := gen != s.queryGen
			s.mu.Unlock()
			if stale {
				return
			}
			if err != nil {
				dialog.ShowError(err, s.win)
				return
			}
			s.items = items
			s.setCount(countArticles(len(items)))
			s.list.Refresh()
			s.reselect()
			s.trashBar.update(s)
			if then := s.afterReload; then != nil {
				s.afterReload = nil
				then()
			}
		})
	})
}

// reselect highlights the open article in the list without reopening it.
func (s *ArticlesScreen) reselect() {
	want := s.selected
	if s.inTrash() {
		want = s.picked
	}
	for i, a := range s.items {
		if a.ID == want {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

// open shows the article in the editor, saving the previous one first.
func (s *ArticlesScreen) open(id int64, focus editor.Focus) {
	s.selected = id
	s.editor.Flush(func() { s.editor.Load(id, focus) })
}

// OpenSlug opens the article with that slug, the keyboard in its body.
func (s *ArticlesScreen) OpenSlug(slug string) {
	s.sched.Go(func() {
		a, err := s.store.GetArticleBySlug(context.Background(), slug)
		s.sched.Do(func() {
			if err != nil {
				dialog.ShowError(err, s.win)
				return
			}
			s.open(a.ID, editor.FocusBody)
			s.reselect()
		})
	})
}

// articleSaved refreshes the list row of a saved article.
func (s *ArticlesScreen) articleSaved(a *domain.Article) {
	for i := range s.items {
		if s.items[i].ID == a.ID {
			it := &s.items[i]
			it.Headline, it.Status, it.FactChecked, it.UpdatedAt, it.Slug = a.Headline, a.Status, a.FactCheck.Checked, a.UpdatedAt, a.Slug
			s.list.RefreshItem(i)
			return
		}
	}
	s.Reload()
}

// NewArticle opens an empty draft with the keyboard in the headline: the
// signed-in person's own untouched one when there is one (storage
// EmptyDraft), else a new one.
func (s *ArticlesScreen) NewArticle() {
	who := s.user()
	s.editor.Flush(func() {
		s.sched.Go(func() {
			// An empty draft of one's own, from an earlier New that
			// nothing was written into, is taken again: New never piles
			// up "(untitled)" rows.
			if id, err := s.store.EmptyDraft(context.Background(), who); err == nil {
				s.sched.Do(func() {
					s.selected = id
					s.editor.Load(id, editor.FocusHeadline)
					s.Reload()
				})
				return
			}
			a := &domain.Article{Status: domain.StatusDraft, Byline: who}
			var err error
			for i := 0; i < 5; i++ {
				a.Slug = fmt.Sprintf("untitled-%s", s.sched.Now().UTC().Format("20060102-150405.000000"))
				a.Slug = slugSafe(a.Slug)
				if err = s.store.CreateArticle(context.Background(), a, who); !errors.Is(err, domain.ErrSlugTaken) {
					break
				}
			}
			s.sched.Do(func() {
				if err != nil {
					dialog.ShowError(err, s.win)
					return
				}
				s.selected = a.ID
				s.editor.Load(a.ID, editor.FocusHeadline)
				s.Reload()
			})
		})
	})
}

// slugSafe replaces the dot of a timestamp, which slugs may not hold.
func slugSafe(s string) string {
	out := []rune(s)
	for i, r := range out {
		if r == '.' {
			out[i] = '-'
		}
	}
	return string(out)
}
