package cli

import (
	"context"
	"testing"

	"newsroom/publish"
	"newsroom/storage"
	"newsroom/storage/storetest"
)

// BenchmarkExportBackends10000 is `newsroom export` of 10,000 articles
// from a SQLite file and — under NEWSROOM_TEST_POSTGRES — from a copy of
// it on PostgreSQL, side by side.
func BenchmarkExportBackends10000(b *testing.B) {
	file := benchDatabase(b, 10_000)
	stores := map[string]*storage.Store{"sqlite": file}
	if storetest.Postgres() {
		pg, err := storage.Open(storetest.Target(b, ""))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { pg.Close() })
		if _, _, err := storage.CopyNewsroom(context.Background(), file, pg, false); err != nil {
			b.Fatal(err)
		}
		stores["postgres"] = pg
	}
	for _, name := range []string{"sqlite", "postgres"} {
		store := stores[name]
		if store == nil {
			continue
		}
		b.Run(name, func(b *testing.B) {
			opt, err := ExportOptionsFromSettings(context.Background(), store)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := publish.Export(context.Background(), store, b.TempDir(), opt, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
