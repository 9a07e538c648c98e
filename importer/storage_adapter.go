package importer

import (
	"context"

	"newsroom/storage"
)

// storageStore adapts *storage.Store to Store.
type storageStore struct{ s *storage.Store }

// BeginImport starts one all-or-nothing import transaction.
func (st storageStore) BeginImport(ctx context.Context) (Batch, error) {
	return st.s.BeginImport(ctx, "import")
}

// ForStorage lets ImportFile write into a Newsroom database.
func ForStorage(s *storage.Store) Store { return storageStore{s} }
