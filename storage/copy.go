package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strconv"
	"strings"
)

// copyTable is one table a whole-newsroom copy moves: its name, the
// columns it is read in order of (its key), and a self-referencing column
// (filled in after every row is in, so a reply may come before its
// parent).
type copyTable struct {
	name     string
	order    string
	identity bool   // an id column numbered by the database
	later    string // a column written after all rows
	// binary names the columns copied as bytes (BLOB, bytea), not text.
	binary map[string]bool
}

// copyTables are the tables of a newsroom in an order that satisfies
// their foreign keys. TestCopyTablesCoverTheSchema fails when a
// migration adds a table that is not here. The full-text index is not
// copied: the target builds its own.
var copyTables = []copyTable{
	{name: "staff", order: "login"},
	{name: "sources", order: "id", identity: true},
	{name: "media", order: "sha256"},
	{name: "media_files", order: "sha256", binary: map[string]bool{"data": true}},
	{name: "articles", order: "id", identity: true},
	{name: "article_sources", order: "article_id, source_id"},
	{name: "article_authors", order: "article_id, login"},
	{name: "quotes", order: "id", identity: true},
	{name: "revisions", order: "id", identity: true},
	{name: "article_events", order: "id", identity: true},
	{name: "comments", order: "id", identity: true, later: "parent_id"},
	{name: "corrections", order: "id", identity: true},
	{name: "settings", order: "key"},
	{name: "dictionary_words", order: "word"},
	{name: "article_ignored_words", order: "article_id, word"},
}

// notCopied are the tables of the schema a copy leaves alone: the
// version table and the change counters (each database keeps its own) and
// the full-text index (rebuilt).
var notCopied = map[string]bool{"schema_migrations": true, "change_counters": true, "articles_fts": true,
	"article_locks": true} // locks belong to the windows open on the source

// TableDigest is what a copy found in one table: its rows and a SHA-256
// over their values, in key order.
type TableDigest struct {
	Table  string
	Rows   int64
	Digest string
}

// ErrTargetNotEmpty refuses a copy into a newsroom that holds anything.
var ErrTargetNotEmpty = errors.New("the target newsroom is not empty")

// CopyNewsroom copies every table of from into to in one transaction of
// to, rebuilds to's search index, and compares each table's row count and
// digest on both sides before committing: either the whole newsroom
// arrives, verified, or nothing changes. A target holding anything is
// refused with ErrTargetNotEmpty unless force, which empties it first (in
// the same transaction). It returns the digests of the source and of the
// target, equal when it succeeds.
func CopyNewsroom(ctx context.Context, from, to *Store, force bool) (source, target []TableDigest, err error) {
	if err := to.Damaged(); err != nil {
		return nil, nil, err
	}
	var fromVersion, toVersion int
	if err := from.reader.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&fromVersion); err != nil {
		return nil, nil, fmt.Errorf("copy: read the schema version of %s: %w", from.path, err)
	}
	if err := to.reader.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&toVersion); err != nil {
		return nil, nil, fmt.Errorf("copy: read the schema version of %s: %w", to.path, err)
	}
	if fromVersion != toVersion {
		return nil, nil, fmt.Errorf("copy: %s has schema version %d, %s %d", from.path, fromVersion, to.path, toVersion)
	}
	err = from.inReadTx(ctx, func(src *sql.Tx) error {
		return to.inTx(ctx, func(dst *sql.Tx) error {
			if err := to.prepareCopyTarget(ctx, dst, force); err != nil {
				return err
			}
			for _, t := range copyTables {
				d, err := copyOneTable(ctx, src, dst, t)
				if err != nil {
					return fmt.Errorf("copy table %s: %w", t.name, err)
				}
				source = append(source, d)
			}
			if err := to.finishCopyTarget(ctx, dst); err != nil {
				return err
			}
			for _, t := range copyTables {
				d, err := digestTable(ctx, dst, t)
				if err != nil {
					return fmt.Errorf("verify table %s: %w", t.name, err)
				}
				target = append(target, d)
			}
			for i := range source {
				if source[i] != target[i] {
					return fmt.Errorf("copy table %s: the target differs after the copy (%d rows %s, source %d rows %s); nothing was written",
						source[i].Table, target[i].Rows, target[i].Digest, source[i].Rows, source[i].Digest)
				}
			}
			return nil
		})
	})
	if err != nil {
		return source, target, err
	}
	to.analyze(ctx)
	return source, target, nil
}

