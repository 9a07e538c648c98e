package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/storage"
)

// twoStaff adds an admin and a reporter, and an article by the reporter.
func twoStaff(t *testing.T, st *storage.Store) *domain.Article {
	t.Helper()
	ctx := context.Background()
	for _, m := range []domain.Staff{
		{Login: "ada", Name: "Ada Admin", Role: domain.RoleAdmin},
		{Login: "rita", Name: "Rita Reporter", Role: domain.RoleReporter},
	} {
		if _, err := st.AddStaff(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	a := &domain.Article{Slug: "story", Headline: "Story", Byline: "Rita Reporter", Body: "Text.", Status: domain.StatusDraft}
	if err := st.CreateArticle(ctx, a, "setup"); err != nil {
		t.Fatal(err)
	}
	return a
}

// press sends a key to the window as if nothing had the keyboard, or to
// the widget that has it.
func press(ui *mainUI, name fyne.KeyName) {
	k := &fyne.KeyEvent{Name: name}
	if f := ui.win.Canvas().Focused(); f != nil {
		f.TypedKey(k)
		return
	}
	if handle := ui.win.Canvas().OnTypedKey(); handle != nil {
		handle(k)
	}
}

func TestEnterSignsInThePersonOffered(t *testing.T) {
	for _, focused := range []bool{true, false} {
		st := newTestStore(t)
		twoStaff(t, st)
		ui, q := newSignInUI(t, st)
		ui.app.Preferences().SetString(prefStaffLogin, "rita")
		ui.signIn(func() { ui.build() })
		q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil })
		if focused && ui.win.Canvas().Focused() != ui.signInUI.choose {
			t.Fatal("the staff list does not have the keyboard")
		}
		if !focused {
			ui.win.Canvas().Unfocus()
		}
		press(ui, fyne.KeyReturn)
		q.waitUntil(t, "signed in by Enter", func() bool { return ui.tabs != nil })
		if m, _ := st.SignedIn(); m.Login != "rita" || ui.whoLabel.Text != "Signed in as Rita Reporter (reporter)" {
			t.Fatalf("Enter (list focused %v) signed in %+v, the bar says %q", focused, m, ui.whoLabel.Text)
		}
	}
}

func TestEnterCreatesTheAdminTyped(t *testing.T) {
	st := newTestStore(t)
	ui, q := newSignInUI(t, st)
	built := false
	ui.signIn(func() { built = true })
	q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil })
	for _, r := range "Maria Lopez" {
		ui.signInUI.newName.TypedRune(r)
	}
	ui.win.Canvas().Unfocus()
	press(ui, fyne.KeyReturn)
	q.waitUntil(t, "created", func() bool { return built })
	if m, _ := st.SignedIn(); m.Name != "Maria Lopez" || m.Role != domain.RoleAdmin {
		t.Fatalf("signed in %+v", m)
	}
}

// windowOnStory builds the window over a newsroom of twoStaff, signed in
// as login, with the story opened.
func windowOnStory(t *testing.T, login string) (*storage.Store, *mainUI, *screenTestQueue, *domain.Article) {
	t.Helper()
	st := newTestStore(t)
	a := twoStaff(t, st)
	if _, err := st.SignIn(context.Background(), login); err != nil {
		t.Fatal(err)
	}
	ui, q := newSignInUI(t, st)
	ui.signIn(func() { ui.build() })
	q.waitUntil(t, "built", func() bool { return ui.tabs != nil })
	ui.articles.OpenSlug("story")
	return st, ui, q, a
}

// TestSwitchPerson: File → Switch person… releases the article the first
// person holds, asks again, and the bar, the menus and the queue follow
// the new person's role; Escape at the question keeps the person before.
func TestSwitchPerson(t *testing.T) {
	st, ui, q, a := windowOnStory(t, "ada")
	ctx := context.Background()
	q.waitUntil(t, "ada's lock", func() bool {
		l, ok, err := st.LockOf(ctx, a.ID)
		return err == nil && ok && l.Mine
	})
	item := menuItem(ui, "Switch person")
	if item == nil {
		t.Fatal("no File → Switch person…")
	}
	oldTabs := ui.tabs
	item.Action()
	q.waitUntil(t, "the question again", func() bool { return ui.signInUI != nil && ui.signInUI.cancel != nil })
	if _, held, err := st.LockOf(ctx, a.ID); err != nil || held {
		t.Fatalf("ada's lock is still held while the desk asks who is editing (%v)", err)
	}
	sd := ui.signInUI
	if sd.choose.Selected != "Ada Admin (admin)" {
		t.Errorf("the person signed in is not offered first: %q", sd.choose.Selected)
	}

	// Escape keeps Ada, with the screens built again.
	press(ui, fyne.KeyEscape)
	q.waitUntil(t, "built again", func() bool { return ui.tabs != oldTabs })
	if m, _ := st.SignedIn(); m.Login != "ada" || ui.whoLabel.Text != "Signed in as Ada Admin (admin)" {
		t.Fatalf("after Escape %+v, bar %q", m, ui.whoLabel.Text)
	}

	// Switch to Rita: the bar, the menus and the queue follow her role.
	oldTabs = ui.tabs
	menuItem(ui, "Switch person").Action()
	q.waitUntil(t, "the question again", func() bool { return ui.signInUI != sd && ui.signInUI.cancel != nil })
	ui.signInUI.choose.SetSelected("Rita Reporter (reporter)")
	press(ui, fyne.KeyReturn)
	q.waitUntil(t, "rita's screens", func() bool { return ui.tabs != oldTabs })
	if m, _ := st.SignedIn(); m.Login != "rita" || ui.whoLabel.Text != "Signed in as Rita Reporter (reporter)" {
		t.Fatalf("switched to %+v, bar %q", m, ui.whoLabel.Text)
	}
	if it := menuItem(ui, "Export…"); it == nil || !it.Disabled {
		t.Error("Export stays enabled for a reporter after the switch")
	}
	if !ui.comments.deleteButton.Disabled() {
		t.Error("moderation stays enabled for a reporter after the switch")
	}
	// Rita can take the article now.
	ui.articles.OpenSlug("story")
	q.waitUntil(t, "rita's lock", func() bool {
		l, ok, err := st.LockOf(ctx, a.ID)
		return err == nil && ok && l.Mine && l.Login == "rita"
	})
}

