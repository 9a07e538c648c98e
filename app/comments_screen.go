package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
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

// CommentStore is what the comment queue needs from the database;
// *storage.Store satisfies it.
type CommentStore interface {
	ListComments(ctx context.Context, q storage.CommentQuery) ([]domain.Comment, error)
	CommentCounts(ctx context.Context, articleID int64) (map[domain.CommentStatus]int, error)
	ModerateComments(ctx context.Context, action string, ids []int64) error
	DeleteComments(ctx context.Context, ids []int64) error
	AddComment(ctx context.Context, c *domain.Comment) error
	GetComment(ctx context.Context, id int64) (*domain.Comment, error)
	ChangeCounter(ctx context.Context, name string) (int64, error)
}

const (
	// commentsPageSize is how many comments one page of the queue holds.
	commentsPageSize = 500
	// commentsWatchEvery is how often the queue looks for new comments.
	commentsWatchEvery = changesWatchEvery
	// commentExcerptRunes bounds the one-line excerpt in a queue row.
	commentExcerptRunes = 160
)

// errDeleteNeedsSpamOrTrash refuses a permanent deletion of a comment
// that is neither spam nor in the trash.
var errDeleteNeedsSpamOrTrash = errors.New("only comments in spam or trash can be deleted permanently: mark them as spam or trash them first")

// commentAction is one moderation button.
type commentAction struct {
	action string // storage.Action*
	label  string
	// to is the status the action leads to, or "" when it depends on the
	// comment's earlier status (not spam, restore).
	to domain.CommentStatus
	// applies reports whether the action changes a comment in status st.
	applies func(st domain.CommentStatus) bool
}

// commentActions are the toolbar's moderation actions, in order.
var commentActions = []commentAction{
	{storage.ActionApprove, "Approve", domain.CommentApproved, func(st domain.CommentStatus) bool { return st != domain.CommentApproved }},
	{storage.ActionUnapprove, "Unapprove", domain.CommentPending, func(st domain.CommentStatus) bool { return st == domain.CommentApproved }},
	{storage.ActionSpam, "Spam", domain.CommentSpam, func(st domain.CommentStatus) bool { return st != domain.CommentSpam }},
	{storage.ActionNotSpam, "Not spam", "", func(st domain.CommentStatus) bool { return st == domain.CommentSpam }},
	{storage.ActionTrash, "Trash", domain.CommentTrash, func(st domain.CommentStatus) bool { return st != domain.CommentTrash }},
	{storage.ActionRestore, "Restore", "", func(st domain.CommentStatus) bool { return st == domain.CommentTrash }},
}

// commentStatusFilters are the status filter buttons; "" is all.
var commentStatusFilters = []struct {
	status domain.CommentStatus
	label  string
}{
	{domain.CommentPending, "Pending"},
	{domain.CommentApproved, "Approved"},
	{domain.CommentSpam, "Spam"},
	{domain.CommentTrash, "Trash"},
	{"", "All"},
}

