package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/editor"
	"newsroom/storage"
)

// TrashStore is what the article list needs for the trash.
type TrashStore interface {
	TrashArticle(ctx context.Context, id int64, who string) error
	RestoreFromTrash(ctx context.Context, id int64, who string) error
	ListTrash(ctx context.Context) ([]storage.TrashedArticle, error)
	EmptyTrash(ctx context.Context) (int, error)
}

// trashFilter is the status filter's entry that lists the trash.
const trashFilter = "Trash"

// trashButtons are the list's buttons, swapped between the live list
// (New, Delete) and the trash (Restore, Empty trash).
type trashButtons struct {
	newBtn, delBtn, restore, empty *widget.Button
}

func newTrashButtons(s *ArticlesScreen, newBtn, delBtn *widget.Button) *trashButtons {
	b := &trashButtons{newBtn: newBtn, delBtn: delBtn}
	b.restore = widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), s.restorePicked)
	b.empty = widget.NewButtonWithIcon("Empty trash…", theme.DeleteIcon(), s.confirmEmptyTrash)
	b.empty.Importance = widget.DangerImportance
	b.restore.Hide()
	b.empty.Hide()
	return b
}

// mayDeleteLabel marks the buttons of the trash for those whose role may
// not use them, like the menus do: "Delete (editors)".
const mayDeleteLabel = " (editors)"

// update shows the buttons that fit the list shown. Those whose role may
// not delete articles (contributors, reporters) see Delete, Restore and
// Empty trash disabled and marked for editors; the store refuses anyway.
func (b *trashButtons) update(s *ArticlesScreen) {
	if b == nil {
		return
	}
	if !canAct(s.store, domain.ActDeleteArticle) {
		for _, btn := range []*widget.Button{b.delBtn, b.restore, b.empty} {
			if !strings.HasSuffix(btn.Text, mayDeleteLabel) {
				btn.SetText(btn.Text + mayDeleteLabel)
			}
			btn.Disable()
		}
		b.showOnly(s.inTrash())
		return
	}
	trash := s.inTrash()
	b.showOnly(trash)
	if !trash {
		return
	}
	if s.picked == 0 {
		b.restore.Disable()
	} else {
		b.restore.Enable()
	}
	if len(s.items) == 0 {
		b.empty.Disable()
	} else {
		b.empty.Enable()
	}
}

// showOnly shows New and Delete for the live list, Restore and Empty
// trash for the trash.
func (b *trashButtons) showOnly(trash bool) {
	for _, btn := range []*widget.Button{b.newBtn, b.delBtn} {
		if trash {
			btn.Hide()
		} else {
			btn.Show()
		}
	}
	for _, btn := range []*widget.Button{b.restore, b.empty} {
		if trash {
			btn.Show()
		} else {
			btn.Hide()
		}
	}
}

// refusal says, in plain words, why the signed-in person may not do act,
// or "" when they may: "Rita Reporter (reporter) may not delete articles:
// only editors and admins may."
func refusal(store any, act domain.Action) string {
	s, ok := store.(signedInStore)
	if !ok {
		return ""
	}
	m, ok := s.SignedIn()
	if !ok {
		return ""
	}
	if err := (domain.Policy{}).Check(m, act, domain.ArticleFacts{}); err != nil {
		return plainRefusal(err)
	}
	return ""
}

// inTrash reports whether the list shows the trash.
func (s *ArticlesScreen) inTrash() bool { return s.statusPick.Selected == trashFilter }

// filterChanged reloads the list when a filter is picked.
func (s *ArticlesScreen) filterChanged() {
	s.picked = 0
	if s.notice != nil {
		s.say("")
		if s.inTrash() {
			if why := refusal(s.store, domain.ActDeleteArticle); why != "" {
				s.say(why + " Restoring and emptying the trash too.")
			}
		}
	}
	if s.checkedPick != nil { // nil while the screen is built
		s.checkedPick.Enable()
		if s.inTrash() {
			s.checkedPick.Disable()
		}
	}
	s.Reload()
}

