package storage

import (
	"context"
	"testing"
	"time"

	"newsroom/domain"
)

// TestDerivedWorkRunsOutsideTheWriteLock: while the attribution check of
// a save, a creation, a revision restore or the first article of an
// import runs, another store on the file can write at once. Were the
// check inside the write transaction, that write would wait for the
// busy timeout (10 s) and fail.
func TestDerivedWorkRunsOutsideTheWriteLock(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	a := sample("story")
	if err := s.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	probed := 0
	real := computeFindings
	computeFindings = func(a *domain.Article, style domain.StyleSettings) domain.StoredFindings {
		start := time.Now()
		if err := other.SetSetting(ctx, SettingSiteTitle, "written during the check"); err != nil {
			t.Errorf("a write during the check of %q failed: %v", a.Slug, err)
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("a write during the check of %q waited %v", a.Slug, took)
		}
		probed++
		return real(a, style)
	}
	defer func() { computeFindings = real }()

	steps := map[string]func() error{
		"create": func() error { return s.CreateArticle(ctx, sample("another"), "ann") },
		"save": func() error {
			a.Body += "\n\nA new paragraph."
			_, err := s.SaveArticle(ctx, a, "ann")
			return err
		},
		"import": func() error {
			b, err := s.BeginImport(ctx, "import")
			if err != nil {
				return err
			}
			imported := sample("imported")
			imported.Origin = "file:imported.md"
			if _, err := b.UpsertArticle(ctx, imported, ImportOptions{}); err != nil {
				b.Rollback()
				return err
			}
			return b.Commit()
		},
		"restore revision": func() error {
			revs, err := s.Revisions(ctx, a.ID)
			if err != nil || len(revs) == 0 {
				t.Fatalf("revisions: %d %v", len(revs), err)
			}
			_, _, err = s.RestoreRevision(ctx, revs[len(revs)-1].ID, a.Version, "ann")
			return err
		},
	}
	for _, name := range []string{"create", "save", "import", "restore revision"} {
		before := probed
		if err := steps[name](); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if probed == before {
			t.Errorf("%s ran no attribution check", name)
		}
	}
}
