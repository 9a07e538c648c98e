package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/storage"
)

// newSignInUI is a main window on st with the fake scheduler.
func newSignInUI(t *testing.T, st *storage.Store) (*mainUI, *screenTestQueue) {
	t.Helper()
	a := test.NewTempApp(t)
	q := newScreenTestQueue()
	ui := &mainUI{app: a, store: st, sched: q, win: test.NewWindow(nil)}
	t.Cleanup(ui.win.Close)
	ui.win.Resize(fyne.NewSize(1000, 700))
	return ui, q
}

// menuItem finds a main-menu item by its label's start.
func menuItem(ui *mainUI, label string) *fyne.MenuItem {
	for _, m := range ui.win.MainMenu().Items {
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, label) {
				return it
			}
		}
	}
	return nil
}

// menuActionFor is the action a main-menu shortcut runs, found as Fyne's
// window finds it (the first item of that shortcut with an action, in
// menus and submenus), or nil when the keys would go on to the widget.
func menuActionFor(ui *mainUI, sc fyne.Shortcut) (string, func()) {
	var walk func(items []*fyne.MenuItem) (string, func())
	walk = func(items []*fyne.MenuItem) (string, func()) {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				return it.Label, it.Action
			}
			if it.ChildMenu != nil {
				if label, fn := walk(it.ChildMenu.Items); fn != nil {
					return label, fn
				}
			}
		}
		return "", nil
	}
	for _, m := range ui.win.MainMenu().Items {
		if label, fn := walk(m.Items); fn != nil {
			return label, fn
		}
	}
	return "", nil
}

// ctrl is Ctrl (Cmd on macOS) with key, plus Shift when shift is set.
func ctrl(key fyne.KeyName, shift bool) fyne.Shortcut {
	mod := fyne.KeyModifierShortcutDefault
	if shift {
		mod |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

func TestFirstRunCreatesYourselfAsAdmin(t *testing.T) {
	st := newTestStore(t)
	ui, q := newSignInUI(t, st)
	built := false
	ui.signIn(func() { built = true })
	q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil })
	sd := ui.signInUI
	if sd.choose != nil || sd.newName == nil {
		t.Fatal("an empty newsroom offers a staff list, or no way to create oneself")
	}
	test.Tap(sd.create)
	if sd.problem.Text != "Type your name first." || built {
		t.Fatalf("empty name: %q, built %v", sd.problem.Text, built)
	}
	test.Type(sd.newName, "Maria Lopez")
	test.Tap(sd.create)
	q.waitUntil(t, "signed in", func() bool { return built })
	m, ok := st.SignedIn()
	if !ok || m.Name != "Maria Lopez" || m.Role != domain.RoleAdmin {
		t.Fatalf("signed in as %+v %v", m, ok)
	}
	if ui.whoLabel.Text != "Signed in as Maria Lopez (admin)" {
		t.Fatalf("the window says %q", ui.whoLabel.Text)
	}
	if ui.app.Preferences().String(prefStaffLogin) != "maria-lopez" {
		t.Fatal("the login is not remembered")
	}
}

func TestSignInChoosesFromTheStaffAndTheMenusFollowTheRole(t *testing.T) {
	st := newTestStore(t)
	twoStaff(t, st) // Ada Admin, Rita Reporter
	ui, q := newSignInUI(t, st)
	ui.app.Preferences().SetString(prefStaffLogin, "rita")
	ui.app.Preferences().SetString(prefUserName, "Old Typed Name") // an admin exists: not adopted
	ui.signIn(func() { ui.build() })
	q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil })
	sd := ui.signInUI
	if sd.newName != nil {
		t.Fatal("a newsroom with an admin offers to create an admin")
	}
	if sd.choose.Selected != "Rita Reporter (reporter)" {
		t.Fatalf("the last person is not offered first: %q", sd.choose.Selected)
	}
	test.Tap(sd.signIn)
	q.waitUntil(t, "signed in", func() bool { return ui.tabs != nil })
	if m, _ := st.SignedIn(); m.Login != "rita" {
		t.Fatalf("signed in as %+v", m)
	}
	for label, disabled := range map[string]bool{"Export…": true, "Settings…": true, "Staff…": true, "Import…": true, "New article": false} {
		it := menuItem(ui, label)
		if it == nil || it.Disabled != disabled {
			t.Errorf("menu %q: %+v, want disabled %v", label, it, disabled)
		}
	}
	if it := menuItem(ui, "Export…"); it.Label != "Export… (admins)" {
		t.Errorf("a disabled item does not say who may: %q", it.Label)
	}
	// Fyne runs a disabled item's shortcut: the keys must reach nothing.
	for _, sc := range []fyne.Shortcut{ctrl(fyne.KeyE, false), ctrl(fyne.KeyI, true), ctrl(fyne.KeyComma, false)} {
		if label, fn := menuActionFor(ui, sc); fn != nil {
			t.Errorf("%s runs %q for a reporter", sc.ShortcutName(), label)
		}
	}
	if label, _ := menuActionFor(ui, ctrl(fyne.KeySlash, false)); label != "Keyboard shortcuts" {
		t.Errorf("Ctrl+/ runs %q", label)
	}
	// The comment queue's moderation is off for a reporter.
	if !ui.comments.deleteButton.Disabled() || !ui.comments.replyButton.Disabled() {
		t.Error("a reporter can press moderation buttons")
	}
	for _, b := range ui.comments.actionButtons {
		if !b.Disabled() {
			t.Errorf("moderation button %q enabled for a reporter", b.Text)
		}
	}
}

