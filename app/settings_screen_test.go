package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsroom/editor"
	"newsroom/storage"
)

// settingsFixture is a settings dialog over a real store.
type settingsFixture struct {
	q     *screenTestQueue
	d     *SettingsDialog
	prefs fyne.Preferences
	saved bool
	err   error
	errs  []error
}

// newSettingsFixture builds the dialog and waits until it has loaded.
func newSettingsFixture(t *testing.T, store SettingsStore) *settingsFixture {
	t.Helper()
	a := test.NewTempApp(t)
	f := &settingsFixture{q: newScreenTestQueue(), prefs: a.Preferences()}
	f.prefs.SetString(prefUserName, "Old Name")
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	f.d = NewSettingsDialog(store, win, f.prefs, f.q)
	f.d.showError = func(err error) { f.errs = append(f.errs, err) }
	f.d.onSaved = func(err error) { f.saved, f.err = true, err }
	win.SetContent(f.d.Content())
	f.q.waitUntil(t, "the settings to load", func() bool { return !f.d.saveBtn.Disabled() })
	return f
}

func TestSettingsSavedToStore(t *testing.T) {
	store, _ := openTestStore(t)
	ctx := context.Background()
	if err := store.SetSetting(ctx, storage.SettingSiteTitle, "Old Title"); err != nil {
		t.Fatal(err)
	}
	f := newSettingsFixture(t, store)
	if f.d.siteTitle.Text() != "Old Title" || f.d.publisher.Text() != "" {
		t.Fatalf("loaded title %q, publisher %q", f.d.siteTitle.Text(), f.d.publisher.Text())
	}

	f.d.siteTitle.SetText("")
	test.Type(f.d.siteTitle, "The Daily Test")
	f.d.publisher.SetText("Test Media")
	f.d.baseURL.SetText(" https://news.example ")
	f.d.commentsURL.SetText("/comments")
	f.d.moderation.SetText("casino\n\n  poker  \nCasino\n")
	f.d.disallowed.SetText("viagra\n203.0.113.")
	if !f.d.smartQuotes.Checked {
		t.Error("smart quotes are not on by default")
	}
	test.Tap(f.d.smartQuotes)
	test.Tap(f.d.saveBtn)
	f.q.waitUntil(t, "the settings to be saved", func() bool { return f.saved })
	if f.err != nil || len(f.errs) > 0 {
		t.Fatalf("save failed: %v %v", f.err, f.errs)
	}
	want := map[string]string{
		storage.SettingSiteTitle:      "The Daily Test",
		storage.SettingPublisherName:  "Test Media",
		storage.SettingBaseURL:        "https://news.example",
		storage.SettingCommentsURL:    "/comments",
		storage.SettingModerationKeys: "casino\npoker",
		storage.SettingDisallowedKeys: "viagra\n203.0.113.",
	}
	for key, v := range want {
		got, err := store.Setting(ctx, key, "(none)")
		if err != nil {
			t.Fatal(err)
		}
		if got != v {
			t.Errorf("setting %s = %q, want %q", key, got, v)
		}
	}
	if got := f.prefs.String(prefUserName); got != "Old Name" {
		t.Errorf("saving the settings changed the earlier name preference to %q", got)
	}
	if f.prefs.BoolWithFallback(editor.PrefSmartPunctuation, true) {
		t.Error("turning smart quotes off is not kept")
	}
}

// The person is the signed-in staff member now: the settings have no
// "Your name" field any more.
func TestSettingsHaveNoNameField(t *testing.T) {
	store, _ := openTestStore(t)
	f := newSettingsFixture(t, store)
	form := findForm(f.d.Content())
	if form == nil {
		t.Fatal("no form in the settings dialog")
	}
	for _, item := range form.Items {
		if strings.Contains(strings.ToLower(item.Text), "name") {
			t.Errorf("the settings still have a %q field", item.Text)
		}
	}
}

// findForm returns the first form in the tree under obj.
func findForm(obj fyne.CanvasObject) *widget.Form {
	switch o := obj.(type) {
	case *widget.Form:
		return o
	case *fyne.Container:
		for _, c := range o.Objects {
			if f := findForm(c); f != nil {
				return f
			}
		}
	case *container.Scroll:
		return findForm(o.Content)
	}
	return nil
}

func TestSettingsRefuseBadInput(t *testing.T) {
	store, _ := openTestStore(t)
	f := newSettingsFixture(t, store)
	tests := []struct {
		name  string
		set   func()
		field string
	}{
		{"empty title", func() { f.d.siteTitle.SetText("  ") }, "site title"},
		{"bad base URL", func() { f.d.baseURL.SetText("ftp://news.example") }, "base URL"},
		{"bad comments URL", func() { f.d.commentsURL.SetText("comments") }, "comments URL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.d.siteTitle.SetText("Title")
			f.d.baseURL.SetText("")
			f.d.commentsURL.SetText("")
			f.errs = nil
			tc.set()
			test.Tap(f.d.saveBtn)
			if len(f.errs) != 1 || !strings.Contains(f.errs[0].Error(), tc.field) {
				t.Fatalf("errors shown: %v, want one about %s", f.errs, tc.field)
			}
		})
	}
	f.q.settle()
	if f.saved {
		t.Error("refused settings were saved")
	}
	if got, _ := store.Setting(context.Background(), storage.SettingSiteTitle, "(none)"); got != "(none)" {
		t.Errorf("site title stored as %q", got)
	}
}

func TestKeywordLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"a\nb", "a\nb"},
		{"  a  \r\n\n\tb\n", "a\nb"},
		{"Spam\nspam\nSPAM words", "Spam\nSPAM words"},
	}
	for _, tc := range tests {
		if got := keywordLines(tc.in); got != tc.want {
			t.Errorf("keywordLines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
