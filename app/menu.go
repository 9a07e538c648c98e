package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/importer"
)

// Finder is what Edit → Find (Ctrl+F) asks of the widget with the
// keyboard, then of the article editor: Find opens its find bar and
// reports whether it did. Without one, Find goes to the article search.
type Finder interface {
	Find() bool
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
	shiftItem := func(label string, key fyne.KeyName, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
		return it
	}
	// The clipboard and undo items send their shortcut to the widget with
	// the keyboard (the body, a field), as the keys themselves would.
	edit := func(label string, sc fyne.Shortcut) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { ui.toFocused(sc) })
		it.Shortcut = sc
		return it
	}
	clip := ui.app.Clipboard()
	// Fyne's own Quit would skip saving: ours flushes first.
	quitItem := item("Quit", fyne.KeyQ, ui.quit)
	quitItem.IsQuit = true
	file := fyne.NewMenu("File",
		item("New article", fyne.KeyN, func() { ui.tabs.SelectIndex(0); ui.articles.NewArticle() }),
		item("Save", fyne.KeyS, ui.articles.SaveNow),
		fyne.NewMenuItemSeparator(),
		item("Open…", fyne.KeyO, ui.showOpenFile),
		shiftItem("Connect to a shared newsroom…", fyne.KeyO, func() { ui.showConnect("") }),
		ui.recentMenu(),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Switch person…", ui.switchPerson),
		fyne.NewMenuItemSeparator(),
		ui.gated(shiftItem("Import…", fyne.KeyI, func() { ShowImportDialog(importer.ForStorage(ui.store), ui.win, ui.sched, ui.articles.Reload) }), domain.ActImport),
		ui.gated(item("Export…", fyne.KeyE, func() { NewExportDialog(ui.store, ui.win, ui.app.Preferences(), ui.sched).Show() }), domain.ActExport),
		fyne.NewMenuItemSeparator(),
		quitItem,
	)
	redo := edit("Redo", &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	editMenu := fyne.NewMenu("Edit",
		edit("Undo", &fyne.ShortcutUndo{}),
		redo,
		fyne.NewMenuItemSeparator(),
		edit("Cut", &fyne.ShortcutCut{Clipboard: clip}),
		edit("Copy", &fyne.ShortcutCopy{Clipboard: clip}),
		edit("Paste", &fyne.ShortcutPaste{Clipboard: clip}),
		edit("Select all", &fyne.ShortcutSelectAll{}),
		fyne.NewMenuItemSeparator(),
		item("Find", fyne.KeyF, ui.find),
		fyne.NewMenuItemSeparator(),
		ui.gated(item("Settings…", fyne.KeyComma, func() { ShowSettingsDialog(ui.store, ui.win, ui.app.Preferences(), ui.sched) }), domain.ActSettings),
		ui.gated(item("Staff…", "", func() { NewStaffDialog(ui.store, ui.win, ui.sched).Show() }), domain.ActManageStaff),
	)
	look := appearance{ui.app}
	modes := []struct{ label, mode string }{
		{"Follow the system", appearanceSystem}, {"Light", appearanceLight}, {"Dark", appearanceDark},
	}
	var modeItems []*fyne.MenuItem
	for _, m := range modes {
		it := fyne.NewMenuItem(m.label, nil)
		it.Checked = look.mode() == m.mode
		it.Action = func() {
			look.setMode(m.mode)
			for i, other := range modeItems {
				other.Checked = modes[i].mode == m.mode
			}
			ui.win.MainMenu().Refresh()
		}
		modeItems = append(modeItems, it)
	}
	appearanceItem := fyne.NewMenuItem("Appearance", nil)
	appearanceItem.ChildMenu = fyne.NewMenu("", modeItems...)
	textSize := fyne.NewMenuItem("Text size", nil)
	textSize.ChildMenu = fyne.NewMenu("",
		item("Larger", fyne.KeyEqual, func() { look.stepText(1) }),
		item("Smaller", fyne.KeyMinus, func() { look.stepText(-1) }),
		item("Normal size", fyne.Key0, func() { look.stepText(0) }),
	)
	view := fyne.NewMenu("View",
		item("Articles", fyne.Key1, func() { ui.showTab(0) }),
		item("Comments", fyne.Key2, func() { ui.showTab(1) }),
		fyne.NewMenuItemSeparator(),
		item("Preview", fyne.KeyP, ui.articles.TogglePreview),
		item("Side panels (also F9)", fyne.KeyBackslash, func() { ui.articles.Editor().ToggleSidePanel() }),
		fyne.NewMenuItemSeparator(),
		appearanceItem,
		textSize,
	)
	help := fyne.NewMenu("Help", item("Keyboard shortcuts", fyne.KeySlash, ui.showShortcuts))
	return fyne.NewMainMenu(file, editMenu, view, help)
}

