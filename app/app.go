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
	"fyne.io/fyne/v2/widget"

	"newsroom/assets"
	"newsroom/clipimage"
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
	// prefUserName is the name an earlier version asked for ("Who is
	// editing?"); it is only read once, to adopt that person as admin.
	prefUserName = "user.name"
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
	appearance{a}.apply()
	ui := newMainUI(a, store)
	defer ui.closeOpened()
	ui.signIn(func() { // signin.go: choose yourself from the staff
		ui.build()
		if openSlug != "" {
			ui.articles.OpenSlug(openSlug)
		}
		if importPath != "" {
			offerImport(importer.ForStorage(store), ui.win, ui.sched, importPath, ui.articles.Reload)
		}
	})
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
	whoLabel *widget.Label // who is signed in (signin.go)
	signInUI *signInDialog

	given       *storage.Store                       // the store Run was given (its caller closes it)
	opener      func(string) (*storage.Store, error) // storage.Open, unless a test says otherwise
	switchUI    *switchRefusal                       // the open Switch person refusal (tests)
	connectUI   *connectDialog                       // the open connect dialog (tests)
	quietErrors bool                                 // an open's error is shown by its dialog
}

// newMainUI creates the window, sized as it was last time.
func newMainUI(a fyne.App, store *storage.Store) *mainUI {
	ui := &mainUI{app: a, store: store, given: store, sched: schedule.Fyne()}
	ui.win = a.NewWindow("Newsroom — " + store.Path())
	prefs := a.Preferences()
	w := prefs.FloatWithFallback(prefWindowWidth, 1200)
	h := prefs.FloatWithFallback(prefWindowHeight, 800)
	ui.win.Resize(fyne.NewSize(float32(w), float32(h)))
	rememberRecent(prefs, store.Path())
	return ui
}

// userName is the name recorded on saves and fact checks: the signed-in
// person's (the store records it whatever is passed). The window signs
// someone in before it shows any screen.
func (ui *mainUI) userName() string {
	if m, ok := ui.store.SignedIn(); ok {
		return m.Name
	}
	return "Editor"
}

// build lays out the window, menus and shortcuts.
func (ui *mainUI) build() {
	ui.articles = NewArticlesScreen(ui.store, ui.win, ui.userName, ui.sched)
	ui.comments = NewCommentsScreen(ui.store, ui.win, ui.userName, ui.sched)
	ui.tabs = container.NewAppTabs(
		container.NewTabItem("Articles", ui.articles.Content()),
		container.NewTabItem("Comments", ui.comments.Content()),
	)
	ui.win.SetContent(ui.signInBar(ui.tabs))
	// Image files dropped on the window go to the open article's
	// library and body (the editor's Images panel).
	ui.win.SetOnDropped(ui.dropped)
	// Ctrl+V in the body takes a picture off the clipboard too.
	ui.articles.editor.SetClipboardImages(clipimage.X11{})
	ui.win.SetMainMenu(ui.menu())
	ui.startSpelling()
	ui.win.Canvas().SetOnTypedRune(func(r rune) {
		if ui.tabs.Selected() != nil && ui.tabs.Selected().Text == "Comments" {
			ui.comments.TypedRune(r)
		}
	})
	ui.win.Canvas().SetOnTypedKey(ui.typedKey)
	ed := ui.articles.Editor()
	ed.SetSidePanelShown(ui.app.Preferences().BoolWithFallback(prefSidePanel, true))
	ed.OnSidePanel = func(shown bool) { ui.app.Preferences().SetBool(prefSidePanel, shown) }
	ui.win.SetCloseIntercept(ui.quit)
}

// dropped takes files dropped on the window: on the Articles tab, image
// files go to the open article's library and body.
func (ui *mainUI) dropped(_ fyne.Position, uris []fyne.URI) {
	if ui.tabs.Selected() != nil && ui.tabs.Selected().Text == "Articles" {
		ui.articles.editor.DropImages(uris)
	}
}

// quit saves what is unsaved, remembers the window size and ends the
// program: closing the window and File → Quit (Ctrl+Q) both come here.
func (ui *mainUI) quit() {
	ui.rememberSize()
	if ui.articles == nil { // still signing in: no screens to save
		ui.win.Close()
		return
	}
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

// typedKey hears the keys no widget used: Escape closes the dialog on
// top, F9 shows or hides the editor's side panels.
func (ui *mainUI) typedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		dismissTopDialog(ui.win.Canvas())
	case fyne.KeyF9:
		ui.articles.Editor().ToggleSidePanel()
	}
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
	if ui.articles.FindInBody() {
		return
	}
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