// freshSettingsExcluded leaves out of the count of a target's settings the
// ones the migrations write into every new newsroom.
const freshSettingsExcluded = ` WHERE NOT (key = 'four_eyes' AND value = 'on') AND key != 'staff_from_bylines'`

// prepareCopyTarget refuses a non-empty target, or with force empties it.
func (s *Store) prepareCopyTarget(ctx context.Context, tx *sql.Tx, force bool) error {
	var held []string
	for _, t := range copyTables {
		var n int64
		count := `SELECT count(*) FROM ` + t.name
		if t.name == "settings" {
			count += freshSettingsExcluded
		}
		if err := tx.QueryRowContext(ctx, count).Scan(&n); err != nil {
			return fmt.Errorf("count %s: %w", t.name, err)
		}
		if n > 0 {
			held = append(held, fmt.Sprintf("%d %s", n, t.name))
		}
	}
	if len(held) == 0 {
		// Only what every new newsroom holds: the source's take its place.
		if _, err := tx.ExecContext(ctx, `DELETE FROM settings`); err != nil {
			return fmt.Errorf("empty the target's settings: %w", err)
		}
		return nil
	}
	if !force {
		return fmt.Errorf("%w: %s holds %s; give --force to replace it", ErrTargetNotEmpty, s.path, strings.Join(held, ", "))
	}
	// The articles first: their cascade takes the corrections, which may
	// not be deleted while their article is there.
	for _, stmt := range []string{`DELETE FROM articles`, `DELETE FROM sources`, `DELETE FROM settings`,
		`DELETE FROM dictionary_words`} {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("empty the target: %w", err)
		}
	}
	for i := len(copyTables) - 1; i >= 0; i-- {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+copyTables[i].name); err != nil {
			return fmt.Errorf("empty %s: %w", copyTables[i].name, err)
		}
	}
	clear := `INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')`
	if s.backend == backendPostgres {
		clear = `DELETE FROM articles_fts`
	}
	if _, err := tx.ExecContext(ctx, clear); err != nil {
		return fmt.Errorf("empty the search index: %w", err)
	}
	return nil
}

// finishCopyTarget numbers new rows after the copied ones (PostgreSQL's
// identity sequences) and builds the search index.
func (s *Store) finishCopyTarget(ctx context.Context, tx *sql.Tx) error {
	if s.backend == backendPostgres {
		for _, t := range copyTables {
			if !t.identity {
				continue
			}
			if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t.name+`', 'id'),
				coalesce((SELECT max(id) FROM `+t.name+`), 0) + 1, false)`); err != nil {
				return fmt.Errorf("renumber %s: %w", t.name, err)
			}
		}
	}
	return s.reindexAll(ctx, tx)
}

// copyBatchValues bounds the parameters of one multi-row INSERT.
const copyBatchValues = 900

// copyOneTable copies table t from src to dst and returns the source's
// digest of it.
func copyOneTable(ctx context.Context, src, dst *sql.Tx, t copyTable) (TableDigest, error) {
	rows, err := src.QueryContext(ctx, `SELECT * FROM `+t.name+` ORDER BY `+t.order)
	if err != nil {
		return TableDigest{}, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return TableDigest{}, err
	}
	later := -1
	for i, c := range cols {
		if c == t.later {
			later = i
		}
	}
	perBatch := max(1, copyBatchValues/len(cols))
	insertHead := `INSERT INTO ` + t.name + ` (` + strings.Join(cols, ", ") + `) VALUES `
	rowMarks := `(` + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + `)`
	var (
		batch    []any
		inBatch  int
		deferred [][2]any // key, later value
		h        = sha256.New()
		n        int64
	)
	flush := func() error {
		if inBatch == 0 {
			return nil
		}
		marks := strings.TrimSuffix(strings.Repeat(rowMarks+", ", inBatch), ", ")
		_, err := dst.ExecContext(ctx, insertHead+marks, batch...)
		batch, inBatch = batch[:0], 0
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return TableDigest{}, err
		}
		n++
		digestRow(h, vals)
		if later >= 0 && vals[later] != nil {
			deferred = append(deferred, [2]any{vals[0], vals[later]})
			vals[later] = nil
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok && !t.binary[cols[i]] {
				vals[i] = string(b) // TEXT on both sides
			}
		}
		batch = append(batch, vals...)
		inBatch++
		if inBatch == perBatch {
			if err := flush(); err != nil {
				return TableDigest{}, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return TableDigest{}, err
	}
	if err := flush(); err != nil {
		return TableDigest{}, err
	}
	for _, d := range deferred {
		if _, err := dst.ExecContext(ctx, `UPDATE `+t.name+` SET `+t.later+` = ? WHERE `+cols[0]+` = ?`, d[1], d[0]); err != nil {
			return TableDigest{}, err
		}
	}
	return TableDigest{Table: t.name, Rows: n, Digest: hex.EncodeToString(h.Sum(nil))}, nil
}

// digestTable reads table t in key order and digests it.
func digestTable(ctx context.Context, q queryer, t copyTable) (TableDigest, error) {
	rows, err := q.QueryContext(ctx, `SELECT * FROM `+t.name+` ORDER BY `+t.order)
	if err != nil {
		return TableDigest{}, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return TableDigest{}, err
	}
	h := sha256.New()
	var n int64
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return TableDigest{}, err
		}
		n++
		digestRow(h, vals)
	}
	if err := rows.Err(); err != nil {
		return TableDigest{}, err
	}
	return TableDigest{Table: t.name, Rows: n, Digest: hex.EncodeToString(h.Sum(nil))}, nil
}

