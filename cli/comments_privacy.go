package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// addPrivacyCmds adds the commands that answer readers' data requests:
// export, erase and retention.
func addPrivacyCmds(parent *cobra.Command, e *env) {
	parent.AddCommand(newCommentsExportCmd(e), newCommentsEraseCmd(e), newCommentsRetentionCmd(e))
}

// personalCommentJSON is everything stored about one comment, for the
// person who gave it.
type personalCommentJSON struct {
	commentJSON
	ClientAddr string `json:"network_address"`
	UserAgent  string `json:"browser"`
}

func newCommentsExportCmd(e *env) *cobra.Command {
	var email string
	cmd := &cobra.Command{
		Use:   "export --email ADDR",
		Short: "Print, as JSON, everything stored with the comments of an email address (a reader's request for their data)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(email) == "" {
				return usageError{errors.New("export needs --email ADDR")}
			}
			store, err := e.store(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			list, err := store.CommentsByEmail(cmd.Context(), email)
			if err != nil {
				return err
			}
			out := make([]personalCommentJSON, 0, len(list))
			for _, c := range list {
				out = append(out, personalCommentJSON{commentJSON: toCommentJSON(c), ClientAddr: c.ClientAddr, UserAgent: c.UserAgent})
			}
			return writeJSON(cmd.OutOrStdout(), out)
		},
	}
	cmd.Flags().StringVar(&email, "email", "", "the reader's email address")
	return cmd
}

func newCommentsEraseCmd(e *env) *cobra.Command {
	var (
		email  string
		remove bool
	)
	cmd := &cobra.Command{
		Use:   "erase --email ADDR [--remove]",
		Short: "Erase a reader's data: their comments stay as \"Anonymous\" without email, website or address, or go with --remove",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(email) == "" {
				return usageError{errors.New("erase needs --email ADDR")}
			}
			store, err := e.store(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			n, err := store.EraseCommentsByEmail(cmd.Context(), email, remove)
			if err != nil {
				return err
			}
			what := "anonymised"
			if remove {
				what = "removed"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%d comment(s) %s; export again to update the site\n", n, what)
			return nil
		},
	}
	cmd.Flags().StringVar(&email, "email", "", "the reader's email address")
	cmd.Flags().BoolVar(&remove, "remove", false, "delete the comments instead of keeping their text under \"Anonymous\"")
	return cmd
}

func newCommentsRetentionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "retention",
		Short: "Clear network addresses and browser strings older than the comment_retention_days setting (export does this too)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := e.store(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			days, err := store.CommentRetentionDays(cmd.Context())
			if err != nil {
				return err
			}
			if days == 0 {
				fmt.Fprintln(cmd.OutOrStdout(), "no retention period set (newsroom settings set comment_retention_days N): nothing cleared")
				return nil
			}
			n, err := store.ApplyCommentRetention(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "cleared the addresses of %d comment(s) older than %d days (before %s)\n", n, days,
				time.Now().UTC().AddDate(0, 0, -days).Format("2006-01-02"))
			return nil
		},
	}
}
