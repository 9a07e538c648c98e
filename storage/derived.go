package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"sync/atomic"
	"time"

	"newsroom/domain"
	"newsroom/markup"
)

// derived is what a save computes from an article's text before its write
// transaction, so the write lock is held only for the writes themselves:
// the attribution check (the costly part) and the JSON of the stored
// columns. It stays valid while the article's body, quotes, sources and
// keywords do not change; inside the transaction only the fact check,
// version and times change.
type derived struct {
	findings    domain.StoredFindings
	attribution string // findings as JSON, for the attribution column
	keywords    string // keywords as a JSON array
}

// computeFindings is the attribution check derive runs; tests wrap it to
// see that no write lock is held meanwhile.
var computeFindings = markup.ComputeFindings

// derive runs the attribution and house-style checks on a (under style)
// and encodes the stored columns.
func derive(a *domain.Article, style domain.StyleSettings) (derived, error) {
	return encodeDerived(a, computeFindings(a, style))
}

// houseStyle is the style derive checks saves against: the newsroom's,
// or the defaults when its settings cannot be read (a save never fails
// over them; the export checks again with what it reads). It is read at
// most once per styleCacheAge, and again at once after this Store changed
// a setting: an import of many files reads it once, not once a file. A
// change made by another process meanwhile is harmless: findings are
// stored with the StyleKey they were computed under, and readers that see
// a different house style compute them again.
func (s *Store) houseStyle(ctx context.Context) domain.StyleSettings {
	if c := s.style.current.Load(); c != nil && time.Since(c.readAt) < styleCacheAge {
		return c.style
	}
	st, err := s.StyleSettings(ctx)
	if err != nil {
		return domain.DefaultStyleSettings()
	}
	s.style.current.Store(&cachedStyle{style: st, readAt: time.Now()})
	return st
}

// styleCacheAge is how long houseStyle trusts the house style it read.
const styleCacheAge = 2 * time.Second

// styleCache holds the house style last read by houseStyle.
type styleCache struct {
	current atomic.Pointer[cachedStyle]
}

// forget makes the next houseStyle read the settings again.
func (c *styleCache) forget() { c.current.Store(nil) }

type cachedStyle struct {
	style  domain.StyleSettings
	readAt time.Time
}

// deriveStored is derive for an article just loaded from the store, whose
// text is unchanged: the findings stored with it are reused when the
// current rules computed them.
func deriveStored(a *domain.Article, style domain.StyleSettings) (derived, error) {
	if a.Attribution.Rules == domain.AttributionRules && a.Attribution.Input != "" {
		return encodeDerived(a, a.Attribution)
	}
	return derive(a, style)
}

func encodeDerived(a *domain.Article, findings domain.StoredFindings) (derived, error) {
	d := derived{findings: findings}
	data, err := json.Marshal(findings)
	if err != nil {
		return d, fmt.Errorf("store attribution findings of %q: %w", a.Slug, err)
	}
	d.attribution = string(data)
	keywords, err := json.Marshal(nonNil(a.Keywords))
	if err != nil {
		return d, fmt.Errorf("store keywords of %q: %w", a.Slug, err)
	}
	d.keywords = string(keywords)
	return d, nil
}
