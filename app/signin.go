package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/storage"
	"newsroom/textedit"
)

// prefStaffLogin remembers who signed in last on this computer, to offer
// them first next time.
const prefStaffLogin = "staff.login"

// signIn makes sure someone is signed in, then calls then (UI goroutine).
// Signed in already (--as, $NEWSROOM_USER): at once. A newsroom without an
// admin whose earlier version of this program was told a name ("Who is
// editing?"): that person becomes its admin. Otherwise the person chooses
// themselves from the staff list, or (no admin yet) creates themselves as
// the admin.
func (ui *mainUI) signIn(then func()) {
	if m, ok := ui.store.SignedIn(); ok {
		ui.signedIn(m)
		then()
		return
	}
	wait := widget.NewLabel("Who is editing?")
	ui.win.SetContent(container.NewCenter(wait))
	// Until the menus exist, Ctrl+Q still quits (nothing is open to save).
	quit := &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	ui.win.Canvas().AddShortcut(quit, func(fyne.Shortcut) { ui.app.Quit() })
	then = func(build func()) func() {
		return func() {
			ui.win.Canvas().RemoveShortcut(quit)
			build()
		}
	}(then)
	prefs := ui.app.Preferences()
	legacy, last := strings.TrimSpace(prefs.String(prefUserName)), prefs.String(prefStaffLogin)
	ui.sched.Go(func() {
		ctx := context.Background()
		staff, err := ui.store.ListStaff(ctx, false)
		var hasAdmin bool
		if err == nil {
			hasAdmin, err = ui.store.HasAdmin(ctx)
		}
		if err == nil && !hasAdmin && legacy != "" {
			if m, lerr := adoptLegacyName(ctx, ui.store, legacy, staff); lerr == nil {
				ui.sched.Do(func() { ui.signedIn(m); then() })
				return
			}
		}
		ui.sched.Do(func() {
			if err != nil {
				wait.SetText("Cannot read the staff list: " + err.Error())
				return
			}
			ui.askWhoIsEditing(staff, hasAdmin, last, then, nil)
		})
	})
}

// adoptLegacyName makes the name an earlier version kept the newsroom's
// admin (the person at this desk set it up) and signs them in.
func adoptLegacyName(ctx context.Context, store *storage.Store, name string, staff []domain.Staff) (domain.Staff, error) {
	for _, m := range staff {
		if strings.EqualFold(m.Name, name) {
			if err := store.SetStaffRole(ctx, m.Login, domain.RoleAdmin); err != nil {
				return domain.Staff{}, err
			}
			return store.SignIn(ctx, m.Login)
		}
	}
	m, err := store.AddStaff(ctx, domain.Staff{Name: name, Role: domain.RoleAdmin})
	if err != nil {
		return domain.Staff{}, err
	}
	return store.SignIn(ctx, m.Login)
}

// signInDialog is the "Who is editing?" dialog (exported fields for tests).
type signInDialog struct {
	d       dialog.Dialog
	choose  *staffSelect
	signIn  *widget.Button
	cancel  *widget.Button // when switching person: keep who was signed in
	newName *textedit.Editor
	create  *widget.Button
	problem *widget.Label
}

// askWhoIsEditing shows the staff to choose from, and (no admin yet) the
// form to create oneself as admin. Enter signs in the person chosen (or
// creates the admin typed); with cancel set (switching person) a Cancel
// button and Escape call it instead.
func (ui *mainUI) askWhoIsEditing(staff []domain.Staff, hasAdmin bool, last string, then, cancel func()) {
	sd := &signInDialog{problem: widget.NewLabel("")}
	sd.problem.Importance = widget.DangerImportance
	sd.problem.Wrapping = fyne.TextWrapWord
	var labels []string
	byLabel := map[string]domain.Staff{}
	for _, m := range staff {
		l := fmt.Sprintf("%s (%s)", m.Name, m.Role)
		labels = append(labels, l)
		byLabel[l] = m
	}
	// The window's keys go to the dialog while it is open: Enter signs in
	// though nothing has the keyboard.
	canvas := ui.win.Canvas()
	windowKeys := canvas.OnTypedKey()
	closeDialog := func() {
		sd.d.Hide()
		canvas.SetOnTypedKey(windowKeys)
	}
	done := func(m domain.Staff) {
		closeDialog()
		ui.app.Preferences().SetString(prefStaffLogin, m.Login)
		ui.signedIn(m)
		then()
	}
	run := func(fn func(ctx context.Context) (domain.Staff, error)) {
		ui.sched.Go(func() {
			m, err := fn(context.Background())
			ui.sched.Do(func() {
				if err != nil {
					sd.problem.SetText(plainRefusal(err))
					return
				}
				done(m)
			})
		})
	}
	var create func()
	box := container.NewVBox()
	if len(staff) > 0 {
		sd.choose = newStaffSelect(labels)
		sd.choose.PlaceHolder = "Choose yourself"
		for l, m := range byLabel {
			if m.Login == last {
				sd.choose.SetSelected(l)
			}
		}
		if len(labels) == 1 {
			sd.choose.SetSelected(labels[0])
		}
		sd.signIn = widget.NewButton("Sign in", func() {
			m, ok := byLabel[sd.choose.Selected]
			if !ok {
				sd.problem.SetText("Choose yourself from the list first.")
				return
			}
			run(func(ctx context.Context) (domain.Staff, error) { return ui.store.SignIn(ctx, m.Login) })
		})
		sd.signIn.Importance = widget.HighImportance
		box.Add(widget.NewLabel("Choose yourself from the newsroom's staff:"))
		box.Add(container.NewBorder(nil, nil, nil, sd.signIn, sd.choose))
	}
	if !hasAdmin {
		sd.newName = textedit.NewField()
		sd.newName.SetPlaceHolder("Your name, as on bylines")
		create = func() {
			name := strings.TrimSpace(sd.newName.Text())
			if name == "" {
				sd.problem.SetText("Type your name first.")
				return
			}
			run(func(ctx context.Context) (domain.Staff, error) {
				m, err := ui.store.AddStaff(ctx, domain.Staff{Name: name, Role: domain.RoleAdmin})
				if err != nil {
					return m, err
				}
				return ui.store.SignIn(ctx, m.Login)
			})
		}
		sd.newName.OnSubmitted = func(string) { create() }
		sd.create = widget.NewButton("Create me as admin", create)
		box.Add(widget.NewLabel("This newsroom has no admin yet. Create yourself as its admin:"))
		box.Add(container.NewBorder(nil, nil, nil, sd.create, sd.newName))
	}
	box.Add(sd.problem)
	if cancel != nil {
		sd.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
			closeDialog()
			cancel()
		})
		box.Add(container.NewHBox(layout.NewSpacer(), sd.cancel))
	}
	// Enter: sign in the person chosen (the one offered first), else
	// create the admin typed.
	enter := func() {
		switch {
		case sd.choose != nil && (sd.choose.Selected != "" || create == nil):
			sd.signIn.OnTapped()
		case create != nil:
			create()
		}
	}
	canvas.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			enter()
		case fyne.KeyEscape:
			if sd.cancel != nil {
				sd.cancel.OnTapped()
			}
		}
	})
	if sd.choose != nil {
		sd.choose.onEnter = enter
	}
	sd.d = dialog.NewCustomWithoutButtons("Who is editing?", box, ui.win)
	sd.d.Resize(fyne.NewSize(520, 220))
	sd.d.Show()
	switch {
	case sd.newName != nil && len(staff) == 0:
		canvas.Focus(sd.newName)
	case sd.choose != nil:
		canvas.Focus(sd.choose) // the arrows choose, Enter signs in
	}
	ui.signInUI = sd
}

