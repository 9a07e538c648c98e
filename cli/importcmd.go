package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"newsroom/importer"
)

// newImportCmd is `newsroom import FILE...`.
func newImportCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE...",
		Short: "Import Markdown files with front matter, or WordPress exports (WXR)",
		Long: `Import Markdown files with YAML front matter (Hugo, Jekyll: title, slug, date,
author, draft, description) and WordPress exports (WXR 1.0 to 1.2), detected by
content. Each file is imported all or nothing; importing it again updates what
came from it.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := e.store(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			failed := 0
			for _, path := range args {
				sum, err := importer.ImportFile(ctx, importer.ForStorage(store), path, nil)
				if err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "newsroom: %v\n", err)
					failed++
					continue
				}
				fmt.Fprintln(cmd.OutOrStdout(), sum.String())
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d files not imported", failed, len(args))
			}
			return nil
		},
	}
}
