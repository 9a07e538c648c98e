// Package seed builds the sample article every new default database
// starts with, from the JSON embedded in package assets.
package seed

import (
	"encoding/json"
	"fmt"
	"time"

	"newsroom/assets"
	"newsroom/domain"
)

// sampleFile is the shape of assets/sample-article.json.
type sampleFile struct {
	Slug          string          `json:"slug"`
	Headline      string          `json:"headline"`
	Standfirst    string          `json:"standfirst"`
	Byline        string          `json:"byline"`
	Body          string          `json:"body"`
	PublishedAt   time.Time       `json:"published_at"`
	Keywords      []string        `json:"keywords"`
	FactCheckedBy string          `json:"fact_checked_by"`
	Sources       []domain.Source `json:"sources"`
	Quotes        []domain.Quote  `json:"quotes"`
}

// SampleArticle returns the sample article: published, fact-checked, with
// its sources and quotes.
func SampleArticle() (*domain.Article, error) {
	var f sampleFile
	if err := json.Unmarshal(assets.SampleArticle, &f); err != nil {
		return nil, fmt.Errorf("read sample article: %w", err)
	}
	a := &domain.Article{
		Slug: f.Slug, Headline: f.Headline, Standfirst: f.Standfirst, Byline: f.Byline, Body: f.Body,
		Status: domain.StatusPublished, PublishedAt: f.PublishedAt, Keywords: f.Keywords,
		Sources: f.Sources, Quotes: f.Quotes, CreatedAt: f.PublishedAt,
	}
	if err := domain.MarkChecked(a, f.FactCheckedBy, f.PublishedAt); err != nil {
		return nil, fmt.Errorf("sample article: %w", err)
	}
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("sample article: %w", err)
	}
	return a, nil
}
