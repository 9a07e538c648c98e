package app

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"newsroom/storage"
)

// prefRecent lists the newsrooms opened last, newest first: file paths
// and postgres:// URLs as storage names them (never with a password).
const prefRecent = "database.recent"

// recentMax is how many newsrooms File → Recent remembers.
const recentMax = 8

// envUser names the staff member to sign in as without asking (as the
// command line's $NEWSROOM_USER).
const envUser = "NEWSROOM_USER"

// rememberRecent puts target first in the recent list. target is what
// Store.Path returns, which never holds a password.
func rememberRecent(prefs fyne.Preferences, target string) {
	list := []string{target}
	for _, t := range prefs.StringList(prefRecent) {
		if t != target && len(list) < recentMax {
			list = append(list, t)
		}
	}
	prefs.SetStringList(prefRecent, list)
	prefs.SetString(prefLastDatabase, target)
}

// recentNewsrooms is the recent list, newest first.
func recentNewsrooms(prefs fyne.Preferences) []string { return prefs.StringList(prefRecent) }

// hideSecret takes secret out of an error message (belt and braces: the
// store already names servers without their password).
func hideSecret(msg, secret string) string {
	if secret == "" {
		return msg
	}
	return strings.ReplaceAll(msg, secret, "xxxxx")
}

// openNewsroom opens target (a database file or a PostgreSQL connection
// string) off the UI goroutine and, once it is open, switches the window
// to it: the open article is saved first, the old store closed, and
// someone signs in on the new one. secret is a password that no message
// may show. done (may be nil) hears the outcome on the UI goroutine; on
// failure the window stays on the old newsroom and the error is shown.
func (ui *mainUI) openNewsroom(target, secret string, done func(error)) {
	finish := func(err error) {
		if done != nil {
			done(err)
		}
	}
	ui.sched.Go(func() {
		st, err := ui.openStore(target)
		if err == nil {
			if login := os.Getenv(envUser); login != "" {
				if _, serr := st.SignIn(context.Background(), login); serr != nil {
					log.Printf("newsroom: sign in as %s: %v", login, hideSecret(serr.Error(), secret))
				}
			}
		}
		ui.sched.Do(func() {
			if err != nil {
				err = fmt.Errorf("%s", hideSecret(err.Error(), secret))
				log.Printf("newsroom: open: %v", err)
				if !ui.quietErrors {
					dialog.ShowError(err, ui.win)
				}
				finish(err)
				return
			}
			ui.switchTo(st, func() { finish(nil) })
		})
	})
}

// openStore opens target for the window (its PostgreSQL connections named
// "newsroom desk LOGIN"), unless a test says otherwise.
func (ui *mainUI) openStore(target string) (*storage.Store, error) {
	if ui.opener != nil {
		return ui.opener(target)
	}
	return storage.OpenWith(target, storage.Options{Purpose: "desk"})
}

// switchTo makes st the window's newsroom (UI goroutine): the open
// article is saved and its lock released, the screens closed, the old
// store closed (unless the command line opened it: it closes it), then
// the sign-in and the screens on st.
func (ui *mainUI) switchTo(st *storage.Store, then func()) {
	swap := func() {
		if ui.comments != nil {
			ui.comments.Close()
		}
		old := ui.store
		ui.store = st
		ui.win.SetTitle("Newsroom — " + st.Path())
		rememberRecent(ui.app.Preferences(), st.Path())
		if old != nil && old != ui.given {
			ui.sched.Go(func() {
				if err := old.Close(); err != nil {
					log.Printf("newsroom: close %s: %v", old.Path(), err)
				}
			})
		}
		ui.signIn(func() {
			ui.build()
			then()
		})
	}
	if ui.articles == nil {
		swap()
		return
	}
	ui.articles.Close(swap)
}

// closeOpened closes the store the window switched to, when it is not the
// one the command line gave (which the command line closes).
func (ui *mainUI) closeOpened() {
	if ui.store != nil && ui.store != ui.given {
		if err := ui.store.Close(); err != nil {
			log.Printf("newsroom: close %s: %v", ui.store.Path(), err)
		}
	}
}
