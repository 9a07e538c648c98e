// Package app is the Newsroom desktop application: the main window with
// the article list and editor, the comment queue, export and settings.
package app

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"newsroom/assets"
	"newsroom/importer"
	"newsroom/schedule"
	"newsroom/storage"
)

// AppID identifies Newsroom to Fyne (preferences, data folder).
const AppID = "org.newsroom.desktop"

// Preference keys.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefLastDatabase = "database.last"
	prefUserName     = "user.name"
)

// Run opens the main window on store and returns when it closes. A
// non-empty openSlug opens that article in the editor with the keyboard
// focus in the body. A non-empty importPath (a file or folder given on the
// command line) is offered for import once the window shows.
func Run(store *storage.Store, openSlug, importPath string) (err error) {
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("no display to open the window on (DISPLAY is not set); the command line works without one: newsroom --help")
	}
	// GLFW panics when the display cannot be opened; say so instead.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot open the window on display %q: %v", os.Getenv("DISPLAY"), r)
		}
	}()
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	ui := newMainUI(a, store)
	ui.build()
	if openSlug != "" {
		ui.articles.OpenSlug(openSlug)
	}
	if importPath != "" {
		offerImport(importer.ForStorage(store), ui.win, ui.sched, importPath, ui.articles.Reload)
	}
	ui.win.ShowAndRun()
	return nil
}

// mainUI is the main window and its screens.
type mainUI struct {
	app      fyne.App
	store    *storage.Store
	sched    schedule.Scheduler
	win      fyne.Window
	articles *ArticlesScreen
	comments *CommentsScreen
	tabs     *container.AppTabs
}

// newMainUI creates the window, sized as it was last time.
func newMainUI(a fyne.App, store *storage.Store) *mainUI {
	ui := &mainUI{app: a, store: store, sched: schedule.Fyne()}
	ui.win = a.NewWindow("Newsroom — " + store.Path())
	prefs := a.Preferences()
	w := prefs.FloatWithFallback(prefWindowWidth, 1200)
	h := prefs.FloatWithFallback(prefWindowHeight, 800)
	ui.win.Resize(fyne.NewSize(float32(w), float32(h)))
	prefs.SetString(prefLastDatabase, store.Path())
	return ui
}

// userName is the name recorded on saves and fact checks; asked once.
func (ui *mainUI) userName() string {
	name := ui.app.Preferences().String(prefUserName)
	if name == "" {
		return "Editor"
	}
	return name
}

// build lays out the window, menus and shortcuts.
func (ui *mainUI) build() {
	ui.articles = NewArticlesScreen(ui.store, ui.win, ui.userName, ui.sched)
	ui.comments = NewCommentsScreen(ui.store, ui.win, ui.userName, ui.sched)
	ui.tabs = container.NewAppTabs(
		container.NewTabItem("Articles", ui.articles.Content()),
		container.NewTabItem("Comments", ui.comments.Content()),
	)
	ui.win.SetContent(ui.tabs)
	// Image files dropped on the window go to the open article's
	// library and body (the editor's Images panel).
	ui.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		if ui.tabs.Selected() != nil && ui.tabs.Selected().Text == "Articles" {
			ui.articles.editor.DropImages(uris)
		}
	})
	ui.win.SetMainMenu(ui.menu())
	ui.startSpelling()
	ui.win.Canvas().SetOnTypedRune(func(r rune) {
		if ui.tabs.Selected() != nil && ui.tabs.Selected().Text == "Comments" {
			ui.comments.TypedRune(r)
		}
	})
	ui.win.SetCloseIntercept(ui.quit)
	if ui.app.Preferences().String(prefUserName) == "" {
		ui.askUserName()
	}
}

// quit saves what is unsaved, remembers the window size and ends the
// program: closing the window and File → Quit (Ctrl+Q) both come here.
func (ui *mainUI) quit() {
	ui.rememberSize()
	ui.articles.Close(func() {
		ui.comments.Close()
		ui.win.Close()
	})
}

// rememberSize keeps the window size for next time.
func (ui *mainUI) rememberSize() {
	size := ui.win.Canvas().Size()
	prefs := ui.app.Preferences()
	prefs.SetFloat(prefWindowWidth, float64(size.Width))
	prefs.SetFloat(prefWindowHeight, float64(size.Height))
}

