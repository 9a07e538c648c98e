package storage

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"

	"newsroom/domain"
)

// StaffWithoutLogin lists the active staff members of a PostgreSQL
// newsroom who have no database login role to sign in with (as after a
// copy from a SQLite file), by name. On SQLite, where nobody has one, it
// is nil.
func (s *Store) StaffWithoutLogin(ctx context.Context) ([]domain.Staff, error) {
	if s.backend != backendPostgres {
		return nil, nil
	}
	var out []domain.Staff
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		all, err := listStaff(ctx, tx)
		if err != nil {
			return err
		}
		for _, m := range all {
			if !m.Active() {
				continue
			}
			exists, err := pgRoleExists(ctx, tx, m.Login)
			if err != nil {
				return err
			}
			if !exists {
				out = append(out, m)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list the staff without a database login: %w", err)
	}
	return out, nil
}

// CreateStaffLogins gives several existing staff members their database
// login roles (passwords by login), as CreateStaffLogin does, in one
// transaction: all of them are created or none. Admins only (or nobody
// signed in, as a copy); PostgreSQL only.
func (s *Store) CreateStaffLogins(ctx context.Context, passwords map[string]string) error {
	if s.backend != backendPostgres {
		return fmt.Errorf("create database logins: %w", domain.Invalidf("only a PostgreSQL newsroom has database logins; a local file trusts whoever can open it"))
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guardStaffChange(ctx, tx); err != nil {
			return err
		}
		for _, login := range slices.Sorted(maps.Keys(passwords)) {
			if err := giveLogin(ctx, tx, login, passwords[login]); err != nil {
				return err
			}
		}
		return nil
	})
}

// giveLogin creates the login role of the existing, active staff member
// login.
func giveLogin(ctx context.Context, tx *sql.Tx, login, password string) error {
	if password == "" {
		return fmt.Errorf("give %q a database login: %w", login, domain.Invalidf("an empty password: give the login a password"))
	}
	m, err := getStaff(ctx, tx, login)
	if err != nil {
		return err
	}
	if !m.Active() {
		return fmt.Errorf("give %s a database login: they were removed from the staff: %w", m.Name, domain.ErrInvalid)
	}
	return createLoginRole(ctx, tx, m, password)
}