// staffSelect is the sign-in dialog's staff list: Enter signs in the
// person chosen (a stock Select ignores it), Escape goes to the window.
type staffSelect struct {
	widget.Select
	onEnter func()
}

func newStaffSelect(options []string) *staffSelect {
	s := &staffSelect{}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey handles Enter and Escape; other keys choose as a Select does.
func (s *staffSelect) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if s.onEnter != nil {
			s.onEnter()
		}
	case fyne.KeyEscape:
		if c := fyne.CurrentApp().Driver().CanvasForObject(s); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(k)
		}
	default:
		s.Select.TypedKey(k)
	}
}

// signedIn shows who is signed in and gives the menus their role.
func (ui *mainUI) signedIn(m domain.Staff) {
	if ui.whoLabel == nil {
		ui.whoLabel = widget.NewLabel("")
	}
	ui.whoLabel.SetText(fmt.Sprintf("Signed in as %s (%s)", m.Name, m.Role))
}

// signInBar says who is signed in at the right end of the tabs' row (a
// line of its own would take the body's height in a small window). The
// label takes no taps, so the tabs under it stay usable.
func (ui *mainUI) signInBar(content fyne.CanvasObject) fyne.CanvasObject {
	if ui.whoLabel == nil {
		ui.whoLabel = widget.NewLabel("")
	}
	return container.NewStack(content, container.New(tabRowEnd{}, ui.whoLabel))
}

// tabRowEnd lays one object out at the top right, at its minimum size.
type tabRowEnd struct{}

// Layout is part of fyne.Layout.
func (tabRowEnd) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		m := o.MinSize()
		o.Resize(m)
		o.Move(fyne.NewPos(size.Width-m.Width, 0))
	}
}

// MinSize is part of fyne.Layout: nothing, the tabs hold the room.
func (tabRowEnd) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// can reports whether the signed-in person may do act (not about one
// article); with nobody signed in (a newsroom without staff) everything is
// allowed, as the store allows it.
func (ui *mainUI) can(act domain.Action) bool {
	if ui.store == nil {
		return true // a window under test without a database
	}
	return canAct(ui.store, act)
}

// signedInStore is a store that may know who is signed in.
type signedInStore interface {
	SignedIn() (domain.Staff, bool)
}

// canAct decides from the role alone (the store decides for good).
func canAct(store any, act domain.Action) bool {
	s, ok := store.(signedInStore)
	if !ok {
		return true
	}
	m, ok := s.SignedIn()
	return !ok || domain.Policy{}.Can(m, act, domain.ArticleFacts{})
}

// gated disables a menu item the signed-in person may not use, its label
// saying who may.
func (ui *mainUI) gated(it *fyne.MenuItem, act domain.Action) *fyne.MenuItem {
	if !ui.can(act) {
		// Fyne runs a menu item's shortcut even when the item is
		// disabled: without an action, the keys do nothing.
		it.Disabled, it.Action = true, nil
		if act == domain.ActManageStaff || act == domain.ActSettings || act == domain.ActExport {
			it.Label += " (admins)"
		} else {
			it.Label += " (editors)"
		}
	}
	return it
}

// plainRefusal says an error in plain words: a refusal by role without the
// error chain's prefixes.
func plainRefusal(err error) string {
	var f *domain.Forbidden
	if errors.As(err, &f) {
		return f.Error() + "."
	}
	return err.Error()
}