// CommentsScreen is the moderation queue: comments filtered by status,
// article and text, moderated one by one from the keyboard or in bulk,
// with a detail pane and a reply box. It watches the database so that
// comments arriving through `newsroom serve` appear on their own.
type CommentsScreen struct {
	store      CommentStore
	win        fyne.Window
	editorName func() string

	// sched runs background work, UI updates and the watch timer.
	sched schedule.Scheduler
	// every is how often the queue looks for new comments.
	every time.Duration
	// confirm asks before an irreversible step and calls ok on yes.
	confirm func(title, message string, ok func())
	// showError reports a failure to the editor.
	showError func(error)

	ctx    context.Context
	cancel context.CancelFunc
	seen   atomic.Int64 // the comments change counter last loaded

	// State below is touched on the UI goroutine only.
	status  domain.CommentStatus
	page    int
	rows    []domain.Comment         // threaded: replies under their parent
	depth   map[int64]int            // how deep each row's reply is (0: top level)
	parents map[int64]domain.Comment // parents of rows that are not on the page
	hasNext bool
	checked map[int64]bool
	current int // index into rows, -1 for none
	gen     int // generation of the latest refresh
	slugs   map[string]bool
	// selectAllSync is set while updateButtons ticks "Select all".
	selectAllSync bool

	filterButtons map[domain.CommentStatus]*widget.Button
	slugEntry     *editor.ChoiceField
	textEntry     *textedit.Editor
	selectAll     *widget.Check
	actionButtons map[string]*widget.Button
	deleteButton  *widget.Button
	prevButton    *widget.Button
	nextButton    *widget.Button
	pageLabel     *widget.Label
	// Bars whose buttons change their text: laid out again after.
	filterBar *fyne.Container
	pageBar   *fyne.Container
	replyBar  *fyne.Container
	message   *widget.Label
	// roleNote says why the moderation tools are off for this role.
	roleNote *widget.Label
	list     *commentList

	detail       *widget.RichText
	detailScroll *container.Scroll
	replyEntry   *textedit.Editor
	replyButton  *widget.Button

	content fyne.CanvasObject
}

// NewCommentsScreen builds the queue, loads the pending comments and
// starts watching for new ones; call Close to stop watching.
// editorName gives the name replies are signed with.
func NewCommentsScreen(store CommentStore, win fyne.Window, editorName func() string, sched schedule.Scheduler) *CommentsScreen {
	return newCommentsScreen(store, win, editorName, sched, commentsWatchEvery)
}

// newCommentsScreen is NewCommentsScreen with the watch interval chosen
// by the caller.
func newCommentsScreen(store CommentStore, win fyne.Window, editorName func() string, sched schedule.Scheduler, every time.Duration) *CommentsScreen {
	s := &CommentsScreen{
		store:      store,
		win:        win,
		editorName: editorName,
		sched:      sched,
		every:      every,
		status:     domain.CommentPending,
		checked:    make(map[int64]bool),
		current:    -1,
		slugs:      make(map[string]bool),
	}
	s.confirm = func(title, message string, ok func()) {
		dialog.ShowConfirm(title, message, func(yes bool) {
			if yes {
				ok()
			}
		}, s.win)
	}
	s.showError = func(err error) { dialog.ShowError(err, s.win) }
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.build()
	s.Refresh()
	s.watchSoon()
	return s
}

// Content returns the screen's widget tree.
func (s *CommentsScreen) Content() fyne.CanvasObject { return s.content }

// Close stops watching the database. Loads in flight are dropped.
func (s *CommentsScreen) Close() { s.cancel() }

// Focus gives the queue the keyboard, so j/k/a/s/d/u work at once.
func (s *CommentsScreen) Focus() { s.win.Canvas().Focus(s.list) }

