package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"newsroom/domain"
)

// The store's one place per action where the signed-in person's role is
// checked (domain.Policy holds the rules). A store nobody signed in to acts
// with every right: the comment intake, imports by the program itself, and
// a newsroom that has no staff yet. On PostgreSQL the same rules are also
// the database's own (roles, grants, row-level security).

// actorNow reads the signed-in member again, in q (a role changed or a
// member removed in another process counts at once). ok is false when
// nobody is signed in.
func (s *Store) actorNow(ctx context.Context, q queryer) (m domain.Staff, ok bool, err error) {
	signed, ok := s.SignedIn()
	if !ok {
		return domain.Staff{}, false, nil
	}
	m, err = getStaff(ctx, q, signed.Login)
	if errors.Is(err, domain.ErrNotFound) {
		return signed, true, fmt.Errorf("%s is no longer on the staff: %w", signed.Name, domain.ErrForbidden)
	}
	return m, true, err
}

// who is the name history records: the signed-in person's, else given.
func (s *Store) who(given string) string {
	if m, ok := s.SignedIn(); ok {
		return m.Name
	}
	return given
}

// guard checks act (about no article in particular) for the signed-in
// member.
func (s *Store) guard(ctx context.Context, q queryer, act domain.Action) error {
	m, ok, err := s.actorNow(ctx, q)
	if !ok || err != nil {
		return err
	}
	p, err := policy(ctx, q)
	if err != nil {
		return err
	}
	return p.Check(m, act, domain.ArticleFacts{})
}

// guardArticle checks act on one article for the signed-in member.
func (s *Store) guardArticle(ctx context.Context, q queryer, act domain.Action, articleID int64) error {
	m, ok, err := s.actorNow(ctx, q)
	if !ok || err != nil {
		return err
	}
	p, err := policy(ctx, q)
	if err != nil {
		return err
	}
	facts, err := articleFacts(ctx, q, articleID)
	if err != nil {
		return err
	}
	return p.Check(m, act, facts)
}

func articleFacts(ctx context.Context, q queryer, articleID int64) (domain.ArticleFacts, error) {
	var f domain.ArticleFacts
	var status string
	err := q.QueryRowContext(ctx, `SELECT status FROM articles WHERE id = ?`, articleID).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return f, fmt.Errorf("article %d: %w", articleID, domain.ErrNotFound)
	}
	if err != nil {
		return f, fmt.Errorf("article %d: %w", articleID, err)
	}
	f.Status = domain.Status(status)
	f.Authors, err = articleAuthors(ctx, q, articleID)
	return f, err
}

// guardSave checks one save of old → a (editing, status, fact check,
// byline) and that nobody else holds the article's lock.
func (s *Store) guardSave(ctx context.Context, tx *sql.Tx, old, a *domain.Article) error {
	if err := s.checkNotLockedByOther(ctx, tx, a.ID); err != nil {
		return fmt.Errorf("save article %q: %w", a.Slug, err)
	}
	m, ok, err := s.actorNow(ctx, tx)
	if !ok || err != nil {
		return err
	}
	p, err := policy(ctx, tx)
	if err != nil {
		return err
	}
	staff, err := listStaff(ctx, tx)
	if err != nil {
		return err
	}
	oldAuthors, err := articleAuthors(ctx, tx, a.ID)
	if err != nil {
		return err
	}
	return p.CheckSave(m, domain.ArticleChange{Old: old, New: a, OldAuthors: oldAuthors, NewAuthors: bylineLogins(a.Byline, staff)})
}

// guardCreate checks the creation of a. A signed-in non-editor with an
// empty byline gets their own name on it.
func (s *Store) guardCreate(ctx context.Context, tx *sql.Tx, a *domain.Article) error {
	m, ok, err := s.actorNow(ctx, tx)
	if !ok || err != nil {
		return err
	}
	if a.Byline == "" {
		a.Byline = m.Name
	}
	p, err := policy(ctx, tx)
	if err != nil {
		return err
	}
	staff, err := listStaff(ctx, tx)
	if err != nil {
		return err
	}
	return p.CheckCreate(m, a, bylineLogins(a.Byline, staff))
}

// guardStaffChange: admins manage the staff; while the newsroom has no
// admin, anyone may (to make the first one).
func (s *Store) guardStaffChange(ctx context.Context, tx *sql.Tx) error {
	if ok, err := hasAdmin(ctx, tx); err != nil || !ok {
		return err
	}
	return s.guard(ctx, tx, domain.ActManageStaff)
}

// mayReadEmails reports whether the signed-in member may see commenters'
// email and network addresses.
func (s *Store) mayReadEmails(ctx context.Context) (bool, error) {
	err := s.guard(ctx, s.reader, domain.ActSeeEmails)
	if errors.Is(err, domain.ErrForbidden) {
		return false, nil
	}
	return err == nil, err
}

// redactComments blanks what identifies commenters (email, address,
// browser) for those who may not see it.
func redactComments(cs []domain.Comment) {
	for i := range cs {
		cs[i].Email, cs[i].ClientAddr, cs[i].UserAgent = "", "", ""
	}
}
