package cli

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"newsroom/domain"
	"newsroom/storage"
)

// newCommentsCmd is `newsroom comments list|approve|unapprove|spam|trash|restore|delete`.
func newCommentsCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{Use: "comments", Short: "List and moderate reader comments", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError{fmt.Errorf("comments needs a command: list, approve, unapprove, spam, not-spam, trash, restore, delete, export, erase or retention")}
		}}
	cmd.AddCommand(newCommentsListCmd(e))
	actions := []struct{ name, short string }{
		{storage.ActionApprove, "Approve comments so they appear on the page"},
		{storage.ActionUnapprove, "Send comments back to pending"},
		{storage.ActionSpam, "Mark comments as spam"},
		{storage.ActionNotSpam, "Take comments out of spam"},
		{storage.ActionTrash, "Move comments to the trash"},
		{storage.ActionRestore, "Restore comments from the trash"},
	}
	for _, a := range actions {
		cmd.AddCommand(newModerateCmd(e, a.name, a.short))
	}
	cmd.AddCommand(newModerateCmd(e, "delete", "Delete spam or trashed comments permanently"))
	addPrivacyCmds(cmd, e)
	return cmd
}

func newCommentsListCmd(e *env) *cobra.Command {
	var (
		status, article, text string
		asJSON                bool
	)
	cmd := &cobra.Command{
		Use:   "list [--status S] [--article SLUG] [--search TEXT] [--json]",
		Short: "List comments, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if status != "" && !domain.CommentStatus(status).Valid() {
				return usageError{fmt.Errorf("--status %q is not pending, approved, spam or trash", status)}
			}
			ctx := cmd.Context()
			store, err := e.store(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			list, err := store.ListComments(ctx, storage.CommentQuery{Status: domain.CommentStatus(status), ArticleSlug: article, Text: text})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				items := make([]commentJSON, 0, len(list))
				for _, c := range list {
					items = append(items, toCommentJSON(c))
				}
				return writeJSON(out, items)
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSTATUS\tARTICLE\tAUTHOR\tSUBMITTED\tEXCERPT\tREASONS")
			for _, c := range list {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Status, c.ArticleSlug, oneLine(c.Author, 24),
					c.SubmittedAt.Format("2006-01-02 15:04"), oneLine(c.Body, 40), strings.Join(c.Reasons, "; "))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&status, "status", "", "only comments with this status (pending, approved, spam, trash)")
	cmd.Flags().StringVar(&article, "article", "", "only comments on the article with this slug")
	cmd.Flags().StringVar(&text, "search", "", "only comments whose author, email, website or text contains this")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// newModerateCmd applies one moderation action to comment ids.
func newModerateCmd(e *env, action, short string) *cobra.Command {
	return &cobra.Command{
		Use:   action + " ID...",
		Short: short,
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids := make([]int64, 0, len(args))
			for _, a := range args {
				id, err := strconv.ParseInt(a, 10, 64)
				if err != nil || id <= 0 {
					return usageError{fmt.Errorf("%q is not a comment id", a)}
				}
				ids = append(ids, id)
			}
			ctx := cmd.Context()
			store, err := e.store(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			if action == "delete" {
				err = store.DeleteComments(ctx, ids)
			} else {
				err = store.ModerateComments(ctx, action, ids)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d comment(s)\n", action, len(ids))
			return nil
		},
	}
}

// oneLine shortens s to n runes on one line, for tables.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
