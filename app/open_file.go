package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"newsroom/importer"
	"newsroom/schedule"
)

// offerImport asks whether to import path, a file or folder given on the
// command line (the desktop's "Open with"), and on Yes runs the import
// File → Import… runs; done runs after a successful import.
func offerImport(store importer.Store, win fyne.Window, sched schedule.Scheduler, path string, done func()) *dialog.ConfirmDialog {
	d := dialog.NewConfirm("Open with Newsroom", fmt.Sprintf("Add the articles in %s to this database?", path), func(ok bool) {
		if ok {
			runImport(store, win, sched, path, importer.Options{}, func(_ importer.Report, err error) {
				if err == nil && done != nil {
					done()
				}
			})
		}
	}, win)
	d.SetConfirmText("Import")
	d.SetDismissText("Cancel")
	d.Show()
	return d
}