// listRows reads the list: live articles by the query, or the trash,
// filtered by the search text in headline and slug.
func (s *ArticlesScreen) listRows(ctx context.Context, q storage.ArticleQuery, trash bool) ([]storage.TrashedArticle, error) {
	if trash {
		all, err := s.store.ListTrash(ctx)
		if err != nil {
			return nil, err
		}
		want := strings.ToLower(strings.TrimSpace(q.Search))
		var out []storage.TrashedArticle
		for _, a := range all {
			if want == "" || strings.Contains(strings.ToLower(a.Headline), want) || strings.Contains(a.Slug, want) {
				out = append(out, a)
			}
		}
		return out, nil
	}
	live, err := s.store.ListArticles(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make([]storage.TrashedArticle, len(live))
	for i, a := range live {
		out[i].ArticleSummary = a
	}
	return out, nil
}

// say shows a line under the list's buttons.
func (s *ArticlesScreen) say(text string) {
	s.notice.SetText(text)
	if text == "" {
		s.notice.Hide()
	} else {
		s.notice.Show()
	}
}

// titleOf is the headline of a listed article, for messages.
func (s *ArticlesScreen) titleOf(id int64) string {
	for _, a := range s.items {
		if a.ID == id {
			return headlineOrUntitled(a.Headline)
		}
	}
	return "the article"
}

// deleteSelected moves the open article to the trash, after saving what
// was typed: it comes back whole with Restore.
func (s *ArticlesScreen) deleteSelected() {
	id := s.selected
	if id == 0 {
		return
	}
	title := s.titleOf(id)
	who := s.user()
	s.editor.Flush(func() {
		s.editor.Discard()
		s.selected = 0
		s.sched.Go(func() {
			err := s.store.TrashArticle(context.Background(), id, who)
			s.sched.Do(func() {
				if err != nil {
					dialog.ShowError(fmt.Errorf("move to the trash: %w", err), s.win)
					return
				}
				s.say(fmt.Sprintf("“%s” moved to the trash. Pick “%s” in the status list to restore it.", title, trashFilter))
				s.Reload()
			})
		})
	})
}

// restorePicked brings the picked article back from the trash and opens
// it in the full list.
func (s *ArticlesScreen) restorePicked() {
	id := s.picked
	if id == 0 {
		return
	}
	title := s.titleOf(id)
	who := s.user()
	s.sched.Go(func() {
		err := s.store.RestoreFromTrash(context.Background(), id, who)
		s.sched.Do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf("restore from the trash: %w", err), s.win)
				return
			}
			s.picked = 0
			s.statusPick.SetSelectedIndex(0) // reloads the full list
			s.say(fmt.Sprintf("“%s” restored from the trash.", title))
			s.open(id, editor.FocusNone)
		})
	})
}

// confirmEmptyTrash deletes everything in the trash for good, after a
// confirmation whose safe answer is the default.
func (s *ArticlesScreen) confirmEmptyTrash() {
	n := len(s.items)
	if n == 0 {
		return
	}
	what := "the article"
	if n > 1 {
		what = fmt.Sprintf("all %d articles", n)
	}
	d := dialog.NewConfirm("Empty the trash?",
		fmt.Sprintf("Delete %s in the trash for good, with their quotes, revisions, corrections and comments? This cannot be undone.", what),
		func(ok bool) {
			if !ok {
				return
			}
			s.sched.Go(func() {
				gone, err := s.store.EmptyTrash(context.Background())
				s.sched.Do(func() {
					if err != nil {
						dialog.ShowError(fmt.Errorf("empty the trash: %w", err), s.win)
						return
					}
					s.picked = 0
					s.say(fmt.Sprintf("%s deleted for good.", countArticles(gone)))
					s.Reload()
				})
			})
		}, s.win)
	d.SetConfirmText("Delete for good")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}
