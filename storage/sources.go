package storage

import (
	"context"
	"fmt"

	"newsroom/domain"
)

// ListSources returns the shared source register, by name.
func (s *Store) ListSources(ctx context.Context) ([]domain.Source, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT id, name, kind, url, note FROM sources ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	var out []domain.Source
	for rows.Next() {
		var src domain.Source
		var kind string
		if err := rows.Scan(&src.ID, &src.Name, &kind, &src.URL, &src.Note); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list sources: %w", err)
		}
		src.Kind = domain.SourceKind(kind)
		out = append(out, src)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	return out, nil
}
