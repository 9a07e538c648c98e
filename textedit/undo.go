package textedit

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// editKind tells which edits may be merged into one undo step.
type editKind uint8

const (
	editOther     editKind = iota // paste, cut, insert: always its own step
	editTyping                    // typed characters
	editBackspace                 // deleting backwards one character at a time
	editDeleteFwd                 // deleting forwards one character at a time
)

// coalesceWindow is the longest pause between keystrokes of one undo step.
const coalesceWindow = time.Second

// maxUndoSteps bounds the undo history; the oldest steps are dropped.
const maxUndoSteps = 1000

// bodyEdit is one undo step: at byte offset at, removed was replaced by
// inserted. selAnchor/selCaret restore the selection on undo.
type bodyEdit struct {
	at                  int
	removed, inserted   string
	selAnchor, selCaret int
	kind                editKind
	when                time.Time
}

// bodyUndo holds the undo and redo stacks.
type bodyUndo struct {
	done, undone []bodyEdit
	sealed       bool // the top step may not grow any more
}

// seal ends the current step: the next edit starts a new one. Called on
// caret jumps, clicks and non-typing edits.
func (u *bodyUndo) seal() { u.sealed = true }

// record adds ed, merging it into the top step when it continues a run of
// typing or deleting within coalesceWindow. Typing a word character after
// whitespace starts a new step, so each step is about one word.
func (u *bodyUndo) record(ed bodyEdit) {
	u.undone = u.undone[:0]
	if n := len(u.done); n > 0 && !u.sealed && ed.kind != editOther {
		top := &u.done[n-1]
		if top.kind == ed.kind && ed.when.Sub(top.when) < coalesceWindow && u.merge(top, ed) {
			top.when = ed.when
			return
		}
	}
	u.sealed = ed.kind == editOther
	if len(u.done) >= maxUndoSteps {
		u.done = append(u.done[:0], u.done[1:]...)
	}
	u.done = append(u.done, ed)
}

// merge folds ed into top when it is contiguous and reports success.
func (u *bodyUndo) merge(top *bodyEdit, ed bodyEdit) bool {
	switch ed.kind {
	case editTyping:
		if ed.removed != "" || ed.at != top.at+len(top.inserted) {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(top.inserted)
		first, _ := utf8.DecodeRuneInString(ed.inserted)
		if unicode.IsSpace(last) && !unicode.IsSpace(first) {
			return false
		}
		top.inserted += ed.inserted
	case editBackspace:
		if ed.at+len(ed.removed) != top.at {
			return false
		}
		top.at, top.removed = ed.at, ed.removed+top.removed
	case editDeleteFwd:
		if ed.at != top.at {
			return false
		}
		top.removed += ed.removed
	default:
		return false
	}
	return true
}
