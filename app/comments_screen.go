package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/storage"
)

// CommentStore is what the comment queue needs from the database;
// *storage.Store satisfies it.
type CommentStore interface {
	ListComments(ctx context.Context, q storage.CommentQuery) ([]domain.Comment, error)
	CommentCounts(ctx context.Context, articleID int64) (map[domain.CommentStatus]int, error)
	ModerateComments(ctx context.Context, action string, ids []int64) error
	DeleteComments(ctx context.Context, ids []int64) error
	AddComment(ctx context.Context, c *domain.Comment) error
	ChangeCounter(ctx context.Context, name string) (int64, error)
}

const (
	// commentsPageSize is how many comments one page of the queue holds.
	commentsPageSize = 500
	// commentsWatchEvery is how often the queue looks for new comments.
	commentsWatchEvery = 2 * time.Second
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

	// do runs a function on the UI goroutine (fyne.Do; tests queue it).
	do func(func())
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
	rows    []domain.Comment
	hasNext bool
	checked map[int64]bool
	current int // index into rows, -1 for none
	gen     int // generation of the latest refresh
	slugs   map[string]bool
	// selectAllSync is set while updateButtons ticks "Select all".
	selectAllSync bool

	filterButtons map[domain.CommentStatus]*widget.Button
	slugEntry     *widget.SelectEntry
	textEntry     *widget.Entry
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
	list      *commentList

	detailHead  *widget.Label
	detailMeta  *widget.Label
	detailBody  *widget.Label
	replyEntry  *widget.Entry
	replyButton *widget.Button

	content fyne.CanvasObject
}

// NewCommentsScreen builds the queue, loads the pending comments and
// starts watching for new ones; call Close to stop watching.
// editorName gives the name replies are signed with.
func NewCommentsScreen(store CommentStore, win fyne.Window, editorName func() string) *CommentsScreen {
	return newCommentsScreen(store, win, editorName, fyne.Do, commentsWatchEvery)
}

