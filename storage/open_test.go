package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand"
	"newsroom/storage/storetest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsroom/domain"
)

// foreignDB writes an SQLite file of another program with the given
// schema, in the default rollback-journal mode.
func foreignDB(t *testing.T, path string, schema ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, stmt := range schema {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

// TestOpenNeverAltersForeignFiles opens files that are not Newsroom
// databases: each is refused with a clear message and left byte for byte
// as it was, with no -wal or -journal file beside it.
func TestOpenNeverAltersForeignFiles(t *testing.T) {
	storetest.SkipOnPostgres(t, "foreign, non-Newsroom files")
	cases := []struct {
		name   string
		make   func(t *testing.T, path string)
		wantIn string
	}{
		{"another program's tables", func(t *testing.T, p string) {
			foreignDB(t, p, `CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)`, `INSERT INTO notes (text) VALUES ('keep me')`)
		}, "another program (it holds notes)"},
		{"its own articles table", func(t *testing.T, p string) {
			foreignDB(t, p, `CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT)`, `CREATE TABLE authors (id INTEGER PRIMARY KEY)`)
		}, "another program (it holds articles, authors)"},
		{"another program's migrations table", func(t *testing.T, p string) {
			foreignDB(t, p, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT)`,
				`INSERT INTO schema_migrations VALUES (1, 'create_users')`, `CREATE TABLE articles (id INTEGER PRIMARY KEY)`)
		}, "another program"},
		{"a text file", func(t *testing.T, p string) {
			os.WriteFile(p, []byte(strings.Repeat("this is not a database\n", 200)), 0o644)
		}, "not an SQLite file"},
		{"a short file", func(t *testing.T, p string) { os.WriteFile(p, []byte("SQLite"), 0o644) }, "not an SQLite file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "other.sqlite")
			tc.make(t, path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("opened a foreign file")
			}
			if !errors.Is(err, ErrOpen) || !strings.Contains(err.Error(), tc.wantIn) || !strings.Contains(err.Error(), path) ||
				!strings.Contains(err.Error(), "not a Newsroom database") {
				t.Errorf("error %q should name %s, say it is not a Newsroom database and %q", err, path, tc.wantIn)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Errorf("the file was altered: %d bytes before, %d after", len(before), len(after))
			}
			for _, side := range []string{"-wal", "-journal"} {
				if info, err := os.Stat(path + side); err == nil && info.Size() > 0 {
					t.Errorf("%s left beside the file (%d bytes)", side, info.Size())
				}
			}
		})
	}
}

// TestOpenInitialisesEmptyFiles: an empty file and an SQLite file with no
// tables are new databases.
func TestOpenInitialisesEmptyFiles(t *testing.T) {
	storetest.SkipOnPostgres(t, "empty files")
	for _, tc := range []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"empty file", func(t *testing.T, p string) { os.WriteFile(p, nil, 0o644) }},
		{"SQLite file without tables", func(t *testing.T, p string) { foreignDB(t, p, `PRAGMA user_version = 3`, `VACUUM`) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "new.db")
			tc.make(t, path)
			s, err := Open(path)
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			defer s.Close()
			if err := s.CreateArticle(context.Background(), sample("x"), "ann"); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestOpenRefusesNewerSchemaUntouched(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.writer.Exec(`INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "newer than this program's") {
		t.Fatalf("got %v, want a refusal of the newer schema", err)
	}
}

// damagedDB makes a Newsroom database of several hundred pages and
// overwrites 8 KB in the middle of it with random bytes.
func damagedDB(t *testing.T) (path string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "damaged.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < 300; i++ {
		a := sample(fmt.Sprintf("article-%03d", i))
		a.Body = strings.Repeat(fmt.Sprintf("Paragraph %d of a long story about the harbour. ", i), 40)
		if err := s.CreateArticle(ctx, a, "ann"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.writer.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() < 1<<20 {
		t.Fatalf("test database of %d bytes, want over 1 MB", info.Size())
	}
	junk := make([]byte, 8<<10)
	rand.New(rand.NewSource(13)).Read(junk)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Page-aligned, so whole pages (headers included) are junk wherever the
	// schema's row layout puts them.
	if _, err := f.WriteAt(junk, (info.Size()/2)&^4095); err != nil {
		t.Fatal(err)
	}
	return path
}

// assertReadOnlyDamaged checks that every kind of write is refused with
// the restore advice and that the file is not changed by the attempts.
func assertReadOnlyDamaged(t *testing.T, s *Store, path string) {
	t.Helper()
	if err := s.Damaged(); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Damaged() = %v, want ErrDamaged", err)
	}
	before, _ := os.ReadFile(path)
	ctx := context.Background()
	writes := map[string]func() error{
		"create article": func() error { return s.CreateArticle(ctx, sample("new-one"), "ann") },
		"add comment": func() error {
			return s.AddComment(ctx, &domain.Comment{ArticleID: 1, Author: "A", Email: "a@example.org", Body: "Hi", Status: domain.CommentPending})
		},
		"moderate":     func() error { return s.ModerateComments(ctx, "approve", []int64{1}) },
		"set setting":  func() error { return s.SetSetting(ctx, SettingSiteTitle, "x") },
		"begin import": func() error { _, err := s.BeginImport(ctx, "t"); return err },
	}
	for name, write := range writes {
		err := write()
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "newsroom restore") || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v, want ErrDamaged naming the file and saying how to restore", name, err)
		}
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("refused writes changed the damaged file")
	}
}

func TestDamagedDatabaseFoundAtOpenIsReadOnly(t *testing.T) {
	storetest.SkipOnPostgres(t, "a damaged database file")
	path := damagedDB(t)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("a damaged database with a sound header opens read-only: %v", err)
	}
	defer s.Close()
	assertReadOnlyDamaged(t, s, path)
}

// TestDamageFoundByAStatementMakesTheStoreReadOnly: over QuickCheckLimit
// the file is not checked at open; the first statement that meets the
// damage makes the store read-only.
func TestDamageFoundByAStatementMakesTheStoreReadOnly(t *testing.T) {
	storetest.SkipOnPostgres(t, "a damaged database file")
	path := damagedDB(t)
	old := QuickCheckLimit
	QuickCheckLimit = 0
	defer func() { QuickCheckLimit = old }()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	if s.Damaged() != nil {
		t.Fatal("damage reported before any statement met it")
	}
	ctx := context.Background()
	// Read everything, as an editor paging through the desk would.
	var readErr error
	for i := 0; i < 300 && readErr == nil; i++ {
		var a *domain.Article
		if a, readErr = s.GetArticleBySlug(ctx, fmt.Sprintf("article-%03d", i)); readErr == nil {
			_, readErr = s.Revisions(ctx, a.ID)
		}
	}
	if readErr == nil {
		_, readErr = s.ListArticles(ctx, ArticleQuery{Search: "harbour"})
	}
	if readErr == nil {
		t.Fatal("no read met the damage")
	}
	assertReadOnlyDamaged(t, s, path)
}
