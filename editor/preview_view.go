package editor

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/publish"
	"newsroom/schedule"
)

// previewDelay is the pause in changes after which the preview renders.
const previewDelay = 250 * time.Millisecond

// previewPane shows the article as the published page will read. Update
// renders off the UI goroutine after a short pause; a generation counter
// drops results that a newer change has overtaken.
type previewPane struct {
	s       *Screen
	view    *pageView
	state   *widget.Label
	content fyne.CanvasObject

	gen       uint64 // UI goroutine only
	timer     schedule.Timer
	shownID   int64 // the article the view shows, 0 before the first render
	shownText string

	copyPath *widget.Button // the failure dialog's Copy button, nil before a failure

	images *previewImages // nil when the store has no media library

	tmpOnce sync.Once
	tmpDir  string
	tmpErr  error
}

// newPreviewPane builds the preview for s.
func newPreviewPane(s *Screen) *previewPane {
	p := &previewPane{s: s, view: newPageView(), state: widget.NewLabel("")}
	if ms, ok := s.store.(previewMediaStore); ok {
		p.images = &previewImages{store: ms}
	}
	browser := widget.NewButton("Preview in browser", p.openInBrowser)
	p.content = container.NewBorder(container.NewBorder(nil, nil, nil, browser, p.state), nil, nil, nil, p.view.scroll)
	return p
}

// Content is the pane's canvas object.
func (p *previewPane) Content() fyne.CanvasObject { return p.content }

// Update schedules the preview of a (UI goroutine). The first render of
// an article starts at once; later ones wait for a pause in changes.
func (p *previewPane) Update(a *domain.Article) {
	if a == nil {
		return
	}
	p.gen++
	gen := p.gen
	snap := cloneArticle(a)
	delay := previewDelay
	if snap.ID != p.shownID {
		delay = 0
	}
	if p.timer != nil {
		p.timer.Stop()
	}
	p.timer = p.s.sched.AfterFunc(delay, func() {
		page := newRenderedPage(previewPage(snap, p.s.sched.Now(), p.imageSource()))
		p.s.sched.Do(func() { p.show(gen, snap.ID, page) })
	})
}

// imageSource is where the preview reads library images, nil when the
// store has none (placeholder boxes then).
func (p *previewPane) imageSource() imageSource {
	if p.images == nil {
		return nil
	}
	return p.images
}

// show puts a finished render on screen unless a newer one is coming,
// and scrolls to the caret's block.
func (p *previewPane) show(gen uint64, id int64, page renderedPage) {
	if gen != p.gen {
		return
	}
	if page.text != p.shownText || id != p.shownID {
		p.view.show(page, id == p.shownID)
	}
	p.shownID, p.shownText = id, page.text
	p.view.follow(p.s.body.CursorOffset(), true)
}

// follow scrolls the preview to the block of body offset off when the
// caret moved into another block.
func (p *previewPane) follow(off int) { p.view.follow(off, false) }

// Text returns the text the preview shows.
func (p *previewPane) Text() string { return p.shownText }

// openInBrowser writes the exact exported page of the working copy to a
// temporary directory and opens it in the system browser ($BROWSER, else
// xdg-open); when no browser opens it says so, with the page's path and a
// button that copies it.
func (p *previewPane) openInBrowser() {
	s := p.s
	if s.article == nil {
		return
	}
	snap := cloneArticle(s.article)
	p.state.SetText("Rendering page…")
	p.s.sched.Go(func() {
		path, err := p.writePage(snap)
		var openErr error
		if err == nil {
			_, openErr = launchBrowser(fstorage.NewFileURI(path).String(), browserGrace)
		}
		p.s.sched.Do(func() {
			p.state.SetText("")
			switch {
			case err != nil:
				dialog.ShowError(err, s.win)
			case openErr != nil:
				p.showOpenFailure(path, openErr)
			}
		})
	})
}

// showOpenFailure says that no browser opened the page at path, and why,
// with a button that copies the path.
func (p *previewPane) showOpenFailure(path string, err error) {
	why := widget.NewLabel("No browser opened the page: " + err.Error() + ".\nOpen this file in a browser:")
	why.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(path)
	where.Selectable = true
	where.Wrapping = fyne.TextWrapBreak
	p.copyPath = widget.NewButton("Copy", func() {
		fyne.CurrentApp().Clipboard().SetContent(path)
		p.copyPath.SetText("Copied")
	})
	content := container.NewVBox(why, container.NewBorder(nil, nil, nil, p.copyPath, where))
	d := dialog.NewCustom("Preview in browser", "Close", content, p.s.win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
}

// writePage renders a's page with its approved comments and the site
// settings into the pane's temporary directory, with the image renditions
// it shows (off the UI goroutine; the state line says "Preparing images…"
// while they are made).
func (p *previewPane) writePage(a *domain.Article) (string, error) {
	ctx := context.Background()
	p.tmpOnce.Do(func() { p.tmpDir, p.tmpErr = os.MkdirTemp("", "newsroom-preview-") })
	if p.tmpErr != nil {
		return "", fmt.Errorf("preview in browser: %w", p.tmpErr)
	}
	site, err := p.s.store.Site(ctx)
	if err != nil {
		return "", fmt.Errorf("preview in browser: %w", err)
	}
	now := p.s.sched.Now()
	opt := publish.PageOptionsFor(site, now, !a.IsLive(now))
	comments, err := p.s.store.ApprovedCommentsByArticle(ctx)
	if err != nil {
		return "", fmt.Errorf("preview in browser: read comments: %w", err)
	}
	pv := publish.Preview{MakingImages: func(n int) {
		note := "Preparing images…"
		if n > 1 {
			note = fmt.Sprintf("Preparing %d images…", n)
		}
		p.s.sched.Do(func() { p.state.SetText(note) })
	}}
	if ms, ok := p.s.store.(publish.MediaSource); ok {
		pv.Media = ms
	}
	path, err := publish.WritePreview(ctx, p.tmpDir, a, comments[a.ID], opt, pv)
	if err != nil {
		return "", fmt.Errorf("preview in browser: %w", err)
	}
	return path, nil
}
