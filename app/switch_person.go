package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// switchPerson lets another member of the staff sign in at this desk
// without restarting (File → Switch person…), as on a shared machine: the
// open article is saved and its lock released, the screens closed, and
// "Who is editing?" asked again, the person signed in now offered first.
// The window is then built again for whoever signs in: the bar, the list
// and the menus follow their role. Cancel (or Escape) builds it again for
// the person signed in before.
func (ui *mainUI) switchPerson() {
	current, _ := ui.store.SignedIn()
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
					ui.build()
					dialog.ShowError(fmt.Errorf("switch person: read the staff list: %w", err), ui.win)
					return
				}
				ui.askWhoIsEditing(staff, hasAdmin, current.Login, ui.build, ui.build)
			})
		})
	})
}
