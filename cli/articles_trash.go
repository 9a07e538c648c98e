package cli

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"newsroom/storage"
)

// addTrashCmds adds `articles trash`, `untrash` and `empty-trash`.
func addTrashCmds(parent *cobra.Command, e *env) {
	var by string
	trash := &cobra.Command{
		Use:   "trash SLUG [--by NAME]",
		Short: "Move an article to the trash (with its quotes, sources, revisions, corrections and comments)",
		Long: `Move an article to the trash. It leaves the lists, search and export, and
comments on it are refused, but nothing is erased: untrash brings it back
whole. Its slug stays reserved until the trash is emptied.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return onStore(cmd, e, func(ctx context.Context, store *storage.Store) (string, error) {
				a, err := store.GetArticleBySlug(ctx, args[0])
				if err != nil {
					return "", err
				}
				if err := store.TrashArticle(ctx, a.ID, whoOrCommandLine(by)); err != nil {
					return "", err
				}
				return fmt.Sprintf("%s: moved to the trash (newsroom articles untrash %s brings it back)", a.Slug, a.Slug), nil
			})
		},
	}
	trash.Flags().StringVar(&by, "by", "", "who trashes it (recorded in the history)")

	var untrashBy string
	untrash := &cobra.Command{
		Use:   "untrash SLUG [--by NAME]",
		Short: "Restore an article from the trash, whole",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return onStore(cmd, e, func(ctx context.Context, store *storage.Store) (string, error) {
				t, err := store.TrashedBySlug(ctx, args[0])
				if err != nil {
					return "", err
				}
				if err := store.RestoreFromTrash(ctx, t.ID, whoOrCommandLine(untrashBy)); err != nil {
					return "", err
				}
				return t.Slug + ": restored from the trash", nil
			})
		},
	}
	untrash.Flags().StringVar(&untrashBy, "by", "", "who restores it (recorded in the history)")

	var yes bool
	empty := &cobra.Command{
		Use:   "empty-trash --yes",
		Short: "Delete every article in the trash for good (the only permanent deletion)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return onStore(cmd, e, func(ctx context.Context, store *storage.Store) (string, error) {
				if !yes {
					list, err := store.ListTrash(ctx)
					if err != nil {
						return "", err
					}
					return "", usageError{fmt.Errorf("empty-trash deletes %d article(s) for good, with their quotes, revisions, corrections and comments: repeat with --yes", len(list))}
				}
				n, err := store.EmptyTrash(ctx)
				if err != nil {
					return "", err
				}
				return fmt.Sprintf("deleted %d article(s) for good", n), nil
			})
		},
	}
	empty.Flags().BoolVar(&yes, "yes", false, "really delete")
	parent.AddCommand(trash, untrash, empty)
}

// onStore runs one trash command's work on the command's newsroom and
// prints the line it says was done.
func onStore(cmd *cobra.Command, e *env, work func(ctx context.Context, store *storage.Store) (string, error)) error {
	ctx := cmd.Context()
	store, err := e.store(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	done, err := work(ctx, store)
	if err != nil {
		return err
	}
	fmt.Fprintln(cmd.OutOrStdout(), done)
	return nil
}

// whoOrCommandLine names who acted, "command line" when not said.
func whoOrCommandLine(by string) string {
	if by == "" {
		return "command line"
	}
	return by
}

// trashedJSON is one article of `articles list --trash --json`.
type trashedJSON struct {
	Slug      string    `json:"slug"`
	Headline  string    `json:"headline"`
	Status    string    `json:"status"`
	TrashedAt time.Time `json:"trashed_at"`
	TrashedBy string    `json:"trashed_by"`
}

// listTrash prints the trash for `articles list --trash`.
func listTrash(cmd *cobra.Command, store *storage.Store, asJSON bool) error {
	list, err := store.ListTrash(cmd.Context())
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	if asJSON {
		items := make([]trashedJSON, 0, len(list))
		for _, a := range list {
			items = append(items, trashedJSON{a.Slug, a.Headline, string(a.Status), a.TrashedAt, a.TrashedBy})
		}
		return writeJSON(out, items)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SLUG\tSTATUS\tTRASHED\tBY\tHEADLINE")
	for _, a := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Slug, a.Status, a.TrashedAt.Format("2006-01-02 15:04"), oneCell(a.TrashedBy), oneCell(a.Headline))
	}
	return tw.Flush()
}

// errTrashFilters: --trash lists the whole trash.
var errTrashFilters = errors.New("--trash takes no --search or --status")
