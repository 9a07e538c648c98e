package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/textedit"
)

// newDeskWindow is a test window whose keys go to a main UI's handler.
func newDeskWindow(t *testing.T) (*mainUI, fyne.Window) {
	a := test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel("main"))
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(900, 700))
	ui := &mainUI{app: a, win: w}
	w.Canvas().SetOnTypedKey(ui.typedKey)
	return ui, w
}

func TestEscapeClosesDialogsAsTheirCancel(t *testing.T) {
	_, w := newDeskWindow(t)
	escape := func() { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

	answer := "none"
	dialog.ShowConfirm("Publish?", "Publish without a check?", func(ok bool) {
		answer = map[bool]string{true: "yes", false: "no"}[ok]
	}, w)
	escape()
	if answer != "no" || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("confirm: answer %q, overlay %v", answer, w.Canvas().Overlays().Top())
	}

	dialog.ShowInformation("Saved", "All saved.", w)
	escape()
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the information dialog open")
	}

	// A dialog whose content has its own buttons: Escape is Close, never Export.
	exported := false
	d := dialog.NewCustom("Export site", "Close", container.NewVBox(widget.NewButton("Export", func() { exported = true })), w)
	d.Show()
	escape()
	if exported || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("custom dialog: exported %v, open %v", exported, w.Canvas().Overlays().Top() != nil)
	}

	// From a field inside a form dialog: the field passes Escape on.
	field := textedit.NewField()
	saved := true
	form := dialog.NewForm("Who is editing?", "Save", "Later", []*widget.FormItem{widget.NewFormItem("Name", field)},
		func(ok bool) { saved = ok }, w)
	form.Show()
	w.Canvas().Focus(field)
	test.Type(field, "Ann")
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if saved || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("form: saved %v, open %v", saved, w.Canvas().Overlays().Top() != nil)
	}
	if dismissTopDialog(w.Canvas()) {
		t.Fatal("dismissed a dialog when none was open")
	}
}

func TestEditMenuActsOnTheFocusedField(t *testing.T) {
	ui, w := newDeskWindow(t)
	f := textedit.NewField()
	w.SetContent(container.NewVBox(f))
	w.Canvas().Focus(f)
	test.Type(f, "Budget")
	ui.toFocused(&fyne.ShortcutSelectAll{})
	ui.toFocused(&fyne.ShortcutCut{Clipboard: ui.app.Clipboard()})
	if f.Text() != "" || ui.app.Clipboard().Content() != "Budget" {
		t.Fatalf("after cut: field %q, clipboard %q", f.Text(), ui.app.Clipboard().Content())
	}
	ui.toFocused(&fyne.ShortcutUndo{})
	if f.Text() != "Budget" {
		t.Fatalf("after undo: %q", f.Text())
	}
	f.SetCursorOffset(len(f.Text())) // undo selected the text again
	ui.toFocused(&fyne.ShortcutPaste{Clipboard: ui.app.Clipboard()})
	if f.Text() != "BudgetBudget" {
		t.Fatalf("after paste: %q", f.Text())
	}
}

func TestMenusHoldTheEditingItemsAndPreviewUnderView(t *testing.T) {
	ui, _ := newDeskWindow(t)
	labels := func(m *fyne.Menu) map[string]bool {
		out := map[string]bool{}
		for _, it := range m.Items {
			out[it.Label] = true
		}
		return out
	}
	menu := ui.menu()
	var edit, view map[string]bool
	for _, m := range menu.Items {
		switch m.Label {
		case "Edit":
			edit = labels(m)
		case "View":
			view = labels(m)
		}
	}
	for _, want := range []string{"Undo", "Redo", "Cut", "Copy", "Paste", "Select all", "Find"} {
		if !edit[want] {
			t.Errorf("Edit menu has no %q", want)
		}
	}
	if edit["Preview"] || !view["Preview"] || !view["Appearance"] || !view["Text size"] {
		t.Errorf("Edit %v, View %v: Preview, Appearance and Text size belong under View", edit, view)
	}
	listed := map[string]bool{}
	for _, s := range shortcutList {
		listed[s[0]] = true
	}
	for _, key := range []string{"Escape", "F9, Ctrl+\\", "Tab / Shift+Tab", "Ctrl+= / Ctrl+- / Ctrl+0"} {
		if !listed[key] {
			t.Errorf("Help does not list %q", key)
		}
	}
}

func TestAppearanceAppliesAndIsRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	look := appearance{a}
	look.setMode(appearanceLight)
	th := a.Settings().Theme()
	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	if got := th.Color(theme.ColorNameBackground, theme.VariantDark); got != light {
		t.Fatalf("light mode paints the background %v, want %v", got, light)
	}
	look.setMode(appearanceDark)
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != dark {
		t.Fatalf("dark mode paints the background %v, want %v", got, dark)
	}
	look.setMode(appearanceSystem)
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != light {
		t.Fatalf("following the system (light) paints %v", got)
	}
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	look.stepText(1)
	look.stepText(1)
	if got := a.Settings().Theme().Size(theme.SizeNameText); got < base*1.19 || got > base*1.21 {
		t.Fatalf("two steps larger: %v, want %v", got, base*1.2)
	}
	if p := a.Preferences().Float(prefTextScale); p < 1.19 || p > 1.21 {
		t.Fatalf("text size remembered as %v", p)
	}
	for i := 0; i < 20; i++ {
		look.stepText(1)
	}
	if got := a.Settings().Theme().Size(theme.SizeNameText); got > base*textScaleMax+0.01 {
		t.Fatalf("text grew past the limit: %v", got)
	}
	look.stepText(0)
	if got := a.Settings().Theme().Size(theme.SizeNameText); got != base {
		t.Fatalf("normal size: %v, want %v", got, base)
	}
	if a.Preferences().String(prefAppearance) != appearanceSystem {
		t.Fatal("mode not remembered")
	}
	// A fresh start reads the preferences.
	a.Preferences().SetString(prefAppearance, appearanceLight)
	appearance{a}.apply()
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != light {
		t.Fatal("the remembered mode is not applied at start")
	}
}

func TestListNarrowsSoTheBodyWins(t *testing.T) {
	list := widget.NewLabel("list")
	for _, tt := range []struct{ w, want float32 }{{800, listMinimum}, {1280, 281.6}, {1920, listMaximum}} {
		if got := listWidth(list, tt.w); got < tt.want-0.5 || got > tt.want+0.5 {
			t.Errorf("window %v: list %v, want %v", tt.w, got, tt.want)
		}
	}
}

// A dialog opened by its shortcut takes the keyboard at once: typing goes
// into its first field, not nowhere.
func TestDialogsOpenWithTheKeyboardInTheirFirstField(t *testing.T) {
	st := newTestStore(t)
	ui, q := newSignInUI(t, st)
	signInAs(t, st, "ada", "Ada Admin", domain.RoleAdmin)

	export := NewExportDialog(st, ui.win, ui.app.Preferences(), q)
	export.Show()
	q.Settle()
	if got := ui.win.Canvas().Focused(); got != fyne.Focusable(export.folder) {
		t.Errorf("Export opens with the keyboard in %T, want the folder field", got)
	}
	export.dlg.Hide()

	settings := ShowSettingsDialog(st, ui.win, ui.app.Preferences(), q)
	q.Settle()
	if got := ui.win.Canvas().Focused(); got != fyne.Focusable(settings.publisher) {
		t.Errorf("Settings opens with the keyboard in %T, want the publisher field", got)
	}
	settings.hide()

	staff := NewStaffDialog(st, ui.win, q)
	staff.Show()
	q.Settle()
	if got := ui.win.Canvas().Focused(); got != fyne.Focusable(staff.name) {
		t.Errorf("Staff opens with the keyboard in %T, want the name field", got)
	}
}