// Digests returns every copied table's row count and digest, read in
// one snapshot: what `newsroom copy` compares.
func (s *Store) Digests(ctx context.Context) ([]TableDigest, error) {
	var out []TableDigest
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		for _, t := range copyTables {
			d, err := digestTable(ctx, tx, t)
			if err != nil {
				return fmt.Errorf("digest table %s: %w", t.name, err)
			}
			out = append(out, d)
		}
		return nil
	})
	return out, err
}

// digestRow adds one row to h, each value tagged with its kind so that
// the same row digests alike from either engine (text read as string or
// bytes is the same text).
func digestRow(h hash.Hash, vals []any) {
	var buf []byte
	for _, v := range vals {
		switch x := v.(type) {
		case nil:
			buf = append(buf, 'N')
		case int64:
			buf = append(buf, 'I')
			buf = strconv.AppendInt(buf, x, 10)
		case int32:
			buf = append(buf, 'I')
			buf = strconv.AppendInt(buf, int64(x), 10)
		case float64:
			buf = append(buf, 'F')
			buf = strconv.AppendFloat(buf, x, 'g', -1, 64)
		case bool:
			buf = append(buf, 'I')
			if x {
				buf = append(buf, '1')
			} else {
				buf = append(buf, '0')
			}
		case string:
			buf = append(buf, 'S')
			buf = strconv.AppendInt(buf, int64(len(x)), 10)
			buf = append(buf, ':')
			buf = append(buf, x...)
		case []byte:
			buf = append(buf, 'S')
			buf = strconv.AppendInt(buf, int64(len(x)), 10)
			buf = append(buf, ':')
			buf = append(buf, x...)
		default:
			buf = fmt.Appendf(buf, "?%v", x)
		}
		buf = append(buf, 0)
	}
	buf = append(buf, '\n')
	h.Write(buf)
}

// reindexAll builds the full-text entry of every article from the
// articles and quotes in tx.
func (s *Store) reindexAll(ctx context.Context, tx *sql.Tx) error {
	quotes := make(map[int64]*strings.Builder)
	rows, err := tx.QueryContext(ctx, `SELECT article_id, text, speaker, role, context, source_name FROM quotes ORDER BY article_id, position`)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	for rows.Next() {
		var id int64
		var text, speaker, role, qctx, source string
		if err := rows.Scan(&id, &text, &speaker, &role, &qctx, &source); err != nil {
			rows.Close()
			return fmt.Errorf("index: %w", err)
		}
		b := quotes[id]
		if b == nil {
			b = &strings.Builder{}
			quotes[id] = b
		}
		fmt.Fprintf(b, "%s %s %s %s %s\n", text, speaker, role, qctx, source)
	}
	if err := closeRows(rows); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	type entry struct {
		id                                 int64
		headline, standfirst, body, byline string
	}
	var all []entry
	rows, err = tx.QueryContext(ctx, `SELECT id, headline, standfirst, body, byline FROM articles ORDER BY id`)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.id, &e.headline, &e.standfirst, &e.body, &e.byline); err != nil {
			rows.Close()
			return fmt.Errorf("index: %w", err)
		}
		all = append(all, e)
	}
	if err := closeRows(rows); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	for _, e := range all {
		q := ""
		if b := quotes[e.id]; b != nil {
			q = b.String()
		}
		if err := s.writeIndex(ctx, tx, e.id, e.headline, e.standfirst, e.body, q, e.byline); err != nil {
			return fmt.Errorf("index article %d: %w", e.id, err)
		}
	}
	return nil
}
