package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"newsroom/storage"
)

// newBackupCmd is `newsroom backup [--to FILE] [--force]`.
func newBackupCmd(e *env) *cobra.Command {
	var (
		to    string
		force bool
	)
	cmd := &cobra.Command{
		Use:   "backup [--to FILE [--force]]",
		Short: "Copy the database to a file, or make today's rolling backup",
		Long: `With --to FILE, write a consistent copy of the database to FILE (SQLite's
VACUUM INTO: saves may go on meanwhile) and check it; an existing FILE is
refused unless --force. Without --to, make today's rolling backup in the
backups folder beside the database (one a day, the last 7 kept); the window
does this by itself for the default database.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if force && to == "" {
				return usageError{errors.New("--force needs --to FILE")}
			}
			ctx := cmd.Context()
			store, err := e.store(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			out := cmd.OutOrStdout()
			if to == "" {
				made, err := store.RollingBackup(ctx, time.Now())
				if err != nil {
					return err
				}
				if made == "" {
					fmt.Fprintf(out, "today's backup is already in %s\n", storage.BackupDir(store.Path()))
					return nil
				}
				fmt.Fprintf(out, "backed up %s to %s\n", store.Path(), made)
				return nil
			}
			if err := store.Backup(ctx, to, force); err != nil {
				return err
			}
			fmt.Fprintf(out, "backed up %s to %s\n", store.Path(), to)
			return nil
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "file to write the copy to")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE when it exists")
	return cmd
}

// newRestoreDBCmd is `newsroom restore FILE`.
func newRestoreDBCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Replace the database with a checked backup, keeping the current one aside",
		Long: `Check FILE (a sound Newsroom database of a schema this program knows) and put
a copy of it in place of the database; the current database is kept beside
it as NAME.before-restore-TIME. Close the window and stop serve first.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := *e.dbPath
			if path == "" {
				path = DefaultDBPath()
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					return fmt.Errorf("create data folder: %w", err)
				}
			}
			aside, err := storage.Restore(cmd.Context(), path, args[0], time.Now())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "restored %s from %s\n", path, args[0])
			if aside != "" {
				fmt.Fprintf(out, "the previous database is kept as %s\n", aside)
			}
			return nil
		},
	}
}
