// Package cli is Newsroom's command line: opening the window, importing,
// listing, checking, exporting, moderating and serving comments. Each
// command takes --db PATH, else the default database.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"newsroom/seed"
	"newsroom/storage"
)

// WindowFunc opens the main window on store, with the article slug open
// in the editor when not empty, offering to import importPath when not
// empty. It returns when the window closes.
type WindowFunc func(store *storage.Store, openSlug, importPath string) error

// Options are what main wires in.
type Options struct {
	Window WindowFunc
	// Version is what --version prints after "newsroom "; no --version
	// flag when empty.
	Version string
	Stdout  io.Writer
	Stderr  io.Writer
	Stdin   io.Reader
}

// usageError marks mistakes in how a command was called: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// Run executes the command line args (without the program name) and
// returns the process exit status: 0 success, 1 failure, 2 usage.
func Run(ctx context.Context, args []string, opt Options) int {
	if opt.Stdout == nil {
		opt.Stdout = os.Stdout
	}
	if opt.Stderr == nil {
		opt.Stderr = os.Stderr
	}
	if opt.Stdin == nil {
		opt.Stdin = os.Stdin
	}
	// Everything printed goes through a cleaner: titles, bodies, comments
	// and error messages quoting them never reach the terminal raw.
	stdout, stderr := newCleanWriter(opt.Stdout), newCleanWriter(opt.Stderr)
	defer stdout.Flush()
	defer stderr.Flush()
	opt.Stdout, opt.Stderr = stdout, stderr
	root, env, stopProfile := newRoot(opt)
	defer stopProfile()
	root.SetArgs(args)
	root.SetOut(opt.Stdout)
	root.SetErr(opt.Stderr)
	cmd, err := root.ExecuteContextC(ctx)
	// A command that met a damaged database never reports success, even
	// when what it read could still be read, and always says how to
	// restore it.
	if damage := env.damage(); damage != nil && !errors.Is(err, storage.ErrDamaged) {
		err = errors.Join(err, damage)
	}
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) || strings.HasPrefix(err.Error(), "unknown command") ||
		strings.HasPrefix(err.Error(), "unknown flag") || strings.Contains(err.Error(), "accepts ") ||
		strings.HasPrefix(err.Error(), "requires at least") {
		fmt.Fprintf(opt.Stderr, "newsroom: %v\n\n%s", err, cmd.UsageString())
		return 2
	}
	fmt.Fprintf(opt.Stderr, "newsroom: %v\n", err)
	return 1
}

