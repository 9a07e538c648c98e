package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"newsroom/assets"
	"newsroom/domain"
)

// Source supplies what Export publishes. The storage package implements
// it.
type Source interface {
	// ExportSummaries returns the articles an export considers (published
	// ones; every one when includeDrafts is set), each with at least its
	// ID, Slug, Headline, Standfirst, Byline, Keywords, Section, Kind,
	// Status, PublishedAt, UpdatedAt, FactCheck.Checked, Sources,
	// Corrections and StoredDigest.
	ExportSummaries(ctx context.Context, includeDrafts bool) ([]domain.Article, error)
	// ArticlesByID returns the full articles with these IDs, with quotes
	// and sources, in any order.
	ArticlesByID(ctx context.Context, ids []int64) ([]domain.Article, error)
	// ApprovedCommentsByArticle returns approved comments keyed by
	// article ID.
	ApprovedCommentsByArticle(ctx context.Context) (map[int64][]domain.Comment, error)
}

// ExportOptions shape an export.
type ExportOptions struct {
	// BaseURL is the site's public address ("https://news.example"): it
	// gives pages canonical URLs and the feed absolute links. Optional.
	BaseURL string
	// CommentsURL receives the comment forms; empty closes comments.
	CommentsURL string
	// PublisherName is the organisation credited; default SiteTitle.
	PublisherName string
	// SiteTitle names the site; default "Newsroom".
	SiteTitle string
	// Language is the pages' BCP 47 language; default "en".
	Language string
	// Drafts also writes unpublished articles, marked as drafts and
	// noindex; they never enter the feed.
	Drafts bool
	// SkipDrafts are unpublished articles never written, even with
	// Drafts (posts that were password-protected in WordPress).
	SkipDrafts map[int64]bool
	// Force rewrites every file even when its inputs are unchanged.
	Force bool
	// Masthead holds the staff and the publisher's policies, for author
	// pages, the about page and the JSON-LD.
	Masthead Masthead
	// Now decides what is embargoed; zero means the current time. Nothing
	// written depends on it otherwise.
	Now time.Time
	// Check, when set, is called for every exported page that is rendered
	// (a page skipped as unchanged repeats its earlier result); the strings
	// it returns are added to Report.Warnings.
	Check func(*domain.Article) []string
}

// Report tells what an export did. Counts are of files.
type Report struct {
	Written   int
	Unchanged int
	Removed   int
	Warnings  []string
}

// pageJob is one article page to write.
type pageJob struct {
	index int
	a     *domain.Article // the summary
	draft bool
}

// fileResult is what writing one file did.
type fileResult struct {
	index    int
	rel      string
	entry    manifestEntry
	written  bool
	tmp      string // the staged new file, until it is put in place
	warnings []string
	err      error
}

