package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"newsroom/domain"
	"newsroom/markup"
	"newsroom/storage"
)

// addEditorialCmds adds the commands that change an article's workflow
// state: factcheck, status, history and restore.
func addEditorialCmds(parent *cobra.Command, e *env) {
	parent.AddCommand(newFactCheckCmd(e), newStatusCmd(e), newHistoryCmd(e), newRestoreCmd(e))
}

func newFactCheckCmd(e *env) *cobra.Command {
	var (
		by    string
		clear bool
	)
	cmd := &cobra.Command{
		Use:   "factcheck SLUG [--by NAME] [--clear]",
		Short: "Mark an article fact-checked now (by the signed-in person, else NAME), or clear the mark",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.withArticle(cmd.Context(), args[0], func(store *storage.Store, a *domain.Article) error {
				if _, signed := store.SignedIn(); !signed && !clear && strings.TrimSpace(by) == "" {
					return usageError{errors.New("factcheck needs --by NAME (or --clear), or a signed-in person (--as LOGIN)")}
				}
				who := by
				if who == "" {
					who = "command line"
				}
				a, err := store.SetFactCheck(cmd.Context(), a.ID, a.Version, who, !clear)
				if err != nil {
					return err
				}
				if a.FactCheck.Checked {
					fmt.Fprintf(cmd.OutOrStdout(), "%s: fact-checked by %s\n", a.Slug, a.FactCheck.By)
				} else {
					fmt.Fprintf(cmd.OutOrStdout(), "%s: fact-check mark cleared\n", a.Slug)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&by, "by", "", "who checked it")
	cmd.Flags().BoolVar(&clear, "clear", false, "clear the mark instead")
	return cmd
}

func newStatusCmd(e *env) *cobra.Command {
	var (
		at  string
		yes bool
	)
	cmd := &cobra.Command{
		Use:   "status SLUG draft|review|published [--at TIME] [--yes]",
		Short: "Move an article through the workflow; a future --at embargoes it",
		Long: `Set an article's status. Publishing sets the publication time to now
unless it has one or --at gives one (RFC 3339, e.g. 2026-12-01T09:00:00Z); a
time in the future is an embargo. Publishing an article that is not
fact-checked or has attribution findings needs --yes.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			status := domain.Status(args[1])
			if !status.Valid() {
				return usageError{fmt.Errorf("status %q is not draft, review or published", args[1])}
			}
			var when time.Time
			if at != "" {
				t, err := time.Parse(time.RFC3339, at)
				if err != nil {
					return usageError{fmt.Errorf("--at %q is not a time like 2026-12-01T09:00:00Z", at)}
				}
				when = t.UTC()
			}
			return e.withArticle(cmd.Context(), args[0], func(store *storage.Store, a *domain.Article) error {
				if status == domain.StatusPublished {
					if warnings := markup.PublishWarnings(a); len(warnings) > 0 && !yes {
						return fmt.Errorf("not published: %s (repeat with --yes to publish anyway)", strings.Join(warnings, "; "))
					}
					if a.PublishedAt.IsZero() && when.IsZero() {
						when = time.Now().UTC().Truncate(time.Second)
					}
				}
				if !when.IsZero() {
					a.PublishedAt = when
				}
				a.Status = status
				if _, err := store.SaveArticle(cmd.Context(), a, "command line"); err != nil {
					return err
				}
				msg := fmt.Sprintf("%s: %s", a.Slug, a.Status)
				if a.IsEmbargoed(time.Now()) {
					msg += ", embargoed until " + a.PublishedAt.Format(time.RFC3339)
				}
				fmt.Fprintln(cmd.OutOrStdout(), msg)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&at, "at", "", "publication time (RFC 3339)")
	cmd.Flags().BoolVar(&yes, "yes", false, "publish even without a fact check or with findings")
	return cmd
}

// revisionJSON is a revision in the history listing.
type revisionJSON struct {
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	Author string    `json:"author"`
	Status string    `json:"status"`
	Size   int       `json:"size"`
	Note   string    `json:"note"`
}

// eventJSON is an event in the history listing.
type eventJSON struct {
	At     time.Time `json:"at"`
	Who    string    `json:"who"`
	Kind   string    `json:"kind"`
	Detail string    `json:"detail"`
}

func newHistoryCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "history SLUG [--json]",
		Short: "List an article's revisions and events (fact checks, revocations, status, restores)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.withArticle(cmd.Context(), args[0], func(store *storage.Store, a *domain.Article) error {
				revs, err := store.Revisions(cmd.Context(), a.ID)
				if err != nil {
					return err
				}
				events, err := store.History(cmd.Context(), a.ID)
				if err != nil {
					return err
				}
				out := struct {
					Revisions []revisionJSON `json:"revisions"`
					Events    []eventJSON    `json:"events"`
				}{Revisions: []revisionJSON{}, Events: []eventJSON{}}
				for _, r := range revs {
					out.Revisions = append(out.Revisions, revisionJSON{r.ID, r.CreatedAt, r.Author, string(r.Status), r.Size(), r.Note})
				}
				for _, ev := range events {
					out.Events = append(out.Events, eventJSON{ev.At, ev.Who, ev.Kind, ev.Detail})
				}
				if asJSON {
					return writeJSON(cmd.OutOrStdout(), out)
				}
				tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "REVISION\tSAVED\tBY\tSTATUS\tSIZE\tNOTE")
				for _, r := range out.Revisions {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\n", r.ID, r.At.Format("2006-01-02 15:04"), r.Author, r.Status, r.Size, r.Note)
				}
				fmt.Fprintln(tw, "\nEVENT\tAT\tBY\tDETAIL")
				for _, ev := range out.Events {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ev.Kind, ev.At.Format("2006-01-02 15:04"), ev.Who, ev.Detail)
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newRestoreCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "restore SLUG REVISION",
		Short: "Put a revision's text back (itself a new revision)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			revID, err := strconv.ParseInt(args[1], 10, 64)
			if err != nil {
				return usageError{fmt.Errorf("%q is not a revision number", args[1])}
			}
			return e.withArticle(cmd.Context(), args[0], func(store *storage.Store, a *domain.Article) error {
				revs, err := store.Revisions(cmd.Context(), a.ID)
				if err != nil {
					return err
				}
				found := false
				for _, r := range revs {
					found = found || r.ID == revID
				}
				if !found {
					return fmt.Errorf("article %q has no revision %d: %w", a.Slug, revID, domain.ErrNotFound)
				}
				restored, res, err := store.RestoreRevision(cmd.Context(), revID, a.Version, "command line")
				if err != nil {
					return err
				}
				msg := fmt.Sprintf("%s: restored revision %d", restored.Slug, revID)
				if res.FactCheckRevoked {
					msg += "; the fact check was revoked"
				}
				if res.FactCheckRestored {
					msg += "; the fact check stands again (the checked text is back)"
				}
				fmt.Fprintln(cmd.OutOrStdout(), msg)
				return nil
			})
		},
	}
}
