package storage

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"golang.org/x/text/unicode/norm"

	"newsroom/domain"
)

// On PostgreSQL the roles are the database's own (migration 0009): each
// staff member signs in as a login role named as their staff login, a
// member of one of these group roles; grants, row-level security and a
// trigger on articles refuse what the role may not do, whoever connects
// (psql included). The table owner keeps every right.

// groupRole is the PostgreSQL group role of a staff role.
func groupRole(r domain.Role) string { return "newsroom_" + string(r) }

// refusedByDatabase maps PostgreSQL's "insufficient privilege" (SQLSTATE
// 42501: a missing grant, row-level security, or the role trigger) to
// domain.ErrForbidden with a plain message; other errors pass unchanged.
func refusedByDatabase(err error) error {
	var pg *pgconn.PgError
	if err == nil || !errors.As(err, &pg) || pg.Code != "42501" {
		return err
	}
	msg := pg.Message
	switch {
	case strings.HasPrefix(msg, "permission denied for"):
		msg = "your database role may not do this (" + msg + ")"
	case strings.Contains(msg, "row-level security"):
		msg = "your database role may not change this article: only its own authors, editors and admins may"
	}
	return fmt.Errorf("the database refused it: %s: %w", msg, domain.ErrForbidden)
}

// DatabaseLogin returns the PostgreSQL role the store is connected as when
// it is a staff member's login role (the store then signed in as them and
// cannot act as anyone else).
func (s *Store) DatabaseLogin() (string, bool) {
	return s.dbLogin, s.dbLogin != ""
}

// signInAsDatabaseRole signs a PostgreSQL store in as the staff member
// whose login is the connection's role, if there is one.
func (s *Store) signInAsDatabaseRole(ctx context.Context) error {
	var login string
	if err := s.reader.QueryRowContext(ctx, `SELECT current_user::text`).Scan(&login); err != nil {
		return fmt.Errorf("read the database role: %w", err)
	}
	m, err := getStaff(ctx, s.reader, login)
	if errors.Is(err, domain.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := s.SignIn(ctx, m.Login); err != nil {
		return err
	}
	s.dbLogin = m.Login
	return nil
}

// seesCommenters reports whether the connection may read commenters'
// email, address and browser (always on SQLite; on PostgreSQL when the
// role has the column privilege).
func (s *Store) seesCommenters(ctx context.Context) bool {
	if s.backend != backendPostgres {
		return true
	}
	var ok bool
	err := s.reader.QueryRowContext(ctx, `SELECT has_column_privilege('comments', 'email', 'SELECT')`).Scan(&ok)
	return err == nil && ok
}

// commentColumnsFor is commentColumns, with blanks in place of what
// identifies commenters when the connection may not read it.
func (s *Store) commentColumnsFor(ctx context.Context) string {
	if s.seesCommenters(ctx) {
		return commentColumns
	}
	return commentColumnsBlind
}

// pgRoleExists reports whether the cluster has a role of that name.
func pgRoleExists(ctx context.Context, q queryer, name string) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM pg_roles WHERE rolname = ?`, name).Scan(&n); err != nil {
		return false, fmt.Errorf("look for the database role %q: %w", name, err)
	}
	return n > 0, nil
}

// AddStaffLogin adds a staff member and, on PostgreSQL, the login role
// they sign in with (password stored as a SCRAM-SHA-256 verifier made
// here, so the password itself never reaches the server), a member of
// their role's group role. On SQLite it is AddStaff (password unused).
func (s *Store) AddStaffLogin(ctx context.Context, m domain.Staff, password string) (domain.Staff, error) {
	if s.backend != backendPostgres {
		return s.AddStaff(ctx, m)
	}
	if password == "" {
		return m, fmt.Errorf("add staff member %q: %w", m.Name, domain.Invalidf("an empty password: give the new login a password"))
	}
	return s.addStaff(ctx, m, func(tx *sql.Tx, m domain.Staff) error {
		return createLoginRole(ctx, tx, m, password)
	})
}

// CreateStaffLogin gives an existing staff member (one copied from a
// SQLite newsroom, or added in the window) the PostgreSQL login role they
// sign in with, as AddStaffLogin does. Admins only; PostgreSQL only.
func (s *Store) CreateStaffLogin(ctx context.Context, login, password string) error {
	if s.backend != backendPostgres {
		return fmt.Errorf("give %q a database login: %w", login, domain.Invalidf("only a PostgreSQL newsroom has database logins; a local file trusts whoever can open it"))
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guardStaffChange(ctx, tx); err != nil {
			return err
		}
		return giveLogin(ctx, tx, login, password)
	})
}

// createLoginRole creates m's login role, a member of their group role.
func createLoginRole(ctx context.Context, tx *sql.Tx, m domain.Staff, password string) error {
	exists, err := pgRoleExists(ctx, tx, m.Login)
	if err != nil {
		return err
	}
	if exists {
		return fmt.Errorf("the server already has a database role %q: choose another --login: %w", m.Login, domain.ErrInvalid)
	}
	verifier, err := scramVerifier(password)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `CREATE ROLE `+pgx.Identifier{m.Login}.Sanitize()+` LOGIN PASSWORD '`+verifier+
		`' IN ROLE `+groupRole(m.Role))
	if err != nil {
		return fmt.Errorf("give %s a database login: create the role %q: %w", m.Name, m.Login, err)
	}
	return nil
}

// syncLoginRole makes a PostgreSQL login role follow its staff row: a
// member of exactly the group role of role, able to log in while active.
// A staff member without a login role (SQLite, or added without one) is
// left alone.
func (s *Store) syncLoginRole(ctx context.Context, tx *sql.Tx, login string, role domain.Role, active bool) error {
	if s.backend != backendPostgres {
		return nil
	}
	exists, err := pgRoleExists(ctx, tx, login)
	if err != nil || !exists {
		return err
	}
	id := pgx.Identifier{login}.Sanitize()
	for _, r := range domain.Roles {
		stmt := `REVOKE ` + groupRole(r) + ` FROM ` + id
		if r == role {
			stmt = `GRANT ` + groupRole(r) + ` TO ` + id
		}
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("change the database role of %q: %w", login, err)
		}
	}
	can := "NOLOGIN"
	if active {
		can = "LOGIN"
	}
	if _, err := tx.ExecContext(ctx, `ALTER ROLE `+id+` `+can); err != nil {
		return fmt.Errorf("change the database role of %q: %w", login, err)
	}
	return nil
}

// scramVerifier is what PostgreSQL stores for a SCRAM-SHA-256 password
// (RFC 5802, RFC 7677; PostgreSQL's scram_build_secret): 4096 rounds, a
// random 16-byte salt. The password is normalised (NFKC, as SASLprep).
func scramVerifier(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("make a password salt: %w", err)
	}
	return scramVerifierSalted(password, salt, 4096)
}

// scramVerifierSalted is scramVerifier with the salt and rounds given.
func scramVerifierSalted(password string, salt []byte, rounds int) (string, error) {
	salted, err := pbkdf2.Key(sha256.New, norm.NFKC.String(password), salt, rounds, sha256.Size)
	if err != nil {
		return "", fmt.Errorf("hash the password: %w", err)
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	stored := sha256.Sum256(mac(salted, "Client Key"))
	server := mac(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", rounds, b64(salt), b64(stored[:]), b64(server)), nil
}