// Export writes the public site into dir: index.html, feed.xml, site.css
// and <slug>/index.html per article. Embargoed articles are held back.
// Files whose bytes would not change are left alone, pages of articles no
// longer exported are removed, and only files recorded in dir's manifest
// are ever deleted or overwritten. progress, when not nil, is called from
// the calling goroutine as files are done (a few times a second) and
// after the last one with done == total.
func Export(ctx context.Context, src Source, dir string, opt ExportOptions, progress func(done, total int)) (Report, error) {
	var rep Report
	if src == nil {
		return rep, errors.New("export: no article source")
	}
	if strings.TrimSpace(dir) == "" {
		return rep, errors.New("export: no output directory")
	}
	if opt.BaseURL != "" {
		if _, ok := httpURL(opt.BaseURL); !ok {
			return rep, fmt.Errorf("export: base URL %q is not an http(s) URL", opt.BaseURL)
		}
	}
	if err := checkCommentsURL(opt.CommentsURL); err != nil {
		return rep, err
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, fmt.Errorf("export: create %s: %w", dir, err)
	}
	// Read the manifest while the articles load.
	type loadedManifest struct {
		m        manifest
		warnings []string
		err      error
	}
	manifestCh := make(chan loadedManifest, 1)
	go func() {
		m, w, err := loadManifest(dir)
		manifestCh <- loadedManifest{m, w, err}
	}()
	articles, err := src.ExportSummaries(ctx, opt.Drafts)
	if err != nil {
		return rep, fmt.Errorf("export: load articles: %w", err)
	}
	comments, err := src.ApprovedCommentsByArticle(ctx)
	if err != nil {
		return rep, fmt.Errorf("export: load comments: %w", err)
	}
	loaded := <-manifestCh
	if loaded.err != nil {
		return rep, fmt.Errorf("export: %w", loaded.err)
	}
	old := loaded.m
	rep.Warnings = append(rep.Warnings, loaded.warnings...)
	live, drafts, warnings := selectArticles(articles, opt.Drafts, now)
	rep.Warnings = append(rep.Warnings, warnings...)
	if len(opt.SkipDrafts) > 0 {
		drafts = slices.DeleteFunc(drafts, func(a *domain.Article) bool { return opt.SkipDrafts[a.ID] })
	}

	site := newSiteView(opt.SiteTitle, opt.PublisherName, opt.BaseURL, opt.Language, false)
	e := &exporter{
		src:      src,
		dir:      dir,
		old:      old,
		site:     site,
		force:    opt.Force,
		comments: comments,
		check:    opt.Check,
		ctx:      ctx,
		images:   newImageCache(mediaSourceOf(src)),
		pageOpt: Options{
			SiteTitle: opt.SiteTitle, PublisherName: opt.PublisherName, BaseURL: opt.BaseURL,
			CommentsURL: opt.CommentsURL, Language: opt.Language, Now: now, Masthead: &opt.Masthead,
		},
	}
	e.root = openExportRoot(dir)
	defer e.root.close()
	if e.safe, err = os.OpenRoot(dir); err != nil {
		return rep, fmt.Errorf("export: open %s: %w", dir, err)
	}
	defer e.safe.Close()
	// Strays of an export killed here before are removed first.
	e.sweepStrays()
	defer e.markRunning()()
	if e.siteKey, err = siteKeyWith(site, strings.TrimSpace(opt.CommentsURL), &opt.Masthead); err != nil {
		return rep, fmt.Errorf("export: digest templates: %w", err)
	}

	var jobs []pageJob
	for _, a := range live {
		jobs = append(jobs, pageJob{index: len(jobs), a: a})
	}
	for _, a := range drafts {
		jobs = append(jobs, pageJob{index: len(jobs), a: a, draft: true})
	}

	// The index, feed and stylesheet do not depend on the pages: render
	// and stage them alongside, but put them in place only once every
	// page is, so readers are never shown links to pages that were not.
	extra := e.moreSiteFiles(ctx, live)
	total := len(jobs) + 3 + len(extra)
	siteDone := make(chan []fileResult, 1)
	go func() { siteDone <- e.stageSiteFiles(ctx, live, drafts, extra) }()
	// Pages are staged (written beside their place) and put in place only
	// once every one is; then the index, feed and stylesheet. A failure
	// before that leaves the site readers see as it was.
	results := e.writePages(ctx, jobs, progress, total)
	done := len(results)
	var firstErr error
	for _, r := range results {
		if r.err != nil && firstErr == nil {
			firstErr = r.err
		}
	}
	siteResults := <-siteDone
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if firstErr != nil {
		discardStaged(results)
		e.discardSiteFiles(siteResults)
		e.removeFreshDirs(jobs)
		return rep, fmt.Errorf("export: %w", firstErr)
	}
	if testHookStaged != nil {
		testHookStaged()
	}
	// The images the pages use are made (or found unchanged) once every
	// page is rendered, and put in place before the pages.
	imageResults, err := e.writeImages(ctx, results)
	if err != nil {
		discardStaged(imageResults)
		discardStaged(results)
		e.discardSiteFiles(siteResults)
		e.removeFreshDirs(jobs)
		return rep, fmt.Errorf("export: %w", err)
	}
	next := newManifest(total + len(imageResults))
	if err := e.commitStaged(imageResults, func(r fileResult) {
		next.Files[r.rel] = r.entry
		rep.count(r.written)
	}); err != nil {
		discardStaged(results)
		e.discardSiteFiles(siteResults)
		return rep, e.failAfterCommit(next, err)
	}
	pageWarnings := make([][]string, len(jobs))
	if err := e.commitStaged(results, func(r fileResult) {
		next.Files[r.rel] = r.entry
		pageWarnings[r.index] = r.warnings
		rep.count(r.written)
	}); err != nil {
		e.discardSiteFiles(siteResults)
		return rep, e.failAfterCommit(next, err)
	}
	for _, r := range siteResults {
		if r.err != nil {
			e.discardSiteFiles(siteResults)
			return rep, e.failAfterCommit(next, r.err)
		}
	}
	if err := e.commitStaged(siteResults, func(r fileResult) {
		next.Files[r.rel] = r.entry
		rep.count(r.written)
		done++
		if progress != nil {
			progress(done, total)
		}
	}); err != nil {
		return rep, e.failAfterCommit(next, err)
	}
	for _, w := range pageWarnings {
		rep.Warnings = append(rep.Warnings, w...)
	}
	rep.Warnings = append(rep.Warnings, e.removeStale(next)...)
	rep.Removed = e.removed
	if sameFiles(e.old, next) {
		return rep, nil
	}
	if err := saveManifest(dir, next); err != nil {
		return rep, fmt.Errorf("export: %w", err)
	}
	return rep, nil
}