// newCommentsScreen is NewCommentsScreen with the UI dispatcher and the
// watch interval chosen by the caller.
func newCommentsScreen(store CommentStore, win fyne.Window, editorName func() string, do func(func()), every time.Duration) *CommentsScreen {
	s := &CommentsScreen{
		store:      store,
		win:        win,
		editorName: editorName,
		do:         do,
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
	go s.watch(every)
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
	s.slugEntry = widget.NewSelectEntry(nil)
	s.slugEntry.SetPlaceHolder("Article slug")
	s.slugEntry.OnChanged = func(string) { s.filterChanged() }
	s.textEntry = widget.NewEntry()
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

	s.list = newCommentList(s)

	s.detailHead = widget.NewLabel("")
	s.detailHead.TextStyle = fyne.TextStyle{Bold: true}
	s.detailHead.Wrapping = fyne.TextWrapBreak
	s.detailMeta = widget.NewLabel("")
	s.detailMeta.Wrapping = fyne.TextWrapBreak
	s.detailBody = widget.NewLabel("")
	s.detailBody.Wrapping = fyne.TextWrapWord
	s.replyEntry = widget.NewMultiLineEntry()
	s.replyEntry.SetPlaceHolder("Reply as the editor (published at once)")
	s.replyEntry.SetMinRowsVisible(3)
	s.replyButton = widget.NewButton("Send reply", s.sendReply)
	s.replyButton.Importance = widget.HighImportance
	s.replyBar = container.NewHBox(s.replyButton)
	detail := container.NewBorder(nil,
		container.NewVBox(widget.NewSeparator(), s.replyEntry, s.replyBar),
		nil, nil,
		container.NewVScroll(container.NewVBox(s.detailHead, s.detailMeta, widget.NewSeparator(), s.detailBody)))

	s.filterBar = container.NewHBox(filters...)
	top := container.NewVBox(
		s.filterBar,
		container.NewGridWithColumns(2, s.slugEntry, s.textEntry),
		container.NewHScroll(container.NewHBox(tools...)),
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
		ArticleSlug: strings.TrimSpace(s.slugEntry.Text),
		Text:        strings.TrimSpace(s.textEntry.Text),
		Limit:       commentsPageSize + 1,
		Offset:      s.page * commentsPageSize,
	}
}

// commentsLoad is what one refresh read from the database.
type commentsLoad struct {
	rows   []domain.Comment
	counts map[domain.CommentStatus]int
	err    error
}

// Refresh reloads the counts and the current page in the background.
func (s *CommentsScreen) Refresh() {
	s.gen++
	gen := s.gen
	q := s.commentQuery()
	go func() {
		res := s.load(q)
		s.do(func() {
			if gen != s.gen || s.ctx.Err() != nil {
				return // a newer refresh is on its way, or the screen closed
			}
			s.apply(res)
		})
	}()
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
	return commentsLoad{rows: rows, counts: counts}
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
	s.rows = rows
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

// watch polls the change counter and refreshes when comments changed,
// in this process or another one, until Close.
func (s *CommentsScreen) watch(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
		}
		n, err := s.store.ChangeCounter(s.ctx, "comments")
		if err != nil || n == s.seen.Load() {
			continue // a failed poll is retried at the next tick
		}
		s.seen.Store(n)
		s.do(func() {
			if s.ctx.Err() == nil {
				s.Refresh()
			}
		})
	}
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

// currentComment is the comment the detail pane shows, or nil.
func (s *CommentsScreen) currentComment() *domain.Comment {
	if s.current < 0 || s.current >= len(s.rows) {
		return nil
	}
	return &s.rows[s.current]
}

// targets are the checked comments on this page or, when none is
// checked, the current one.
func (s *CommentsScreen) targets() []domain.Comment {
	var out []domain.Comment
	for _, c := range s.rows {
		if s.checked[c.ID] {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		if c := s.currentComment(); c != nil {
			out = append(out, *c)
		}
	}
	return out
}

// setChecked checks or unchecks one row.
func (s *CommentsScreen) setChecked(id int64, on bool) {
	if on {
		s.checked[id] = true
	} else {
		delete(s.checked, id)
	}
	s.updateButtons()
}

// checkAll checks or unchecks every row of the page.
func (s *CommentsScreen) checkAll(on bool) {
	if s.selectAllSync {
		return // updateButtons keeping the box in step with the rows
	}
	clear(s.checked)
	if on {
		for _, c := range s.rows {
			s.checked[c.ID] = true
		}
	}
	s.list.Refresh()
	s.updateButtons()
}

// updateButtons enables the actions that would change a target and
// keeps "Select all on page" in step with the checks.
func (s *CommentsScreen) updateButtons() {
	targets := s.targets()
	for _, a := range commentActions {
		b := s.actionButtons[a.action]
		enable := false
		for _, c := range targets {
			if a.applies(c.Status) {
				enable = true
				break
			}
		}
		setEnabled(b, enable)
	}
	setEnabled(s.deleteButton, len(targets) > 0 && deletable(targets))
	if c := s.currentComment(); c != nil && (c.Status == domain.CommentPending || c.Status == domain.CommentApproved) {
		s.replyButton.Enable()
		if c.Status == domain.CommentPending {
			s.replyButton.SetText("Approve and reply")
		} else {
			s.replyButton.SetText("Send reply")
		}
		s.replyBar.Refresh()
	} else {
		s.replyButton.Disable()
	}
	all := len(s.rows) > 0 && len(s.checked) == len(s.rows)
	if s.selectAll.Checked != all {
		s.selectAllSync = true
		s.selectAll.SetChecked(all)
		s.selectAllSync = false
	}
	setEnabled(s.prevButton, s.page > 0)
	setEnabled(s.nextButton, s.hasNext)
}

// setEnabled enables or disables a button.
func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// deletable reports whether every comment is spam or trash.
func deletable(cs []domain.Comment) bool {
	for _, c := range cs {
		if c.Status != domain.CommentSpam && c.Status != domain.CommentTrash {
			return false
		}
	}
	return true
}

// move makes the comment delta rows away current.
func (s *CommentsScreen) move(delta int) {
	if len(s.rows) == 0 {
		return
	}
	i := s.current + delta
	if s.current < 0 {
		i = 0
	}
	i = max(0, min(i, len(s.rows)-1))
	s.list.Select(i)
	s.list.ScrollTo(i)
}

// selectRow makes row i current; the list calls it on selection.
func (s *CommentsScreen) selectRow(i int) {
	if i < 0 || i >= len(s.rows) {
		return
	}
	s.current = i
	s.showDetail()
	s.updateButtons()
}

// TypedRune handles the queue's keys: j and k move, a approves, s marks
// spam, d trashes and u unapproves the current comment. It reports
// whether the rune was one of them. The window calls it when the
// Comments tab is shown and no text field has the focus; the list calls
// it when it has the focus.
func (s *CommentsScreen) TypedRune(r rune) bool {
	var action string
	switch r {
	case 'j':
		s.move(1)
		return true
	case 'k':
		s.move(-1)
		return true
	case 'a':
		action = storage.ActionApprove
	case 's':
		action = storage.ActionSpam
	case 'd':
		action = storage.ActionTrash
	case 'u':
		action = storage.ActionUnapprove
	default:
		return false
	}
	if c := s.currentComment(); c != nil {
		s.moderate(action, []domain.Comment{*c})
	}
	return true
}

// moderate applies an action to comments. The rows change at once, so
// that the next key press acts on the next comment, and the page is
// reloaded when the database has them.
func (s *CommentsScreen) moderate(action string, cs []domain.Comment) {
	if len(cs) == 0 {
		return
	}
	var act commentAction
	for _, a := range commentActions {
		if a.action == action {
			act = a
		}
	}
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	s.showLocally(ids, act.to)
	go func() {
		err := s.store.ModerateComments(s.ctx, action, ids)
		s.do(func() {
			if err != nil {
				s.showError(fmt.Errorf("%s %d comment(s): %w", strings.ToLower(act.label), len(ids), err))
			} else {
				s.message.SetText(fmt.Sprintf("%s: %d comment(s)", act.label, len(ids)))
			}
			s.Refresh()
		})
	}()
}

// showLocally gives the comments their new status in the list, or drops
// them when the status filter no longer matches, before the reload.
func (s *CommentsScreen) showLocally(ids []int64, to domain.CommentStatus) {
	if to == "" {
		return // the new status is known only to the database
	}
	moved := make(map[int64]bool, len(ids))
	for _, id := range ids {
		moved[id] = true
		delete(s.checked, id)
	}
	kept := s.rows[:0:0]
	current := s.current
	for i, c := range s.rows {
		if moved[c.ID] {
			c.Status = to
			if s.status != "" && s.status != to {
				if i < s.current {
					current--
				}
				continue
			}
		}
		kept = append(kept, c)
	}
	s.rows = kept
	s.current = min(current, len(kept)-1)
	s.list.UnselectAll()
	s.list.Refresh()
	if s.current >= 0 {
		s.list.Select(s.current)
	}
	s.showDetail()
	s.updateButtons()
}

// deletePermanently asks, then deletes the comments for good. Comments
// that are not spam or trash are refused before asking.
func (s *CommentsScreen) deletePermanently(cs []domain.Comment) error {
	if len(cs) == 0 {
		return nil
	}
	if !deletable(cs) {
		return errDeleteNeedsSpamOrTrash
	}
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	s.confirm("Delete permanently?",
		fmt.Sprintf("Delete %d comment(s) for good? This cannot be undone.", len(ids)),
		func() {
			go func() {
				err := s.store.DeleteComments(s.ctx, ids)
				s.do(func() {
					if err != nil {
						s.showError(fmt.Errorf("delete comments: %w", err))
					} else {
						s.message.SetText(fmt.Sprintf("Deleted %d comment(s)", len(ids)))
					}
					s.Refresh()
				})
			}()
		})
	return nil
}

// sendReply stores the reply box's text as an approved editor's reply to
// the current comment, approving a pending comment first.
func (s *CommentsScreen) sendReply() {
	if err := s.reply(); err != nil {
		s.showError(err)
	}
}

// reply validates and starts storing the reply.
func (s *CommentsScreen) reply() error {
	c := s.currentComment()
	if c == nil {
		return errors.New("choose a comment to reply to")
	}
	if c.Status != domain.CommentPending && c.Status != domain.CommentApproved {
		return fmt.Errorf("comment %d is %s: restore it before replying", c.ID, c.Status)
	}
	body := strings.TrimSpace(s.replyEntry.Text)
	if body == "" {
		return errors.New("the reply is empty")
	}
	if n := utf8.RuneCountInString(body); n > domain.MaxCommentBody {
		return fmt.Errorf("the reply is %d characters long; the limit is %d", n, domain.MaxCommentBody)
	}
	author := strings.TrimSpace(s.editorName())
	if author == "" {
		return errors.New("set your name in Edit → Settings… before replying")
	}
	parent := *c
	r := &domain.Comment{
		ArticleID: parent.ArticleID,
		ParentID:  parent.ID,
		Author:    author,
		Body:      body,
		Status:    domain.CommentApproved,
		Type:      domain.TypeComment,
		ByEditor:  true,
	}
	s.replyButton.Disable()
	go func() {
		var err error
		if parent.Status == domain.CommentPending {
			err = s.store.ModerateComments(s.ctx, storage.ActionApprove, []int64{parent.ID})
		}
		if err == nil {
			err = s.store.AddComment(s.ctx, r)
		}
		s.do(func() {
			if err != nil {
				s.showError(fmt.Errorf("reply to comment %d: %w", parent.ID, err))
			} else {
				s.replyEntry.SetText("")
				s.message.SetText(fmt.Sprintf("Replied to %s", oneLine(parent.Author, 60)))
			}
			s.Refresh()
		})
	}()
	return nil
}

// showDetail fills the detail pane from the current comment.
func (s *CommentsScreen) showDetail() {
	c := s.currentComment()
	if c == nil {
		s.detailHead.SetText("No comment selected")
		s.detailMeta.SetText("j and k move, a approves, s marks spam, d trashes, u unapproves.")
		s.detailBody.SetText("")
		return
	}
	s.detailHead.SetText(fmt.Sprintf("%s on %s — %s", displayAuthor(c), c.ArticleSlug, c.Status))
	var meta []string
	add := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			meta = append(meta, label+": "+value)
		}
	}
	add("Email", c.Email)
	add("Website", c.URL)
	add("Address", c.ClientAddr)
	add("Browser", c.UserAgent)
	add("Sent", c.SubmittedAt.Local().Format("Mon 2 Jan 2006 15:04"))
	if c.Type != domain.TypeComment && c.Type != "" {
		add("Type", string(c.Type))
	}
	if c.ParentID != 0 {
		add("In reply to", fmt.Sprintf("comment %d", c.ParentID))
	}
	if c.ByEditor {
		add("Written by", "an editor")
	}
	add("Reasons", strings.Join(c.Reasons, "; "))
	s.detailMeta.SetText(strings.Join(meta, "\n"))
	s.detailBody.SetText(strings.ToValidUTF8(c.Body, "\uFFFD"))
}