// toFocused sends an editing shortcut to the widget with the keyboard.
func (ui *mainUI) toFocused(sc fyne.Shortcut) {
	if w, ok := ui.win.Canvas().Focused().(fyne.Shortcutable); ok {
		w.TypedShortcut(sc)
	}
}

// find is Edit → Find: the focused widget's or the editor's find bar
// (Finder) when there is one, else the article search.
func (ui *mainUI) find() {
	if f, ok := ui.win.Canvas().Focused().(Finder); ok && f.Find() {
		return
	}
	if f, ok := any(ui.articles.Editor()).(Finder); ok && ui.win.Canvas().Focused() == fyne.Focusable(ui.articles.Editor().Body()) && f.Find() {
		return
	}
	ui.focusSearch()
}

// shortcutList is what Help → Keyboard shortcuts shows.
var shortcutList = [][2]string{
	{"Ctrl+N", "New article"},
	{"Ctrl+S", "Save now (saving is also automatic)"},
	{"Ctrl+O", "Open another newsroom file"},
	{"Ctrl+Shift+O", "Connect to a shared newsroom"},
	{"Ctrl+Shift+I / Ctrl+E", "Import / export (editors / admins)"},
	{"Ctrl+,", "Settings (admins)"},
	{"Ctrl+/", "This list of keyboard shortcuts"},
	{"Ctrl+F", "Find: in the body when the keyboard is there, else search articles"},
	{"Ctrl+H", "Find and replace in the body"},
	{"Enter / Shift+Enter, F3 / Shift+F3", "Find: next / previous match"},
	{"Tab, Ctrl+Alt+Enter, Escape", "Find: to the replacement, replace all, close"},
	{"Ctrl+B / Ctrl+I", "Bold / italic around the selection (again to remove)"},
	{"Ctrl+K", "Make the selection a link, the address selected for typing"},
	{"Enter / Down in the search box", "Open the first result / go to the results"},
	{"Ctrl+P", "Show or hide the preview"},
	{"F9, Ctrl+\\", "Show or hide the side panels"},
	{"Ctrl+1 / Ctrl+2", "Articles / comment queue"},
	{"Ctrl+= / Ctrl+- / Ctrl+0", "Larger / smaller / normal text"},
	{"Ctrl+Q", "Save and quit"},
	{"Tab / Shift+Tab", "Next / previous field: headline, slug, standfirst, byline, filing, status, time, body"},
	{"Enter in a field", "Next field"},
	{"Escape", "Close the dialog"},
	{"Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", "Undo / redo"},
	{"Ctrl+A, Ctrl+C, Ctrl+X, Ctrl+V", "Select all, copy, cut, paste"},
	{"Ctrl+Left / Ctrl+Right", "Previous / next word"},
	{"Ctrl+Home / Ctrl+End", "Start / end of the body"},
	{"F7", "Next misspelt word in the body, with its suggestions"},
	{"Shift+F10, Menu key, right click", "The body's context menu: suggestions, add to the newsroom dictionary, ignore"},
	{"j / k", "Comments: next / previous"},
	{"a, s, d, u", "Comments: approve, spam, trash, unapprove"},
}

// showShortcuts lists the keyboard shortcuts.
func (ui *mainUI) showShortcuts() {
	// The keys in a column as wide as the widest, what they do wrapped
	// beside them: every line is whole in an 800-pixel window.
	form := widget.NewForm()
	for _, s := range shortcutList {
		what := widget.NewLabel(s[1])
		what.Wrapping = fyne.TextWrapWord
		form.Append(s[0], what)
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(form), ui.win)
	d.Resize(fyne.NewSize(min(760, ui.win.Canvas().Size().Width-40), min(560, ui.win.Canvas().Size().Height-40)))
	d.Show()
}
