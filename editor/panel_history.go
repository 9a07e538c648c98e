package editor

import (
	"context"
	"fmt"
	"sort"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/textedit"
)

// historyEntry is one line of the history: a revision or an event.
type historyEntry struct {
	at  time.Time
	rev *domain.Revision
	ev  *domain.HistoryEvent

	size string // a revision's size in words and characters
}

// historyPanel lists the article's revisions and events, newest first;
// choosing a revision shows how it differs from the current text, and
// Restore brings it back.
type historyPanel struct {
	p       *sidePanels
	list    *widget.List
	state   *widget.Label
	diff    *textedit.Viewer
	restore *widget.Button
	content fyne.CanvasObject

	entries  []historyEntry
	selected *domain.Revision
	stale    bool
	loadGen  uint64 // UI goroutine only
	diffGen  uint64 // UI goroutine only
}

func newHistoryPanel(p *sidePanels) *historyPanel {
	h := &historyPanel{p: p, state: widget.NewLabel(""), diff: textedit.NewViewer(), stale: true}
	h.state.Wrapping = fyne.TextWrapWord
	h.list = widget.NewList(func() int { return len(h.entries) }, func() fyne.CanvasObject {
		return container.NewVBox(truncLabel(fyne.TextStyle{Bold: true}), truncLabel(fyne.TextStyle{}))
	}, h.fill)
	h.list.OnSelected = h.choose
	h.restore = widget.NewButton("Restore…", h.confirmRestore)
	h.restore.Disable()
	bottom := container.NewBorder(container.NewBorder(nil, nil, nil, h.restore, h.state), nil, nil, nil, h.diff)
	split := container.NewVSplit(h.list, bottom)
	split.Offset = 0.6
	h.content = split
	return h
}

func (h *historyPanel) fill(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(h.entries) {
		return
	}
	e := h.entries[id]
	rows := o.(*fyne.Container).Objects
	when := e.at.Local().Format("2 Jan 2006 15:04")
	if r := e.rev; r != nil {
		rows[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", when, r.Author, r.Status))
		detail := e.size
		if r.Note != "" {
			detail += " · " + r.Note
		}
		rows[1].(*widget.Label).SetText(detail)
		return
	}
	rows[0].(*widget.Label).SetText(when + " · " + eventTitle(*e.ev))
	rows[1].(*widget.Label).SetText(e.ev.Detail)
}

// eventTitle says what an event was, and who did it.
func eventTitle(ev domain.HistoryEvent) string {
	switch ev.Kind {
	case domain.EventFactChecked:
		return "Fact checked by " + ev.Who
	case domain.EventFactCheckCleared:
		return "Fact check cleared by " + ev.Who
	case domain.EventFactCheckRevoked:
		return "Fact check revoked (" + ev.Who + " changed the text)"
	case domain.EventFactCheckRestored:
		return "Fact check stands again (" + ev.Who + " brought the checked text back)"
	case domain.EventTrashed:
		return "Moved to the trash by " + ev.Who
	case domain.EventUntrashed:
		return "Restored from the trash by " + ev.Who
	case domain.EventStatus:
		return "Status changed by " + ev.Who
	case domain.EventRestored:
		return "Restored by " + ev.Who
	case domain.EventCorrection:
		return "Note added to the corrections log by " + ev.Who
	}
	return ev.Kind + " by " + ev.Who
}

// clear empties the panel (another article was opened).
func (h *historyPanel) clear() {
	h.loadGen++
	h.show(nil, 0)
	h.state.SetText("")
}

// invalidate marks the list out of date; it reloads now when shown.
func (h *historyPanel) invalidate() {
	h.stale = true
	if h.p.tabs != nil && h.p.tabs.SelectedIndex() == tabHistory {
		h.loadIfStale()
	}
}

// loadIfStale reloads revisions and events off the UI goroutine.
func (h *historyPanel) loadIfStale() {
	a := h.p.s.article
	if !h.stale || a == nil {
		return
	}
	h.stale = false
	h.loadGen++
	gen, id := h.loadGen, a.ID
	store := h.p.s.store
	h.p.s.sched.Go(func() {
		ctx := context.Background()
		revs, err := store.Revisions(ctx, id)
		var events []domain.HistoryEvent
		if err == nil {
			events, err = store.History(ctx, id)
		}
		entries := historyEntries(revs, events)
		h.p.s.sched.Do(func() {
			if gen != h.loadGen {
				return
			}
			if err != nil {
				h.stale = true
				h.state.SetText("History not loaded: " + err.Error())
				return
			}
			h.show(entries, len(revs))
		})
	})
}

// historyEntries merges revisions and events, newest first, and sizes
// the revisions (off the UI goroutine: long bodies take a while).
func historyEntries(revs []domain.Revision, events []domain.HistoryEvent) []historyEntry {
	entries := make([]historyEntry, 0, len(revs)+len(events))
	for i := range revs {
		body := revs[i].Body
		size := fmt.Sprintf("%s words · %s characters", formatCount(domain.WordCount(body)), formatCount(utf8.RuneCountInString(body)))
		entries = append(entries, historyEntry{at: revs[i].CreatedAt, rev: &revs[i], size: size})
	}
	for i := range events {
		entries = append(entries, historyEntry{at: events[i].At, ev: &events[i]})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].at.After(entries[j].at) })
	return entries
}

