package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"newsroom/domain"
	"newsroom/storage"
)

// newCorrectCmd is `newsroom articles correct SLUG --kind K --text T [--by NAME]`.
func newCorrectCmd(e *env) *cobra.Command {
	var kind, text, by string
	cmd := &cobra.Command{
		Use:   "correct SLUG --kind correction|clarification|update --text TEXT [--by NAME]",
		Short: "Add a correction, clarification or update to a published article's log",
		Long: `Append a note to a published article's corrections log. The article stays
published; the next export shows a notice near the top of its page, the
note at the end, and the note in corrections/index.html. Notes are never
edited or removed.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := domain.ParseCorrectionKind(kind)
			if err != nil {
				return usageError{fmt.Errorf("--kind: %w", err)}
			}
			if strings.TrimSpace(text) == "" {
				return usageError{errors.New("correct needs --text TEXT")}
			}
			who := strings.TrimSpace(by)
			if who == "" {
				who = "command line"
			}
			return e.withArticle(cmd.Context(), args[0], func(store *storage.Store, a *domain.Article) error {
				c, err := store.AddCorrection(cmd.Context(), a.ID, k, text, who)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: %s added by %s at %s\n", a.Slug, strings.ToLower(c.Kind.Label()), c.By, c.At.Format("2006-01-02 15:04 MST"))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&kind, "kind", string(domain.CorrectionFix), "correction, clarification or update")
	cmd.Flags().StringVar(&text, "text", "", "the note as readers will see it")
	cmd.Flags().StringVar(&by, "by", "", "who adds it (default \"command line\")")
	return cmd
}
