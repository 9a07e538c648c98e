package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"maps"
	"sync"

	"newsroom/domain"
)

// memStore is an in-memory Store: a batch works on a copy and Commit
// swaps it in, so a rolled-back import leaves nothing behind.
type memStore struct {
	mu        sync.Mutex
	articles  map[int64]domain.Article
	comments  map[int64]domain.Comment
	nextID    int64
	media     map[string]domain.Media // committed images by ref
	commits   int
	rollbacks int
	// failArticle makes UpsertArticle fail for this slug.
	failArticle string
}

func newMemStore() *memStore {
	return &memStore{articles: map[int64]domain.Article{}, comments: map[int64]domain.Comment{}}
}

func (s *memStore) BeginImport(ctx context.Context) (Batch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return &memBatch{s: s, articles: maps.Clone(s.articles), comments: maps.Clone(s.comments), nextID: s.nextID,
		media: maps.Clone(s.media)}, nil
}

type memBatch struct {
	s        *memStore
	articles map[int64]domain.Article
	comments map[int64]domain.Comment
	nextID   int64
	done     bool
	media    map[string]domain.Media // the images, kept by Commit
}

var errBatchDone = errors.New("batch already committed or rolled back")

func (b *memBatch) UpsertArticle(ctx context.Context, a *domain.Article, opt Upsert) (Outcome, error) {
	if b.done {
		return 0, errBatchDone
	}
	if err := a.Validate(); err != nil {
		return 0, err
	}
	if a.Slug == b.s.failArticle {
		return 0, errors.New("disk full")
	}
	for id, old := range b.articles {
		if old.Origin == a.Origin {
			a.ID = id
			if old.Body == a.Body && old.Headline == a.Headline && old.Slug == a.Slug {
				return Unchanged, nil
			}
			b.articles[id] = *a
			return Updated, nil
		}
	}
	for taken := true; taken; {
		taken = false
		for _, old := range b.articles {
			if old.Slug == a.Slug {
				taken = true
				a.Slug += "-2"
			}
		}
	}
	b.nextID++
	a.ID = b.nextID
	b.articles[a.ID] = *a
	return Created, nil
}

func (b *memBatch) UpsertComment(ctx context.Context, c *domain.Comment) (Outcome, error) {
	if b.done {
		return 0, errBatchDone
	}
	if _, ok := b.articles[c.ArticleID]; !ok {
		return 0, errors.New("comment on an article not stored")
	}
	if c.ParentID != 0 {
		if _, ok := b.comments[c.ParentID]; !ok {
			return 0, errors.New("reply to a comment not stored")
		}
	}
	if !c.Status.Valid() {
		return 0, errors.New("bad comment status")
	}
	for id, old := range b.comments {
		if c.Origin != "" && old.Origin == c.Origin {
			c.ID = id
			b.comments[id] = *c
			return Updated, nil
		}
	}
	b.nextID++
	c.ID = b.nextID
	b.comments[c.ID] = *c
	return Created, nil
}

func (b *memBatch) AddMedia(ctx context.Context, data []byte, m domain.Media) (domain.Media, bool, error) {
	if b.done {
		return domain.Media{}, false, errBatchDone
	}
	sum := sha256.Sum256(data)
	m.SHA256 = hex.EncodeToString(sum[:])
	m.Ref, m.Bytes = domain.MediaRefOf(m.SHA256), int64(len(data))
	if b.media == nil {
		b.media = map[string]domain.Media{}
	}
	if old, ok := b.media[m.Ref]; ok {
		return old, true, nil
	}
	b.media[m.Ref] = m
	return m, false, nil
}

func (b *memBatch) Commit() error {
	if b.done {
		return errBatchDone
	}
	b.done = true
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	b.s.articles, b.s.comments, b.s.nextID, b.s.media = b.articles, b.comments, b.nextID, b.media
	b.s.commits++
	return nil
}

func (b *memBatch) Rollback() error {
	if b.done {
		return errBatchDone
	}
	b.done = true
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	b.s.rollbacks++
	return nil
}

// bySlug returns the stored article with that slug.
func (s *memStore) bySlug(slug string) (domain.Article, bool) {
	for _, a := range s.articles {
		if a.Slug == slug {
			return a, true
		}
	}
	return domain.Article{}, false
}

// byOrigin returns the stored comment with that origin.
func (s *memStore) commentByOrigin(origin string) (domain.Comment, bool) {
	for _, c := range s.comments {
		if c.Origin == origin {
			return c, true
		}
	}
	return domain.Comment{}, false
}
