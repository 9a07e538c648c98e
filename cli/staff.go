package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"newsroom/domain"
	"newsroom/storage"
)

// EnvUser names the environment variable saying who acts on the command
// line when --as is not given.
const EnvUser = "NEWSROOM_USER"

// named returns the login given by --as, else $NEWSROOM_USER.
func (e *env) named() string {
	if e.as != nil && *e.as != "" {
		return *e.as
	}
	return strings.TrimSpace(os.Getenv(EnvUser))
}

// signInNamed signs the store in when --as or $NEWSROOM_USER names someone.
func (e *env) signInNamed(ctx context.Context, s *storage.Store) error {
	if login := e.named(); login != "" {
		_, err := s.SignIn(ctx, login)
		return err
	}
	return nil
}

// signIn decides who a command acts as: --as, else $NEWSROOM_USER, else
// the newsroom's only admin. A newsroom without an admin acts with every
// right (so the first admin can be made: newsroom staff add NAME --role
// admin); one with several admins needs to be told.
func (e *env) signIn(ctx context.Context, s *storage.Store) error {
	if login, ok := s.DatabaseLogin(); ok {
		// On PostgreSQL, connected as a staff member's own login: that is
		// who acts, whatever --as says.
		if named := e.named(); named != "" && named != login {
			return usageError{fmt.Errorf("connected to PostgreSQL as %s: to act as %s, connect as that role (postgres://%s@host/db)", login, named, named)}
		}
		return nil
	}
	if e.named() != "" {
		return e.signInNamed(ctx, s)
	}
	staff, err := s.ListStaff(ctx, false)
	if err != nil {
		return err
	}
	var admins []string
	for _, m := range staff {
		if m.Role == domain.RoleAdmin {
			admins = append(admins, m.Login)
		}
	}
	switch len(admins) {
	case 0:
		return nil
	case 1:
		_, err := s.SignIn(ctx, admins[0])
		return err
	}
	return usageError{fmt.Errorf("say who you are with --as LOGIN or %s=LOGIN (this newsroom has several admins: %s)",
		EnvUser, strings.Join(admins, ", "))}
}

// staffJSON is one member in `staff list --json`.
type staffJSON struct {
	Login   string     `json:"login"`
	Name    string     `json:"name"`
	Role    string     `json:"role"`
	Created time.Time  `json:"created"`
	Removed *time.Time `json:"removed,omitempty"`
}