// build creates the widgets.
func (s *CommentsScreen) build() {
	s.filterButtons = make(map[domain.CommentStatus]*widget.Button)
	var filters []fyne.CanvasObject
	for _, f := range commentStatusFilters {
		st := f.status
		b := widget.NewButton(f.label, func() { s.setStatusFilter(st) })
		s.filterButtons[st] = b
		filters = append(filters, b)
	}
	s.slugEntry = editor.NewChoiceField(nil)
	s.slugEntry.Field.SetPlaceHolder("Article slug")
	s.slugEntry.Field.OnChanged = func(string) { s.filterChanged() }
	s.textEntry = textedit.NewField()
	s.textEntry.SetPlaceHolder("Search author, email, URL or text")
	s.textEntry.OnChanged = func(string) { s.filterChanged() }

	s.selectAll = widget.NewCheck("Select all on page", nil)
	s.selectAll.OnChanged = s.checkAll
	s.actionButtons = make(map[string]*widget.Button)
	tools := []fyne.CanvasObject{s.selectAll}
	for _, a := range commentActions {
		action := a.action
		b := widget.NewButton(a.label, func() { s.moderate(action, s.targets()) })
		s.actionButtons[action] = b
		tools = append(tools, b)
	}
	s.deleteButton = widget.NewButton("Delete permanently", func() {
		if err := s.deletePermanently(s.targets()); err != nil {
			s.showError(err)
		}
	})
	s.deleteButton.Importance = widget.DangerImportance
	tools = append(tools, s.deleteButton)

	s.prevButton = widget.NewButtonWithIcon("Newer", theme.NavigateBackIcon(), func() { s.turnPage(-1) })
	s.nextButton = widget.NewButtonWithIcon("Older", theme.NavigateNextIcon(), func() { s.turnPage(1) })
	s.nextButton.IconPlacement = widget.ButtonIconTrailingText
	s.pageLabel = widget.NewLabel("")
	s.message = widget.NewLabel("")
	s.message.Truncation = fyne.TextTruncateEllipsis
	s.roleNote = widget.NewLabel("")
	s.roleNote.Wrapping = fyne.TextWrapWord
	s.roleNote.Hide()

	s.list = newCommentList(s)

	s.detail = newCommentDetail()
	s.replyEntry = textedit.NewLinesField(3)
	s.replyEntry.SetPlaceHolder("Reply as the editor (published at once)")
	s.replyButton = widget.NewButton("Send reply", s.sendReply)
	s.replyButton.Importance = widget.HighImportance
	s.replyBar = container.NewHBox(s.replyButton)
	s.detailScroll = container.NewVScroll(s.detail)
	detail := container.NewBorder(nil,
		container.NewVBox(widget.NewSeparator(), s.replyEntry, s.replyBar),
		nil, nil, s.detailScroll)

	s.filterBar = container.NewHBox(filters...)
	top := container.NewVBox(
		s.filterBar,
		container.NewGridWithColumns(2, s.slugEntry, s.textEntry),
		container.NewHScroll(container.NewHBox(tools...)),
		s.roleNote,
	)
	s.pageBar = container.NewBorder(nil, nil, nil, container.NewHBox(s.prevButton, s.pageLabel, s.nextButton), s.message)
	split := container.NewHSplit(s.list, detail)
	split.Offset = 0.6
	s.content = container.NewBorder(top, s.pageBar, nil, nil, split)
	s.showDetail()
	s.updateButtons()
}

// commentQuery is the query behind the current filters and page.
func (s *CommentsScreen) commentQuery() storage.CommentQuery {
	return storage.CommentQuery{
		Status:      s.status,
		ArticleSlug: strings.TrimSpace(s.slugEntry.Text()),
		Text:        strings.TrimSpace(s.textEntry.Text()),
		Limit:       commentsPageSize + 1,
		Offset:      s.page * commentsPageSize,
	}
}

// commentsLoad is what one refresh read from the database.
type commentsLoad struct {
	rows    []domain.Comment
	parents map[int64]domain.Comment // parents of rows not among rows
	counts  map[domain.CommentStatus]int
	err     error
}

// Refresh reloads the counts and the current page in the background.
func (s *CommentsScreen) Refresh() {
	s.gen++
	gen := s.gen
	q := s.commentQuery()
	s.sched.Go(func() {
		res := s.load(q)
		s.sched.Do(func() {
			if gen != s.gen || s.ctx.Err() != nil {
				return // a newer refresh is on its way, or the screen closed
			}
			s.apply(res)
		})
	})
}

// load reads the change counter, the counts and one page of comments.
func (s *CommentsScreen) load(q storage.CommentQuery) commentsLoad {
	if n, err := s.store.ChangeCounter(s.ctx, "comments"); err == nil {
		s.seen.Store(n)
	}
	counts, err := s.store.CommentCounts(s.ctx, 0)
	if err != nil {
		return commentsLoad{err: fmt.Errorf("count comments: %w", err)}
	}
	rows, err := s.store.ListComments(s.ctx, q)
	if err != nil {
		return commentsLoad{err: fmt.Errorf("load comments: %w", err)}
	}
	parents, err := s.loadParents(rows)
	if err != nil {
		return commentsLoad{err: err}
	}
	return commentsLoad{rows: rows, parents: parents, counts: counts}
}

