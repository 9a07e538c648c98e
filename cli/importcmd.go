package cli

import (
	"bufio"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"newsroom/importer"
)

// newImportCmd is `newsroom import [--dry-run] [--replace] PATH...`.
func newImportCmd(e *env) *cobra.Command {
	var (
		dryRun, replace bool
		uploads         string
	)
	cmd := &cobra.Command{
		Use:   "import [--dry-run] [--replace] [--uploads DIR] FILE|FOLDER...",
		Short: "Import Markdown files with front matter, folders of them, or WordPress exports (WXR)",
		Long: `Import Markdown files with YAML, TOML or JSON front matter (Hugo, Jekyll: title,
slug, date, author, draft, description, tags) and WordPress exports (WXR 1.0 to
1.2), detected by content. A folder is walked recursively: its Markdown files
(.md, .markdown) and WordPress exports are imported, list pages (_index.md) and
other files are skipped and counted.

Each file is imported all or nothing and is identified by its path relative to
the folder given (or by an id field in its front matter); a WordPress post by
its blog's address and post id. Importing again updates what came from the
same file ("unchanged" when nothing changed). An import never overwrites an
article it did not make: when the slug is taken, the newcomer gets a free slug
and the output says so. --replace overwrites the article holding the slug
instead (its previous text stays in its history).

Raw HTML, Hugo shortcodes, Liquid tags and kramdown attributes are converted
to Markdown and the body conventions; what cannot be carried is kept as text
and listed as a warning with file and line.

Images come into the media library with the articles that show them: a
Markdown file's images beside it (a Hugo page bundle) or under the folder
given, and, with --uploads DIR (a copy of the site's wp-content/uploads), a
WordPress export's attachments, their files matched by the path after
/uploads/. Bodies then show them as {{image REF}} blocks and a post's
featured image becomes its lead image. Images on other sites are never
downloaded: they stay links, each named in a warning.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if uploads != "" {
				if st, err := os.Stat(uploads); err != nil || !st.IsDir() {
					return usageError{fmt.Errorf("--uploads %s: not a folder (give a copy of wp-content/uploads)", uploads)}
				}
			}
			store, err := e.store(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			errOut := cmd.ErrOrStderr()
			total := importer.Report{DryRun: dryRun}
			if dryRun {
				fmt.Fprintln(out, "dry run: nothing is written")
			}
			for _, path := range args {
				rep, err := importer.Import(ctx, importer.ForStorage(store), path, importer.Options{DryRun: dryRun, Replace: replace, Uploads: uploads})
				total.Files = append(total.Files, rep.Files...)
				for _, s := range rep.Files {
					if s.Err != nil {
						out.Flush()
						fmt.Fprintf(errOut, "newsroom: %s\n", s)
					} else {
						fmt.Fprintln(out, s)
					}
					for _, w := range s.Warnings {
						fmt.Fprintln(out, "warning: "+w.String())
					}
				}
				if err != nil {
					out.Flush()
					fmt.Fprintf(errOut, "newsroom: %v\n", err)
					total.Files = append(total.Files, importer.Summary{File: path, Err: err})
				}
			}
			fmt.Fprintln(out, total.SummaryLine())
			if t := total.Totals(); t.Failed > 0 {
				return fmt.Errorf("%d of %d files not imported", t.Failed, len(total.Files))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "say what would be created, updated, unchanged, skipped and warned, without writing")
	cmd.Flags().StringVar(&uploads, "uploads", "", "a copy of the WordPress site's wp-content/uploads: attachments' files are taken into the media library")
	cmd.Flags().BoolVar(&replace, "replace", false, "overwrite the article that holds a file's slug instead of giving the file a free slug")
	return cmd
}
