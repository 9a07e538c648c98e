package app

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/storage"
)

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
	s.Focus() // the tapped box took the keyboard: the queue keys go to the list
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
	s.disableWhatRoleMayNot()
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
	if !s.mayModerate() {
		return true // the key is the queue's, refused in plain words
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
	s.sched.Go(func() {
		err := s.store.ModerateComments(s.ctx, action, ids)
		s.sched.Do(func() {
			if err != nil {
				s.showError(fmt.Errorf("%s %d comment(s): %w", strings.ToLower(act.label), len(ids), err))
			} else {
				s.message.SetText(fmt.Sprintf("%s: %d comment(s)", act.label, len(ids)))
			}
			s.Refresh()
		})
	})
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
			s.sched.Go(func() {
				err := s.store.DeleteComments(s.ctx, ids)
				s.sched.Do(func() {
					if err != nil {
						s.showError(fmt.Errorf("delete comments: %w", err))
					} else {
						s.message.SetText(fmt.Sprintf("Deleted %d comment(s)", len(ids)))
					}
					s.Refresh()
				})
			})
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
	body := strings.TrimSpace(s.replyEntry.Text())
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
	s.sched.Go(func() {
		var err error
		if parent.Status == domain.CommentPending {
			err = s.store.ModerateComments(s.ctx, storage.ActionApprove, []int64{parent.ID})
		}
		if err == nil {
			err = s.store.AddComment(s.ctx, r)
		}
		s.sched.Do(func() {
			if err != nil {
				s.showError(fmt.Errorf("reply to comment %d: %w", parent.ID, err))
			} else {
				s.replyEntry.SetText("")
				s.message.SetText(fmt.Sprintf("Replied to %s", oneLine(parent.Author, 60)))
			}
			s.Refresh()
		})
	})
	return nil
}