// testHookStaged, when a test sets it, is called once every page and
// site file is staged, before the images are made and anything is put in
// place: where an export holds the most per article.
var testHookStaged func()

// commitStaged puts the staged files of results in place, calling done
// for each result as it is. After a failed rename the rest are discarded.
func (e *exporter) commitStaged(results []fileResult, done func(fileResult)) error {
	for i, r := range results {
		if r.tmp != "" {
			path := filepath.Join(e.dir, filepath.FromSlash(r.rel))
			if err := renameFile(r.tmp, path); err != nil {
				discardStaged(results[i:])
				return fmt.Errorf("write %s: %w", path, err)
			}
		}
		done(r)
	}
	return nil
}

// discardStaged removes the staged files of results.
func discardStaged(results []fileResult) {
	for _, r := range results {
		if r.tmp != "" {
			_ = os.Remove(r.tmp)
		}
	}
}

// failAfterCommit records, after some files were put in place, those (in
// next) and every file of the old manifest not rewritten, so a later
// export still owns and can clean them up, and returns the export error.
func (e *exporter) failAfterCommit(next manifest, err error) error {
	for rel, entry := range e.old.Files {
		if _, ok := next.Files[rel]; !ok {
			next.Files[rel] = entry
		}
	}
	if saveErr := saveManifest(e.dir, next); saveErr != nil {
		return errors.Join(fmt.Errorf("export: %w", err), saveErr)
	}
	return fmt.Errorf("export: %w", err)
}

func (r *Report) count(written bool) {
	if written {
		r.Written++
	} else {
		r.Unchanged++
	}
}

// checkCommentsURL accepts an empty URL, an http(s) URL or an absolute
// path on the site.
func checkCommentsURL(u string) error {
	if err := domain.CheckCommentsURL(u); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// selectArticles picks the live articles (newest first) and, with drafts,
// the unpublished ones; embargoed articles are held back. It warns about
// unusable slugs, duplicates and live articles that are not fact-checked.
func selectArticles(articles []domain.Article, withDrafts bool, now time.Time) (live, drafts []*domain.Article, warnings []string) {
	list := make([]*domain.Article, 0, len(articles))
	for i := range articles {
		list = append(list, &articles[i])
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Slug != list[j].Slug {
			return list[i].Slug < list[j].Slug
		}
		return list[i].ID < list[j].ID
	})
	seen := make(map[string]bool, len(list))
	for _, a := range list {
		if err := domain.ValidateSlug(a.Slug); err != nil {
			warnings = append(warnings, fmt.Sprintf("article %d skipped: %v", a.ID, err))
			continue
		}
		if seen[a.Slug] {
			warnings = append(warnings, fmt.Sprintf("article %d skipped: slug %q is used by another article", a.ID, a.Slug))
			continue
		}
		switch {
		case a.IsLive(now):
			seen[a.Slug] = true
			live = append(live, a)
		case a.Status != domain.StatusPublished && withDrafts:
			seen[a.Slug] = true
			drafts = append(drafts, a)
		}
	}
	sortNewestFirst(live)
	sortNewestFirst(drafts)
	for _, a := range live {
		if !a.FactCheck.Checked {
			warnings = append(warnings, fmt.Sprintf("article %q is not fact-checked", a.Slug))
		}
	}
	return live, drafts, warnings
}

