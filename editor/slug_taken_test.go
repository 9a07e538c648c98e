package editor

import (
	"context"
	"testing"

	"newsroom/domain"
)

// A typed slug held by an article in the trash says so: restore it or
// choose another. One held by a live article says it is taken.
func TestTypedSlugHeldByATrashedArticleSaysSo(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "New story", Slug: "new-story", Body: "Text.", Status: domain.StatusDraft})
	ctx := context.Background()
	gone := &domain.Article{Slug: "flood-warning", Headline: "Flood warning for the valley", Status: domain.StatusDraft}
	live := &domain.Article{Slug: "council-vote", Headline: "Council vote", Status: domain.StatusDraft}
	for _, a := range []*domain.Article{gone, live} {
		if err := st.CreateArticle(ctx, a, "Alice"); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.TrashArticle(ctx, gone.ID, "Alice"); err != nil {
		t.Fatal(err)
	}

	retype(s.slug, "flood-warning")
	want := slugInTrashNotice("flood-warning", "Flood warning for the valley")
	waitFor(t, s, "the trash named", func() bool { return s.notice.Text == want })
	if got := stored(t, st, s.article.ID).Slug; got != "new-story" {
		t.Fatalf("stored slug %q", got)
	}

	retype(s.slug, "council-vote")
	waitFor(t, s, "the taken slug named", func() bool { return s.notice.Text == slugTakenNotice("council-vote") })

	retype(s.slug, "new-story-2")
	waitFor(t, s, "the free slug saved", func() bool { return stored(t, st, s.article.ID).Slug == "new-story-2" })
}
