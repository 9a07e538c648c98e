package editor

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/storage"
)

// desk is one person's window: their own store on the shared file,
// signed in, and an editor screen with its own fake scheduler.
type desk struct {
	st *storage.Store
	s  *Screen
}

func openDesk(t *testing.T, path, login string) desk {
	t.Helper()
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.SignIn(context.Background(), login); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1000, 700))
	s := NewScreen(st, w, func() string { return "typed name" }, newTestScheduler())
	w.SetContent(s.Content())
	return desk{st: st, s: s}
}

// lockNewsroom makes a database with a reporter's article in review.
func lockNewsroom(t *testing.T) (string, *domain.Article) {
	t.Helper()
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "locks.db")
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	for _, m := range []domain.Staff{
		{Login: "ada", Name: "Ada Admin", Role: domain.RoleAdmin},
		{Login: "ed", Name: "Ed Editor", Role: domain.RoleEditor},
		{Login: "rita", Name: "Rita Reporter", Role: domain.RoleReporter},
		{Login: "cora", Name: "Cora Contrib", Role: domain.RoleContributor},
	} {
		if _, err := st.AddStaff(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	a := &domain.Article{Slug: "story", Headline: "Story", Byline: "Rita Reporter", Body: "First.", Status: domain.StatusReview}
	if err := st.CreateArticle(ctx, a, "setup"); err != nil {
		t.Fatal(err)
	}
	return path, a
}

func typeInto(s *Screen, text string) {
	for _, r := range text {
		s.Body().TypedRune(r)
	}
}

// TestLockTakeOverBetweenTwoWindows: the reporter holds the article; the
// editor sees who and follows her saves read-only, takes over; the
// reporter's editor turns read-only at her next look and her unsaved text
// is a revision.
func TestLockTakeOverBetweenTwoWindows(t *testing.T) {
	path, a := lockNewsroom(t)
	ctx := context.Background()
	rita := openDesk(t, path, "rita")
	ed := openDesk(t, path, "ed")

	rita.s.Load(a.ID, FocusBody)
	waitFor(t, rita.s, "rita's lock", func() bool { return rita.s.Current() != nil && rita.s.lock.held })
	if rita.s.ReadOnly() || rita.s.Body().ReadOnly() || rita.s.headline.Disabled() {
		t.Fatal("the holder's editor is read-only")
	}
	if !rita.s.factCheck.Disabled() {
		t.Error("a reporter sees an enabled fact-check mark")
	}
	if strings.Join(rita.s.status.Options, ",") != "draft,review" {
		t.Errorf("a reporter may choose statuses %v", rita.s.status.Options)
	}

	ed.s.Load(a.ID, FocusBody)
	waitFor(t, ed.s, "ed's refusal", func() bool { return ed.s.LockText() != "" })
	if !strings.HasPrefix(ed.s.LockText(), "Rita Reporter is editing since ") || !ed.s.ReadOnly() ||
		!ed.s.Body().ReadOnly() || !ed.s.headline.Disabled() || !ed.s.lockUI.takeOver.Visible() {
		t.Fatalf("ed sees %q, read-only %v, take over shown %v", ed.s.LockText(), ed.s.ReadOnly(), ed.s.lockUI.takeOver.Visible())
	}

	// Rita's saves reach Ed's read-only view.
	typeInto(rita.s, "Rita writes. ")
	waitFor(t, rita.s, "rita's autosave", func() bool { return strings.HasPrefix(stored(t, rita.st, a.ID).Body, "Rita writes.") })
	waitFor(t, ed.s, "ed following", func() bool { return strings.HasPrefix(ed.s.Body().Text(), "Rita writes.") })

	// Rita types more; before it is saved, Ed takes over.
	typeInto(rita.s, "Unsaved words. ")
	test.Tap(ed.s.lockUI.takeOver)
	waitFor(t, ed.s, "ed's take-over", func() bool { return ed.s.lock.held })
	if ed.s.ReadOnly() || ed.s.Body().ReadOnly() || ed.s.LockText() != "" {
		t.Fatalf("after taking over ed is read-only %v (%q)", ed.s.ReadOnly(), ed.s.LockText())
	}
	waitFor(t, rita.s, "rita told", func() bool { return rita.s.ReadOnly() })
	if !strings.Contains(rita.s.LockText(), "Ed Editor took over this article") || !strings.Contains(rita.s.LockText(), "kept as a revision") ||
		!rita.s.Body().ReadOnly() {
		t.Fatalf("rita sees %q", rita.s.LockText())
	}
	waitFor(t, rita.s, "the unsaved text kept", func() bool {
		revs, _ := rita.st.Revisions(ctx, a.ID)
		return len(revs) > 0 && strings.Contains(revs[0].Body, "Unsaved words.") && revs[0].Author == "Rita Reporter"
	})
	if strings.Contains(stored(t, ed.st, a.ID).Body, "Unsaved words.") {
		t.Fatal("the taken-over text reached the article")
	}
	// Ed's typing is saved; Rita's view follows.
	typeInto(ed.s, "Ed writes. ")
	waitFor(t, ed.s, "ed's autosave", func() bool { return strings.HasPrefix(stored(t, ed.st, a.ID).Body, "Ed writes.") })
	waitFor(t, rita.s, "rita following", func() bool { return strings.HasPrefix(rita.s.Body().Text(), "Ed writes.") })
	if !strings.Contains(rita.s.LockText(), "Ed Editor took over") {
		t.Fatalf("following the new holder's saves lost the take-over notice: %q", rita.s.LockText())
	}

	// Ed closes the article: it is free, and Rita's view takes it back.
	done := false
	ed.s.ReleaseLock(func() { done = true })
	waitFor(t, ed.s, "the release", func() bool { return done })
	waitFor(t, rita.s, "rita's lock again", func() bool { return rita.s.lock.held && !rita.s.ReadOnly() })
}

// TestReadOnlyForWhoMayNotEdit: a contributor opens a reporter's article:
// read-only, saying why, with no take-over.
func TestReadOnlyForWhoMayNotEdit(t *testing.T) {
	path, a := lockNewsroom(t)
	cora := openDesk(t, path, "cora")
	cora.s.Load(a.ID, FocusBody)
	waitFor(t, cora.s, "cora's refusal", func() bool { return cora.s.LockText() != "" })
	want := "You can read this article but not change it: as contributor you may not edit this article (only its own authors, editors and admins may)."
	if cora.s.LockText() != want || cora.s.lockUI.takeOver.Visible() || !cora.s.Body().ReadOnly() {
		t.Fatalf("cora sees %q, take over %v", cora.s.LockText(), cora.s.lockUI.takeOver.Visible())
	}
	typeInto(cora.s, "vandal ")
	fakeOf(cora.s).Advance(3e9)
	if strings.Contains(stored(t, cora.st, a.ID).Body, "vandal") {
		t.Fatal("a read-only view saved")
	}
}

// Closing the window while a save races a take-over: the store refuses
// the save, the text is kept as a revision, and the close goes on (the
// waiters of Flush are not dropped, so the window does not hang).
func TestFlushFinishesWhenTheSaveIsRefusedByATakeOver(t *testing.T) {
	path, a := lockNewsroom(t)
	rita := openDesk(t, path, "rita")
	ed := openDesk(t, path, "ed")
	rita.s.Load(a.ID, FocusBody)
	waitFor(t, rita.s, "rita's lock", func() bool { return rita.s.Current() != nil && rita.s.lock.held })
	ed.s.Load(a.ID, FocusBody)
	waitFor(t, ed.s, "ed's refusal", func() bool { return ed.s.LockText() != "" })

	typeInto(rita.s, "Racing words. ")
	test.Tap(ed.s.lockUI.takeOver)
	waitFor(t, ed.s, "ed's take-over", func() bool { return ed.s.lock.held })
	closed := false
	rita.s.Flush(func() { closed = true })
	waitFor(t, rita.s, "rita's flush to finish", func() bool { return closed })
	waitFor(t, rita.s, "the racing text kept", func() bool {
		revs, _ := rita.st.Revisions(context.Background(), a.ID)
		return len(revs) > 0 && strings.Contains(revs[0].Body, "Racing words.")
	})
}