// newRoot builds the command tree. The returned function stops the CPU
// profile that --cpuprofile started, also after a failed command.
func newRoot(opt Options) (*cobra.Command, *env, func()) {
	var dbPath, openSlug, cpuProfile, asLogin string
	var stopProfile func()
	env := &env{dbPath: &dbPath, as: &asLogin, opt: opt}
	root := &cobra.Command{
		Use:   "newsroom",
		Short: "Newsroom: draft, fact-check, preview, moderate and export news articles",
		Long: `Newsroom is a desktop newsroom editor over one SQLite file, or over a
PostgreSQL database many desks share.

Run without a command to open the window on the default database
(` + DefaultDBPath() + `), or on --db PATH, or on
--db postgres://user@host:port/dbname (PG* environment variables and
~/.pgpass are honoured; see "A shared newsroom" in the README). Given a Markdown file, a
WordPress export or a folder (newsroom FILE), the window opens and offers
to import it, as the desktop's "Open with" does.`,
		Version:       opt.Version,
		Args:          fileToOffer,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			env.purpose = strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
			stop, err := startCPUProfile(cpuProfile)
			stopProfile = stop
			return err
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.Window == nil {
				return errors.New("this build has no window")
			}
			importPath, err := offeredPath(args)
			if err != nil {
				return err
			}
			store, err := openStore(cmd.Context(), dbPath, "desk")
			if err != nil {
				return err
			}
			defer store.Close()
			env.remember(store)
			if err := env.signInNamed(cmd.Context(), store); err != nil {
				return err
			}
			if dbPath == "" {
				// The default database gets its daily backup beside it,
				// off the window's goroutine; the store stays open until
				// it is done.
				done := make(chan struct{})
				go func() {
					defer close(done)
					if _, err := store.RollingBackup(cmd.Context(), time.Now()); err != nil {
						fmt.Fprintf(opt.Stderr, "newsroom: daily backup: %v\n", err)
					}
				}()
				defer func() { <-done }()
			}
			return opt.Window(store, openSlug, importPath)
		},
	}
	root.PersistentFlags().StringVar(&dbPath, "db", "", "database file or postgres:// URL (default "+DefaultDBPath()+")")
	root.PersistentFlags().StringVar(&asLogin, "as", "", "act as this staff member (default $"+EnvUser+", else the only admin)")
	root.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "", "write a Go CPU profile to this file (for performance work)")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.Flags().StringVar(&openSlug, "open", "", "open the article with this slug in the editor")
	root.SetVersionTemplate("newsroom {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newBackupCmd(env),
		newRestoreDBCmd(env),
		newImportCmd(env),
		newArticlesCmd(env),
		newCommentsCmd(env),
		newExportCmd(env),
		newServeCmd(env),
		newSettingsCmd(env),
		newDictionaryCmd(env),
		newMediaCmd(env),
		newCopyCmd(env),
		newStaffCmd(env),
	)
	return root, env, func() {
		if stopProfile != nil {
			stopProfile()
		}
	}
}

// env is what every subcommand shares.
type env struct {
	dbPath *string
	as     *string // --as LOGIN
	opt    Options
	// purpose is the command being run ("export", "staff add"), which
	// names the PostgreSQL connections (storage.Options.Purpose).
	purpose string
	mu      sync.Mutex
	opened  []*storage.Store
}

// store opens the database the command names.
func (e *env) store(ctx context.Context) (*storage.Store, error) {
	s, err := openStore(ctx, *e.dbPath, e.purpose)
	if err != nil {
		return nil, err
	}
	e.remember(s)
	if err := e.signIn(ctx, s); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// remember notes a store the command opened, for damage.
func (e *env) remember(s *storage.Store) {
	e.mu.Lock()
	e.opened = append(e.opened, s)
	e.mu.Unlock()
}

// damage returns the damage any opened store met, else nil.
func (e *env) damage() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, s := range e.opened {
		if err := s.Damaged(); err != nil {
			return err
		}
	}
	return nil
}

// DefaultDBPath is the default database: newsroom.db in the user's data
// directory ($XDG_DATA_HOME/newsroom, else ~/.local/share/newsroom).
func DefaultDBPath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "newsroom", "newsroom.db")
}

// openStore opens path, or the default database when path is empty, for
// purpose (storage.Options.Purpose: "desk" for the window, else the
// command; only the window listens for other desks' changes). The default
// database is created on first use with the sample article; any other new
// file starts empty.
func openStore(ctx context.Context, path, purpose string) (*storage.Store, error) {
	opts := storage.Options{Purpose: purpose, NoChangeListener: purpose != "desk"}
	if path != "" {
		return storage.OpenWith(path, opts)
	}
	path = DefaultDBPath()
	_, statErr := os.Stat(path)
	fresh := errors.Is(statErr, os.ErrNotExist)
	if fresh {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("create data folder: %w", err)
		}
	}
	store, err := storage.OpenWith(path, opts)
	if err != nil {
		return nil, err
	}
	if fresh {
		a, err := seed.SampleArticle()
		if err == nil {
			err = store.CreateArticle(ctx, a, "Newsroom")
		}
		if err != nil {
			store.Close()
			return nil, fmt.Errorf("add the sample article to %s: %w", path, err)
		}
	}
	return store, nil
}
