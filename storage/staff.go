package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"newsroom/domain"
)

// SettingFourEyes turns the four-eyes rule on ("on", the default) or off
// ("off"): with it, no editor fact-checks an article they have a byline on.
const SettingFourEyes = "four_eyes"

// staffSession is who the store acts as and the article locks it holds.
type staffSession struct {
	mu    sync.Mutex
	actor *domain.Staff    // nil: not signed in (every right: intake, tests, a newsroom without staff)
	locks map[int64]string // article id → token of the lock this store holds
}

// SignIn makes the store act as the staff member login: from then on every
// action is checked against their role (read again from the database at
// each action, so a role changed elsewhere counts at once) and history
// records their name, whatever name a caller passes.
func (s *Store) SignIn(ctx context.Context, login string) (domain.Staff, error) {
	m, err := s.GetStaff(ctx, login)
	if err != nil {
		return domain.Staff{}, fmt.Errorf("sign in as %q: %w", login, err)
	}
	if !m.Active() {
		return domain.Staff{}, fmt.Errorf("sign in as %q: %s was removed from the staff: %w", login, m.Name, domain.ErrForbidden)
	}
	if s.dbLogin != "" && m.Login != s.dbLogin {
		return domain.Staff{}, fmt.Errorf("sign in as %q: this connection to PostgreSQL is %s's own login; connect as %q to act as them: %w",
			login, s.dbLogin, login, domain.ErrForbidden)
	}
	s.staff.mu.Lock()
	s.staff.actor = &m
	s.staff.mu.Unlock()
	return m, nil
}

// SignedIn returns the staff member the store acts as, if any.
func (s *Store) SignedIn() (domain.Staff, bool) {
	s.staff.mu.Lock()
	defer s.staff.mu.Unlock()
	if s.staff.actor == nil {
		return domain.Staff{}, false
	}
	return *s.staff.actor, true
}

const staffColumns = `login, name, role, created_at, removed_at`

func scanStaff(r rowScanner) (domain.Staff, error) {
	var m domain.Staff
	var role string
	var created, removed sql.NullInt64
	if err := r.Scan(&m.Login, &m.Name, &role, &created, &removed); err != nil {
		return m, err
	}
	m.Role, m.Created, m.Removed = domain.Role(role), fromMicros(created), fromMicros(removed)
	return m, nil
}

// GetStaff returns one staff member (also a removed one).
func (s *Store) GetStaff(ctx context.Context, login string) (domain.Staff, error) {
	return getStaff(ctx, s.reader, login)
}

func getStaff(ctx context.Context, q queryer, login string) (domain.Staff, error) {
	m, err := scanStaff(q.QueryRowContext(ctx, `SELECT `+staffColumns+` FROM staff WHERE login = ?`, login))
	if errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("staff member %q: %w", login, domain.ErrNotFound)
	}
	if err != nil {
		return m, fmt.Errorf("staff member %q: %w", login, err)
	}
	return m, nil
}

// ListStaff lists the staff by name; includeRemoved adds those who left.
func (s *Store) ListStaff(ctx context.Context, includeRemoved bool) ([]domain.Staff, error) {
	all, err := listStaff(ctx, s.reader)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, m := range all {
		if includeRemoved || m.Active() {
			out = append(out, m)
		}
	}
	return out, nil
}

func listStaff(ctx context.Context, q queryer) ([]domain.Staff, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+staffColumns+` FROM staff ORDER BY name, login`)
	if err != nil {
		return nil, fmt.Errorf("list staff: %w", err)
	}
	var out []domain.Staff
	for rows.Next() {
		m, err := scanStaff(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list staff: %w", err)
		}
		out = append(out, m)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("list staff: %w", err)
	}
	return out, nil
}

// AddStaff adds a staff member (admins only, or anyone while the newsroom
// has no admin, so the first one can be made). An empty login is made from
// the name. Articles whose byline names them are linked to them.
func (s *Store) AddStaff(ctx context.Context, m domain.Staff) (domain.Staff, error) {
	return s.addStaff(ctx, m, nil)
}

