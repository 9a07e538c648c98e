package publish

import (
	"context"
	"fmt"

	"newsroom/domain"
)

// MemorySource is a Source over articles held in memory, for previews,
// tests and benchmarks. Its summaries carry digests computed on each
// call, so edits to Articles between exports are seen.
type MemorySource struct {
	Articles []domain.Article
	// Comments by article ID; only approved ones are exported.
	Comments map[int64][]domain.Comment
	// Library is the media library by Ref, MediaFiles the files' bytes.
	Library    map[string]domain.Media
	MediaFiles map[string][]byte
}

// Media returns the library record ref, or an error wrapping
// domain.ErrNotFound.
func (m *MemorySource) Media(_ context.Context, ref string) (domain.Media, error) {
	if md, ok := m.Library[ref]; ok {
		return md, nil
	}
	return domain.Media{}, fmt.Errorf("media %q: %w", ref, domain.ErrNotFound)
}

// MediaData returns the bytes of the file ref.
func (m *MemorySource) MediaData(_ context.Context, ref string) ([]byte, error) {
	if b, ok := m.MediaFiles[ref]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("media file %q: %w", ref, domain.ErrNotFound)
}

// ExportSummaries returns copies of the articles to consider.
func (m *MemorySource) ExportSummaries(_ context.Context, includeDrafts bool) ([]domain.Article, error) {
	var out []domain.Article
	for _, a := range m.Articles {
		if includeDrafts || a.Status == domain.StatusPublished {
			a.StoredDigest = domain.ContentDigest(&a)
			out = append(out, a)
		}
	}
	return out, nil
}

// ArticlesByID returns copies of the articles with these IDs.
func (m *MemorySource) ArticlesByID(_ context.Context, ids []int64) ([]domain.Article, error) {
	want := make(map[int64]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	var out []domain.Article
	for _, a := range m.Articles {
		if want[a.ID] {
			out = append(out, a)
		}
	}
	return out, nil
}

// ApprovedCommentsByArticle returns the approved comments by article ID.
func (m *MemorySource) ApprovedCommentsByArticle(context.Context) (map[int64][]domain.Comment, error) {
	out := map[int64][]domain.Comment{}
	for id, list := range m.Comments {
		for _, c := range list {
			if c.Status == domain.CommentApproved {
				out[id] = append(out[id], c)
			}
		}
	}
	return out, nil
}
