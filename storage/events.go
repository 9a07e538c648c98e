package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"newsroom/domain"
)

// addEvent appends to an article's history.
func (s *Store) addEvent(ctx context.Context, tx *sql.Tx, articleID int64, who, kind, detail string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO article_events (article_id, at, who, kind, detail) VALUES (?, ?, ?, ?, ?)`,
		articleID, s.now().UnixMicro(), who, kind, detail)
	if err != nil {
		return fmt.Errorf("record %s of article %d: %w", kind, articleID, err)
	}
	return nil
}

// History lists an article's events, oldest first.
func (s *Store) History(ctx context.Context, articleID int64) ([]domain.HistoryEvent, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT at, who, kind, detail FROM article_events WHERE article_id = ? ORDER BY id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("history of article %d: %w", articleID, err)
	}
	var out []domain.HistoryEvent
	for rows.Next() {
		var e domain.HistoryEvent
		var at int64
		if err := rows.Scan(&at, &e.Who, &e.Kind, &e.Detail); err != nil {
			rows.Close()
			return nil, fmt.Errorf("history of article %d: %w", articleID, err)
		}
		e.At = time.UnixMicro(at).UTC()
		out = append(out, e)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("history of article %d: %w", articleID, err)
	}
	return out, nil
}