// displayAuthor is the author's name, or a stand-in for an empty one.
func displayAuthor(c *domain.Comment) string {
	if a := oneLine(c.Author, 80); a != "" {
		return a
	}
	return "(no name)"
}

// oneLine collapses white space and shortens s to at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// commentRowHead is the first line of a queue row.
func commentRowHead(c *domain.Comment) string {
	parts := []string{strings.ToUpper(string(c.Status)), displayAuthor(c)}
	if c.Email != "" {
		parts[1] += " <" + oneLine(c.Email, 80) + ">"
	}
	// The reasons come before the article and time: they are what an
	// editor decides on, and a narrow row cuts the end off.
	if len(c.Reasons) > 0 {
		parts = append(parts, strings.Join(c.Reasons, "; "))
	}
	parts = append(parts, c.SubmittedAt.Local().Format("2 Jan 15:04"), c.ArticleSlug)
	return strings.Join(parts, " · ")
}

// commentRow is one row of the queue: a check box and two lines.
type commentRow struct {
	widget.BaseWidget
	check *widget.Check
	head  *widget.Label
	text  *widget.Label
	box   *fyne.Container
}

// newCommentRow builds an empty row.
func newCommentRow() *commentRow {
	r := &commentRow{check: widget.NewCheck("", nil), head: widget.NewLabel(""), text: widget.NewLabel("")}
	r.head.Truncation = fyne.TextTruncateEllipsis
	r.head.TextStyle = fyne.TextStyle{Bold: true}
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.box = container.NewBorder(nil, nil, r.check, nil, container.NewVBox(r.head, r.text))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row.
func (r *commentRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// show fills the row with a comment.
func (r *commentRow) show(c *domain.Comment, checked bool, onCheck func(bool)) {
	r.check.OnChanged = nil
	r.check.SetChecked(checked)
	r.check.OnChanged = onCheck
	r.head.SetText(commentRowHead(c))
	switch c.Status {
	case domain.CommentPending:
		r.head.Importance = widget.WarningImportance
	case domain.CommentSpam, domain.CommentTrash:
		r.head.Importance = widget.DangerImportance
	default:
		r.head.Importance = widget.MediumImportance
	}
	r.head.Refresh()
	r.text.SetText(oneLine(c.Body, commentExcerptRunes))
}

// commentList is the queue's list. It takes the keyboard focus when a
// row is tapped and passes the queue's keys to the screen.
type commentList struct {
	widget.List
	screen *CommentsScreen
}

var _ fyne.Focusable = (*commentList)(nil)

// newCommentList builds the list over the screen's rows.
func newCommentList(s *CommentsScreen) *commentList {
	l := &commentList{screen: s}
	l.Length = func() int { return len(s.rows) }
	l.CreateItem = func() fyne.CanvasObject { return newCommentRow() }
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < 0 || i >= len(s.rows) {
			return
		}
		c := &s.rows[i]
		id := c.ID
		o.(*commentRow).show(c, s.checked[id], func(on bool) { s.setChecked(id, on) })
	}
	l.OnSelected = s.selectRow
	l.ExtendBaseWidget(l)
	return l
}

// TypedRune passes the queue's keys to the screen.
func (l *commentList) TypedRune(r rune) { l.screen.TypedRune(r) }

// TypedKey moves the current comment with the arrow keys and checks it
// with the space bar.
func (l *commentList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		l.screen.move(1)
	case fyne.KeyUp:
		l.screen.move(-1)
	case fyne.KeySpace:
		if c := l.screen.currentComment(); c != nil {
			l.screen.setChecked(c.ID, !l.screen.checked[c.ID])
			l.Refresh()
		}
	default:
		l.List.TypedKey(ev)
	}
}