// apply shows a finished load, keeping the current comment when it is
// still listed and its position otherwise.
func (s *CommentsScreen) apply(res commentsLoad) {
	if res.err != nil {
		s.message.SetText(res.err.Error())
		return
	}
	total := 0
	for _, f := range commentStatusFilters {
		if f.status != "" {
			total += res.counts[f.status]
		}
	}
	for _, f := range commentStatusFilters {
		n := total
		if f.status != "" {
			n = res.counts[f.status]
		}
		b := s.filterButtons[f.status]
		b.SetText(fmt.Sprintf("%s (%d)", f.label, n))
		if f.status == s.status {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	var currentID int64
	if c := s.currentComment(); c != nil {
		currentID = c.ID
	}
	oldIndex := s.current
	rows := res.rows
	s.hasNext = len(rows) > commentsPageSize
	if s.hasNext {
		rows = rows[:commentsPageSize]
	}
	s.rows, s.depth = threadOrder(rows)
	s.parents = res.parents
	rows = s.rows
	listed := make(map[int64]bool, len(rows))
	for _, c := range rows {
		listed[c.ID] = true
		s.slugs[c.ArticleSlug] = true
	}
	for id := range s.checked {
		if !listed[id] {
			delete(s.checked, id)
		}
	}
	s.updateSlugOptions()
	s.current = -1
	for i, c := range rows {
		if c.ID == currentID {
			s.current = i
		}
	}
	if s.current < 0 && len(rows) > 0 && oldIndex >= 0 {
		s.current = min(oldIndex, len(rows)-1)
	}
	s.list.UnselectAll()
	s.list.Refresh()
	if s.current >= 0 {
		s.list.Select(s.current)
	}
	first := s.page*commentsPageSize + 1
	if len(rows) == 0 {
		s.pageLabel.SetText("no comments")
	} else {
		s.pageLabel.SetText(fmt.Sprintf("%d–%d", first, first+len(rows)-1))
	}
	s.filterBar.Refresh()
	s.pageBar.Refresh()
	s.showDetail()
	s.updateButtons()
}

// updateSlugOptions offers the article slugs seen so far in the filter.
func (s *CommentsScreen) updateSlugOptions() {
	opts := make([]string, 0, len(s.slugs))
	for slug := range s.slugs {
		opts = append(opts, slug)
	}
	sort.Strings(opts)
	s.slugEntry.SetOptions(opts)
}

// watchSoon schedules the next look at the change counter.
func (s *CommentsScreen) watchSoon() { s.sched.AfterFunc(s.every, s.watch) }

// watch reads the change counter (off the UI goroutine) and refreshes
// when comments changed, in this process or another one; it looks again
// every s.every until Close.
func (s *CommentsScreen) watch() {
	if s.ctx.Err() != nil {
		return
	}
	defer s.watchSoon()
	n, err := s.store.ChangeCounter(s.ctx, "comments")
	if err != nil || n == s.seen.Load() {
		return // a failed poll is retried at the next tick
	}
	s.seen.Store(n)
	s.sched.Do(func() {
		if s.ctx.Err() == nil {
			s.Refresh()
		}
	})
}

// setStatusFilter shows the comments of one status ("" for all).
func (s *CommentsScreen) setStatusFilter(st domain.CommentStatus) {
	s.status = st
	s.filterChanged()
}

// filterChanged goes back to the first page of the new selection.
func (s *CommentsScreen) filterChanged() {
	s.page = 0
	s.current = -1
	clear(s.checked)
	s.Refresh()
}

// turnPage moves by delta pages when there is such a page.
func (s *CommentsScreen) turnPage(delta int) {
	if (delta < 0 && s.page == 0) || (delta > 0 && !s.hasNext) {
		return
	}
	s.page += delta
	s.current = -1
	clear(s.checked)
	s.Refresh()
}
