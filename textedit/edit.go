package textedit

// hasSelection reports whether some text is selected.
func (e *Editor) hasSelection() bool { return e.anchor != e.caret }

// replaceSelection replaces the selection (or inserts at the caret) with s,
// records the undo step and notifies OnChanged.
func (e *Editor) replaceSelection(s string, kind editKind) {
	a, b := orderPos(e.anchor, e.caret)
	e.replaceRange(a, b, s, kind)
}

// replaceRange replaces the text between ordered positions a and b with s.
func (e *Editor) replaceRange(a, b bodyPos, s string, kind editKind) {
	if (a == b && s == "") || e.readOnly || e.valid.disabled {
		return
	}
	ed := bodyEdit{
		at:        e.doc.offset(a),
		removed:   e.doc.slice(a, b),
		inserted:  s,
		selAnchor: e.doc.offset(e.anchor),
		selCaret:  e.doc.offset(e.caret),
		kind:      kind,
		when:      e.now(),
	}
	if kind != editTyping && ed.removed != "" && s != "" {
		ed.kind = editOther // replacing a selection is a step of its own
	}
	e.undo.record(ed)
	end := e.doc.replace(a, b, s)
	e.caret, e.anchor = end, end
	e.afterEdit()
}

// afterEdit re-lays out what changed, shows the caret and notifies.
func (e *Editor) afterEdit() {
	e.caretUp, e.goalOK = false, false
	e.yOK = false
	e.showCaret()
	e.revalidate()
	if e.OnChanged != nil {
		e.OnChanged(e.doc.String())
	}
}

// applyUndo reverts (undo) or re-applies (redo) one step.
func (e *Editor) applyUndo(undo bool) {
	u := &e.undo
	from, to := &u.done, &u.undone
	if !undo {
		from, to = to, from
	}
	if len(*from) == 0 || e.readOnly || e.valid.disabled {
		return
	}
	ed := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, ed)
	u.sealed = true
	old, neu := ed.inserted, ed.removed
	if !undo {
		old, neu = neu, old
	}
	a := e.doc.posAt(ed.at)
	b := e.doc.posAt(ed.at + len(old))
	end := e.doc.replace(a, b, neu)
	if undo {
		e.anchor, e.caret = e.doc.posAt(ed.selAnchor), e.doc.posAt(ed.selCaret)
	} else {
		e.anchor, e.caret = end, end
	}
	e.afterEdit()
}