// exporter holds the state shared by the page workers.
type exporter struct {
	src      Source
	dir      string
	old      manifest
	site     siteView
	siteKey  string
	force    bool
	pageOpt  Options
	comments map[int64][]domain.Comment
	check    func(*domain.Article) []string
	removed  int
	// ctx is the export's context; images resolves the media library's
	// images (its source is nil when Source is no MediaSource).
	ctx    context.Context
	images *imageCache
	// dirs holds, per page job, the state of its directory (dirUnknown…).
	dirs []atomic.Int32
	// root looks files up inside dir.
	root exportRoot
	// safe opens and removes files inside dir; no symbolic link leads
	// out of it.
	safe *os.Root
	// fresh tells, per page job, that this export created its directory.
	fresh []atomic.Bool
	// siteDirs are the directories (relative, native separators) that
	// staging the site files created, parents first.
	siteDirs []string
}

// progressEvery is how often Export reports progress while pages render.
const progressEvery = 50 * time.Millisecond

// pageChunk is how many pages a worker takes at a time: it checks them
// against the manifest and loads the changed ones in one query.
const pageChunk = 64

// writePages renders and writes the article pages with one worker per
// CPU. Workers take chunks of jobs by an atomic counter and store results
// by job index: a channel handoff per page would wake a sleeping thread
// each time and leave a core idle meanwhile. Each worker loads the full
// articles of its chunk itself, so reading the database overlaps
// rendering. progress is called from this goroutine every progressEvery.
// It returns the results of the jobs done; after an error the remaining
// jobs are abandoned.
func (e *exporter) writePages(ctx context.Context, jobs []pageJob, progress func(done, total int), total int) []fileResult {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]fileResult, len(jobs))
	var next, done atomic.Int64
	finished := make(chan struct{})
	var wg sync.WaitGroup
	e.dirs = make([]atomic.Int32, len(jobs))
	e.fresh = make([]atomic.Bool, len(jobs))
	wg.Add(1)
	go func() {
		defer wg.Done()
		e.makeDirsAhead(ctx, jobs, &next)
	}()
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				lo := int(next.Add(pageChunk) - pageChunk)
				if lo >= len(jobs) {
					return
				}
				hi := min(lo+pageChunk, len(jobs))
				if !e.pages(ctx, jobs[lo:hi], results, &done) {
					cancel()
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(finished)
	}()
	if progress != nil {
		tick := time.NewTicker(progressEvery)
		defer tick.Stop()
	wait:
		for {
			select {
			case <-finished:
				break wait
			case <-tick.C:
				progress(int(done.Load()), total)
			}
		}
	}
	<-finished
	out := results[:0]
	for _, r := range results {
		if r.rel != "" || r.err != nil {
			out = append(out, r)
		}
	}
	return out
}

// States of a page's directory in exporter.dirs.
const (
	dirUnknown  int32 = iota // not looked at: the page's worker makes sure
	dirClaimed               // being created ahead: the worker makes sure too
	dirFresh                 // created empty by this export
	dirExisting              // was already there
)

