package cli

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// checkLoginsFile refuses --logins FILE before anything is copied: the
// passwords are written once, into a new file, and only a PostgreSQL
// target has database logins.
func checkLoginsFile(path, to string) error {
	if !storage.IsPostgresTarget(to) {
		return usageError{errors.New("--logins is for a PostgreSQL target: a database file has no database logins")}
	}
	if _, err := os.Lstat(path); err == nil {
		return usageError{fmt.Errorf("--logins %s: the file exists; name a new file (the passwords are written once, never over another file)", path)}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("--logins %s: %w", path, err)
	}
	return nil
}

// reportStaffLogins ends a copy into PostgreSQL: the copied staff members
// who have no database login are listed with the command that gives each
// one, or, with loginsFile, are given one each with a generated password,
// the passwords written to that new file (mode 0600) and nowhere else.
func reportStaffLogins(ctx context.Context, out io.Writer, dst *storage.Store, loginsFile string) error {
	missing, err := dst.StaffWithoutLogin(ctx)
	if err != nil || len(missing) == 0 {
		return err
	}
	if loginsFile == "" {
		fmt.Fprintf(out, "\n%d staff member(s) have no database login yet and cannot sign in with one of their own:\n", len(missing))
		for _, m := range missing {
			fmt.Fprintf(out, "  %-24s %s (%s)\n", m.Login, m.Name, m.Role)
		}
		fmt.Fprintln(out, "Give each one a login (as the database owner; the password is asked for, or read from standard input):")
		for _, m := range missing {
			fmt.Fprintf(out, "  newsroom --db %s staff login %s\n", shellQuote(dst.Path()), shellQuote(m.Login))
		}
		fmt.Fprintln(out, "(A copy with --logins FILE creates them all at once, with generated passwords written to FILE.)")
		return nil
	}
	passwords := make(map[string]string, len(missing))
	for _, m := range missing {
		passwords[m.Login] = rand.Text()
	}
	if err := writeLoginsFile(loginsFile, dst.Path(), missing, passwords); err != nil {
		return fmt.Errorf("the copy is complete, but no database logins were created: %w", err)
	}
	if err := dst.CreateStaffLogins(ctx, passwords); err != nil {
		_ = os.Remove(loginsFile)
		return fmt.Errorf("the copy is complete, but no database logins were created (%s removed): %w", loginsFile, err)
	}
	fmt.Fprintf(out, "\ncreated a database login for %d staff member(s):\n", len(missing))
	for _, m := range missing {
		fmt.Fprintf(out, "  %-24s %s (%s)\n", m.Login, m.Name, m.Role)
	}
	fmt.Fprintf(out, "Their passwords are in %s (readable by you only). Hand each person theirs, then delete the file.\n", loginsFile)
	return nil
}

// writeLoginsFile writes the new logins and their passwords to path, a
// new file only its owner may read, synced before the roles are made.
func writeLoginsFile(path, server string, staff []domain.Staff, passwords map[string]string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("write the passwords: %w", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Database logins created by newsroom copy on %s for %s\n", time.Now().UTC().Format(time.RFC3339), server)
	fmt.Fprintf(&b, "# Each person connects with newsroom --db postgres://LOGIN@HOST/DBNAME, then sets a password of their own (psql: \\password)\n")
	fmt.Fprintf(&b, "# login\tpassword\tname\n")
	for _, m := range staff {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", m.Login, passwords[m.Login], m.Name)
	}
	_, err = f.WriteString(b.String())
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
		return fmt.Errorf("write the passwords to %s: %w", path, err)
	}
	return nil
}

// shellSafe are the words a POSIX shell takes as they are.
var shellSafe = regexp.MustCompile(`^[A-Za-z0-9@%+=:,./_-]+$`)

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if shellSafe.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