// TestSwitchPersonReopensTheArticle: the article open before File →
// Switch person… opens again for the person who signs in, who takes its
// lock when they may edit it; Escape at the question reopens it for the
// person before.
func TestSwitchPersonReopensTheArticle(t *testing.T) {
	st, ui, q, a := windowOnStory(t, "ada")
	ctx := context.Background()
	holds := func(login string) func() bool {
		return func() bool {
			l, ok, err := st.LockOf(ctx, a.ID)
			cur := ui.articles.Editor().Current()
			return err == nil && ok && l.Login == login && cur != nil && cur.ID == a.ID
		}
	}
	q.waitUntil(t, "ada's article and lock", holds("ada"))

	oldTabs := ui.tabs
	menuItem(ui, "Switch person").Action()
	q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil && ui.signInUI.cancel != nil })
	press(ui, fyne.KeyEscape)
	q.waitUntil(t, "built again", func() bool { return ui.tabs != oldTabs })
	q.waitUntil(t, "the article open again for ada, with her lock", holds("ada"))

	sd := ui.signInUI
	oldTabs = ui.tabs
	menuItem(ui, "Switch person").Action()
	q.waitUntil(t, "the question again", func() bool { return ui.signInUI != sd && ui.signInUI.cancel != nil })
	ui.signInUI.choose.SetSelected("Rita Reporter (reporter)")
	press(ui, fyne.KeyReturn)
	q.waitUntil(t, "rita's screens", func() bool { return ui.tabs != oldTabs })
	q.waitUntil(t, "the article open for rita, with her lock", holds("rita"))
	if ui.articles.Editor().LockText() != "" {
		t.Errorf("rita's reopened article says %q", ui.articles.Editor().LockText())
	}
}

// ownLogin is a store connected with a staff member's own PostgreSQL
// login, as Switch person sees it.
type ownLogin struct{ login, path string }

func (o ownLogin) DatabaseLogin() (string, bool) { return o.login, o.login != "" }
func (o ownLogin) Path() string                  { return o.path }

// TestSwitchPersonOverOwnDatabaseLogin: on a connection made with Rita's
// own database login, File → Switch person… does not ask who is editing
// (the database would refuse anyone else): it says why, leaves her
// article open, and offers File → Connect… with the same server filled in
// and the user left for the other person's login.
func TestSwitchPersonOverOwnDatabaseLogin(t *testing.T) {
	st, ui, q, a := windowOnStory(t, "rita")
	ctx := context.Background()
	q.waitUntil(t, "rita's lock", func() bool {
		l, ok, err := st.LockOf(ctx, a.ID)
		return err == nil && ok && l.Login == "rita"
	})
	tabs := ui.tabs
	ui.switchPersonOver(ownLogin{login: "rita", path: "postgres://rita@db.example.org:5433/desk"})
	q.Settle()
	if ui.signInUI != nil && ui.signInUI.cancel != nil {
		t.Fatal("Switch person asks who is editing on rita's own login")
	}
	sr := ui.switchUI
	if sr == nil {
		t.Fatal("Switch person says nothing on rita's own login")
	}
	if msg := sr.message.Text; !strings.Contains(msg, "Rita Reporter's own database login (rita)") || !strings.Contains(msg, "connect with their login") {
		t.Errorf("the message does not say why: %q", msg)
	}
	if l, ok, err := st.LockOf(ctx, a.ID); err != nil || !ok || l.Login != "rita" || ui.tabs != tabs || ui.articles.Editor().Current() == nil {
		t.Fatalf("the offer closed rita's article or lock (%+v %v %v)", l, ok, err)
	}
	test.Tap(sr.connect)
	cd := ui.connectUI
	if cd == nil {
		t.Fatal("no connect dialog")
	}
	if cd.url.Text != "" || cd.host.Text != "db.example.org" || cd.port.Text != "5433" || cd.db.Text != "desk" || cd.user.Text != "" {
		t.Errorf("connect dialog: url %q host %q port %q db %q user %q", cd.url.Text, cd.host.Text, cd.port.Text, cd.db.Text, cd.user.Text)
	}
	if ui.win.Canvas().Focused() != fyne.Focusable(cd.user) {
		t.Errorf("the keyboard is in %T, not the user field", ui.win.Canvas().Focused())
	}
	if target, err := connectTarget(cd.url.Text, cd.host.Text, cd.port.Text, cd.db.Text, "ada", "pw"); err != nil || target != "postgres://ada:pw@db.example.org:5433/desk" {
		t.Errorf("connecting as ada goes to %q (%v)", target, err)
	}
}