func TestMenuShortcutsForAnAdmin(t *testing.T) {
	st := newTestStore(t)
	twoStaff(t, st)
	ui, q := newSignInUI(t, st)
	ui.app.Preferences().SetString(prefStaffLogin, "ada")
	ui.signIn(func() { ui.build() })
	q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil })
	test.Tap(ui.signInUI.signIn)
	q.waitUntil(t, "signed in", func() bool { return ui.tabs != nil })
	for sc, want := range map[fyne.Shortcut]string{
		ctrl(fyne.KeyE, false):     "Export…",
		ctrl(fyne.KeyI, true):      "Import…",
		ctrl(fyne.KeyComma, false): "Settings…",
		ctrl(fyne.KeyO, true):      "Connect to a shared newsroom…",
		ctrl(fyne.KeyO, false):     "Open…",
		ctrl(fyne.KeySlash, false): "Keyboard shortcuts",
	} {
		if label, _ := menuActionFor(ui, sc); label != want {
			t.Errorf("%s runs %q, want %q", sc.ShortcutName(), label, want)
		}
	}
	// Each shortcut belongs to one item, and Help lists it.
	seen := map[string]string{}
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.Shortcut != nil {
				if other, dup := seen[it.Shortcut.ShortcutName()]; dup {
					t.Errorf("%q and %q share %s", other, it.Label, it.Shortcut.ShortcutName())
				}
				seen[it.Shortcut.ShortcutName()] = it.Label
			}
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, m := range ui.win.MainMenu().Items {
		walk(m.Items)
	}
	listed := ""
	for _, row := range shortcutList {
		listed += row[0] + " | "
	}
	for _, key := range []string{"Ctrl+E", "Ctrl+Shift+I", "Ctrl+,", "Ctrl+Shift+O", "Ctrl+/"} {
		if !strings.Contains(listed, key) {
			t.Errorf("Help → Keyboard shortcuts does not list %s", key)
		}
	}
}

func TestNameFromEarlierVersionBecomesTheAdmin(t *testing.T) {
	st := newTestStore(t)
	ui, q := newSignInUI(t, st)
	ui.app.Preferences().SetString(prefUserName, "E2E Tester")
	built := false
	ui.signIn(func() { built = true })
	q.waitUntil(t, "signed in", func() bool { return built })
	if m, ok := st.SignedIn(); !ok || m.Name != "E2E Tester" || m.Role != domain.RoleAdmin {
		t.Fatalf("signed in as %+v", m)
	}
	if ui.signInUI != nil {
		t.Fatal("asked although the name was known")
	}
}

func TestStaffDialogAddsChangesRemoves(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	if _, err := st.AddStaff(ctx, domain.Staff{Login: "ada", Name: "Ada Admin", Role: domain.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SignIn(ctx, "ada"); err != nil {
		t.Fatal(err)
	}
	ui, q := newSignInUI(t, st)
	sd := NewStaffDialog(st, ui.win, q)
	sd.Show()
	q.Settle()
	test.Type(sd.name, "Sam Okafor")
	sd.role.SetSelected("editor")
	test.Tap(sd.add)
	q.waitUntil(t, "added", func() bool { return len(sd.rows.Objects) == 2 })
	if sd.message.Text != "Added Sam Okafor." {
		t.Fatalf("message %q", sd.message.Text)
	}
	if m, err := st.GetStaff(ctx, "sam-okafor"); err != nil || m.Role != domain.RoleEditor {
		t.Fatalf("stored %+v %v", m, err)
	}
	// The last admin cannot step down: the dialog says why.
	if err := st.SetStaffRole(ctx, "ada", domain.RoleEditor); !errors.Is(err, domain.ErrInvalid) {
		t.Fatal(err)
	}
	if err := st.RemoveStaff(ctx, "sam-okafor"); err != nil {
		t.Fatal(err)
	}
	sd.reload()
	q.waitUntil(t, "removed", func() bool { return len(sd.rows.Objects) == 1 })

	// Enter in the name field adds, as the button does.
	test.Type(sd.name, "Lee Chan\n")
	q.waitUntil(t, "added by Enter", func() bool { return len(sd.rows.Objects) == 2 })
	if m, err := st.GetStaff(ctx, "lee-chan"); err != nil || m.Role != domain.Role(sd.role.Selected) {
		t.Fatalf("Enter stored %+v %v", m, err)
	}
	if err := st.RemoveStaff(ctx, "lee-chan"); err != nil {
		t.Fatal(err)
	}
	sd.reload()
	q.waitUntil(t, "removed again", func() bool { return len(sd.rows.Objects) == 1 })

	// Signed in as an editor, the store refuses and the dialog says who may.
	if _, err := st.AddStaff(ctx, domain.Staff{Login: "ed", Name: "Ed Editor", Role: domain.RoleEditor}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SignIn(ctx, "ed"); err != nil {
		t.Fatal(err)
	}
	test.Type(sd.name, "Intruder")
	test.Tap(sd.add)
	q.waitUntil(t, "refused", func() bool { return strings.HasPrefix(sd.message.Text, "Not done") })
	if sd.message.Text != "Not done: Ed Editor (editor) may not add staff, change roles or remove staff: only admins may." {
		t.Fatalf("message %q", sd.message.Text)
	}
}
