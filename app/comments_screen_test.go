package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/schedule"
	"newsroom/storage"
)

// screenTestQueue is the scheduler app tests give the screens: a
// schedule.Fake whose UI work runs on the test goroutine.
type screenTestQueue struct{ *schedule.Fake }

func newScreenTestQueue() *screenTestQueue { return &screenTestQueue{schedule.NewFake(testStart)} }

// testStart is where the fake clock of app tests starts.
var testStart = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// waitUntil runs the screens' pending work and moves the fake clock on, a
// tenth of a second at a time, until cond holds; the test fails when it
// does not hold after ten seconds of fake time.
func (q *screenTestQueue) waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	q.Settle()
	for step := 0; !cond(); step++ {
		if step == 100 {
			t.Fatalf("%s did not happen within 10 s of fake time", what)
		}
		q.Advance(100 * time.Millisecond)
	}
}

// settle runs the UI work queued and what the background work it waits
// for queues in turn; timers do not fire.
func (q *screenTestQueue) settle() { q.Settle() }

// openTestStore opens a fresh database in a temporary folder.
func openTestStore(t testing.TB) (*storage.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "newsroom.db")
	store, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store, path
}

// addTestArticle stores a published article.
func addTestArticle(t testing.TB, store *storage.Store, slug, body string) *domain.Article {
	t.Helper()
	a := &domain.Article{
		Slug:        slug,
		Headline:    "Headline of " + slug,
		Byline:      "A. Reporter",
		Body:        body,
		Status:      domain.StatusPublished,
		PublishedAt: testStart.Add(-time.Hour),
	}
	if err := store.CreateArticle(context.Background(), a, "tester"); err != nil {
		t.Fatal(err)
	}
	return a
}

// addTestComment stores a comment on an article.
func addTestComment(t testing.TB, store *storage.Store, articleID int64, author, body string, st domain.CommentStatus, reasons ...string) *domain.Comment {
	t.Helper()
	c := &domain.Comment{
		ArticleID:  articleID,
		Author:     author,
		Email:      strings.ToLower(author) + "@example.com",
		URL:        "https://" + strings.ToLower(author) + ".example",
		Body:       body,
		Status:     st,
		Reasons:    reasons,
		ClientAddr: "192.0.2.7",
	}
	if err := store.AddComment(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

// commentStatus reads a comment's status from the database.
func commentStatus(t testing.TB, store *storage.Store, id int64) domain.CommentStatus {
	t.Helper()
	c, err := store.GetComment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c.Status
}

// queueFixture is a comments screen over a real store.
type queueFixture struct {
	store  *storage.Store
	path   string
	q      *screenTestQueue
	s      *CommentsScreen
	win    fyne.Window
	errs   []error
	editor string
}

// newQueueFixture builds the screen once the store holds its data.
func newQueueFixture(t *testing.T, store *storage.Store, path string) *queueFixture {
	t.Helper()
	f := &queueFixture{store: store, path: path, q: newScreenTestQueue(), editor: "Edith Editor"}
	f.win = test.NewWindow(nil)
	t.Cleanup(f.win.Close)
	f.s = newCommentsScreen(store, f.win, func() string { return f.editor }, f.q, 20*time.Millisecond)
	t.Cleanup(f.s.Close)
	f.s.showError = func(err error) { f.errs = append(f.errs, err) }
	f.win.SetContent(f.s.Content())
	f.win.Resize(fyne.NewSize(1200, 800))
	return f
}

// rowTexts renders every row of the list as the list would.
func (f *queueFixture) rowTexts() []string {
	var out []string
	for i := range f.s.rows {
		row := f.s.list.CreateItem()
		f.s.list.UpdateItem(i, row)
		r := row.(*commentRow)
		out = append(out, r.head.Text+" | "+r.text.Text)
	}
	return out
}

// ids lists the ids of the rows shown.
func (f *queueFixture) ids() []int64 {
	var out []int64
	for _, c := range f.s.rows {
		out = append(out, c.ID)
	}
	return out
}

func TestCommentsQueueListsPendingWithReasons(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	a := addTestArticle(t, store, "budget-vote", "The vote passed.")
	b := addTestArticle(t, store, "river-floods", "The river rose.")
	held := addTestComment(t, store, a.ID, "Mallory", "Cheap pills at my site\nsecond line", domain.CommentPending, "contains 3 links", "first comment by this author")
	other := addTestComment(t, store, b.ID, "Oscar", "Was the dam inspected?", domain.CommentPending, "held by keyword \"dam\"")
	addTestComment(t, store, a.ID, "Alice", "Good reporting.", domain.CommentApproved)
	f := newQueueFixture(t, store, path)

	f.q.waitUntil(t, "two pending comments", func() bool { return len(f.s.rows) == 2 })
	rows := f.rowTexts()
	joined := strings.Join(rows, "\n")
	for _, want := range []string{
		"contains 3 links; first comment by this author",
		"mallory@example.com",
		"budget-vote",
		"Cheap pills at my site second line",
		"river-floods",
		"PENDING",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("rows do not show %q:\n%s", want, joined)
		}
	}
	for st, want := range map[domain.CommentStatus]string{
		domain.CommentPending: "Pending (2)", domain.CommentApproved: "Approved (1)",
		domain.CommentSpam: "Spam (0)", "": "All (3)",
	} {
		if got := f.s.filterButtons[st].Text; got != want {
			t.Errorf("filter button %q reads %q, want %q", st, got, want)
		}
	}

	tests := []struct {
		name   string
		set    func()
		want   []int64
		reason string
	}{
		{"by article", func() { retype(f.s.slugEntry.Field, "river-floods") }, []int64{other.ID}, "slug"},
		{"by text", func() { retype(f.s.slugEntry.Field, ""); retype(f.s.textEntry, "pills") }, []int64{held.ID}, "text"},
		{"approved", func() { retype(f.s.textEntry, ""); test.Tap(f.s.filterButtons[domain.CommentApproved]) }, nil, "status"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.set()
			f.q.settle()
			got := f.ids()
			if tc.want == nil {
				if len(got) != 1 || f.s.rows[0].Author != "Alice" {
					t.Fatalf("approved filter shows %v", f.rowTexts())
				}
				return
			}
			if len(got) != len(tc.want) || got[0] != tc.want[0] {
				t.Fatalf("filter by %s shows %v, want %v", tc.reason, got, tc.want)
			}
		})
	}
}

