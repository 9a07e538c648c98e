package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Rolling backups: one a day, the newest BackupsKept kept, in the folder
// BackupDir beside the database.
const (
	BackupsKept  = 7
	backupPrefix = "newsroom-"
	backupSuffix = ".db"
	backupDay    = "2006-01-02"
)

// BackupDir is where the rolling backups of the database at dbPath live:
// the folder "backups" beside it.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// RotationPlan is the rolling-backup policy, without I/O. Given the file
// names in the backup folder and today's date, it says whether a backup
// is due (none of today's yet) and under which name, and which of our
// backups to remove so that keep remain once the new one is made. Names
// that are not ours (newsroom-YYYY-MM-DD.db) are never touched.
func RotationPlan(names []string, today time.Time, keep int) (due bool, name string, remove []string) {
	name = backupPrefix + today.Format(backupDay) + backupSuffix
	var ours []string
	due = true
	for _, n := range names {
		day, ok := strings.CutPrefix(n, backupPrefix)
		if !ok {
			continue
		}
		day, ok = strings.CutSuffix(day, backupSuffix)
		if !ok {
			continue
		}
		if _, err := time.Parse(backupDay, day); err != nil {
			continue
		}
		ours = append(ours, n)
		if n == name {
			due = false
		}
	}
	sort.Strings(ours) // the date format sorts by time
	kept := len(ours)
	if due {
		kept++
	}
	for i := 0; kept > keep && i < len(ours); i++ {
		if ours[i] == name {
			continue
		}
		remove = append(remove, ours[i])
		kept--
	}
	return due, name, remove
}

// ErrNotAFile is the refusal of a file operation (backup, restore) on a
// PostgreSQL newsroom.
var ErrNotAFile = errors.New("a PostgreSQL newsroom is backed up by the server's own tools (pg_dump, a standby) " +
	"or copied to a file with `newsroom copy --from URL --to FILE`")

// fileOnly refuses op on a PostgreSQL store.
func (s *Store) fileOnly(op string) error {
	if s.backend == backendPostgres {
		return fmt.Errorf("%s of %s: %w", op, s.path, ErrNotAFile)
	}
	return nil
}

