package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/publish"
	"newsroom/schedule"
	"newsroom/textedit"
)

// ExportStore is what the export dialog needs from the database;
// *storage.Store satisfies it.
type ExportStore interface {
	publish.Source
	Site(ctx context.Context) (domain.Site, error)
	SetSite(ctx context.Context, site domain.Site) error
	// ApplyCommentRetention clears commenters' addresses and browser
	// strings older than the retention setting, as every export does.
	ApplyCommentRetention(ctx context.Context) (int, error)
}

const (
	// prefExportFolder remembers the folder of the last export.
	prefExportFolder = "export.folder"
	// exportProgressEvery throttles progress bar updates.
	exportProgressEvery = 50 * time.Millisecond
)

// ExportDialog publishes the site into a folder: it asks for the folder,
// the base and comments URLs (kept in the database settings) and whether
// to include drafts, runs the export with a progress bar and a Cancel
// button, and ends with a summary, the warnings and "Open in browser".
type ExportDialog struct {
	store ExportStore
	win   fyne.Window
	prefs fyne.Preferences

	// sched runs background work and UI updates and reads the clock.
	sched schedule.Scheduler
	// showError and showWarnings report to the editor.
	showError    func(error)
	showWarnings func([]string)
	// onDone, when set, is called on the UI goroutine after each export.
	onDone func(publish.Report, error)

	// State below is touched on the UI goroutine only.
	cancel    context.CancelFunc
	indexPath string

	folder      *textedit.Editor
	browse      *widget.Button
	baseURL     *textedit.Editor
	commentsURL *textedit.Editor
	drafts      *widget.Check
	exportBtn   *widget.Button
	cancelBtn   *widget.Button
	openBtn     *widget.Button
	progress    *widget.ProgressBar
	summary     *widget.Label
	content     fyne.CanvasObject
	dlg         *dialog.CustomDialog
}

// NewExportDialog builds the export dialog; Show opens it. The URLs are
// read from the database in the background; the folder comes from prefs.
func NewExportDialog(store ExportStore, win fyne.Window, prefs fyne.Preferences, sched schedule.Scheduler) *ExportDialog {
	d := &ExportDialog{store: store, win: win, prefs: prefs, sched: sched}
	d.showError = func(err error) { dialog.ShowError(err, d.win) }
	d.showWarnings = d.warningsDialog
	d.build()
	d.loadSettings()
	return d
}

// build creates the widgets.
func (d *ExportDialog) build() {
	d.folder = textedit.NewField()
	d.folder.SetPlaceHolder("Folder to write the site into")
	if d.prefs != nil {
		d.folder.SetText(d.prefs.String(prefExportFolder))
	}
	d.browse = widget.NewButton("Choose…", d.chooseFolder)
	d.baseURL = textedit.NewField()
	d.baseURL.SetPlaceHolder("https://news.example (optional)")
	d.commentsURL = textedit.NewField()
	d.commentsURL.SetPlaceHolder("https://news.example/comments, or empty to close comments")
	// Enter in a field exports, as the Export button does.
	for _, f := range []*textedit.Editor{d.folder, d.baseURL, d.commentsURL} {
		f.OnSubmitted = func(string) { d.start() }
	}
	d.drafts = widget.NewCheck("Include drafts (marked as drafts, kept out of the feed)", nil)
	d.exportBtn = widget.NewButton("Export", d.start)
	d.exportBtn.Importance = widget.HighImportance
	d.cancelBtn = widget.NewButton("Cancel export", d.Cancel)
	d.cancelBtn.Disable()
	d.openBtn = widget.NewButton("Open in browser", d.openInBrowser)
	d.openBtn.Disable()
	d.progress = widget.NewProgressBar()
	d.progress.Hide()
	d.summary = widget.NewLabel("")
	d.summary.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, d.browse, d.folder)),
		widget.NewFormItem("Base URL", d.baseURL),
		widget.NewFormItem("Comments URL", d.commentsURL),
		widget.NewFormItem("", d.drafts),
	)
	d.content = container.NewVBox(form, container.NewHBox(d.exportBtn, d.cancelBtn, d.openBtn), d.progress, d.summary)
}

// Content returns the dialog's widget tree.
func (d *ExportDialog) Content() fyne.CanvasObject { return d.content }

// Show opens the dialog over the window. Closing it cancels a running
// export.
func (d *ExportDialog) Show() {
	if d.dlg == nil {
		d.dlg = dialog.NewCustom("Export site", "Close", d.content, d.win)
		d.dlg.SetOnClosed(d.Cancel)
		d.dlg.Resize(fyne.NewSize(640, 360))
	}
	d.dlg.Show()
	d.win.Canvas().Focus(d.folder) // the keyboard where typing starts
}

// loadSettings fills the URL fields from the database unless the editor
// typed in them already.
func (d *ExportDialog) loadSettings() {
	d.sched.Go(func() {
		site, err := d.store.Site(context.Background())
		base, comments := site.BaseURL, site.CommentsURL
		d.sched.Do(func() {
			if err != nil {
				d.summary.SetText(fmt.Sprintf("Could not read the saved URLs: %v", err))
				return
			}
			if d.baseURL.Text() == "" {
				d.baseURL.SetText(base)
			}
			if d.commentsURL.Text() == "" {
				d.commentsURL.SetText(comments)
			}
		})
	})
}

// chooseFolder opens the folder chooser at the typed folder.
func (d *ExportDialog) chooseFolder() {
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			d.showError(fmt.Errorf("choose folder: %w", err))
			return
		}
		if dir != nil {
			d.folder.SetText(dir.Path())
		}
	}, d.win)
	if p := strings.TrimSpace(d.folder.Text()); p != "" {
		if l, err := fynestorage.ListerForURI(fynestorage.NewFileURI(p)); err == nil {
			fd.SetLocation(l)
		}
	}
	fd.Show()
}

