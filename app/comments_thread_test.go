package app

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"newsroom/domain"
)

func TestThreadOrderPutsRepliesUnderTheirParent(t *testing.T) {
	at := func(min int) time.Time { return testStart.Add(time.Duration(min) * time.Minute) }
	// Newest first, as the queue reads them.
	rows := []domain.Comment{
		{ID: 5, ParentID: 1, SubmittedAt: at(5)}, // second reply to 1
		{ID: 4, SubmittedAt: at(4)},
		{ID: 3, ParentID: 2, SubmittedAt: at(3)},  // reply to a reply
		{ID: 2, ParentID: 1, SubmittedAt: at(2)},  // first reply to 1
		{ID: 9, ParentID: 77, SubmittedAt: at(1)}, // its parent is not on the page
		{ID: 1, SubmittedAt: at(0)},
	}
	got, depth := threadOrder(rows)
	var ids []int64
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	if want := []int64{4, 9, 1, 2, 3, 5}; !reflect.DeepEqual(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
	if want := map[int64]int{4: 0, 9: 0, 1: 0, 2: 1, 3: 2, 5: 1}; !reflect.DeepEqual(depth, want) {
		t.Errorf("depth %v, want %v", depth, want)
	}
	// A cycle of parents still shows every row once.
	cyc, _ := threadOrder([]domain.Comment{{ID: 1, ParentID: 2}, {ID: 2, ParentID: 1}})
	if len(cyc) != 2 {
		t.Errorf("a cycle shows %d rows", len(cyc))
	}
}

func TestCommentDateCarriesTheYearWhenNotThisYear(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for at, want := range map[time.Time]string{
		time.Date(2026, 11, 30, 8, 5, 0, 0, time.UTC): "30 Nov 08:05",
		time.Date(2025, 11, 30, 8, 5, 0, 0, time.UTC): "30 Nov 2025 08:05",
	} {
		if got := commentDate(at, now); got != want {
			t.Errorf("commentDate(%v) = %q, want %q", at, got, want)
		}
	}
}

func TestCommentsQueueThreadsRepliesAndNamesTheHeadline(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	a := addTestArticle(t, store, "a-very-long-slug-about-the-budget-vote-that-would-be-cut-off", "The vote passed.")
	parent := addTestComment(t, store, a.ID, "Rita", "Was the vote close?", domain.CommentPending)
	addTestComment(t, store, a.ID, "Other", "Unrelated and newer.", domain.CommentPending)
	reply := &domain.Comment{ArticleID: a.ID, ParentID: parent.ID, Author: "Sam", Email: "sam@example.com", Body: "It was 51 to 49.",
		Status: domain.CommentPending, ClientAddr: "198.51.100.9", UserAgent: "Mozilla/5.0 (X11)"}
	if err := store.AddComment(t.Context(), reply); err != nil {
		t.Fatal(err)
	}
	old := &domain.Comment{ArticleID: a.ID, Author: "Ann", Body: "From last year.", Status: domain.CommentPending,
		SubmittedAt: time.Date(2025, 6, 2, 10, 0, 0, 0, time.UTC)}
	if err := store.AddComment(t.Context(), old); err != nil {
		t.Fatal(err)
	}
	f := newQueueFixture(t, store, path)
	f.q.waitUntil(t, "four comments", func() bool { return len(f.s.rows) == 4 })
	rows := f.rowTexts()
	var order []string
	for _, r := range rows {
		order = append(order, r[strings.LastIndex(r, "| ")+2:])
	}
	if want := []string{"Unrelated and newer.", "Was the vote close?", "It was 51 to 49.", "From last year."}; !reflect.DeepEqual(order, want) {
		t.Fatalf("rows in order %q, want %q", order, want)
	}
	if !strings.HasPrefix(rows[2], "↳ ") || strings.HasPrefix(rows[1], "↳ ") {
		t.Errorf("the reply is not marked under its parent: %q", rows)
	}
	for _, r := range rows {
		if !strings.Contains(r, "on “Headline of a-very-long-slug") {
			t.Errorf("row does not name the headline: %q", r)
		}
	}
	if !strings.Contains(rows[3], "2 Jun 2025 10:00") {
		t.Errorf("last year's comment has no year: %q", rows[3])
	}
	// The reply's detail quotes its parent; the parent's lists its reply.
	f.s.list.Select(2)
	detail := f.s.detailText()
	for _, want := range []string{"Sam on “Headline of", "Address: 198.51.100.9", "Browser: Mozilla/5.0 (X11)", "In reply to Rita",
		"Was the vote close?", "It was 51 to 49."} {
		if !strings.Contains(detail, want) {
			t.Errorf("reply detail lacks %q:\n%s", want, detail)
		}
	}
	f.s.list.Select(1)
	if detail := f.s.detailText(); !strings.Contains(detail, "Replies (1)") || !strings.Contains(detail, "↳ Sam") {
		t.Errorf("parent detail does not list its reply:\n%s", detail)
	}
	// A reply whose parent is not listed (another status) still quotes it.
	f.s.setStatusFilter(domain.CommentPending)
	if err := store.ModerateComments(t.Context(), "approve", []int64{parent.ID}); err != nil {
		t.Fatal(err)
	}
	f.q.waitUntil(t, "the parent approved", func() bool { return len(f.s.rows) == 3 })
	for i, c := range f.s.rows {
		if c.ID == reply.ID {
			f.s.list.Select(i)
		}
	}
	if detail := f.s.detailText(); !strings.Contains(detail, "In reply to Rita") || !strings.Contains(detail, "(approved)") {
		t.Errorf("reply detail with its parent elsewhere:\n%s", detail)
	}
}
