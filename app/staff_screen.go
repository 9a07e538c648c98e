package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/schedule"
	"newsroom/storage"
	"newsroom/textedit"
)

// StaffStore is what Edit → Staff… needs; *storage.Store satisfies it.
type StaffStore interface {
	ListStaff(ctx context.Context, includeRemoved bool) ([]domain.Staff, error)
	AddStaff(ctx context.Context, m domain.Staff) (domain.Staff, error)
	SetStaffRole(ctx context.Context, login string, role domain.Role) error
	RemoveStaff(ctx context.Context, login string) error
}

// loginStaffStore is a shared newsroom's store (PostgreSQL), where each
// staff member is also a database login with a password.
type loginStaffStore interface {
	Path() string
	AddStaffLogin(ctx context.Context, m domain.Staff, password string) (domain.Staff, error)
}

// makesLogins reports whether adding someone to store also makes their
// database login (a shared newsroom on PostgreSQL).
func makesLogins(store StaffStore) (loginStaffStore, bool) {
	ls, ok := store.(loginStaffStore)
	return ls, ok && storage.IsPostgresTarget(ls.Path())
}

// StaffDialog is Edit → Staff…: the staff with their roles, changing a
// role, removing someone, adding someone (admins; the store refuses
// everyone else).
type StaffDialog struct {
	store StaffStore
	win   fyne.Window
	sched schedule.Scheduler
	d     dialog.Dialog

	rows  *fyne.Container
	name  *textedit.Editor
	login *textedit.Editor
	role  *widget.Select
	// password is the new member's database password, on a shared
	// newsroom only (nil on a file).
	password *widget.Entry
	add      *widget.Button
	message  *widget.Label
}

// roleOptions are the role names, for the selects.
func roleOptions() []string {
	out := make([]string, len(domain.Roles))
	for i, r := range domain.Roles {
		out[i] = string(r)
	}
	return out
}

// NewStaffDialog builds the dialog; Show shows it.
func NewStaffDialog(store StaffStore, win fyne.Window, sched schedule.Scheduler) *StaffDialog {
	sd := &StaffDialog{store: store, win: win, sched: sched, rows: container.NewVBox(), message: widget.NewLabel("")}
	sd.message.Wrapping = fyne.TextWrapWord
	sd.name = textedit.NewField()
	sd.name.SetPlaceHolder("Name, as on bylines")
	sd.login = textedit.NewField()
	sd.login.SetPlaceHolder("login (made from the name if empty)")
	sd.role = widget.NewSelect(roleOptions(), nil)
	sd.role.SetSelected(string(domain.RoleReporter))
	sd.add = widget.NewButton("Add", sd.addMember)
	// Enter in a field adds, as the Add button does.
	sd.name.OnSubmitted = func(string) { sd.addMember() }
	sd.login.OnSubmitted = sd.name.OnSubmitted
	fields := container.NewGridWithColumns(2, sd.name, sd.login)
	if _, ok := makesLogins(store); ok {
		sd.password = widget.NewPasswordEntry()
		sd.password.SetPlaceHolder("their database password")
		sd.password.OnSubmitted = sd.name.OnSubmitted
		fields = container.NewGridWithColumns(3, sd.name, sd.login, sd.password)
	}
	form := container.NewBorder(nil, nil, nil, container.NewHBox(sd.role, sd.add), fields)
	help := widget.NewLabel("Contributors write and submit drafts; reporters also edit their own articles after review; " +
		"editors edit, fact-check, publish and moderate; admins also manage staff, settings and export.")
	help.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), widget.NewLabel("Add someone:"), form, help, sd.message),
		nil, nil, container.NewVScroll(sd.rows))
	sd.d = dialog.NewCustom("Staff", "Close", content, win)
	sd.d.Resize(fyne.NewSize(760, 520))
	return sd
}

// Show shows the dialog and loads the staff.
func (sd *StaffDialog) Show() {
	sd.d.Show()
	sd.win.Canvas().Focus(sd.name) // "Add someone:" is where typing starts
	sd.reload()
}

// reload lists the staff again.
func (sd *StaffDialog) reload() {
	sd.sched.Go(func() {
		staff, err := sd.store.ListStaff(context.Background(), false)
		sd.sched.Do(func() {
			if err != nil {
				sd.message.SetText("Cannot list the staff: " + err.Error())
				return
			}
			sd.showRows(staff)
		})
	})
}

// showRows lays out one row per member: name, login, role, Remove.
func (sd *StaffDialog) showRows(staff []domain.Staff) {
	sd.rows.RemoveAll()
	for _, m := range staff {
		m := m
		role := widget.NewSelect(roleOptions(), nil)
		role.SetSelected(string(m.Role))
		role.OnChanged = func(v string) {
			if v != string(m.Role) {
				sd.change(fmt.Sprintf("%s is now %s", m.Name, v), func(ctx context.Context) error {
					return sd.store.SetStaffRole(ctx, m.Login, domain.Role(v))
				})
			}
		}
		remove := widget.NewButton("Remove", func() {
			dialog.ShowConfirm("Remove "+m.Name+"?", m.Name+" will no longer be able to sign in. History and bylines keep the name.",
				func(ok bool) {
					if ok {
						sd.change("Removed "+m.Name, func(ctx context.Context) error { return sd.store.RemoveStaff(ctx, m.Login) })
					}
				}, sd.win)
		})
		sd.rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(role, remove),
			container.NewGridWithColumns(2, widget.NewLabel(m.Name), widget.NewLabel(m.Login))))
	}
	sd.rows.Refresh()
}

// addMember is the Add button.
func (sd *StaffDialog) addMember() {
	m := domain.Staff{Name: sd.name.Text(), Login: sd.login.Text(), Role: domain.Role(sd.role.Selected)}
	if ls, ok := makesLogins(sd.store); ok {
		// On a shared newsroom the new member signs in as their own
		// database role: the database makes it (the owner's connection may;
		// an admin's own login may not, and the refusal says so).
		password := sd.password.Text
		if password == "" {
			sd.message.SetText("Not done: on a shared newsroom each person signs in with their own password; give " +
				"the new login one.")
			return
		}
		sd.change("Added "+m.Name+" with a database login", func(ctx context.Context) error {
			_, err := ls.AddStaffLogin(ctx, m, password)
			return err
		})
		return
	}
	sd.change("Added "+m.Name, func(ctx context.Context) error {
		_, err := sd.store.AddStaff(ctx, m)
		return err
	})
}

// change runs one change off the UI goroutine, says how it went in plain
// words and lists the staff again.
func (sd *StaffDialog) change(ok string, fn func(ctx context.Context) error) {
	sd.sched.Go(func() {
		err := fn(context.Background())
		sd.sched.Do(func() {
			if err != nil {
				sd.message.SetText("Not done: " + plainRefusal(err))
			} else {
				sd.message.SetText(ok + ".")
				sd.name.SetText("")
				sd.login.SetText("")
				if sd.password != nil {
					sd.password.SetText("")
				}
			}
			sd.reload()
		})
	})
}
