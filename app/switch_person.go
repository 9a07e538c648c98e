package app

import (
	"context"
	"fmt"
	"net"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsroom/editor"
	nstorage "newsroom/storage"
)

// connection is what File → Switch person… asks of the store about how it
// is connected (the storage Store has both).
type connection interface {
	// DatabaseLogin returns the PostgreSQL login the store is connected
	// as when it is a staff member's own: the database then lets the
	// desk act only as them.
	DatabaseLogin() (string, bool)
	// Path is the database file, or the server's address without a
	// password.
	Path() string
}

// switchPerson lets another member of the staff sign in at this desk
// without restarting (File → Switch person…), as on a shared machine: the
// open article is saved and its lock released, the screens closed, and
// "Who is editing?" asked again, the person signed in now offered first.
// The window is then built again for whoever signs in: the bar, the list
// and the menus follow their role, and the article that was open opens
// again (taking its lock when the new person may edit it and nobody else
// holds it). Cancel (or Escape) builds it again for the person signed in
// before. On a connection made with someone's own database login nobody
// else can sign in over it: the desk says so and offers to connect as the
// other person instead.
func (ui *mainUI) switchPerson() { ui.switchPersonOver(ui.store) }

// switchPersonOver is switchPerson over conn.
func (ui *mainUI) switchPersonOver(conn connection) {
	if login, own := conn.DatabaseLogin(); own {
		ui.offerConnectAsSomeoneElse(conn.Path(), login)
		return
	}
	current, _ := ui.store.SignedIn()
	var openID int64
	if a := ui.articles.Editor().Current(); a != nil {
		openID = a.ID
	}
	rebuild := func() {
		ui.build()
		if openID != 0 {
			ui.articles.reopen(openID)
		}
	}
	ui.articles.Close(func() {
		ui.comments.Close()
		ui.win.SetMainMenu(nil) // the closed screens' menus act on nothing
		ui.win.SetContent(container.NewCenter(widget.NewLabel("Who is editing?")))
		ui.sched.Go(func() {
			ctx := context.Background()
			staff, err := ui.store.ListStaff(ctx, false)
			hasAdmin := true
			if err == nil {
				hasAdmin, err = ui.store.HasAdmin(ctx)
			}
			ui.sched.Do(func() {
				if err != nil {
					rebuild()
					dialog.ShowError(fmt.Errorf("switch person: read the staff list: %w", err), ui.win)
					return
				}
				ui.askWhoIsEditing(staff, hasAdmin, current.Login, rebuild, rebuild)
			})
		})
	})
}

// reopen opens the article with id again, the keyboard in its body,
// unless the person signed in may not read it now (it went to the trash,
// or the database hides it from them): then the editor stays empty.
func (s *ArticlesScreen) reopen(id int64) {
	s.sched.Go(func() {
		_, err := s.store.GetArticle(context.Background(), id)
		s.sched.Do(func() {
			if err != nil {
				return
			}
			s.open(id, editor.FocusBody)
			s.reselect()
		})
	})
}

// switchRefusal is the dialog that explains why Switch person cannot work
// over this connection (fields for the tests of this package).
type switchRefusal struct {
	d       dialog.Dialog
	message *widget.Label
	connect *widget.Button
}

// offerConnectAsSomeoneElse says that the connection is login's own and
// offers File → Connect… with the same server filled in and the user left
// for the other person's login. Once connected as them to the same
// newsroom, the article that was open opens again (by its id: it is the
// same database), as Switch person does on a shared login.
func (ui *mainUI) offerConnectAsSomeoneElse(target, login string) {
	name := login
	if m, ok := ui.store.SignedIn(); ok && m.Name != "" {
		name = m.Name
	}
	sr := &switchRefusal{message: widget.NewLabel(fmt.Sprintf(
		"This desk is connected to the shared newsroom with %s's own database login (%s), so the database lets it act only as %s. "+
			"To work as someone else, connect with their login and password.", name, login, name))}
	sr.message.Wrapping = fyne.TextWrapWord
	cancel := widget.NewButton("Cancel", func() { sr.d.Hide() })
	sr.connect = widget.NewButton("Connect as someone else…", func() {
		sr.d.Hide()
		var openID int64
		if ui.articles != nil {
			if a := ui.articles.Editor().Current(); a != nil {
				openID = a.ID
			}
		}
		cd := ui.showConnect("")
		fillServer(cd, target)
		cd.connected = func(connected string) {
			if openID != 0 && nstorage.SameNewsroom(target, connected) {
				ui.articles.reopen(openID)
			}
		}
		ui.win.Canvas().Focus(cd.user)
	})
	sr.connect.Importance = widget.HighImportance
	box := container.NewVBox(sr.message, container.NewHBox(cancel, sr.connect))
	sr.d = dialog.NewCustomWithoutButtons("Switch person", box, ui.win)
	sr.d.Resize(fyne.NewSize(520, 200))
	sr.d.Show()
	ui.win.Canvas().Focus(sr.connect)
	ui.switchUI = sr
}

// fillServer puts target's host, port and database into the connect
// dialog's fields, leaving the user and the password to be typed. A
// target that is not a postgres:// URL goes whole into the address field.
func fillServer(cd *connectDialog, target string) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		cd.url.SetText(target)
		return
	}
	cd.url.SetText("")
	host, port := u.Hostname(), u.Port()
	if socket := u.Query().Get("host"); socket != "" {
		host = socket
		if p := u.Query().Get("port"); p != "" {
			port = p
		}
	} else if h, p, err := net.SplitHostPort(u.Host); err == nil {
		host, port = h, p
	}
	cd.host.SetText(host)
	cd.port.SetText(port)
	cd.db.SetText(u.Path[min(1, len(u.Path)):])
	cd.user.SetText("")
}