// addStaff adds m; then, in the same transaction, also (when not nil).
func (s *Store) addStaff(ctx context.Context, m domain.Staff, also func(tx *sql.Tx, m domain.Staff) error) (domain.Staff, error) {
	m.Name = strings.Join(strings.Fields(m.Name), " ")
	if m.Login == "" {
		m.Login = domain.LoginFor(m.Name)
	}
	if err := m.Validate(); err != nil {
		return m, fmt.Errorf("add staff member %q: %w", m.Name, err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guardStaffChange(ctx, tx); err != nil {
			return err
		}
		all, err := listStaff(ctx, tx)
		if err != nil {
			return err
		}
		for _, o := range all {
			if o.Login == m.Login {
				return fmt.Errorf("add staff member %q: the login %q is taken by %s: %w", m.Name, m.Login, o.Name, domain.ErrInvalid)
			}
			if o.Active() && strings.EqualFold(o.Name, m.Name) {
				return fmt.Errorf("add staff member %q: %s (%s) already has that name; bylines need names that tell people apart: %w",
					m.Name, o.Login, o.Role, domain.ErrInvalid)
			}
		}
		m.Created = s.now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO staff (login, name, role, created_at) VALUES (?, ?, ?, ?)`,
			m.Login, m.Name, string(m.Role), micros(m.Created)); err != nil {
			return fmt.Errorf("add staff member %q: %w", m.Name, err)
		}
		if also != nil {
			if err := also(tx, m); err != nil {
				return err
			}
		}
		return relinkAllAuthors(ctx, tx)
	})
	return m, err
}

// SetStaffRole changes a member's role (admins only). The last admin keeps
// theirs.
func (s *Store) SetStaffRole(ctx context.Context, login string, role domain.Role) error {
	if !role.Valid() {
		return fmt.Errorf("change the role of %q: %w", login, domain.Invalidf("role %q is not %s", role, domain.RoleNames()))
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guardStaffChange(ctx, tx); err != nil {
			return err
		}
		m, err := getStaff(ctx, tx, login)
		if err != nil {
			return err
		}
		if !m.Active() {
			return fmt.Errorf("change the role of %s: they were removed from the staff: %w", m.Name, domain.ErrInvalid)
		}
		if m.Role == domain.RoleAdmin && role != domain.RoleAdmin {
			if err := lastAdminCheck(ctx, tx, m, "take the admin role from"); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE staff SET role = ? WHERE login = ?`, string(role), login)
		if err != nil {
			return fmt.Errorf("change the role of %q: %w", login, err)
		}
		return s.syncLoginRole(ctx, tx, login, role, true)
	})
}

// RemoveStaff takes a member off the staff (admins only): they can no
// longer sign in, their locks are released, and history and bylines keep
// their name. The last admin cannot be removed.
func (s *Store) RemoveStaff(ctx context.Context, login string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guardStaffChange(ctx, tx); err != nil {
			return err
		}
		m, err := getStaff(ctx, tx, login)
		if err != nil {
			return err
		}
		if !m.Active() {
			return nil
		}
		if m.Role == domain.RoleAdmin {
			if err := lastAdminCheck(ctx, tx, m, "remove"); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE staff SET removed_at = ? WHERE login = ?`, micros(s.now()), login); err != nil {
			return fmt.Errorf("remove staff member %q: %w", login, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM article_locks WHERE login = ?`, login); err != nil {
			return fmt.Errorf("release the locks of %q: %w", login, err)
		}
		return s.syncLoginRole(ctx, tx, login, m.Role, false)
	})
}

