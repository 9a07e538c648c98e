package storage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"newsroom/domain"
)

// sampleMedia returns a valid record for a 40 × 30 JPEG.
func sampleMedia() domain.Media {
	return domain.Media{Format: "jpeg", Width: 40, Height: 30, Filename: "harbour.jpg",
		Caption: "The harbour at dawn", Credit: "Ann Photo / Agency", Creator: "Ann Photo",
		Copyright: "© Agency 2026", Alt: "Fishing boats moored in a harbour", Title: "harbour", Description: "Dawn, low tide",
		Embedded: map[string]string{"caption": "Harbour", "credit": "Agency"}}
}

func TestAddMediaStoresOnceByContent(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	data := []byte("pretend these are the bytes of a JPEG")
	sum := sha256.Sum256(data)
	wantSHA := hex.EncodeToString(sum[:])

	m, existed, err := s.AddMedia(ctx, data, sampleMedia())
	if err != nil || existed {
		t.Fatalf("AddMedia = %v, existed %v", err, existed)
	}
	if m.SHA256 != wantSHA || m.Ref != wantSHA[:12] || m.Bytes != int64(len(data)) {
		t.Fatalf("digest fields %q %q %d, want %q", m.SHA256, m.Ref, m.Bytes, wantSHA)
	}
	if m.FocalX != 0.5 || m.FocalY != 0.5 || m.CreatedAt.IsZero() {
		t.Fatalf("defaults not set: focal %g,%g created %v", m.FocalX, m.FocalY, m.CreatedAt)
	}

	again := sampleMedia()
	again.Caption = "another caption"
	m2, existed, err := s.AddMedia(ctx, append([]byte(nil), data...), again)
	if err != nil || !existed {
		t.Fatalf("second AddMedia = %v, existed %v; want the existing record", err, existed)
	}
	if m2.Ref != m.Ref || m2.Caption != "The harbour at dawn" {
		t.Fatalf("second add returned %+v, want the stored record unchanged", m2)
	}
	list, err := s.MediaList(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("MediaList = %d records (%v), want 1", len(list), err)
	}

	got, err := s.Media(ctx, m.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if got.Caption != m.Caption || got.Credit != m.Credit || got.Creator != m.Creator || got.Copyright != m.Copyright ||
		got.Alt != m.Alt || got.Title != "harbour" || got.Description != "Dawn, low tide" || got.Width != 40 || got.Height != 30 || got.Format != "jpeg" || got.Filename != "harbour.jpg" ||
		got.Embedded["caption"] != "Harbour" || got.Embedded["credit"] != "Agency" || len(got.Embedded) != 2 {
		t.Fatalf("round trip lost fields: %+v", got)
	}
	stored, err := s.MediaData(ctx, m.Ref)
	if err != nil || !bytes.Equal(stored, data) {
		t.Fatalf("MediaData = %q (%v), want the bytes added", stored, err)
	}
}

func TestMediaNotFoundAndRefused(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if _, err := s.Media(ctx, "0123456789ab"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("Media(missing) = %v, want ErrNotFound", err)
	}
	if _, err := s.MediaData(ctx, "0123456789ab"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("MediaData(missing) = %v, want ErrNotFound", err)
	}
	if err := s.UpdateMedia(ctx, domain.Media{Ref: "0123456789ab"}); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("UpdateMedia(missing) = %v, want ErrNotFound", err)
	}
	bad := []func(*domain.Media){
		func(m *domain.Media) { m.Format = "svg" },
		func(m *domain.Media) { m.Width = 0 },
		func(m *domain.Media) { m.FocalX = 1.5 },
		func(m *domain.Media) { m.Caption = "\xff\xfe" },
	}
	for i, spoil := range bad {
		m := sampleMedia()
		spoil(&m)
		if _, _, err := s.AddMedia(ctx, []byte{byte(i), 1, 2}, m); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("bad record %d: AddMedia = %v, want ErrInvalid", i, err)
		}
	}
	if _, _, err := s.AddMedia(ctx, nil, sampleMedia()); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("empty file: AddMedia = %v, want ErrInvalid", err)
	}
	if list, err := s.MediaList(ctx); err != nil || len(list) != 0 {
		t.Fatalf("refused records were stored: %d (%v)", len(list), err)
	}
}

