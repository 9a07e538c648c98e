package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/storage"
	"newsroom/textedit"
)

// signInAs adds a staff member with role and signs them in on store.
func signInAs(t *testing.T, store *storage.Store, login, name string, role domain.Role) {
	t.Helper()
	ctx := context.Background()
	if _, err := store.AddStaff(ctx, domain.Staff{Login: login, Name: name, Role: role}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SignIn(ctx, login); err != nil {
		t.Fatal(err)
	}
}

// A reporter may read the queue but not moderate: the buttons, the reply
// and the keys a/s/d/u are off, and the screen says why in plain words.
func TestQueueSaysWhyAReporterMayNotModerate(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	a := addTestArticle(t, store, "river-floods", "Text.")
	first := addTestComment(t, store, a.ID, "Ann", "First", domain.CommentPending)
	addTestComment(t, store, a.ID, "Bob", "Second", domain.CommentPending)
	signInAs(t, store, "ada", "Ada Admin", domain.RoleAdmin)
	signInAs(t, store, "rita", "Rita Reporter", domain.RoleReporter)
	f := newQueueFixture(t, store, path)
	f.q.waitUntil(t, "the queue", func() bool { return len(f.s.rows) == 2 })

	want := "Rita Reporter (reporter) may not moderate comments: only editors and admins may."
	if !f.s.roleNote.Visible() || !strings.HasPrefix(f.s.roleNote.Text, want) {
		t.Fatalf("role note visible %v: %q", f.s.roleNote.Visible(), f.s.roleNote.Text)
	}
	for label, b := range f.s.actionButtons {
		if !b.Disabled() {
			t.Errorf("%s is enabled for a reporter", label)
		}
	}
	if !f.s.deleteButton.Disabled() || !f.s.replyButton.Disabled() || !f.s.replyEntry.Disabled() {
		t.Error("delete or reply is enabled for a reporter")
	}
	f.s.list.Select(0)
	if !f.s.TypedRune('a') {
		t.Fatal("a is not taken as the queue's key")
	}
	f.q.settle()
	if f.s.message.Text != want {
		t.Errorf("pressing a says %q", f.s.message.Text)
	}
	if st := commentStatus(t, store, first.ID); st != domain.CommentPending {
		t.Errorf("the comment became %s", st)
	}
	before := f.s.current
	f.s.TypedRune('j')
	if f.s.current == before {
		t.Error("j does not move for a reporter")
	}
}

// An editor sees no note and may moderate.
func TestQueueHasNoRoleNoteForAnEditor(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	a := addTestArticle(t, store, "river-floods", "Text.")
	c := addTestComment(t, store, a.ID, "Ann", "First", domain.CommentPending)
	signInAs(t, store, "ed", "Ed Editor", domain.RoleEditor)
	f := newQueueFixture(t, store, path)
	f.q.waitUntil(t, "the queue", func() bool { return len(f.s.rows) == 1 })
	f.s.list.Select(0)
	if f.s.roleNote.Visible() || f.s.replyEntry.Disabled() {
		t.Fatalf("role note %q shown to an editor, reply disabled %v", f.s.roleNote.Text, f.s.replyEntry.Disabled())
	}
	f.s.TypedRune('a')
	f.q.waitUntil(t, "the approval", func() bool { return commentStatus(t, store, c.ID) == domain.CommentApproved })
}

// A reporter's article list marks Delete, Restore and Empty trash for
// editors and keeps them disabled; the trash view says why.
func TestArticleListSaysWhyAReporterMayNotDelete(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	ctx := context.Background()
	signInAs(t, st, "ada", "Ada Admin", domain.RoleAdmin)
	if err := st.CreateArticle(ctx, &domain.Article{Slug: "old", Headline: "Old story", Status: domain.StatusDraft}, "t"); err != nil {
		t.Fatal(err)
	}
	var oldID int64
	if list, err := st.ListArticles(ctx, storage.ArticleQuery{}); err != nil || len(list) != 1 {
		t.Fatal(list, err)
	} else {
		oldID = list[0].ID
	}
	if err := st.TrashArticle(ctx, oldID, "Ada Admin"); err != nil {
		t.Fatal(err)
	}
	signInAs(t, st, "rita", "Rita Reporter", domain.RoleReporter)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 800))
	q := newScreenTestQueue()
	s := NewArticlesScreen(st, w, func() string { return "Rita Reporter" }, q)
	w.SetContent(s.Content())
	q.settle()
	del := s.trashBar.delBtn
	if !del.Disabled() || del.Text != "Delete (editors)" || !del.Visible() {
		t.Fatalf("Delete for a reporter: disabled %v, %q, visible %v", del.Disabled(), del.Text, del.Visible())
	}
	s.statusPick.SetSelected(trashFilter)
	q.waitUntil(t, "the trash listed", func() bool { return len(s.items) == 1 })
	s.list.Select(0)
	if !s.trashBar.restore.Disabled() || !s.trashBar.empty.Disabled() {
		t.Error("Restore or Empty trash enabled for a reporter")
	}
	if !s.notice.Visible() || !strings.Contains(s.notice.Text, "Rita Reporter (reporter) may not delete articles: only editors and admins may.") {
		t.Errorf("trash notice for a reporter: %q", s.notice.Text)
	}
}