func TestCommentsKeysModerateCurrentComment(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	a := addTestArticle(t, store, "budget-vote", "The vote passed.")
	first := addTestComment(t, store, a.ID, "Ann", "First", domain.CommentPending)
	second := addTestComment(t, store, a.ID, "Bob", "Second", domain.CommentPending)
	third := addTestComment(t, store, a.ID, "Cid", "Third", domain.CommentPending)
	f := newQueueFixture(t, store, path)
	f.q.waitUntil(t, "three pending comments", func() bool { return len(f.s.rows) == 3 })

	// Newest first: third, second, first. j moves down to the second.
	if !f.s.TypedRune('j') {
		t.Fatal("j not handled")
	}
	if c := f.s.currentComment(); c == nil || c.ID != third.ID {
		t.Fatalf("j from nothing selects %v, want the newest comment %d", c, third.ID)
	}
	f.s.TypedRune('j')
	if c := f.s.currentComment(); c == nil || c.ID != second.ID {
		t.Fatalf("second j selects %v, want %d", c, second.ID)
	}
	if !f.s.TypedRune('a') {
		t.Fatal("a not handled")
	}
	f.q.waitUntil(t, "the second comment approved", func() bool { return commentStatus(t, store, second.ID) == domain.CommentApproved })
	f.q.settle()
	if got := f.ids(); len(got) != 2 {
		t.Fatalf("pending list after approving holds %v", got)
	}
	if c := f.s.currentComment(); c == nil || c.ID != first.ID {
		t.Fatalf("after approving, the current comment is %v, want the next one %d", c, first.ID)
	}
	// Through the focusable list, as when it has the keyboard focus.
	f.win.Canvas().Focus(f.s.list)
	test.Type(f.s.list, "s")
	f.q.waitUntil(t, "the first comment marked spam", func() bool { return commentStatus(t, store, first.ID) == domain.CommentSpam })
	if f.s.TypedRune('x') {
		t.Error("x reported as handled")
	}
	if commentStatus(t, store, third.ID) != domain.CommentPending {
		t.Error("an untouched comment changed status")
	}
	if len(f.errs) > 0 {
		t.Errorf("errors shown: %v", f.errs)
	}
}