// newStaffCmd is `newsroom staff add|list|role|remove`.
func newStaffCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "staff",
		Short: "Add, list and remove staff and change their roles (admins only)",
		Long: `The newsroom's staff: who signs in, who is on bylines, and what each may do.

Roles: contributor (writes and edits own drafts, submits them for review),
reporter (as contributor, and edits own articles after review), editor (edits
any article, fact-checks, publishes and schedules, moderates comments, sees
commenters' emails), admin (as editor, and staff, roles, settings, export).

Every command acts as --as LOGIN, else $` + EnvUser + `, else the only admin. A local
database file trusts whoever can open it: these roles keep honest people from
mistakes, they are no protection against someone with the file.

On a PostgreSQL newsroom the database enforces the roles: staff add also
creates the member's PostgreSQL login role (the password is read from standard
input, never from an argument), staff role changes its group role, staff
remove takes its login away; each person connects as their own role
(postgres://maria-lopez@host/db) and is signed in as that person.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError{fmt.Errorf("staff needs a command: add, list, role or remove")}
		},
	}
	var role, login string
	add := &cobra.Command{
		Use:   "add NAME --role ROLE [--login LOGIN]",
		Short: "Add a staff member (the login is made from the name unless given)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := domain.ParseRole(role)
			if err != nil {
				return usageError{err}
			}
			password := ""
			if storage.IsPostgresTarget(*e.dbPath) {
				// On PostgreSQL the member gets a login role of their own.
				who := login
				if who == "" {
					who = domain.LoginFor(args[0])
				}
				if password, err = readNewPassword(e.opt.Stdin, cmd.ErrOrStderr(), who); err != nil {
					return err
				}
			}
			return withStaffStore(cmd, e, func(ctx context.Context, store *storage.Store) error {
				m, err := store.AddStaffLogin(ctx, domain.Staff{Login: login, Name: args[0], Role: r}, password)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "added %s (%s, %s)\n", m.Login, m.Name, m.Role)
				return nil
			})
		},
	}
	add.Flags().StringVar(&role, "role", "", "contributor, reporter, editor or admin")
	add.Flags().StringVar(&login, "login", "", "the login (default: made from the name, e.g. maria-lopez)")
	_ = add.MarkFlagRequired("role")
	var asJSON, removed bool
	list := &cobra.Command{
		Use:   "list [--json] [--removed]",
		Short: "List the staff",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return withStaffStore(cmd, e, func(ctx context.Context, store *storage.Store) error {
				staff, err := store.ListStaff(ctx, removed)
				if err != nil {
					return err
				}
				if asJSON {
					out := []staffJSON{}
					for _, m := range staff {
						j := staffJSON{Login: m.Login, Name: m.Name, Role: string(m.Role), Created: m.Created}
						if !m.Active() {
							t := m.Removed
							j.Removed = &t
						}
						out = append(out, j)
					}
					return writeJSON(cmd.OutOrStdout(), out)
				}
				tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
				for _, m := range staff {
					line := fmt.Sprintf("%s\t%s\t%s", m.Login, m.Name, m.Role)
					if !m.Active() {
						line += "\tremoved " + m.Removed.Format("2006-01-02")
					}
					fmt.Fprintln(tw, line)
				}
				return tw.Flush()
			})
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	list.Flags().BoolVar(&removed, "removed", false, "also those removed from the staff")
	roleCmd := &cobra.Command{
		Use:   "role LOGIN ROLE",
		Short: "Change a staff member's role",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := domain.ParseRole(args[1])
			if err != nil {
				return usageError{err}
			}
			return withStaffStore(cmd, e, func(ctx context.Context, store *storage.Store) error {
				if err := store.SetStaffRole(ctx, args[0], r); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s is now %s\n", args[0], r)
				return nil
			})
		},
	}
	remove := &cobra.Command{
		Use:   "remove LOGIN",
		Short: "Remove a staff member (history and bylines keep their name)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withStaffStore(cmd, e, func(ctx context.Context, store *storage.Store) error {
				if err := store.RemoveStaff(ctx, args[0]); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "removed %s\n", args[0])
				return nil
			})
		},
	}
	loginCmd := &cobra.Command{
		Use:   "login LOGIN",
		Short: "PostgreSQL: give an existing staff member a database login (password from standard input)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !storage.IsPostgresTarget(*e.dbPath) {
				return usageError{fmt.Errorf("staff login is for a PostgreSQL newsroom; a local file trusts whoever can open it")}
			}
			password, err := readNewPassword(e.opt.Stdin, cmd.ErrOrStderr(), args[0])
			if err != nil {
				return err
			}
			return withStaffStore(cmd, e, func(ctx context.Context, store *storage.Store) error {
				if err := store.CreateStaffLogin(ctx, args[0], password); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s may now sign in as the database role %s\n", args[0], args[0])
				return nil
			})
		},
	}
	cmd.AddCommand(add, list, roleCmd, remove, loginCmd)
	return cmd
}

// withStaffStore opens the store (signed in) for one staff command.
func withStaffStore(cmd *cobra.Command, e *env, fn func(ctx context.Context, store *storage.Store) error) error {
	store, err := e.store(cmd.Context())
	if err != nil {
		return err
	}
	defer store.Close()
	err = fn(cmd.Context(), store)
	if errors.Is(err, domain.ErrNotFound) {
		return fmt.Errorf("%w (newsroom staff list shows who there is)", err)
	}
	return err
}