// An editor's Delete is plain and enabled.
func TestArticleListDeleteForAnEditor(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	signInAs(t, st, "ed", "Ed Editor", domain.RoleEditor)
	w := test.NewWindow(nil)
	defer w.Close()
	q := newScreenTestQueue()
	s := NewArticlesScreen(st, w, func() string { return "Ed Editor" }, q)
	w.SetContent(s.Content())
	q.settle()
	if del := s.trashBar.delBtn; del.Disabled() || del.Text != "Delete" {
		t.Fatalf("Delete for an editor: disabled %v, %q", del.Disabled(), del.Text)
	}
}

// The queue's filter fields and reply box are fields on our text engine:
// no stock entry (whose blinking caret keeps the window busy) is left.
func TestQueueFieldsAreOurs(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	f := newQueueFixture(t, store, path)
	f.q.settle()
	var stock []string
	walkTree(f.s.Content(), func(o fyne.CanvasObject) {
		switch o.(type) {
		case *widget.Entry, *widget.SelectEntry:
			stock = append(stock, fmt.Sprintf("%T", o))
		}
	})
	if len(stock) > 0 {
		t.Fatalf("stock entries in the comment queue: %v", stock)
	}
}

// walkTree calls fn for o and everything drawn inside it (not inside our
// text editors, whose insides are our own).
func walkTree(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkTree(c, fn)
		}
	case *textedit.Editor:
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkTree(c, fn)
		}
	}
}

// The first-run "Who is editing?" dialog and the staff dialog have no
// stock entry either: the window idles while they wait.
func TestSignInAndStaffDialogFieldsAreOurs(t *testing.T) {
	st := newTestStore(t)
	ui, q := newSignInUI(t, st)
	ui.signIn(func() {})
	q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil })
	signInAs(t, st, "ada", "Ada Admin", domain.RoleAdmin)
	NewStaffDialog(st, ui.win, q).Show()
	q.Settle()
	var stock []string
	for _, o := range ui.win.Canvas().Overlays().List() {
		walkTree(o, func(o fyne.CanvasObject) {
			switch o.(type) {
			case *widget.Entry, *widget.SelectEntry:
				stock = append(stock, fmt.Sprintf("%T", o))
			}
		})
	}
	if len(ui.win.Canvas().Overlays().List()) != 2 || len(stock) > 0 {
		t.Fatalf("%d dialogs, stock entries in them: %v", len(ui.win.Canvas().Overlays().List()), stock)
	}
}

// Who is signed in stands at the right end of the tabs' row, not on a
// line of its own that would take the body's height in a small window.
func TestSignedInSitsInTheTabsRow(t *testing.T) {
	st := newTestStore(t)
	ui, _ := newSignInUI(t, st)
	tabs := container.NewAppTabs(container.NewTabItem("Articles", widget.NewLabel("list")))
	ui.win.SetContent(ui.signInBar(tabs))
	ui.win.Resize(fyne.NewSize(800, 600))
	ui.signedIn(domain.Staff{Login: "pat", Name: "Pat Newcomer", Role: domain.RoleAdmin})
	if tabs.Position().Y != 0 || tabs.Size().Height < 590 {
		t.Fatalf("the tabs start at y=%.0f with height %.0f: a line above them takes room", tabs.Position().Y, tabs.Size().Height)
	}
	who := ui.whoLabel
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(who)
	if pos.Y > 4 || pos.X+who.Size().Width < 790 || pos.X < 400 {
		t.Errorf("the signed-in label is at %v, size %v", pos, who.Size())
	}
}

// quitRecorder is an app that notes Quit.
type quitRecorder struct {
	fyne.App
	quit bool
}

func (q *quitRecorder) Quit() { q.quit = true }

// While "Who is editing?" waits (no menus yet), Ctrl+Q still quits; once
// signed in, the menu's Quit (which saves first) has the key.
func TestCtrlQQuitsWhileTheSignInWaits(t *testing.T) {
	st := newTestStore(t)
	ui, q := newSignInUI(t, st)
	rec := &quitRecorder{App: ui.app}
	ui.app = rec
	built := false
	ui.signIn(func() { built = true })
	q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil })
	ctrlQ := &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	ui.win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlQ)
	if !rec.quit {
		t.Fatal("Ctrl+Q does nothing while the sign-in waits")
	}
	rec.quit = false
	test.Type(ui.signInUI.newName, "Pat Newcomer")
	test.Tap(ui.signInUI.create)
	q.waitUntil(t, "signed in", func() bool { return built })
	ui.win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlQ)
	if rec.quit {
		t.Error("after sign-in, Ctrl+Q still quits without saving")
	}
}
