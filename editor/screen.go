package editor

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/schedule"
	"newsroom/textedit"
)

// Store is what the editor screen needs from the database. Every call is
// made off the UI goroutine.
type Store interface {
	GetArticle(ctx context.Context, id int64) (*domain.Article, error)
	SaveArticle(ctx context.Context, a *domain.Article, who string) (domain.SaveResult, error)
	CreateArticle(ctx context.Context, a *domain.Article, who string) error
	SetFactCheck(ctx context.Context, id, version int64, who string, checked bool) (*domain.Article, error)
	Revisions(ctx context.Context, articleID int64) ([]domain.Revision, error)
	RestoreRevision(ctx context.Context, revisionID, version int64, who string) (*domain.Article, domain.SaveResult, error)
	History(ctx context.Context, articleID int64) ([]domain.HistoryEvent, error)
	AddCorrection(ctx context.Context, articleID int64, kind domain.CorrectionKind, text, who string) (domain.Correction, error)
	ApprovedCommentsByArticle(ctx context.Context) (map[int64][]domain.Comment, error)
	Site(ctx context.Context) (domain.Site, error)
	StyleSettings(ctx context.Context) (domain.StyleSettings, error)
}

// Autosave timing: a save starts after typing pauses for saveQuiet, and at
// the latest saveMaxWait after the first unsaved change, so what is typed
// reaches the database within 2 s even during continuous typing.
const (
	saveQuiet   = 600 * time.Millisecond
	saveMaxWait = 1500 * time.Millisecond
)

// Screen is the article editor: headline, standfirst, byline, status,
// fact check, the body, and side panels for quotes, sources, the
// attribution check, history and the preview. All its methods run on the
// UI goroutine.
type Screen struct {
	store Store
	win   fyne.Window
	user  func() string
	sched schedule.Scheduler // the UI goroutine, background work, timers, clock

	// OnSaved is called (UI goroutine) after each successful save.
	OnSaved func(a *domain.Article)

	article  *domain.Article // working copy; nil when nothing is open
	loading  bool            // widgets being filled: ignore their change events
	slugAuto bool            // the slug follows the headline
	save     saveState

	// The one-line fields are our text engine's fields: Tab never enters
	// them and their caret does not blink (an idle window draws nothing).
	slug, headline, byline *textedit.Editor
	standfirst             *textedit.Editor
	filing                 *filingFields
	status                 *revealSelect
	pubTime                *textedit.Editor
	factCheck              *revealCheck
	factInfo               *widget.Label
	notice                 *noticeLabel
	info                   *widget.Label
	body                   *textedit.Editor
	preview                *previewPane
	previewShown           bool
	spell                  *spellCheck     // nil: no spelling check
	find                   *findBar        // find and replace in the body (find.go)
	clipImages             ClipboardImages // images pasted into the body (paste.go); nil: text only

	main       *bodyRow // the body beside the side panels or the preview
	sideToggle *widget.Button

	// OnSidePanel is called when the reader shows or hides the side
	// panels (the program remembers it).
	OnSidePanel func(shown bool)
	lock        lockState // the open article's lock (lock.go)
	lockUI      *lockBar

	side    *sidePanels
	sideBox fyne.CanvasObject
	form    fyne.CanvasObject
	empty   fyne.CanvasObject
	content *fyne.Container
}

// saveState tracks autosave (UI goroutine only).
type saveState struct {
	dirty      bool
	firstDirty time.Time
	inFlight   bool
	blocked    bool          // a conflict dialog is open
	offline    bool          // the last save could not reach the server (screen_offline.go)
	retryWait  time.Duration // the pause before the next try while offline
	timer      schedule.Timer
	waiters    []func()
}

// NewScreen builds the editor; Load opens an article in it. sched runs
// its background work, timers and UI updates (schedule.Fyne() in the
// program).
func NewScreen(store Store, win fyne.Window, user func() string, sched schedule.Scheduler) *Screen {
	s := &Screen{store: store, win: win, user: user, sched: sched}
	s.build()
	return s
}

// Content is the screen's canvas object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Current returns the working copy of the open article (nil when none).
// Panels may change it and then call Changed.
func (s *Screen) Current() *domain.Article { return s.article }

// Body returns the body editor widget.
func (s *Screen) Body() *textedit.Editor { return s.body }

// FocusHeadline puts the keyboard in the headline.
func (s *Screen) FocusHeadline() { s.win.Canvas().Focus(s.headline) }

// FocusBody puts the keyboard in the body, caret at its start.
func (s *Screen) FocusBody() {
	s.body.SetCursorOffset(0)
	s.win.Canvas().Focus(s.body)
}

// TogglePreview shows or hides the live preview beside the body.
func (s *Screen) TogglePreview() {
	s.previewShown = !s.previewShown
	s.layoutMain()
	if s.previewShown && s.article != nil {
		s.preview.Update(s.article)
	}
}

// Changed records that the working copy changed: the preview follows and
// an autosave is scheduled.
func (s *Screen) Changed() {
	if s.loading || s.article == nil {
		return
	}
	s.markDirty()
	if s.previewShown {
		s.preview.Update(s.article)
	}
}

// wordInfo updates the word count and reading time.
func (s *Screen) wordInfo() string {
	words := s.body.WordCount()
	mins := domain.ReadingMinutes(words)
	return formatCount(words) + " words · " + formatCount(mins) + " min read"
}

// noticeLabel is a warning line that takes no room while it is empty.
type noticeLabel struct {
	widget.Label
	// onResize, when set, hears that the notice may take another height
	// (the form lays its head out again).
	onResize func()
}

// newNoticeLabel makes an empty, hidden notice.
func newNoticeLabel() *noticeLabel {
	n := &noticeLabel{}
	n.Wrapping = fyne.TextWrapWord
	n.Importance = widget.WarningImportance
	n.ExtendBaseWidget(n)
	n.Hide()
	return n
}

// SetText shows the notice, or hides it when text is empty.
func (n *noticeLabel) SetText(text string) {
	if text == n.Text && n.Visible() == (text != "") {
		return
	}
	n.Label.SetText(text)
	if text == "" {
		n.Hide()
	} else {
		n.Show()
	}
	if n.onResize != nil {
		n.onResize()
	}
}