func TestCommentsMultiSelectSpamAndDelete(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	a := addTestArticle(t, store, "budget-vote", "The vote passed.")
	var ids []int64
	for _, name := range []string{"Ann", "Bob", "Cid"} {
		ids = append(ids, addTestComment(t, store, a.ID, name, "Buy now from "+name, domain.CommentPending).ID)
	}
	f := newQueueFixture(t, store, path)
	f.q.waitUntil(t, "three pending comments", func() bool { return len(f.s.rows) == 3 })

	// Delete permanently is refused for pending comments.
	f.s.list.Select(0)
	if !f.s.deleteButton.Disabled() {
		t.Error("Delete permanently is enabled for a pending comment")
	}
	if err := f.s.deletePermanently(f.s.targets()); !errors.Is(err, errDeleteNeedsSpamOrTrash) {
		t.Fatalf("deleting a pending comment gives %v", err)
	}

	// Check two rows with their check boxes and mark them as spam.
	for _, i := range []int{0, 2} {
		row := f.s.list.CreateItem()
		f.s.list.UpdateItem(i, row)
		test.Tap(row.(*commentRow).check)
	}
	if len(f.s.targets()) != 2 {
		t.Fatalf("targets after checking two rows: %d", len(f.s.targets()))
	}
	test.Tap(f.s.actionButtons[storage.ActionSpam])
	f.q.waitUntil(t, "two comments in spam", func() bool {
		return commentStatus(t, store, ids[0]) == domain.CommentSpam && commentStatus(t, store, ids[2]) == domain.CommentSpam
	})
	if got := commentStatus(t, store, ids[1]); got != domain.CommentPending {
		t.Fatalf("unchecked comment is %s", got)
	}

	// In the spam view, select all and delete for good after confirming.
	test.Tap(f.s.filterButtons[domain.CommentSpam])
	f.q.waitUntil(t, "the spam view", func() bool { return len(f.s.rows) == 2 && f.s.rows[0].Status == domain.CommentSpam })
	test.Tap(f.s.selectAll)
	if len(f.s.checked) != 2 {
		t.Fatalf("select all on page checked %d rows", len(f.s.checked))
	}
	if f.s.deleteButton.Disabled() {
		t.Fatal("Delete permanently is disabled for spam")
	}
	asked := 0
	f.s.confirm = func(_, _ string, ok func()) { asked++; ok() }
	test.Tap(f.s.deleteButton)
	f.q.waitUntil(t, "spam deleted", func() bool { return len(f.s.rows) == 0 })
	if asked != 1 {
		t.Errorf("asked %d times before deleting", asked)
	}
	for _, id := range []int64{ids[0], ids[2]} {
		if _, err := store.GetComment(context.Background(), id); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("comment %d after deletion: %v", id, err)
		}
	}
	if len(f.errs) > 0 {
		t.Errorf("errors shown: %v", f.errs)
	}
}

func TestCommentsReplyStoredApprovedByEditor(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	a := addTestArticle(t, store, "budget-vote", "The vote passed.")
	parent := addTestComment(t, store, a.ID, "Ann", "Who paid for this?", domain.CommentPending)
	f := newQueueFixture(t, store, path)
	f.q.waitUntil(t, "the pending comment", func() bool { return len(f.s.rows) == 1 })
	f.s.list.Select(0)
	if f.s.replyButton.Text != "Approve and reply" {
		t.Errorf("reply button on a pending comment reads %q", f.s.replyButton.Text)
	}
	retype(f.s.replyEntry, "The council did, see the budget.")
	test.Tap(f.s.replyButton)

	var reply domain.Comment
	f.q.waitUntil(t, "the reply stored", func() bool {
		cs, err := store.ListComments(context.Background(), storage.CommentQuery{Status: domain.CommentApproved})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if c.ParentID == parent.ID {
				reply = c
				return true
			}
		}
		return false
	})
	if !reply.ByEditor || reply.Author != "Edith Editor" || reply.ArticleID != a.ID ||
		reply.Type != domain.TypeComment || reply.Body != "The council did, see the budget." {
		t.Errorf("reply stored as %+v", reply)
	}
	if got := commentStatus(t, store, parent.ID); got != domain.CommentApproved {
		t.Errorf("the pending comment replied to is %s, want approved", got)
	}
	f.q.settle()
	if f.s.replyEntry.Text() != "" {
		t.Errorf("reply box still holds %q", f.s.replyEntry.Text())
	}
}

func TestCommentsReplyRefusals(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	a := addTestArticle(t, store, "budget-vote", "The vote passed.")
	addTestComment(t, store, a.ID, "Ann", "Spam text", domain.CommentSpam)
	addTestComment(t, store, a.ID, "Bob", "A fair question", domain.CommentApproved)
	f := newQueueFixture(t, store, path)
	test.Tap(f.s.filterButtons[""])
	f.q.waitUntil(t, "both comments", func() bool { return len(f.s.rows) == 2 })

	tests := []struct {
		name   string
		row    int // newest first: Bob, Ann
		text   string
		editor string
		want   string
	}{
		{"empty", 0, "   ", "Edith", "empty"},
		{"too long", 0, strings.Repeat("x", domain.MaxCommentBody+1), "Edith", "limit"},
		{"no editor name", 0, "Thanks", " ", "name"},
		{"spam parent", 1, "Thanks", "Edith", "restore"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.s.list.Select(tc.row)
			f.s.replyEntry.SetText(tc.text)
			f.editor = tc.editor
			err := f.s.reply()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("reply gives %v, want an error about %q", err, tc.want)
			}
		})
	}
	cs, err := store.ListComments(context.Background(), storage.CommentQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Errorf("refused replies stored comments: %d comments", len(cs))
	}
}

