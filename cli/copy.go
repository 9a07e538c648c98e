package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"newsroom/storage"
)

// newCopyCmd is `newsroom copy --from SOURCE --to TARGET [--force]`.
func newCopyCmd(e *env) *cobra.Command {
	var (
		from, to string
		force    bool
		logins   string
	)
	cmd := &cobra.Command{
		Use:   "copy --from SOURCE --to TARGET [--force] [--logins FILE]",
		Short: "Copy a whole newsroom between SQLite files and PostgreSQL databases",
		Long: `Copy every table of the newsroom SOURCE (articles, quotes, sources, revisions,
history, comments, corrections, settings, the dictionary) into TARGET, each a
database file or a PostgreSQL URL (postgres://user@host:port/dbname). TARGET
is created when it is a new file, and its schema brought up to date. All of
it is written in one transaction of TARGET and verified before it commits:
each table's rows and content digest are printed for both sides, and equal,
or nothing is written. A TARGET holding anything is refused unless --force,
which replaces its contents.

Into PostgreSQL, the staff members copied who have no database login are
listed with the command that gives each one (newsroom staff login LOGIN).
With --logins FILE (a new file) each of them gets a login role with a
generated password instead, the passwords written to FILE only (mode 0600,
never to the output): hand each person theirs, then delete the file.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if from == "" || to == "" {
				return usageError{errors.New("copy needs --from SOURCE and --to TARGET")}
			}
			if logins != "" {
				if err := checkLoginsFile(logins, to); err != nil {
					return err
				}
			}
			ctx := cmd.Context()
			src, err := storage.OpenWith(from, storage.Options{Purpose: "copy", NoChangeListener: true})
			if err != nil {
				return err
			}
			e.remember(src)
			defer src.Close()
			dst, err := storage.OpenWith(to, storage.Options{Purpose: "copy", NoChangeListener: true})
			if err != nil {
				return err
			}
			e.remember(dst)
			defer dst.Close()
			if src.Path() == dst.Path() {
				return usageError{fmt.Errorf("--from and --to are both %s", src.Path())}
			}
			source, target, err := storage.CopyNewsroom(ctx, src, dst, force)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "copied %s to %s\n", src.Path(), dst.Path())
			fmt.Fprintf(out, "%-22s %8s  %-64s  %s\n", "table", "rows", "sha256 (source)", "target")
			for i, d := range source {
				same := "equal"
				if d != target[i] {
					same = "DIFFERS" // CopyNewsroom does not commit then; kept for honesty
				}
				fmt.Fprintf(out, "%-22s %8d  %-64s  %s\n", d.Table, d.Rows, d.Digest, same)
			}
			return reportStaffLogins(ctx, out, dst, logins)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the newsroom to copy: a database file or a postgres:// URL")
	cmd.Flags().StringVar(&to, "to", "", "where to copy it: a database file or a postgres:// URL")
	cmd.Flags().BoolVar(&force, "force", false, "replace what TARGET holds")
	cmd.Flags().StringVar(&logins, "logins", "", "PostgreSQL: create a database login for each copied staff member without one, their generated passwords written to this new file (mode 0600)")
	return cmd
}