// askUserName asks once for the name saves and fact checks are made in.
func (ui *mainUI) askUserName() {
	entry := widget.NewEntry()
	entry.SetPlaceHolder("Your name, as it appears on fact checks")
	var d *dialog.FormDialog
	d = dialog.NewForm("Who is editing?", "Save", "Later", []*widget.FormItem{widget.NewFormItem("Name", entry)},
		func(ok bool) {
			if ok && entry.Text != "" {
				ui.app.Preferences().SetString(prefUserName, entry.Text)
			}
		}, ui.win)
	entry.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(460, 180))
	d.Show()
	ui.win.Canvas().Focus(entry)
}

// menu builds the main menu. Menu items carry the frequent shortcuts:
// Fyne tries main-menu shortcuts before the focused widget, so they work
// wherever the keyboard is.
func (ui *mainUI) menu() *fyne.MainMenu {
	item := func(label string, key fyne.KeyName, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		if key != "" {
			it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
		}
		return it
	}
	// Fyne's own Quit would skip saving: ours flushes first.
	quitItem := item("Quit", fyne.KeyQ, ui.quit)
	quitItem.IsQuit = true
	file := fyne.NewMenu("File",
		item("New article", fyne.KeyN, func() { ui.tabs.SelectIndex(0); ui.articles.NewArticle() }),
		item("Save", fyne.KeyS, ui.articles.SaveNow),
		fyne.NewMenuItemSeparator(),
		item("Import…", "", func() { ShowImportDialog(importer.ForStorage(ui.store), ui.win, ui.sched, ui.articles.Reload) }),
		item("Export…", "", func() { NewExportDialog(ui.store, ui.win, ui.app.Preferences(), ui.sched).Show() }),
		fyne.NewMenuItemSeparator(),
		quitItem,
	)
	edit := fyne.NewMenu("Edit",
		item("Find", fyne.KeyF, ui.focusSearch),
		item("Preview", fyne.KeyP, ui.articles.TogglePreview),
		fyne.NewMenuItemSeparator(),
		item("Settings…", "", func() { ShowSettingsDialog(ui.store, ui.win, ui.app.Preferences(), ui.sched) }),
	)
	view := fyne.NewMenu("View",
		item("Articles", fyne.Key1, func() { ui.showTab(0) }),
		item("Comments", fyne.Key2, func() { ui.showTab(1) }),
	)
	help := fyne.NewMenu("Help", item("Keyboard shortcuts", "", ui.showShortcuts))
	return fyne.NewMainMenu(file, edit, view, help)
}

// shortcutList is what Help → Keyboard shortcuts shows.
var shortcutList = [][2]string{
	{"Ctrl+N", "New article"},
	{"Ctrl+S", "Save now (saving is also automatic)"},
	{"Ctrl+F", "Search articles"},
	{"Ctrl+P", "Show or hide the preview"},
	{"Ctrl+1 / Ctrl+2", "Articles / comment queue"},
	{"Ctrl+Q", "Save and quit"},
	{"Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", "Undo / redo in the body"},
	{"F7", "Next misspelt word in the body, with its suggestions"},
	{"Shift+F10, Menu key, right click", "The body's context menu: suggestions, add to the newsroom dictionary, ignore"},
	{"Ctrl+A, Ctrl+C, Ctrl+X, Ctrl+V", "Select all, copy, cut, paste"},
	{"Ctrl+Home / Ctrl+End", "Start / end of the body"},
	{"j / k", "Comments: next / previous"},
	{"a, s, d, u", "Comments: approve, spam, trash, unapprove"},
}

// showShortcuts lists the keyboard shortcuts.
func (ui *mainUI) showShortcuts() {
	form := container.NewGridWithColumns(2)
	for _, s := range shortcutList {
		form.Add(widget.NewLabelWithStyle(s[0], fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}))
		form.Add(widget.NewLabel(s[1]))
	}
	dialog.ShowCustom("Keyboard shortcuts", "Close", form, ui.win)
}

// showTab switches screens and moves the keyboard with it, so keys
// never go to a widget on the hidden screen.
func (ui *mainUI) showTab(i int) {
	ui.tabs.SelectIndex(i)
	ui.win.Canvas().Unfocus()
	if i == 1 {
		ui.comments.Focus()
	}
}

// focusSearch puts the keyboard in the article search box.
func (ui *mainUI) focusSearch() {
	ui.tabs.SelectIndex(0)
	ui.articles.FocusSearch()
}

// background runs fn off the UI goroutine and reports its error in a
// dialog.
func background(win fyne.Window, sched schedule.Scheduler, what string, fn func(ctx context.Context) error) {
	sched.Go(func() {
		if err := fn(context.Background()); err != nil {
			log.Printf("%s: %v", what, err)
			sched.Do(func() { dialog.ShowError(fmt.Errorf("%s: %w", what, err), win) })
		}
	})
}
