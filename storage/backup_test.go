package storage

import (
	"bytes"
	"context"
	"newsroom/storage/storetest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestRotationPlan(t *testing.T) {
	day := func(d int) string {
		return time.Date(2026, 12, d, 0, 0, 0, 0, time.UTC).Format("newsroom-2006-01-02.db")
	}
	today := time.Date(2026, 12, 9, 8, 30, 0, 0, time.UTC)
	cases := []struct {
		name       string
		names      []string
		keep       int
		wantDue    bool
		wantRemove []string
	}{
		{"first backup", nil, 7, true, nil},
		{"already made today", []string{day(8), day(9)}, 7, false, nil},
		{"room for one more", []string{day(3), day(4), day(5), day(6), day(7), day(8)}, 7, true, nil},
		{"the oldest goes", []string{day(2), day(3), day(4), day(5), day(6), day(7), day(8)}, 7, true, []string{day(2)}},
		{"unordered, two too many", []string{day(8), day(1), day(7), day(6), day(5), day(4), day(3), day(2)}, 7, true, []string{day(1), day(2)}},
		{"made today, over the limit after a change of keep", []string{day(6), day(7), day(8), day(9)}, 2, false, []string{day(6), day(7)}},
		{"foreign names never touched", []string{"notes.txt", "newsroom-latest.db", "newsroom-2026-13-40.db", day(8), "newsroom.db"}, 1, true, []string{day(8)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			due, name, remove := RotationPlan(tc.names, today, tc.keep)
			if due != tc.wantDue || name != day(9) || !reflect.DeepEqual(remove, tc.wantRemove) {
				t.Errorf("RotationPlan = %v %q remove %v, want %v %q remove %v", due, name, remove, tc.wantDue, day(9), tc.wantRemove)
			}
		})
	}
}

func TestBackupAndRestore(t *testing.T) {
	storetest.SkipOnPostgres(t, "backup and restore copy the database file (PostgreSQL: pg_dump)")
	ctx := context.Background()
	s, path := openTemp(t)
	if err := s.CreateArticle(ctx, sample("kept"), "ann"); err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, to, false); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if err := s.Backup(ctx, to, false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("backup over an existing file: %v, want a refusal naming --force", err)
	}
	if err := s.CreateArticle(ctx, sample("later"), "ann"); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, to, true); err != nil {
		t.Fatalf("backup --force: %v", err)
	}
	if err := s.CreateArticle(ctx, sample("after-backup"), "ann"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	aside, err := Restore(ctx, path, to, now)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	restored, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	for slug, want := range map[string]bool{"kept": true, "later": true, "after-backup": false} {
		if _, err := restored.GetArticleBySlug(ctx, slug); (err == nil) != want {
			t.Errorf("after restore, article %q there: %v, want %v", slug, err == nil, want)
		}
	}
	previous, err := Open(aside)
	if err != nil {
		t.Fatalf("the previous database kept aside at %s: %v", aside, err)
	}
	defer previous.Close()
	if _, err := previous.GetArticleBySlug(ctx, "after-backup"); err != nil {
		t.Errorf("the database kept aside lost its last article: %v", err)
	}
}

func TestRestoreRefusesBadBackupsAndChangesNothing(t *testing.T) {
	storetest.SkipOnPostgres(t, "restore replaces a database file")
	ctx := context.Background()
	s, path := openTemp(t)
	if err := s.CreateArticle(ctx, sample("current"), "ann"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("not a backup"), 0o644)
	foreign := filepath.Join(dir, "other.sqlite")
	foreignDB(t, foreign, `CREATE TABLE notes (x)`)
	for name, from := range map[string]string{
		"text file": text, "foreign database": foreign, "damaged database": damagedDB(t), "missing file": filepath.Join(dir, "nope.db"),
	} {
		t.Run(name, func(t *testing.T) {
			before, _ := os.ReadFile(path)
			if _, err := Restore(ctx, path, from, time.Now()); err == nil {
				t.Fatal("restored from a bad backup")
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("a refused restore changed the database")
			}
		})
	}
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if _, err := again.GetArticleBySlug(ctx, "current"); err != nil {
		t.Errorf("the current database lost its article: %v", err)
	}
}

func TestRollingBackup(t *testing.T) {
	storetest.SkipOnPostgres(t, "rolling backups are files beside the database file")
	ctx := context.Background()
	s, path := openTemp(t)
	if err := s.CreateArticle(ctx, sample("x"), "ann"); err != nil {
		t.Fatal(err)
	}
	dir := BackupDir(path)
	for d := 1; d <= 10; d++ {
		now := time.Date(2026, 11, d, 12, 0, 0, 0, time.Local)
		made, err := s.RollingBackup(ctx, now)
		if err != nil || made == "" {
			t.Fatalf("day %d: %q %v", d, made, err)
		}
		if again, err := s.RollingBackup(ctx, now.Add(time.Hour)); err != nil || again != "" {
			t.Fatalf("day %d, second run: %q %v, want none made", d, again, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"newsroom-2026-11-04.db", "newsroom-2026-11-05.db", "newsroom-2026-11-06.db", "newsroom-2026-11-07.db",
		"newsroom-2026-11-08.db", "newsroom-2026-11-09.db", "newsroom-2026-11-10.db"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("backups %v, want the last 7 days %v", names, want)
	}
	if err := CheckBackup(ctx, filepath.Join(dir, want[6])); err != nil {
		t.Errorf("the newest backup does not check out: %v", err)
	}
}

func TestNoRollingBackupOfADamagedDatabase(t *testing.T) {
	storetest.SkipOnPostgres(t, "a damaged database file")
	path := damagedDB(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if made, err := s.RollingBackup(context.Background(), time.Now()); err == nil || made != "" {
		t.Fatalf("rolling backup of a damaged database: %q %v, want a refusal", made, err)
	}
	if entries, _ := os.ReadDir(BackupDir(path)); len(entries) != 0 {
		t.Errorf("backups made of a damaged database: %d", len(entries))
	}
}
