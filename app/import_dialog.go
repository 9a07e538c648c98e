package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsroom/importer"
	"newsroom/schedule"
)

// ShowImportDialog asks for Markdown or WordPress (WXR) files and imports
// them off the UI goroutine with a progress display; done runs after.
func ShowImportDialog(store importer.Store, win fyne.Window, sched schedule.Scheduler, done func()) {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		runImport(store, win, sched, path, done)
	}, win)
	open.Show()
}

// runImport imports one file, showing progress and the summary.
func runImport(store importer.Store, win fyne.Window, sched schedule.Scheduler, path string, done func()) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBarInfinite()
	status := widget.NewLabel("Importing " + path + "…")
	prog := dialog.NewCustom("Import", "Cancel", container.NewVBox(status, bar), win)
	// Closing the dialog (Cancel) cancels the import; SetOnClosed callbacks
	// chain, so the same one also runs when the import hides it at the end.
	prog.SetOnClosed(cancel)
	prog.Show()
	sched.Go(func() {
		last := 0
		sum, err := importer.ImportFile(ctx, store, path, func(n int) {
			if n-last >= 10 {
				last = n
				sched.Do(func() { status.SetText(fmt.Sprintf("Importing %s… %d items", path, n)) })
			}
		})
		sched.Do(func() {
			prog.Hide()
			if err != nil {
				dialog.ShowError(fmt.Errorf("nothing of the file was imported: %w", err), win)
				return
			}
			dialog.ShowInformation("Imported", strings.TrimSpace(sum.String()), win)
			if done != nil {
				done()
			}
		})
	})
}