func TestUpdateMediaChangesEditableFieldsOnly(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	m, _, err := s.AddMedia(ctx, []byte("image bytes"), sampleMedia())
	if err != nil {
		t.Fatal(err)
	}
	edit := m
	edit.Caption, edit.Credit, edit.Alt, edit.FocalX, edit.FocalY = "New caption", "New credit", "New alt", 0.2, 0.8
	edit.Title, edit.Description = "New title", "New description"
	edit.Width, edit.Format, edit.Filename, edit.Embedded = 9999, "gif", "renamed.gif", map[string]string{"caption": "changed"}
	if err := s.UpdateMedia(ctx, edit); err != nil {
		t.Fatal(err)
	}
	got, err := s.Media(ctx, m.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if got.Caption != "New caption" || got.Credit != "New credit" || got.Alt != "New alt" || got.FocalX != 0.2 || got.FocalY != 0.8 ||
		got.Title != "New title" || got.Description != "New description" {
		t.Fatalf("editable fields not saved: %+v", got)
	}
	if got.Width != 40 || got.Format != "jpeg" || got.Filename != "harbour.jpg" || got.Embedded["caption"] != "Harbour" {
		t.Fatalf("file fields changed by UpdateMedia: %+v", got)
	}
	edit.FocalX = -1
	if err := s.UpdateMedia(ctx, edit); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("UpdateMedia(focal -1) = %v, want ErrInvalid", err)
	}
}

func TestArticleLeadImageSavedAndChecked(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	m, _, err := s.AddMedia(ctx, []byte("lead photo bytes"), sampleMedia())
	if err != nil {
		t.Fatal(err)
	}

	missing := sample("missing-lead")
	missing.LeadImage = "ffffffffffff"
	err = s.CreateArticle(ctx, missing, "ann")
	if !errors.Is(err, domain.ErrInvalid) || !strings.Contains(err.Error(), "ffffffffffff") {
		t.Fatalf("CreateArticle with a missing lead image = %v, want ErrInvalid naming the ref", err)
	}
	if _, err := s.GetArticleBySlug(ctx, "missing-lead"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("refused article was stored: %v", err)
	}

	a := sample("with-lead")
	a.LeadImage = m.Ref
	if err := s.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetArticleBySlug(ctx, "with-lead")
	if err != nil || got.LeadImage != m.Ref {
		t.Fatalf("lead image %q (%v), want %q", got.LeadImage, err, m.Ref)
	}
	withDigest := got.StoredDigest

	got.LeadImage = ""
	res, err := s.SaveArticle(ctx, got, "ann")
	if err != nil || !res.Changed {
		t.Fatalf("clearing the lead image: changed %v, %v", res.Changed, err)
	}
	if got.StoredDigest == withDigest {
		t.Fatal("the content digest ignores the lead image: an export would keep a stale page")
	}
	again, err := s.GetArticleBySlug(ctx, "with-lead")
	if err != nil || again.LeadImage != "" {
		t.Fatalf("lead image after clearing %q (%v)", again.LeadImage, err)
	}

	again.LeadImage = "000000000000"
	if _, err := s.SaveArticle(ctx, again, "ann"); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("SaveArticle with a missing lead image = %v, want ErrInvalid", err)
	}
	after, err := s.GetArticleBySlug(ctx, "with-lead")
	if err != nil || after.LeadImage != "" || after.Version != again.Version {
		t.Fatalf("refused save changed the article: lead %q version %d (%v)", after.LeadImage, after.Version, err)
	}
}

func TestImportBatchMediaAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	b, err := s.BeginImport(ctx, "importer")
	if err != nil {
		t.Fatal(err)
	}
	m, existed, err := b.AddMedia(ctx, []byte("attachment bytes"), sampleMedia())
	if err != nil || existed {
		t.Fatalf("batch AddMedia = %v, existed %v", err, existed)
	}
	if _, again, err := b.AddMedia(ctx, []byte("attachment bytes"), sampleMedia()); err != nil || !again {
		t.Fatalf("same bytes twice in one batch: existed %v, %v", again, err)
	}
	if err := b.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Media(ctx, m.Ref); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("rolled-back import kept its image: %v", err)
	}
}
