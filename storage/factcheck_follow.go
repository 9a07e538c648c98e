package storage

import (
	"context"
	"database/sql"

	"newsroom/domain"
)

// followFactCheck applies the digest rule (domain.FollowFactCheck) to a
// before it is written, and notes the outcome in res.
func followFactCheck(a *domain.Article, res *domain.SaveResult) {
	switch domain.FollowFactCheck(a) {
	case domain.FactCheckRevoked:
		res.FactCheckRevoked = true
	case domain.FactCheckRestored:
		res.FactCheckRestored = true
	}
}

// recordFactCheckChange writes what followFactCheck did into the history.
func (s *Store) recordFactCheckChange(ctx context.Context, tx *sql.Tx, a *domain.Article, who string, res domain.SaveResult) error {
	switch {
	case res.FactCheckRevoked:
		return s.addEvent(ctx, tx, a.ID, who, domain.EventFactCheckRevoked, "the checked text changed")
	case res.FactCheckRestored:
		return s.addEvent(ctx, tx, a.ID, who, domain.EventFactCheckRestored,
			"the text is back to what "+a.FactCheck.By+" checked")
	}
	return nil
}

// factCheckNote is the revision note for what followFactCheck did.
func factCheckNote(res domain.SaveResult) string {
	switch {
	case res.FactCheckRevoked:
		return "fact check revoked"
	case res.FactCheckRestored:
		return "fact check restored"
	}
	return ""
}
