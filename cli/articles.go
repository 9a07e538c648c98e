package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"newsroom/domain"
	"newsroom/markup"
	"newsroom/publish"
	"newsroom/storage"
)

// newArticlesCmd is `newsroom articles list|show|check`.
func newArticlesCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{Use: "articles", Short: "List, show, check, fact-check, publish, restore and correct articles", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError{fmt.Errorf("articles needs a command: list, show, check, factcheck, status, history, restore, correct, trash, untrash or empty-trash")}
		}}
	cmd.AddCommand(newArticlesListCmd(e), newArticlesShowCmd(e), newArticlesCheckCmd(e), newCorrectCmd(e))
	addEditorialCmds(cmd, e)
	addTrashCmds(cmd, e)
	return cmd
}

func newArticlesListCmd(e *env) *cobra.Command {
	var (
		search, status string
		asJSON, trash  bool
	)
	cmd := &cobra.Command{
		Use:   "list [--search TEXT] [--status S] [--trash] [--json]",
		Short: "List articles, most recently updated first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if status != "" && !domain.Status(status).Valid() {
				return usageError{fmt.Errorf("--status %q is not draft, review or published", status)}
			}
			if trash && (search != "" || status != "") {
				return usageError{errTrashFilters}
			}
			ctx := cmd.Context()
			store, err := e.store(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			if trash {
				return listTrash(cmd, store, asJSON)
			}
			list, err := store.ListArticles(ctx, storage.ArticleQuery{Search: search, Status: domain.Status(status)})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if !asJSON {
				tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "SLUG\tSTATUS\tCHECKED\tUPDATED\tHEADLINE")
				for _, a := range list {
					checked := ""
					if a.FactChecked {
						checked = "yes"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Slug, a.Status, checked, a.UpdatedAt.Format("2006-01-02 15:04"), oneCell(a.Headline))
				}
				return tw.Flush()
			}
			// Only the listed articles are read in full (one search hit
			// costs one article, not the archive).
			ids := make([]int64, len(list))
			for i, s := range list {
				ids[i] = s.ID
			}
			full, err := store.ArticlesByID(ctx, ids)
			if err != nil {
				return err
			}
			stats, err := store.StatsOf(ctx, ids)
			if err != nil {
				return err
			}
			byID := make(map[int64]*domain.Article, len(full))
			for i := range full {
				byID[full[i].ID] = &full[i]
			}
			items := make([]articleJSON, 0, len(list))
			for _, s := range list {
				if a, ok := byID[s.ID]; ok {
					items = append(items, toArticleJSON(a, stats[s.ID], false))
				}
			}
			return writeJSON(out, items)
		},
	}
	cmd.Flags().StringVar(&search, "search", "", "full-text search over headline, standfirst, body, quotes and byline")
	cmd.Flags().StringVar(&status, "status", "", "only articles with this status (draft, review, published)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&trash, "trash", false, "list the articles in the trash instead")
	return cmd
}

func newArticlesShowCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show SLUG [--json]",
		Short: "Show one article",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var (
				a  *domain.Article
				st storage.ArticleStats
			)
			err := e.withArticle(cmd.Context(), args[0], func(store *storage.Store, art *domain.Article) (err error) {
				a = art
				st, err = store.StatsFor(cmd.Context(), art.ID)
				return err
			})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(out, toArticleJSON(a, st, true))
			}
			checked := "not fact-checked"
			if a.FactCheck.Checked {
				checked = fmt.Sprintf("fact-checked by %s on %s", a.FactCheck.By, a.FactCheck.At.Format("2006-01-02 15:04"))
			}
			fmt.Fprintf(out, "%s\n%s\n\nslug: %s\nstatus: %s\nbyline: %s\n%s\nrevisions: %d\n\n%s\n",
				a.Headline, a.Standfirst, a.Slug, a.Status, a.Byline, checked, st.Revisions, a.Body)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newArticlesCheckCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "check SLUG [--json]",
		Short: "Run the attribution and house-style checks on an article",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var (
				a      *domain.Article
				style  domain.StyleSettings
				images map[string]domain.Media
			)
			err := e.withArticle(cmd.Context(), args[0], func(store *storage.Store, art *domain.Article) (err error) {
				a = art
				if style, err = store.StyleSettings(cmd.Context()); err != nil {
					return err
				}
				images, err = publish.LibraryImages(cmd.Context(), store, markup.ImageRefs(a))
				return err
			})
			if err != nil {
				return err
			}
			attribution := append(markup.AttributionFindings(a), markup.CheckImages(a, images)...)
			findings := checkFindings(a, attribution, markup.CheckStyle(a, style))
			out := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(out, findings)
			}
			if len(findings) == 0 {
				fmt.Fprintf(out, "%s: no findings\n", a.Slug)
				return nil
			}
			for _, f := range findings {
				where := f.Field
				if f.Start >= 0 {
					where = fmt.Sprintf("%s %d-%d", f.Field, f.Start, f.End)
				}
				fmt.Fprintf(out, "%s: %s at %s: %s\n", a.Slug, f.Kind, where, f.Message)
				if f.Excerpt != "" {
					fmt.Fprintf(out, "    %s\n", f.Excerpt)
				}
				if f.Suggestion != "" {
					fmt.Fprintf(out, "    suggestion: %s\n", f.Suggestion)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// withArticle opens the database, loads the article with that slug and
// calls fn with both; the database is closed afterwards.
func (e *env) withArticle(ctx context.Context, slug string, fn func(*storage.Store, *domain.Article) error) error {
	store, err := e.store(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	a, err := store.GetArticleBySlug(ctx, slug)
	if err != nil {
		return err
	}
	return fn(store, a)
}