// makeDirsAhead creates the directories of new pages (those the old
// manifest does not list) in job order, ahead of the workers. Creating
// entries in one directory is serialised by the kernel, so workers doing
// it themselves mostly wait for each other; one goroutine doing it while
// they render wastes no time. It skips jobs the workers have reached.
func (e *exporter) makeDirsAhead(ctx context.Context, jobs []pageJob, next *atomic.Int64) {
	for i := range jobs {
		if ctx.Err() != nil {
			return
		}
		if i < int(next.Load()) {
			continue // a worker has it
		}
		if _, listed := e.old.Files[jobs[i].a.Slug+"/index.html"]; listed {
			continue
		}
		if !e.dirs[i].CompareAndSwap(dirUnknown, dirClaimed) {
			continue
		}
		created, err := ensureDir(filepath.Join(e.dir, jobs[i].a.Slug))
		switch {
		case err != nil:
			e.dirs[i].Store(dirUnknown) // the worker tries again and reports it
		case created:
			e.fresh[i].Store(true)
			e.dirs[i].Store(dirFresh)
		default:
			e.dirs[i].Store(dirExisting)
		}
	}
}

// pageDir makes sure the directory of job j's page exists and reports
// whether this export created it empty.
func (e *exporter) pageDir(j pageJob) (bool, error) {
	if j.index < len(e.dirs) {
		switch e.dirs[j.index].Swap(dirClaimed) {
		case dirFresh:
			return true, nil
		case dirExisting:
			return false, nil
		}
	}
	created, err := ensureDir(filepath.Join(e.dir, j.a.Slug))
	if created && j.index < len(e.fresh) {
		e.fresh[j.index].Store(true)
	}
	return created, err
}

// pages does a chunk of page jobs, storing each result at its index and
// counting it in done. Pages whose inputs and file are as the manifest
// recorded are skipped; the others are loaded in one query and rendered.
// It reports false after an error.
func (e *exporter) pages(ctx context.Context, chunk []pageJob, results []fileResult, done *atomic.Int64) bool {
	var changed []pageJob
	for _, j := range chunk {
		rel := j.a.Slug + "/index.html"
		key := pageKey(e.siteKey, j.a, j.a.StoredDigest, e.comments[j.a.ID], j.draft)
		prev, ok := e.old.Files[rel]
		if ok && len(prev.Media) > 0 {
			key = e.images.mediaKey(ctx, key, prev.Media, true)
		}
		if ok && !e.force && key != "" && prev.Input == key && e.sizeIs(rel, prev.Size) {
			prev.Media = e.images.currentUsed(ctx, prev.Media)
			results[j.index] = fileResult{index: j.index, rel: rel, entry: prev,
				warnings: e.images.withImageWarnings(ctx, j.a.Slug, prev.Warnings, prev.Media)}
			done.Add(1)
			continue
		}
		changed = append(changed, j)
	}
	if len(changed) == 0 {
		return true
	}
	full, err := e.load(ctx, changed)
	if err != nil {
		j := changed[0]
		results[j.index] = fileResult{index: j.index, rel: j.a.Slug + "/index.html", err: err}
		return false
	}
	for i, j := range changed {
		r := e.page(j, full[i])
		results[j.index] = r
		done.Add(1)
		if r.err != nil {
			return false
		}
	}
	return true
}

// load reads the full articles of jobs, in the same order.
func (e *exporter) load(ctx context.Context, jobs []pageJob) ([]*domain.Article, error) {
	ids := make([]int64, len(jobs))
	for i, j := range jobs {
		ids[i] = j.a.ID
	}
	list, err := e.src.ArticlesByID(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load articles: %w", err)
	}
	byID := make(map[int64]*domain.Article, len(list))
	for i := range list {
		byID[list[i].ID] = &list[i]
	}
	out := make([]*domain.Article, len(jobs))
	for i, j := range jobs {
		a, ok := byID[j.a.ID]
		if !ok {
			return nil, fmt.Errorf("article %q was deleted during the export", j.a.Slug)
		}
		out[i] = a
	}
	return out, nil
}

