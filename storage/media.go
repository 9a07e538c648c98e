package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"newsroom/domain"
)

// mediaColumns are the columns scanMedia reads, in order (never the bytes).
const mediaColumns = `sha256, ref, format, width, height, bytes, filename, caption, credit, creator, copyright,
	alt, title, description, source_url, focal_x, focal_y, embedded, origin, created_at, updated_at`

// scanMedia reads the columns of mediaColumns.
func scanMedia(r rowScanner) (domain.Media, error) {
	var (
		m                domain.Media
		embedded         string
		created, updated sql.NullInt64
	)
	err := r.Scan(&m.SHA256, &m.Ref, &m.Format, &m.Width, &m.Height, &m.Bytes, &m.Filename, &m.Caption, &m.Credit,
		&m.Creator, &m.Copyright, &m.Alt, &m.Title, &m.Description, &m.SourceURL, &m.FocalX, &m.FocalY, &embedded, &m.Origin, &created, &updated)
	if err != nil {
		return domain.Media{}, err
	}
	m.CreatedAt, m.UpdatedAt = fromMicros(created), fromMicros(updated)
	m.Embedded = map[string]string{}
	if embedded != "" && embedded != "{}" {
		if err := json.Unmarshal([]byte(embedded), &m.Embedded); err != nil {
			return domain.Media{}, fmt.Errorf("image %s: embedded metadata: %w", m.Ref, err)
		}
	}
	return m, nil
}

// AddMedia stores the image data with the record m, once by content: the
// SHA-256 of data gives m.SHA256, m.Ref and m.Bytes (whatever m held
// there is replaced). When the same bytes are already in the library the
// stored record is returned unchanged with existed true. m.Format, Width
// and Height come from decoding data (package photo); a focal point of
// 0, 0 means unset and becomes the centre.
func (s *Store) AddMedia(ctx context.Context, data []byte, m domain.Media) (domain.Media, bool, error) {
	var (
		out     domain.Media
		existed bool
	)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, existed, err = s.addMedia(ctx, tx, data, m)
		return err
	})
	return out, existed, err
}

// AddMedia is Store.AddMedia inside the import's transaction, so an
// import's images are stored with its articles or not at all.
func (b *ImportBatch) AddMedia(ctx context.Context, data []byte, m domain.Media) (domain.Media, bool, error) {
	if err := b.begin(ctx); err != nil {
		return domain.Media{}, false, err
	}
	return b.s.addMedia(ctx, b.tx, data, m)
}

// addMedia is AddMedia inside tx.
func (s *Store) addMedia(ctx context.Context, tx *sql.Tx, data []byte, m domain.Media) (domain.Media, bool, error) {
	if len(data) == 0 {
		return domain.Media{}, false, fmt.Errorf("add image %q: %w", m.Filename, domain.Invalidf("the file is empty"))
	}
	sum := sha256.Sum256(data)
	m.SHA256 = hex.EncodeToString(sum[:])
	m.Ref = domain.MediaRefOf(m.SHA256)
	m.Bytes = int64(len(data))
	if m.FocalX == 0 && m.FocalY == 0 {
		m.FocalX, m.FocalY = 0.5, 0.5
	}
	if err := m.Validate(); err != nil {
		return domain.Media{}, false, fmt.Errorf("add image %q: %w", m.Filename, err)
	}
	old, err := scanMedia(tx.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE sha256 = ?`, m.SHA256))
	if err == nil {
		return old, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return domain.Media{}, false, fmt.Errorf("add image %q: %w", m.Filename, err)
	}
	var other string
	err = tx.QueryRowContext(ctx, `SELECT sha256 FROM media WHERE ref = ?`, m.Ref).Scan(&other)
	if err == nil {
		// Two different files whose digests share 48 bits: refuse, never mix them up.
		return domain.Media{}, false, fmt.Errorf("add image %q: its ref %s is taken by a different file (%s): %w",
			m.Filename, m.Ref, other, domain.ErrInvalid)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return domain.Media{}, false, fmt.Errorf("add image %q: %w", m.Filename, err)
	}
	embedded, err := embeddedJSON(m.Embedded)
	if err != nil {
		return domain.Media{}, false, fmt.Errorf("add image %q: %w", m.Filename, err)
	}
	now := s.now()
	m.CreatedAt, m.UpdatedAt = now, now
	if _, err := tx.ExecContext(ctx, `INSERT INTO media (`+mediaColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.SHA256, m.Ref, m.Format, m.Width, m.Height, m.Bytes, m.Filename, m.Caption, m.Credit, m.Creator,
		m.Copyright, m.Alt, m.Title, m.Description, m.SourceURL, m.FocalX, m.FocalY, embedded, m.Origin, micros(now), micros(now)); err != nil {
		return domain.Media{}, false, fmt.Errorf("add image %q: %w", m.Filename, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO media_files (sha256, data) VALUES (?, ?)`, m.SHA256, data); err != nil {
		return domain.Media{}, false, fmt.Errorf("add image %q: store its bytes: %w", m.Filename, err)
	}
	if m.Embedded == nil {
		m.Embedded = map[string]string{}
	}
	return m, false, nil
}

// embeddedJSON is the embedded metadata as a JSON object ("{}" for none).
func embeddedJSON(e map[string]string) (string, error) {
	if len(e) == 0 {
		return "{}", nil
	}
	data, err := json.Marshal(e)
	if err != nil {
		return "", fmt.Errorf("embedded metadata: %w", err)
	}
	return string(data), nil
}

// Media returns the record of the image ref (ErrNotFound when none).
func (s *Store) Media(ctx context.Context, ref string) (domain.Media, error) {
	m, err := scanMedia(s.reader.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE ref = ?`, ref))
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Media{}, fmt.Errorf("image %q: %w", ref, domain.ErrNotFound)
	}
	if err != nil {
		return domain.Media{}, fmt.Errorf("load image %q: %w", ref, err)
	}
	return m, nil
}

// MediaList returns every image's record, newest first, without reading
// any image's bytes.
func (s *Store) MediaList(ctx context.Context) ([]domain.Media, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT `+mediaColumns+` FROM media ORDER BY created_at DESC, ref`)
	if err != nil {
		return nil, fmt.Errorf("list images: %w", err)
	}
	var out []domain.Media
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list images: %w", err)
		}
		out = append(out, m)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("list images: %w", err)
	}
	return out, nil
}