// show lists the history entries; revisions is how many are revisions.
func (h *historyPanel) show(entries []historyEntry, revisions int) {
	h.entries = entries
	h.selected = nil
	h.diffGen++
	h.restore.Disable()
	h.list.UnselectAll()
	h.list.Refresh()
	h.diff.SetText("", false)
	noun := "revisions"
	if revisions == 1 {
		noun = "revision"
	}
	h.state.SetText(fmt.Sprintf("%d %s. Choose one to compare it with the current text.", revisions, noun))
}

// choose shows how the chosen revision differs from the current text,
// computed off the UI goroutine.
func (h *historyPanel) choose(id widget.ListItemID) {
	a := h.p.s.article
	if id < 0 || id >= len(h.entries) || a == nil {
		return
	}
	e := h.entries[id]
	if e.rev == nil {
		h.selected = nil
		h.restore.Disable()
		h.diff.SetText(eventTitle(*e.ev)+"\n\n"+e.ev.Detail, false)
		return
	}
	h.selected = e.rev
	h.restore.Enable()
	h.state.SetText("Changes from this revision (−) to the current text (+):")
	h.diffGen++
	gen := h.diffGen
	rev := *e.rev
	cur := cloneArticle(a)
	h.p.s.sched.Go(func() {
		text := formatDiff(lineDiff(
			diffLines(rev.Headline, rev.Standfirst, rev.Body, rev.Quotes),
			diffLines(cur.Headline, cur.Standfirst, cur.Body, cur.Quotes)))
		h.p.s.sched.Do(func() {
			if gen == h.diffGen {
				h.diff.SetText(text, false)
			}
		})
	})
}

// confirmRestore asks before restoring the chosen revision.
func (h *historyPanel) confirmRestore() {
	rev := h.selected
	if rev == nil || h.p.s.article == nil {
		return
	}
	when := rev.CreatedAt.Local().Format("2 Jan 2006 15:04")
	dialog.ShowConfirm("Restore revision?",
		fmt.Sprintf("Put back the headline, standfirst, body and quotes saved by %s on %s? The current text stays in the history.", rev.Author, when),
		func(ok bool) {
			if ok {
				h.restoreRevision(rev.ID, rev.CreatedAt)
			}
		}, h.p.s.win)
}

// restoreRevision saves pending changes, then restores revision id as a
// new save and shows the result.
func (h *historyPanel) restoreRevision(id int64, created time.Time) {
	s := h.p.s
	articleID := s.article.ID
	s.Flush(func() {
		if s.article == nil || s.article.ID != articleID {
			return
		}
		version, who := s.article.Version, s.user()
		h.p.s.sched.Go(func() {
			a, res, err := s.store.RestoreRevision(context.Background(), id, version, who)
			h.p.s.sched.Do(func() {
				if err != nil {
					dialog.ShowError(fmt.Errorf("restore revision: %w", err), s.win)
					return
				}
				if s.article == nil || s.article.ID != articleID {
					return
				}
				s.show(a)
				msg := "Restored revision from " + created.Local().Format("2 Jan 2006 15:04") + "."
				if res.FactCheckRevoked {
					msg += " The fact check was revoked: the checked text changed."
				}
				if res.FactCheckRestored {
					msg += " The fact check stands again: this is the text that was checked."
				}
				s.notice.SetText(msg)
				if s.OnSaved != nil {
					s.OnSaved(cloneArticle(a))
				}
			})
		})
	})
}
