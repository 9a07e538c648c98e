package importer

import (
	"context"

	"newsroom/domain"
	"newsroom/storage"
)

// storageStore adapts *storage.Store to Store.
type storageStore struct{ s *storage.Store }

// BeginImport starts one all-or-nothing import transaction.
func (st storageStore) BeginImport(ctx context.Context) (Batch, error) {
	b, err := st.s.BeginImport(ctx, "import")
	if err != nil {
		return nil, err
	}
	return storageBatch{b}, nil
}

// storageBatch adapts *storage.ImportBatch to Batch.
type storageBatch struct{ b *storage.ImportBatch }

func (sb storageBatch) UpsertArticle(ctx context.Context, a *domain.Article, opt Upsert) (Outcome, error) {
	o, err := sb.b.UpsertArticle(ctx, a, storage.ImportOptions{Replace: opt.Replace, FormerOrigins: opt.FormerOrigins})
	return outcome(o), err
}

func (sb storageBatch) UpsertComment(ctx context.Context, c *domain.Comment) (Outcome, error) {
	o, err := sb.b.UpsertComment(ctx, c)
	return outcome(o), err
}

func (sb storageBatch) AddMedia(ctx context.Context, data []byte, m domain.Media) (domain.Media, bool, error) {
	return sb.b.AddMedia(ctx, data, m)
}

func (sb storageBatch) Commit() error   { return sb.b.Commit() }
func (sb storageBatch) Rollback() error { return sb.b.Rollback() }

func outcome(o storage.ImportOutcome) Outcome {
	switch o {
	case storage.ImportCreated:
		return Created
	case storage.ImportUpdated:
		return Updated
	case storage.ImportUnchanged:
		return Unchanged
	}
	return 0
}

// protectedSuffix marks the origin of a password-protected post (see
// storage.ProtectedOriginSuffix).
const protectedSuffix = storage.ProtectedOriginSuffix

// ForStorage lets ImportFile write into a Newsroom database.
func ForStorage(s *storage.Store) Store { return storageStore{s} }
