package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/editor"
	"newsroom/schedule"
	"newsroom/storage"
	"newsroom/textedit"
)

// SettingsStore is what the settings dialog needs from the database;
// *storage.Store satisfies it.
type SettingsStore interface {
	Site(ctx context.Context) (domain.Site, error)
	SetSite(ctx context.Context, site domain.Site) error
	Setting(ctx context.Context, key, def string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
}

// SettingsDialog edits the site's settings, kept in the database, and
// the typing preference, kept in the Fyne preferences. Who is editing is
// the signed-in staff member (Edit → Staff…), not a setting.
type SettingsDialog struct {
	store SettingsStore
	win   fyne.Window
	prefs fyne.Preferences

	// sched runs background work and UI updates.
	sched schedule.Scheduler
	// showError reports a failure to the editor.
	showError func(error)
	// onSaved, when set, is called on the UI goroutine after each save.
	onSaved func(error)

	publisher   *textedit.Editor
	siteTitle   *textedit.Editor
	baseURL     *textedit.Editor
	commentsURL *textedit.Editor
	moderation  *textedit.Editor
	disallowed  *textedit.Editor
	smartQuotes *widget.Check
	saveBtn     *widget.Button
	cancelBtn   *widget.Button
	message     *widget.Label
	content     fyne.CanvasObject
	dlg         *dialog.CustomDialog
}

// NewSettingsDialog builds the settings dialog and loads the current
// values in the background; Show opens it.
func NewSettingsDialog(store SettingsStore, win fyne.Window, prefs fyne.Preferences, sched schedule.Scheduler) *SettingsDialog {
	d := &SettingsDialog{store: store, win: win, prefs: prefs, sched: sched}
	d.showError = func(err error) { dialog.ShowError(err, d.win) }
	d.build()
	d.load()
	return d
}

// ShowSettingsDialog builds the settings dialog and opens it.
func ShowSettingsDialog(store SettingsStore, win fyne.Window, prefs fyne.Preferences, sched schedule.Scheduler) *SettingsDialog {
	d := NewSettingsDialog(store, win, prefs, sched)
	d.Show()
	return d
}

// keywordField ties a keyword-list setting (one per line) to its entry.
type keywordField struct {
	key   string
	entry *textedit.Editor
}

// keywordFields are the moderation settings; the site's own settings are
// a domain.Site (Store.Site, Store.SetSite).
func (d *SettingsDialog) keywordFields() []keywordField {
	return []keywordField{
		{storage.SettingModerationKeys, d.moderation},
		{storage.SettingDisallowedKeys, d.disallowed},
	}
}

// site reads the site fields.
func (d *SettingsDialog) site() domain.Site {
	return domain.Site{
		Title:         strings.TrimSpace(d.siteTitle.Text()),
		PublisherName: strings.TrimSpace(d.publisher.Text()),
		BaseURL:       strings.TrimSpace(d.baseURL.Text()),
		CommentsURL:   strings.TrimSpace(d.commentsURL.Text()),
	}
}

// showSite fills the site fields; an unset title shows its default.
func (d *SettingsDialog) showSite(site domain.Site) {
	if site.Title == "" {
		site.Title = domain.DefaultSiteTitle
	}
	d.siteTitle.SetText(site.Title)
	d.publisher.SetText(site.PublisherName)
	d.baseURL.SetText(site.BaseURL)
	d.commentsURL.SetText(site.CommentsURL)
}

// build creates the widgets.
func (d *SettingsDialog) build() {
	d.publisher = textedit.NewField()
	d.publisher.SetPlaceHolder("The site title when empty")
	d.siteTitle = textedit.NewField()
	d.baseURL = textedit.NewField()
	d.baseURL.SetPlaceHolder("https://news.example")
	d.commentsURL = textedit.NewField()
	d.commentsURL.SetPlaceHolder("https://news.example/comments, or empty to close comments")
	d.moderation = textedit.NewLinesField(4)
	d.moderation.SetPlaceHolder("One per line: comments containing one are held")
	d.disallowed = textedit.NewLinesField(4)
	d.disallowed.SetPlaceHolder("One per line: comments containing one go to spam")
	d.smartQuotes = widget.NewCheck("Curly quotes and dashes as you type", nil)
	d.smartQuotes.Checked = d.prefs == nil || d.prefs.BoolWithFallback(editor.PrefSmartPunctuation, true)
	d.saveBtn = widget.NewButton("Save", d.save)
	d.saveBtn.Importance = widget.HighImportance
	d.saveBtn.Disable() // until the current values are loaded
	d.cancelBtn = widget.NewButton("Cancel", d.hide)
	d.message = widget.NewLabel("Loading…")
	d.message.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Typing", d.smartQuotes),
		widget.NewFormItem("Publisher", d.publisher),
		widget.NewFormItem("Site title", d.siteTitle),
		widget.NewFormItem("Base URL", d.baseURL),
		widget.NewFormItem("Comments URL", d.commentsURL),
		widget.NewFormItem("Hold for moderation", d.moderation),
		widget.NewFormItem("Disallowed (spam)", d.disallowed),
	)
	d.content = container.NewBorder(nil, container.NewVBox(d.message, container.NewHBox(d.saveBtn, d.cancelBtn)), nil, nil,
		container.NewVScroll(form))
}