// page renders and writes one article page from the full article a. Its
// manifest entry records the input key of what was rendered, so an
// article saved during the export is rendered again next time.
func (e *exporter) page(j pageJob, a *domain.Article) fileResult {
	rel := j.a.Slug + "/index.html"
	if a.Slug != j.a.Slug {
		return fileResult{index: j.index, rel: rel, err: fmt.Errorf("article %d was renamed from %q to %q during the export", a.ID, j.a.Slug, a.Slug)}
	}
	comments := e.comments[a.ID]
	body, err := renderBodyImages(e.ctx, a, e.images, "../")
	if err != nil {
		return fileResult{index: j.index, rel: rel, err: err}
	}
	if leadCard(e.site, body.lead) != nil {
		body.used[0] += " " + cardFlag // the lead comes first
	}
	input := e.images.mediaKey(e.ctx, pageKey(e.siteKey, a, domain.ContentDigest(a), comments, j.draft), body.used, true)
	missing := body.missing
	opt := e.pageOpt
	opt.Draft = j.draft
	data, err := renderArticlePage(a, body.html, body.lead, comments, opt)
	if err != nil {
		return fileResult{index: j.index, rel: rel, err: err}
	}
	fresh, err := e.pageDir(j)
	if err != nil {
		return fileResult{index: j.index, rel: rel, err: err}
	}
	r, err := e.writeFile(rel, data, fresh)
	if err != nil {
		return fileResult{index: j.index, rel: rel, err: err}
	}
	for _, ref := range missing {
		r.warnings = append(r.warnings, fmt.Sprintf("article %q places quote %q, which has no record", a.Slug, ref))
	}
	// The check's findings depend only on the article, which the input
	// key covers: a skipped page repeats them from the manifest.
	if e.check != nil {
		r.warnings = append(r.warnings, e.check(a)...)
	}
	r.warnings = append(r.warnings, body.warnings...)
	r.index = j.index
	r.entry.Input = input
	r.entry.Warnings = r.warnings
	r.entry.Media = body.used
	r.warnings = e.images.withImageWarnings(e.ctx, a.Slug, r.warnings, body.used)
	return r
}

// stageSiteFiles renders index.html, feed.xml, site.css and then the
// extra site files (archives, sitemaps…) where their inputs changed since
// the manifest recorded them, and stages each (writes it beside its
// place) as soon as it is rendered, so that no rendered file, some of
// which list every article, is held in memory while the pages are
// written. It stops at the first error, the last result carrying it.
func (e *exporter) stageSiteFiles(ctx context.Context, live, drafts []*domain.Article, extra []siteFileSpec) []fileResult {
	if err := ctx.Err(); err != nil {
		return []fileResult{{err: err}}
	}
	var out []fileResult
	for _, f := range append([]siteFileSpec{
		{"index.html", indexKey(e.siteKey, live, drafts), func() ([]byte, string, error) {
			data, err := renderIndex(live, drafts, e.site)
			return data, indexKey(e.siteKey, live, drafts), err
		}},
		{"feed.xml", feedKey(e.siteKey, live, e.storedDigestWithImages(ctx)), func() ([]byte, string, error) { return e.feed(ctx, live) }},
		{"site.css", e.siteKey, func() ([]byte, string, error) { return assets.SiteCSS, e.siteKey, nil }},
	}, extra...) {
		if prev, ok := e.old.Files[f.rel]; ok && !e.force && f.key != "" && prev.Input == f.key && e.sizeIs(f.rel, prev.Size) {
			out = append(out, fileResult{rel: f.rel, entry: prev})
			continue
		}
		data, rendered, err := f.render()
		if err != nil {
			return append(out, fileResult{rel: f.rel, err: err})
		}
		fresh, err := e.siteFileDir(f.rel)
		if err != nil {
			return append(out, fileResult{rel: f.rel, err: err})
		}
		r, err := e.writeFile(f.rel, data, fresh)
		r.entry.Input = rendered
		if err != nil {
			return append(out, fileResult{rel: f.rel, tmp: r.tmp, err: err})
		}
		out = append(out, r)
	}
	return out
}