// UpdateMedia writes the editable fields of m (caption, credit, creator,
// copyright, alt text, title, description, source URL, focal point) to the record m.Ref; what
// describes the file itself (digest, format, size, filename, embedded
// metadata, origin) never changes. ErrNotFound when there is no such ref.
func (s *Store) UpdateMedia(ctx context.Context, m domain.Media) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := scanMedia(tx.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE ref = ?`, m.Ref))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("update image %q: %w", m.Ref, domain.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("update image %q: %w", m.Ref, err)
		}
		old.Caption, old.Credit, old.Creator, old.Copyright = m.Caption, m.Credit, m.Creator, m.Copyright
		old.Alt, old.SourceURL, old.FocalX, old.FocalY = m.Alt, m.SourceURL, m.FocalX, m.FocalY
		old.Title, old.Description = m.Title, m.Description
		if err := old.Validate(); err != nil {
			return fmt.Errorf("update image %q: %w", m.Ref, err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE media SET caption = ?, credit = ?, creator = ?, copyright = ?, alt = ?,
			title = ?, description = ?, source_url = ?, focal_x = ?, focal_y = ?, updated_at = ? WHERE ref = ?`,
			old.Caption, old.Credit, old.Creator, old.Copyright, old.Alt, old.Title, old.Description, old.SourceURL, old.FocalX, old.FocalY,
			micros(s.now()), m.Ref)
		if err != nil {
			return fmt.Errorf("update image %q: %w", m.Ref, err)
		}
		return nil
	})
}

// MediaData returns the stored bytes of the image ref (ErrNotFound when
// none).
func (s *Store) MediaData(ctx context.Context, ref string) ([]byte, error) {
	var data []byte
	err := s.reader.QueryRowContext(ctx, `SELECT f.data FROM media m JOIN media_files f ON f.sha256 = m.sha256
		WHERE m.ref = ?`, ref).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("image %q: %w", ref, domain.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read image %q: %w", ref, err)
	}
	return data, nil
}

// checkLeadImage refuses an article whose lead image is not in the
// library, with a message naming the ref.
func checkLeadImage(ctx context.Context, tx *sql.Tx, a *domain.Article) error {
	if a.LeadImage == "" {
		return nil
	}
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM media WHERE ref = ?`, a.LeadImage).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("article %q: lead image %q is not in the media library: %w", a.Slug, a.LeadImage, domain.ErrInvalid)
	}
	if err != nil {
		return fmt.Errorf("article %q: check lead image %q: %w", a.Slug, a.LeadImage, err)
	}
	return nil
}