func TestCommentsWatcherSeesCommentFromAnotherProcess(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	a := addTestArticle(t, store, "budget-vote", "The vote passed.")
	addTestComment(t, store, a.ID, "Ann", "First", domain.CommentPending)
	f := newQueueFixture(t, store, path)
	f.q.waitUntil(t, "the first comment", func() bool { return len(f.s.rows) == 1 })

	other, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	late := addTestComment(t, other, a.ID, "Zed", "Sent through newsroom serve", domain.CommentPending, "first comment by this author")
	f.q.waitUntil(t, "the comment from the other connection", func() bool {
		for _, c := range f.s.rows {
			if c.ID == late.ID {
				return true
			}
		}
		return false
	})
	if got := f.s.filterButtons[domain.CommentPending].Text; got != "Pending (2)" {
		t.Errorf("pending count reads %q", got)
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"a\n\tb  c", 10, "a b c"},
		{"abcdef", 4, "abc…"},
		{"äöüß", 4, "äöüß"},
		{"bad \xff byte", 20, "bad \uFFFD byte"},
	}
	for _, tc := range tests {
		if got := oneLine(tc.in, tc.n); got != tc.want {
			t.Errorf("oneLine(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// BenchmarkCommentsRefresh measures one reload of a full page of the
// queue (counts and 500 rows) over 5,000 pending comments, and one poll
// of the change counter.
func BenchmarkCommentsRefresh(b *testing.B) {
	test.NewTempApp(b)
	store, _ := openTestStore(b)
	a := addTestArticle(b, store, "budget-vote", "The vote passed.")
	for i := 0; i < 5000; i++ {
		addTestComment(b, store, a.ID, "Reader", strings.Repeat("A long comment about the budget. ", 10), domain.CommentPending, "contains a link")
	}
	q := newScreenTestQueue()
	win := test.NewWindow(nil)
	defer win.Close()
	s := newCommentsScreen(store, win, func() string { return "Editor" }, q, time.Hour)
	defer s.Close()
	win.SetContent(s.Content())
	q.waitUntil(b, "the first page", func() bool { return len(s.rows) == commentsPageSize })
	b.Run("page", func(b *testing.B) {
		for b.Loop() {
			gen := s.gen + 1
			s.Refresh()
			q.Settle()
			if s.gen != gen || len(s.rows) != commentsPageSize {
				b.Fatalf("refresh showed %d rows", len(s.rows))
			}
		}
	})
	b.Run("poll", func(b *testing.B) {
		for b.Loop() {
			if _, err := store.ChangeCounter(context.Background(), "comments"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestTickingARowKeepsTheQueueKeys ticks a row's check box and "Select all
// on page" in the window, then moderates with the keyboard: the boxes must
// not keep the keyboard focus.
func TestTickingARowKeepsTheQueueKeys(t *testing.T) {
	test.NewTempApp(t)
	store, path := openTestStore(t)
	a := addTestArticle(t, store, "budget-vote", "The vote passed.")
	addTestComment(t, store, a.ID, "Ann", "First", domain.CommentPending)
	second := addTestComment(t, store, a.ID, "Bob", "Second", domain.CommentPending)
	f := newQueueFixture(t, store, path)
	f.q.waitUntil(t, "two pending comments", func() bool { return len(f.s.rows) == 2 })
	f.q.settle()
	var shown *commentRow
	for _, o := range test.LaidOutObjects(f.win.Content()) {
		if r, ok := o.(*commentRow); ok && r.Visible() && r.head.Text != "" {
			shown = r
			break
		}
	}
	if shown == nil {
		t.Fatal("no comment row laid out in the window")
	}
	box := shown.check.Size()
	test.TapAt(shown.check, fyne.NewPos(box.Width/2, box.Height/2))
	if len(f.s.checked) != 1 {
		t.Fatalf("ticking a row checked %d rows", len(f.s.checked))
	}
	if got := f.win.Canvas().Focused(); got != f.s.list {
		t.Fatalf("after ticking a row the keyboard is with %T, want the list", got)
	}
	test.Tap(f.s.selectAll)
	if got := f.win.Canvas().Focused(); got != f.s.list {
		t.Fatalf("after Select all the keyboard is with %T, want the list", got)
	}
	// The queue keys now reach the list: j selects the newest comment.
	test.Type(f.win.Canvas().Focused(), "j")
	if c := f.s.currentComment(); c == nil || c.ID != second.ID {
		t.Fatalf("j after ticking selects %v, want %d", c, second.ID)
	}
}
