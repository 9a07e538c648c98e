package editor

import (
	"context"
	"fmt"

	"newsroom/storage"
)

// TrashedSlugFinder is implemented by stores with a trash (*storage.Store):
// a slug stays reserved while its article is in the trash.
type TrashedSlugFinder interface {
	TrashedBySlug(ctx context.Context, slug string) (storage.TrashedArticle, error)
}

// slugTakenNotice says a typed slug is taken, in plain words.
func slugTakenNotice(slug string) string {
	return fmt.Sprintf("Not saved: another article already has the slug “%s”. Choose another slug.", slug)
}

// slugInTrashNotice says a typed slug belongs to an article in the trash.
func slugInTrashNotice(slug, headline string) string {
	return fmt.Sprintf("Not saved: the slug “%s” belongs to “%s”, which is in the trash. "+
		"Restore it (Trash in the status list), or choose another slug.", slug, headlineOr(headline))
}

// headlineOr names an article by its headline, or "an untitled article".
func headlineOr(headline string) string {
	if headline == "" {
		return "an untitled article"
	}
	return headline
}

// explainTakenSlug shows that a typed slug is taken, and then, when the
// article holding it is in the trash, says so (looked up off the UI
// goroutine).
func (s *Screen) explainTakenSlug(slug string) {
	s.notice.SetText(slugTakenNotice(slug))
	s.info.SetText(s.wordInfo() + " · not saved")
	finder, ok := s.store.(TrashedSlugFinder)
	if !ok {
		return
	}
	id := s.article.ID
	s.sched.Go(func() {
		held, err := finder.TrashedBySlug(context.Background(), slug)
		if err != nil {
			return // a live article holds it (or the lookup failed): the notice stands
		}
		s.sched.Do(func() {
			if s.article == nil || s.article.ID != id || s.article.Slug != slug {
				return // another article, or the slug changed meanwhile
			}
			s.notice.SetText(slugInTrashNotice(slug, held.Headline))
		})
	})
}