// discardSiteFiles removes the staged site files of results and then the
// directories staging them created, when they are empty.
func (e *exporter) discardSiteFiles(results []fileResult) {
	discardStaged(results)
	for i := len(e.siteDirs) - 1; i >= 0; i-- {
		_ = e.safe.Remove(e.siteDirs[i]) // only succeeds when empty
	}
	e.siteDirs = nil
}

// feed loads the full articles the feed carries and renders it.
func (e *exporter) feed(ctx context.Context, live []*domain.Article) ([]byte, string, error) {
	full, err := e.loadFeedArticles(ctx, live)
	if err != nil {
		return nil, "", err
	}
	data, err := renderFeed(full, e.site, e.images)
	return data, feedKey(e.siteKey, full, e.contentDigestWithImages(ctx)), err
}

// sizeIs reports whether the file at rel exists with that size.
func (e *exporter) sizeIs(rel string, size int64) bool {
	return e.root.regularSize(rel) == size
}

// writeFile writes data at rel unless the file already holds exactly
// those bytes. It refuses to overwrite a file the manifest does not list,
// unless that file already holds the same bytes. freshDir tells that the
// file's directory was just created, so no file can be in the way.
func (e *exporter) writeFile(rel string, data []byte, freshDir bool) (fileResult, error) {
	entry := manifestEntry{Digest: digest(data), Size: int64(len(data))}
	r := fileResult{rel: rel, entry: entry}
	path := filepath.Join(e.dir, filepath.FromSlash(rel))
	prev, owned := e.old.Files[rel]
	if owned && !e.force && prev.Digest == entry.Digest && e.sizeIs(rel, entry.Size) {
		return r, nil
	}
	if !owned && !freshDir {
		fi, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return r, fmt.Errorf("check %s: %w", path, err)
		case !fi.Mode().IsRegular():
			return r, fmt.Errorf("refusing to replace %s: it is not a regular file written by an earlier export", path)
		default:
			existing, err := os.ReadFile(path)
			if err != nil {
				return r, fmt.Errorf("check %s: %w", path, err)
			}
			if !bytes.Equal(existing, data) {
				return r, fmt.Errorf("refusing to overwrite %s: the export manifest does not list it, so it was not written by an earlier export", path)
			}
			return r, nil
		}
	}
	if owned {
		// Staged files are put in place only after every page is
		// staged: find what would stop the rename now, not then.
		if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
			return r, fmt.Errorf("refusing to replace %s: it is not a regular file written by an earlier export", path)
		}
	}
	tmp, err := writeTemp(path, data)
	if err != nil {
		return r, err
	}
	r.tmp = tmp
	r.written = true
	return r, nil
}

// removeStale deletes files the old manifest lists and the new one does
// not, when they still hold the bytes Export wrote, and then their
// directory when it is empty. Files are read and removed through e.safe,
// so a symbolic link (a page folder linked elsewhere) never leads out of
// the export folder. It returns warnings for files left in place.
func (e *exporter) removeStale(next manifest) []string {
	var stale []string
	for rel := range e.old.Files {
		if _, ok := next.Files[rel]; !ok {
			stale = append(stale, rel)
		}
	}
	sort.Strings(stale)
	var warnings []string
	for _, rel := range stale {
		path := filepath.Join(e.dir, filepath.FromSlash(rel))
		name := filepath.FromSlash(rel)
		data, err := e.safe.ReadFile(name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			warnings = append(warnings, fmt.Sprintf("kept %s: %v", path, err))
			continue
		case digest(data) != e.old.Files[rel].Digest:
			warnings = append(warnings, fmt.Sprintf("kept %s: it changed after it was exported", path))
			continue
		}
		if err := e.safe.Remove(name); err != nil {
			warnings = append(warnings, fmt.Sprintf("could not remove %s: %v", path, err))
			continue
		}
		e.removed++
		if d := filepath.Dir(name); d != "." {
			_ = e.safe.Remove(d) // only succeeds when empty
		}
	}
	return warnings
}