// RollingBackup makes today's backup in BackupDir when none was made
// today and removes the oldest beyond BackupsKept. It returns the path of
// the backup made, or "" when none was due. A damaged database is never
// backed up this way, so good backups are never rotated away by bad ones.
func (s *Store) RollingBackup(ctx context.Context, now time.Time) (string, error) {
	if err := s.Damaged(); err != nil {
		return "", err
	}
	if err := s.fileOnly("rolling backup"); err != nil {
		return "", err
	}
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("rolling backup: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("rolling backup: %w", err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	due, name, remove := RotationPlan(names, now.Local(), BackupsKept)
	if !due {
		return "", nil
	}
	target := filepath.Join(dir, name)
	if err := s.Backup(ctx, target, false); err != nil {
		return "", err
	}
	for _, old := range remove {
		if err := os.Remove(filepath.Join(dir, old)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return target, fmt.Errorf("remove old backup: %w", err)
		}
	}
	return target, nil
}

// Backup writes a consistent copy of the database to the file to (with
// VACUUM INTO, from a read-only connection, so saves go on meanwhile) and
// checks the copy. An existing file is refused unless force; with force it
// is replaced only once the new copy is complete.
func (s *Store) Backup(ctx context.Context, to string, force bool) error {
	if err := s.fileOnly("back up to " + to); err != nil {
		return err
	}
	abs, err := filepath.Abs(to)
	if err != nil {
		return fmt.Errorf("back up to %s: %w", to, err)
	}
	if abs == s.path {
		return fmt.Errorf("back up to %s: that is the database itself", to)
	}
	if info, err := os.Stat(abs); err == nil {
		if info.IsDir() {
			return fmt.Errorf("back up to %s: it is a folder; name a file", to)
		}
		if !force {
			return fmt.Errorf("back up to %s: the file exists; choose another name or give --force to replace it", to)
		}
	}
	tmp := filepath.Join(filepath.Dir(abs), fmt.Sprintf(".%s.%d.partial", filepath.Base(abs), os.Getpid()))
	_ = os.Remove(tmp)
	defer os.Remove(tmp)
	db, err := sql.Open("sqlite3", "file:"+escapePath(s.path)+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		return fmt.Errorf("back up %s: %w", s.path, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		if isDamage(err) {
			s.markDamaged(err)
		}
		return fmt.Errorf("back up %s to %s: %w", s.path, to, err)
	}
	if err := CheckBackup(ctx, tmp); err != nil {
		return fmt.Errorf("back up %s to %s: the copy does not check out: %w", s.path, to, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		return fmt.Errorf("back up to %s: %w", to, err)
	}
	return nil
}

// CheckBackup checks, without changing it, that the file at path is a
// sound Newsroom database of a schema version this program knows:
// PRAGMA integrity_check must say ok.
func CheckBackup(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if info.IsDir() || info.Size() == 0 {
		return fmt.Errorf("%s is not a Newsroom database (a folder or an empty file)", path)
	}
	in, err := inspect(ctx, abs)
	if err != nil {
		return err
	}
	if in.kind != fileNewsroom {
		return fmt.Errorf("%s is not a Newsroom database (it holds no tables)", path)
	}
	db, err := sql.Open("sqlite3", "file:"+escapePath(abs)+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var problems []string
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check(5)`)
	if err != nil {
		return fmt.Errorf("%s is damaged: %w", path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("%s is damaged: %w", path, err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s is damaged: %w", path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s is damaged: %s", path, strings.Join(problems, "; "))
	}
	return nil
}

// Restore replaces the database at dbPath with a checked copy of the
// backup from, keeping the current file (with its -wal and -shm) aside
// under a name it returns. Nothing may have the database open meanwhile:
// close the window and stop `newsroom serve` first. When the backup does
// not check out, nothing is changed.
func Restore(ctx context.Context, dbPath, from string, now time.Time) (aside string, err error) {
	if IsPostgresTarget(dbPath) {
		return "", fmt.Errorf("restore %s: %w", redactTarget(dbPath), ErrNotAFile)
	}
	dbAbs, err := filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	if err := CheckBackup(ctx, from); err != nil {
		return "", fmt.Errorf("restore from %s: %w; the database was left as it was", from, err)
	}
	fromAbs, _ := filepath.Abs(from)
	if fromAbs == dbAbs {
		return "", fmt.Errorf("restore from %s: that is the database itself", from)
	}
	tmp := filepath.Join(filepath.Dir(dbAbs), fmt.Sprintf(".%s.%d.restoring", filepath.Base(dbAbs), os.Getpid()))
	_ = os.Remove(tmp)
	defer os.Remove(tmp)
	db, err := sql.Open("sqlite3", "file:"+escapePath(fromAbs)+"?mode=ro")
	if err != nil {
		return "", err
	}
	_, err = db.ExecContext(ctx, `VACUUM INTO ?`, tmp)
	db.Close()
	if err != nil {
		return "", fmt.Errorf("restore from %s: copy: %w; the database was left as it was", from, err)
	}
	if _, err := os.Stat(dbAbs); err == nil {
		aside = fmt.Sprintf("%s.before-restore-%s", dbAbs, now.UTC().Format("20060102-150405"))
		if err := os.Rename(dbAbs, aside); err != nil {
			return "", fmt.Errorf("restore: keep the current database aside: %w", err)
		}
		for _, side := range []string{"-wal", "-shm"} {
			if err := os.Rename(dbAbs+side, aside+side); err != nil && !errors.Is(err, os.ErrNotExist) {
				return aside, fmt.Errorf("restore: keep %s aside: %w", dbAbs+side, err)
			}
		}
	}
	if err := os.Rename(tmp, dbAbs); err != nil {
		return aside, fmt.Errorf("restore: put the copy in place: %w (the previous database is %s)", err, aside)
	}
	return aside, nil
}
