package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"newsroom/domain"
)

// Setting keys shared by the window, the command line and the intake.
const (
	SettingPublisherName  = "publisher_name"
	SettingSiteTitle      = "site_title"
	SettingBaseURL        = "base_url"
	SettingCommentsURL    = "comments_url"
	SettingModerationKeys = "moderation_keys" // one per line
	SettingDisallowedKeys = "disallowed_keys" // one per line
	// The masthead and policies (plain text; see publish.Masthead).
	SettingStaff                = "staff" // one person a line: Name | Role | Bio
	SettingAbout                = "about"
	SettingCorrectionsPolicy    = "corrections_policy"
	SettingFactCheckingPolicy   = "fact_checking_policy"
	SettingEthicsPolicy         = "ethics_policy"
	SettingPublishingPrinciples = "publishing_principles"
	// Comment privacy: who readers write to about their data, and after
	// how many days comments' addresses and browser strings are cleared.
	SettingPrivacyContact       = "privacy_contact"
	SettingCommentRetentionDays = "comment_retention_days"
)

// Setting returns the value stored under key, or def when there is none.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := s.reader.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	if err != nil {
		return "", fmt.Errorf("read setting %q: %w", key, err)
	}
	return v, nil
}

// SetSetting stores value under key.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	defer s.style.forget()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guard(ctx, tx, domain.ActSettings); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		if err != nil {
			return fmt.Errorf("write setting %q: %w", key, err)
		}
		return nil
	})
}

// ChangeCounter returns a number that grows whenever the named table
// ("comments" or "articles") changes, in any process: a cheap way to watch.
// "locks" grows when an article's lock is taken, taken over or released
// (not when it is only renewed).
//
// On PostgreSQL the counters are heard of through LISTEN/NOTIFY (see
// pgWatcher): reading them costs no query while the server is reachable.
func (s *Store) ChangeCounter(ctx context.Context, name string) (int64, error) {
	return s.changeCounter(ctx, name)
}

// siteKeys are the settings that make up a domain.Site, in the order of
// siteFields.
var siteKeys = []string{SettingSiteTitle, SettingPublisherName, SettingBaseURL, SettingCommentsURL,
	SettingStaff, SettingAbout, SettingCorrectionsPolicy, SettingFactCheckingPolicy, SettingEthicsPolicy,
	SettingPublishingPrinciples, SettingPrivacyContact}

// siteFields points at site's fields in the order of siteKeys.
func siteFields(site *domain.Site) []*string {
	return []*string{&site.Title, &site.PublisherName, &site.BaseURL, &site.CommentsURL,
		&site.Staff, &site.About, &site.CorrectionsPolicy, &site.FactCheckingPolicy, &site.EthicsPolicy,
		&site.PublishingPrinciples, &site.PrivacyContact}
}

// Site reads the site settings as stored (empty when never set; use
// WithDefaults for what is rendered).
func (s *Store) Site(ctx context.Context) (domain.Site, error) {
	var site domain.Site
	args := make([]any, len(siteKeys))
	for i, k := range siteKeys {
		args[i] = k
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT key, value FROM settings WHERE key IN (`+
		strings.TrimSuffix(strings.Repeat("?, ", len(siteKeys)), ", ")+`)`, args...)
	if err != nil {
		return site, fmt.Errorf("read site settings: %w", err)
	}
	defer rows.Close()
	fields := siteFields(&site)
	for rows.Next() {
		var key, value string
		if err := rows.Scan(&key, &value); err != nil {
			return site, fmt.Errorf("read site settings: %w", err)
		}
		for i, k := range siteKeys {
			if k == key {
				*fields[i] = value
			}
		}
	}
	if err := rows.Err(); err != nil {
		return site, fmt.Errorf("read site settings: %w", err)
	}
	if site.CommentRetentionDays, err = s.CommentRetentionDays(ctx); err != nil {
		return site, err
	}
	site.Style, err = s.StyleSettings(ctx)
	return site, err
}

// SetSite checks site and stores it, all fields in one transaction.
func (s *Store) SetSite(ctx context.Context, site domain.Site) error {
	if err := site.Validate(); err != nil {
		return fmt.Errorf("save site settings: %w", err)
	}
	fields := siteFields(&site)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guard(ctx, tx, domain.ActSettings); err != nil {
			return err
		}
		for i, key := range siteKeys {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, *fields[i]); err != nil {
				return fmt.Errorf("write setting %q: %w", key, err)
			}
		}
		return nil
	})
}
