package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"newsroom/importer"
	"newsroom/schedule"
	"newsroom/textedit"
)

// importFilter lets the file chooser show what Import reads.
var importFilter = storage.NewExtensionFileFilter([]string{".md", ".markdown", ".xml"})

// importForm is the content of File → Import…: a typed path (a file or a
// folder), buttons to choose one, a WordPress uploads folder (optional),
// and the dry-run and replace switches.
type importForm struct {
	path    *textedit.Editor
	uploads *textedit.Editor
	dryRun  *widget.Check
	replace *widget.Check
	content fyne.CanvasObject
}

func newImportForm(win fyne.Window) *importForm {
	f := &importForm{
		path:    textedit.NewField(),
		uploads: textedit.NewField(),
		dryRun:  widget.NewCheck("Dry run: only show what would happen", nil),
		replace: widget.NewCheck("Overwrite articles whose slug a file takes (--replace)", nil),
	}
	f.path.SetPlaceHolder("A Markdown file, a WordPress export or a folder of them")
	chooseFile := widget.NewButton("Choose file…", func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				dialog.ShowError(err, win)
				return
			}
			if r != nil {
				f.path.SetText(r.URI().Path())
				r.Close()
			}
		}, win)
		d.SetFilter(importFilter)
		d.Show()
	})
	chooseFolder := widget.NewButton("Choose folder…", func() { chooseFolderInto(f.path, win) })
	f.uploads.SetPlaceHolder("WordPress uploads folder (optional)")
	chooseUploads := widget.NewButton("Choose…", func() { chooseFolderInto(f.uploads, win) })
	note := widget.NewLabel("Folders are read with their subfolders: .md, .markdown and WordPress .xml files are imported, other files are skipped and counted. " +
		"With an uploads folder (a copy of wp-content/uploads), a WordPress export's images are taken into the media library; without one they stay links.")
	note.Wrapping = fyne.TextWrapWord
	f.content = container.NewVBox(f.path, container.NewHBox(chooseFile, chooseFolder),
		container.NewBorder(nil, nil, nil, chooseUploads, f.uploads), f.dryRun, f.replace, note)
	return f
}

// chooseFolderInto asks for a folder and writes its path into field.
func chooseFolderInto(field *textedit.Editor, win fyne.Window) {
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if u != nil {
			field.SetText(u.Path())
		}
	}, win)
}

// options are the form's choices.
func (f *importForm) options() importer.Options {
	return importer.Options{DryRun: f.dryRun.Checked, Replace: f.replace.Checked, Uploads: strings.TrimSpace(f.uploads.Text())}
}

// ShowImportDialog asks for a Markdown file, a WordPress (WXR) export or a
// folder (typed or chosen) and imports it off the UI goroutine with a
// progress display, then shows what each file became and the warnings;
// done runs after a real (not dry) run.
func ShowImportDialog(store importer.Store, win fyne.Window, sched schedule.Scheduler, done func()) {
	f := newImportForm(win)
	d := dialog.NewCustomConfirm("Import", "Import", "Cancel", f.content, func(ok bool) {
		path := strings.TrimSpace(f.path.Text())
		if !ok || path == "" {
			return
		}
		opt := f.options()
		runImport(store, win, sched, path, opt, func(importer.Report, error) {
			if done != nil && !opt.DryRun {
				done()
			}
		})
	}, win)
	f.path.OnSubmitted = func(string) { d.Confirm() } // Enter imports what was typed
	f.uploads.OnSubmitted = f.path.OnSubmitted
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	win.Canvas().Focus(f.path)
}

// runImport imports path, showing progress and then the report; finished
// runs on the UI goroutine after the report is shown.
func runImport(store importer.Store, win fyne.Window, sched schedule.Scheduler, path string, opt importer.Options, finished func(importer.Report, error)) {
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
		opt.Progress = func(n int) {
			if n-last >= 10 {
				last = n
				sched.Do(func() { status.SetText(fmt.Sprintf("Importing %s… %d items", path, n)) })
			}
		}
		rep, err := importer.Import(ctx, store, path, opt)
		sched.Do(func() {
			prog.Hide()
			showImportReport(win, rep, err)
			if finished != nil {
				finished(rep, err)
			}
		})
	})
}

// importReportText is what the report dialog shows: the summary line,
// then a line per file and its warnings.
func importReportText(rep importer.Report, err error) (summary, details string) {
	lines := rep.Lines()
	summary = lines[len(lines)-1]
	if err != nil {
		summary = "The import stopped: " + err.Error() + "\n" + summary
	}
	return summary, strings.Join(lines[:len(lines)-1], "\n")
}

func showImportReport(win fyne.Window, rep importer.Report, err error) {
	summary, details := importReportText(rep, err)
	head := widget.NewLabel(summary)
	head.Wrapping = fyne.TextWrapWord
	// Our viewer: long lines wrap (a WordPress file's warnings name the
	// file, line and post before the point), thousands of lines scroll
	// fast, and the report can be selected and copied.
	body := textedit.NewViewer()
	body.SetText(details, false)
	title := "Imported"
	if rep.DryRun {
		title = "Import (dry run)"
	}
	d := dialog.NewCustom(title, "Close", container.NewBorder(head, nil, nil, nil, body), win)
	d.Resize(fyne.NewSize(760, 480))
	d.Show()
}
