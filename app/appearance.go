package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Preference keys of the appearance, kept in the Fyne preferences.
const (
	prefAppearance = "appearance.mode"      // "system", "light" or "dark"
	prefTextScale  = "appearance.textScale" // text size factor, 1 = the theme's
	prefSidePanel  = "editor.sidePanel"     // the editor's side panels shown
)

// Appearance modes.
const (
	appearanceSystem = "system"
	appearanceLight  = "light"
	appearanceDark   = "dark"
)

// Text size limits and step (View → Text size).
const (
	textScaleMin  = 0.8
	textScaleMax  = 1.6
	textScaleStep = 0.1
)

// appearanceTheme is the default theme in the chosen variant (or the
// system's) with its text sizes scaled.
type appearanceTheme struct {
	base      fyne.Theme
	mode      string
	textScale float32
}

var _ fyne.Theme = (*appearanceTheme)(nil)

// variant is the variant the mode asks for, or v (the system's).
func (t *appearanceTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case appearanceLight:
		return theme.VariantLight
	case appearanceDark:
		return theme.VariantDark
	}
	return v
}

// Color is part of fyne.Theme.
func (t *appearanceTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base.Color(n, t.variant(v))
}

// Font is part of fyne.Theme.
func (t *appearanceTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon is part of fyne.Theme.
func (t *appearanceTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size is part of fyne.Theme: text sizes (and the icons beside text)
// follow the text size chosen.
func (t *appearanceTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.textScale
	}
	return s
}

// clampTextScale keeps a text size factor in range, rounded to a step.
func clampTextScale(f float64) float32 {
	if f <= 0 {
		return 1
	}
	f = min(max(f, textScaleMin), textScaleMax)
	steps := int(f/textScaleStep + 0.5)
	return float32(steps) * textScaleStep
}

// appearance applies and remembers the look of the window.
type appearance struct {
	app fyne.App
}

// apply sets the theme from the preferences.
func (a appearance) apply() {
	p := a.app.Preferences()
	a.app.Settings().SetTheme(&appearanceTheme{
		base:      theme.DefaultTheme(),
		mode:      p.StringWithFallback(prefAppearance, appearanceSystem),
		textScale: clampTextScale(p.FloatWithFallback(prefTextScale, 1)),
	})
}

// setMode chooses light, dark or the system's look, at once and for next
// time.
func (a appearance) setMode(mode string) {
	a.app.Preferences().SetString(prefAppearance, mode)
	a.apply()
}

// mode is the look chosen.
func (a appearance) mode() string {
	return a.app.Preferences().StringWithFallback(prefAppearance, appearanceSystem)
}

// stepText makes text larger (+1), smaller (-1) or the theme's (0).
func (a appearance) stepText(dir int) {
	p := a.app.Preferences()
	f := float64(1)
	if dir != 0 {
		f = float64(clampTextScale(p.FloatWithFallback(prefTextScale, 1))) + float64(dir)*textScaleStep
	}
	p.SetFloat(prefTextScale, float64(clampTextScale(f)))
	a.apply()
}