// lastAdminCheck refuses to leave the newsroom without an admin.
func lastAdminCheck(ctx context.Context, tx *sql.Tx, m domain.Staff, what string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM staff WHERE role = 'admin' AND removed_at IS NULL AND login <> ?`,
		m.Login).Scan(&n); err != nil {
		return fmt.Errorf("count admins: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("cannot %s %s: they are the newsroom's only admin; make someone else admin first: %w", what, m.Name, domain.ErrInvalid)
	}
	return nil
}

// HasAdmin reports whether the newsroom has an admin on the staff.
func (s *Store) HasAdmin(ctx context.Context) (bool, error) {
	return hasAdmin(ctx, s.reader)
}

func hasAdmin(ctx context.Context, q queryer) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM staff WHERE role = 'admin' AND removed_at IS NULL`).Scan(&n); err != nil {
		return false, fmt.Errorf("count admins: %w", err)
	}
	return n > 0, nil
}

// ArticleAuthors returns the logins on an article's byline, in order.
func (s *Store) ArticleAuthors(ctx context.Context, articleID int64) ([]string, error) {
	return articleAuthors(ctx, s.reader, articleID)
}

func articleAuthors(ctx context.Context, q queryer, articleID int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT login FROM article_authors WHERE article_id = ? ORDER BY position`, articleID)
	if err != nil {
		return nil, fmt.Errorf("authors of article %d: %w", articleID, err)
	}
	var out []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			rows.Close()
			return nil, fmt.Errorf("authors of article %d: %w", articleID, err)
		}
		out = append(out, l)
	}
	return out, closeRows(rows)
}

// bylineLogins finds the staff named on a byline, in byline order; names
// of no staff member (a guest, an agency) are kept as text only.
func bylineLogins(byline string, staff []domain.Staff) []string {
	var out []string
	for _, name := range domain.SplitByline(byline) {
		login := ""
		for _, m := range staff {
			if strings.EqualFold(m.Name, name) && (login == "" || m.Active()) {
				login = m.Login
			}
		}
		if login != "" {
			out = append(out, login)
		}
	}
	return out
}

// writeAuthors replaces an article's byline staff.
func writeAuthors(ctx context.Context, tx *sql.Tx, articleID int64, logins []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_authors WHERE article_id = ?`, articleID); err != nil {
		return fmt.Errorf("write authors of article %d: %w", articleID, err)
	}
	for i, l := range logins {
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_authors (article_id, login, position) VALUES (?, ?, ?)`,
			articleID, l, i); err != nil {
			return fmt.Errorf("write authors of article %d: %w", articleID, err)
		}
	}
	return nil
}

// syncAuthors links a's byline to the staff it names; called by every
// article write.
func syncAuthors(ctx context.Context, tx *sql.Tx, a *domain.Article) error {
	staff, err := listStaff(ctx, tx)
	if err != nil {
		return err
	}
	return writeAuthors(ctx, tx, a.ID, bylineLogins(a.Byline, staff))
}

// relinkAllAuthors links every article's byline to the staff it names
// (after a member is added).
func relinkAllAuthors(ctx context.Context, tx *sql.Tx) error {
	staff, err := listStaff(ctx, tx)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, byline FROM articles WHERE byline <> ''`)
	if err != nil {
		return fmt.Errorf("read bylines: %w", err)
	}
	links := map[int64][]string{}
	for rows.Next() {
		var id int64
		var byline string
		if err := rows.Scan(&id, &byline); err != nil {
			rows.Close()
			return fmt.Errorf("read bylines: %w", err)
		}
		if l := bylineLogins(byline, staff); len(l) > 0 {
			links[id] = l
		}
	}
	if err := closeRows(rows); err != nil {
		return fmt.Errorf("read bylines: %w", err)
	}
	for id, l := range links {
		if err := writeAuthors(ctx, tx, id, l); err != nil {
			return err
		}
	}
	return nil
}

// Policy returns the newsroom's rule settings (the four-eyes rule).
func (s *Store) Policy(ctx context.Context) (domain.Policy, error) {
	return policy(ctx, s.reader)
}

func policy(ctx context.Context, q queryer) (domain.Policy, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, SettingFourEyes).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return domain.Policy{}, fmt.Errorf("read setting %q: %w", SettingFourEyes, err)
	}
	return domain.Policy{FourEyes: !strings.EqualFold(strings.TrimSpace(v), "off")}, nil
}
