package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/spf13/cobra"

	"newsroom/publish"
	"newsroom/storage"
)

// ExportOptionsFromSettings fills export options from the database's
// site settings (publish.ExportOptionsFor, as the window does); flags
// given on the command line win.
func ExportOptionsFromSettings(ctx context.Context, store *storage.Store) (publish.ExportOptions, error) {
	site, err := store.Site(ctx)
	if err != nil {
		return publish.ExportOptions{}, err
	}
	return publish.ExportOptionsFor(site, time.Now()), nil
}

// exportMemoryLimit is the soft limit of the Go heap during `newsroom
// export` (see exportGC) while the live heap is under half of it.
const exportMemoryLimit = 128 << 20

// exportGC sets the collector for an export and returns what restores it.
// An export makes a lot of short-lived garbage (one parse tree and page
// per article) over a small live heap: collecting a quarter as often
// (GOGC=400) saves CPU. But the heap then grows to five times the live
// heap, which grows with the archive (a summary and a manifest entry per
// article, about 1 KB): a soft memory limit makes the collector work
// harder as the heap nears exportMemoryLimit, so a large archive exports
// in bounded memory (30,000 articles: 160 MB instead of 310 MB, for no
// CPU worth measuring). Should the live heap pass half the limit (an
// archive of some 60,000 articles), the limit follows it at twice its
// size, as GOGC=100 would, rather than have the collector run all the
// time. GOGC and GOMEMLIMIT set by the user win.
func exportGC() (restore func()) {
	var undo []func()
	if os.Getenv("GOGC") == "" {
		old := debug.SetGCPercent(400)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(exportMemoryLimit)
		stop, stopped := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(stopped)
			followLiveHeap(stop)
		}()
		undo = append(undo, func() {
			close(stop)
			<-stopped
			debug.SetMemoryLimit(old)
		})
	}
	return func() {
		for _, f := range undo {
			f()
		}
	}
}

// followLiveHeap sets the memory limit to memoryLimitFor the live heap
// (as the last collection found it) ten times a second until stop is
// closed.
func followLiveHeap(stop <-chan struct{}) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		debug.SetMemoryLimit(memoryLimitFor(int64(sample[0].Value.Uint64())))
	}
}

// memoryLimitFor is the export's memory limit for a live heap of live
// bytes: exportMemoryLimit, or twice the live heap when that is more.
func memoryLimitFor(live int64) int64 {
	return max(exportMemoryLimit, 2*live)
}

// newExportCmd is `newsroom export --out DIR`.
func newExportCmd(e *env) *cobra.Command {
	var (
		out, baseURL, commentsURL string
		drafts, includeProtected  bool
	)
	cmd := &cobra.Command{
		Use:   "export [--out] DIR [--base-url URL] [--comments-url URL] [--drafts [--include-protected]]",
		Short: "Export published articles as a static site with a feed",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// The folder may be given as --out DIR or as the one argument.
			if len(args) == 1 {
				if out != "" && out != args[0] {
					return usageError{fmt.Errorf("export takes one folder: --out %s or %s, not both", out, args[0])}
				}
				out = args[0]
			}
			if out == "" {
				return usageError{fmt.Errorf("export needs a folder: newsroom export DIR (or --out DIR)")}
			}
			ctx := cmd.Context()
			store, err := e.store(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			opt, err := ExportOptionsFromSettings(ctx, store)
			if err != nil {
				return err
			}
			if _, err := store.ApplyCommentRetention(ctx); err != nil {
				return err
			}
			if cmd.Flags().Changed("base-url") {
				opt.BaseURL = baseURL
			}
			if cmd.Flags().Changed("comments-url") {
				opt.CommentsURL = commentsURL
			}
			opt.Drafts = drafts
			if drafts && !includeProtected {
				if opt.SkipDrafts, err = store.ProtectedDraftIDs(ctx); err != nil {
					return err
				}
				if n := len(opt.SkipDrafts); n > 0 {
					fmt.Fprintf(cmd.ErrOrStderr(), "note: %d password-protected WordPress drafts left out (--include-protected writes them)\n", n)
				}
			}
			defer exportGC()()
			started := time.Now()
			rep, err := publish.Export(ctx, store, out, opt, nil)
			if err != nil {
				return err
			}
			// Thousands of warnings go out in a few writes, not one each.
			warnings := bufio.NewWriter(cmd.ErrOrStderr())
			for _, w := range rep.Warnings {
				fmt.Fprintf(warnings, "warning: %s\n", w)
			}
			if err := warnings.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "exported to %s: %d written, %d unchanged, %d removed in %s\n",
				out, rep.Written, rep.Unchanged, rep.Removed, time.Since(started).Round(time.Millisecond))
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "folder to write the site into")
	cmd.Flags().StringVar(&baseURL, "base-url", "", "public address of the site, for feed and JSON-LD links")
	cmd.Flags().StringVar(&commentsURL, "comments-url", "", "address the comment form posts to (newsroom serve)")
	cmd.Flags().BoolVar(&drafts, "drafts", false, "also write unpublished articles, marked as drafts")
	cmd.Flags().BoolVar(&includeProtected, "include-protected", false, "with --drafts, also write drafts imported from password-protected WordPress posts (their pages say so)")
	return cmd
}
