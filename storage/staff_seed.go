package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"newsroom/domain"
)

// settingStaffFromBylines marks (migration 0008) a database whose bylines
// and fact-checkers have not yet become staff.
const settingStaffFromBylines = "staff_from_bylines"

// staffFromBylines runs once after migration 0008: every name on a byline
// becomes a reporter, every name that fact-checked becomes an editor (no
// admin is made: the first person to sign in creates themselves as admin),
// and every article is linked to its bylined staff.
func (s *Store) staffFromBylines(ctx context.Context) error {
	var pending string
	err := s.reader.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, settingStaffFromBylines).Scan(&pending)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("staff from bylines: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		roles := map[string]domain.Role{} // lower-case name → role
		var names []string                // first spelling, in order found
		add := func(name string, role domain.Role) {
			name = strings.Join(strings.Fields(name), " ")
			key := strings.ToLower(name)
			if name == "" || (domain.Staff{Login: "x", Name: name, Role: role}).Validate() != nil {
				return
			}
			if _, ok := roles[key]; !ok {
				names = append(names, name)
			}
			if roles[key] != domain.RoleEditor {
				roles[key] = role
			}
		}
		if err := eachText(ctx, tx, `SELECT byline FROM articles WHERE byline <> '' GROUP BY byline ORDER BY min(id)`, func(b string) {
			for _, n := range domain.SplitByline(b) {
				add(n, domain.RoleReporter)
			}
		}); err != nil {
			return err
		}
		if err := eachText(ctx, tx, `SELECT fc_by FROM articles WHERE fc_by <> '' GROUP BY fc_by ORDER BY min(id)`, func(n string) {
			add(n, domain.RoleEditor)
		}); err != nil {
			return err
		}
		existing, err := listStaff(ctx, tx)
		if err != nil {
			return err
		}
		taken := map[string]bool{}
		for _, m := range existing {
			taken[m.Login] = true
			delete(roles, strings.ToLower(m.Name))
		}
		for _, name := range names {
			role, ok := roles[strings.ToLower(name)]
			if !ok {
				continue
			}
			login := domain.LoginFor(name)
			for i := 2; taken[login]; i++ {
				login = fmt.Sprintf("%s-%d", domain.LoginFor(name), i)
			}
			taken[login] = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO staff (login, name, role, created_at) VALUES (?, ?, ?, ?)`,
				login, name, string(role), micros(s.now())); err != nil {
				return fmt.Errorf("staff from bylines: add %q: %w", name, err)
			}
		}
		if err := relinkAllAuthors(ctx, tx); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, settingStaffFromBylines)
		return err
	})
}

// eachText calls fn with each value of a one-column text query.
func eachText(ctx context.Context, tx *sql.Tx, query string, fn func(string)) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("staff from bylines: %w", err)
	}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("staff from bylines: %w", err)
		}
		fn(v)
	}
	return closeRows(rows)
}
