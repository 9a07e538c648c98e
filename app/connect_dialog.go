package app

import (
	"errors"
	"net"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	nstorage "newsroom/storage"
)

// connectDialog is File → Connect to a shared newsroom… (fields exported
// to the tests of this package).
type connectDialog struct {
	d                    dialog.Dialog
	url                  *widget.Entry
	host, port, db, user *widget.Entry
	password             *widget.Entry
	connect              *widget.Button
	problem              *widget.Label
	// connected (may be nil) runs on the UI goroutine once the window
	// is on the newsroom target, signed in and built again.
	connected func(target string)
}

// connectTarget builds the connection string from the URL field, or else
// from the host, port, database and user fields, with password added.
// The password lives only in the string returned (never in preferences).
func connectTarget(rawURL, host, port, db, user, password string) (string, error) {
	rawURL = strings.TrimSpace(rawURL)
	if rawURL != "" {
		if !nstorage.IsPostgresTarget(rawURL) {
			return "", errors.New("the address must start with postgres:// (or be host=… dbname=… keywords)")
		}
		if password == "" {
			return rawURL, nil
		}
		if !strings.Contains(rawURL, "://") {
			return rawURL + " password='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(password) + "'", nil
		}
		u, err := url.Parse(rawURL)
		if err != nil {
			return "", errors.New("the postgres:// address is not valid")
		}
		name := ""
		if u.User != nil {
			name = u.User.Username()
		}
		u.User = url.UserPassword(name, password)
		return u.String(), nil
	}
	host, port, db, user = strings.TrimSpace(host), strings.TrimSpace(port), strings.TrimSpace(db), strings.TrimSpace(user)
	if host == "" || db == "" {
		return "", errors.New("give the server address (postgres://…), or at least the host and the database")
	}
	u := url.URL{Scheme: "postgres", Path: "/" + db}
	if user != "" || password != "" {
		u.User = url.User(user)
		if password != "" {
			u.User = url.UserPassword(user, password)
		}
	}
	if strings.HasPrefix(host, "/") { // a unix socket folder
		q := url.Values{"host": {host}}
		if port != "" {
			q.Set("port", port)
		}
		u.RawQuery = q.Encode()
	} else {
		if port == "" {
			port = "5432"
		}
		u.Host = net.JoinHostPort(host, port)
	}
	return u.String(), nil
}

// showConnect opens the connect dialog, the URL field holding prefill (a
// recent server, never with a password).
func (ui *mainUI) showConnect(prefill string) *connectDialog {
	cd := &connectDialog{
		url: widget.NewEntry(), host: widget.NewEntry(), port: widget.NewEntry(),
		db: widget.NewEntry(), user: widget.NewEntry(), password: widget.NewPasswordEntry(),
		problem: widget.NewLabel(""),
	}
	cd.url.SetPlaceHolder("postgres://user@host:5432/newsroom")
	cd.url.SetText(prefill)
	cd.host.SetPlaceHolder("db.example.org or a socket folder")
	cd.port.SetPlaceHolder("5432")
	cd.db.SetPlaceHolder("newsroom")
	cd.password.SetPlaceHolder("asked each time, never stored")
	cd.problem.Importance = widget.DangerImportance
	cd.problem.Wrapping = fyne.TextWrapWord
	connect := func() {
		target, err := connectTarget(cd.url.Text, cd.host.Text, cd.port.Text, cd.db.Text, cd.user.Text, cd.password.Text)
		if err != nil {
			cd.problem.SetText(err.Error())
			return
		}
		secret := cd.password.Text
		cd.problem.SetText("Connecting…")
		cd.connect.Disable()
		ui.openNewsroomQuietly(target, secret, func(err error) {
			cd.connect.Enable()
			if err != nil {
				cd.problem.SetText(hideSecret(err.Error(), secret))
				return
			}
			cd.password.SetText("")
			cd.d.Hide()
			if cd.connected != nil {
				cd.connected(target)
			}
		})
	}
	cd.connect = widget.NewButton("Connect", connect)
	cd.connect.Importance = widget.HighImportance
	cd.password.OnSubmitted = func(string) { connect() }
	cd.url.OnSubmitted = func(string) { connect() }
	form := widget.NewForm(
		widget.NewFormItem("Server address", cd.url),
		widget.NewFormItem("or host", cd.host),
		widget.NewFormItem("port", cd.port),
		widget.NewFormItem("database", cd.db),
		widget.NewFormItem("user", cd.user),
		widget.NewFormItem("Password", cd.password),
	)
	cancel := widget.NewButton("Cancel", func() { cd.d.Hide() })
	box := container.NewVBox(form, cd.problem, container.NewHBox(cancel, cd.connect))
	cd.d = dialog.NewCustomWithoutButtons("Connect to a shared newsroom", box, ui.win)
	cd.d.Resize(fyne.NewSize(560, 380))
	cd.d.Show()
	if prefill != "" {
		ui.win.Canvas().Focus(cd.password)
	} else {
		ui.win.Canvas().Focus(cd.url)
	}
	ui.connectUI = cd
	return cd
}

// openNewsroomQuietly is openNewsroom with the error left to the caller
// (the connect dialog shows it in place, not in a second dialog).
func (ui *mainUI) openNewsroomQuietly(target, secret string, done func(error)) {
	ui.quietErrors = true
	ui.openNewsroom(target, secret, func(err error) {
		ui.quietErrors = false
		done(err)
	})
}

// showOpenFile is File → Open…: a database file.
func (ui *mainUI) showOpenFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		ui.openNewsroom(path, "", nil)
	}, ui.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".sqlite3", ".newsroom"}))
	if last := ui.app.Preferences().String(prefLastDatabase); last != "" && !nstorage.IsPostgresTarget(last) {
		if dir, lerr := storage.ListerForURI(storage.NewFileURI(filepath.Dir(last))); lerr == nil {
			d.SetLocation(dir)
		}
	}
	d.Resize(fyne.NewSize(min(900, ui.win.Canvas().Size().Width-40), min(620, ui.win.Canvas().Size().Height-40)))
	d.Show()
}

// recentMenu is File → Recent: a file opens at once; a server opens the
// connect dialog with its address filled in, asking for the password.
func (ui *mainUI) recentMenu() *fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, target := range recentNewsrooms(ui.app.Preferences()) {
		it := fyne.NewMenuItem(target, func() {
			if nstorage.IsPostgresTarget(target) {
				ui.showConnect(target)
				return
			}
			ui.openNewsroom(target, "", nil)
		})
		it.Checked = ui.store != nil && ui.store.Path() == target
		items = append(items, it)
	}
	recent := fyne.NewMenuItem("Recent", nil)
	if len(items) == 0 {
		none := fyne.NewMenuItem("(none yet)", nil)
		none.Disabled = true
		items = append(items, none)
	}
	recent.ChildMenu = fyne.NewMenu("", items...)
	return recent
}