// exportRequest is what the fields ask for.
type exportRequest struct {
	dir, baseURL, commentsURL string
	drafts                    bool
}

// request reads and checks the fields.
func (d *ExportDialog) request() (exportRequest, error) {
	r := exportRequest{
		dir:         strings.TrimSpace(d.folder.Text()),
		baseURL:     strings.TrimSpace(d.baseURL.Text()),
		commentsURL: strings.TrimSpace(d.commentsURL.Text()),
		drafts:      d.drafts.Checked,
	}
	if r.dir == "" {
		return r, errors.New("choose the folder to export into")
	}
	abs, err := filepath.Abs(r.dir)
	if err != nil {
		return r, fmt.Errorf("export folder %q: %w", r.dir, err)
	}
	r.dir = abs
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		return r, fmt.Errorf("export folder %s is a file, not a folder", abs)
	}
	if err := domain.CheckBaseURL(r.baseURL); err != nil {
		return r, err
	}
	if err := domain.CheckCommentsURL(r.commentsURL); err != nil {
		return r, err
	}
	return r, nil
}

// start runs the export in the background.
func (d *ExportDialog) start() {
	if d.cancel != nil {
		return // one export at a time
	}
	req, err := d.request()
	if err != nil {
		d.showError(err)
		return
	}
	if d.prefs != nil {
		d.prefs.SetString(prefExportFolder, req.dir)
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.exportBtn.Disable()
	d.cancelBtn.Enable()
	d.openBtn.Disable()
	d.progress.SetValue(0)
	d.progress.Show()
	d.summary.SetText("Exporting…")
	started := d.sched.Now()
	d.sched.Go(func() {
		rep, err := d.run(ctx, req)
		elapsed := d.sched.Now().Sub(started)
		d.sched.Do(func() { d.finish(req, rep, err, elapsed) })
	})
}

// run exports, then keeps the URLs used as the settings for next time.
func (d *ExportDialog) run(ctx context.Context, req exportRequest) (publish.Report, error) {
	site, err := d.store.Site(ctx)
	if err != nil {
		return publish.Report{}, err
	}
	site.BaseURL, site.CommentsURL = req.baseURL, req.commentsURL
	if _, err := d.store.ApplyCommentRetention(ctx); err != nil {
		return publish.Report{}, err
	}
	opt := publish.ExportOptionsFor(site, d.sched.Now())
	opt.Drafts = req.drafts
	var last time.Time
	progress := func(done, total int) {
		if now := d.sched.Now(); done == total || now.Sub(last) >= exportProgressEvery {
			last = now
			v := 0.0
			if total > 0 {
				v = float64(done) / float64(total)
			}
			d.sched.Do(func() { d.progress.SetValue(v) })
		}
	}
	rep, err := publish.Export(ctx, d.store, req.dir, opt, progress)
	if err != nil {
		return rep, err
	}
	if err := d.store.SetSite(ctx, site); err != nil {
		return rep, fmt.Errorf("the site was exported, but the URLs were not saved: %w", err)
	}
	return rep, nil
}

// finish shows how the export went.
func (d *ExportDialog) finish(req exportRequest, rep publish.Report, err error, elapsed time.Duration) {
	canceled := d.cancel == nil
	if d.cancel != nil {
		d.cancel()
		d.cancel = nil
	}
	d.exportBtn.Enable()
	d.cancelBtn.Disable()
	d.progress.Hide()
	switch {
	case err != nil && (canceled || errors.Is(err, context.Canceled)):
		d.summary.SetText("Export cancelled. Files already written were kept; the next export picks up from there.")
	case err != nil:
		d.summary.SetText("Export failed.")
		d.showError(err)
	default:
		d.summary.SetText(fmt.Sprintf("Exported to %s in %s: %d written, %d unchanged, %d removed; %d warning(s).",
			req.dir, elapsed.Round(time.Millisecond), rep.Written, rep.Unchanged, rep.Removed, len(rep.Warnings)))
		d.indexPath = filepath.Join(req.dir, "index.html")
		d.openBtn.Enable()
		if len(rep.Warnings) > 0 {
			d.showWarnings(rep.Warnings)
		}
	}
	if d.onDone != nil {
		d.onDone(rep, err)
	}
}

// Cancel stops a running export.
func (d *ExportDialog) Cancel() {
	if d.cancel != nil {
		d.cancel()
		d.cancel = nil
		d.summary.SetText("Cancelling…")
	}
}

// warningsDialog lists the export's warnings, one per line, in the body
// text engine's read-only viewer: a site imported from WordPress can give
// ten thousand "not fact-checked" lines, which a word-wrapped label would
// take minutes to lay out. The text can be selected and copied.
func (d *ExportDialog) warningsDialog(warnings []string) {
	dialog.ShowCustom(fmt.Sprintf("Export warnings (%d)", len(warnings)), "Close", warningsView(warnings), d.win)
}

// warningsView is the scrolling, read-only list of warnings.
func warningsView(warnings []string) fyne.CanvasObject {
	text := textedit.NewViewer()
	text.SetText(strings.Join(warnings, "\n"), false)
	return container.NewGridWrap(fyne.NewSize(640, 320), text)
}

// openInBrowser opens the exported front page.
func (d *ExportDialog) openInBrowser() {
	if d.indexPath == "" {
		return
	}
	if err := fyne.CurrentApp().OpenURL(fileURL(d.indexPath)); err != nil {
		d.showError(fmt.Errorf("open %s: %w", d.indexPath, err))
	}
}

// fileURL is the file: URL of an absolute path.
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return &url.URL{Scheme: "file", Path: p}
}