// Content returns the dialog's widget tree.
func (d *SettingsDialog) Content() fyne.CanvasObject { return d.content }

// Show opens the dialog over the window.
func (d *SettingsDialog) Show() {
	if d.dlg == nil {
		d.dlg = dialog.NewCustomWithoutButtons("Settings", d.content, d.win)
		d.dlg.Resize(fyne.NewSize(640, 560))
	}
	d.dlg.Show()
	d.win.Canvas().Focus(d.publisher) // the keyboard where typing starts
}

// hide closes the dialog when it is shown.
func (d *SettingsDialog) hide() {
	if d.dlg != nil {
		d.dlg.Hide()
	}
}

// load reads the settings and fills the fields.
func (d *SettingsDialog) load() {
	fields := d.keywordFields()
	d.sched.Go(func() {
		ctx := context.Background()
		site, err := d.store.Site(ctx)
		values := make([]string, len(fields))
		for i, f := range fields {
			if err == nil {
				values[i], err = d.store.Setting(ctx, f.key, "")
			}
		}
		d.sched.Do(func() {
			if err != nil {
				d.message.SetText(fmt.Sprintf("Could not read the settings: %v", err))
				return
			}
			d.showSite(site)
			for i, f := range fields {
				f.entry.SetText(values[i])
			}
			d.message.SetText("")
			d.saveBtn.Enable()
		})
	})
}

// settingsValues reads and checks the fields: the site, and the keyword
// lists in the order of keywordFields().
func (d *SettingsDialog) settingsValues() (domain.Site, []string, error) {
	site := d.site()
	if site.Title == "" {
		return site, nil, errors.New("the site title is empty")
	}
	if err := site.Validate(); err != nil {
		return site, nil, err
	}
	fields := d.keywordFields()
	values := make([]string, len(fields))
	for i, f := range fields {
		values[i] = keywordLines(f.entry.Text())
	}
	return site, values, nil
}

// save checks the fields, keeps the typing choice in the preferences and
// writes the settings in the background, closing the dialog when done.
func (d *SettingsDialog) save() {
	site, values, err := d.settingsValues()
	if err != nil {
		d.showError(err)
		return
	}
	if d.prefs != nil {
		d.prefs.SetBool(editor.PrefSmartPunctuation, d.smartQuotes.Checked)
	}
	fields := d.keywordFields()
	d.saveBtn.Disable()
	d.message.SetText("Saving…")
	d.sched.Go(func() {
		ctx := context.Background()
		err := d.store.SetSite(ctx, site)
		for i, f := range fields {
			if err != nil {
				break
			}
			if err = d.store.SetSetting(ctx, f.key, values[i]); err != nil {
				err = fmt.Errorf("save setting %s: %w", f.key, err)
			}
		}
		d.sched.Do(func() {
			d.saveBtn.Enable()
			if err != nil {
				d.message.SetText("Not saved.")
				d.showError(err)
			} else {
				d.message.SetText("Saved.")
				d.showSite(site)
				for i, f := range fields {
					f.entry.SetText(values[i])
				}
				d.hide()
			}
			if d.onSaved != nil {
				d.onSaved(err)
			}
		})
	})
}

// keywordLines keeps one trimmed keyword per line, without blank lines
// or repeats (ignoring case).
func keywordLines(text string) string {
	seen := make(map[string]bool)
	var out []string
	for _, line := range strings.Split(text, "\n") {
		k := strings.TrimSpace(line)
		if k == "" || seen[strings.ToLower(k)] {
			continue
		}
		seen[strings.ToLower(k)] = true
		out = append(out, k)
	}
	return strings.Join(out, "\n")
}
