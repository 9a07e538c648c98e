package e2e

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// lockNewsroomFile makes a database with staff and Maria's article.
func lockNewsroomFile(t *testing.T, db string) {
	t.Helper()
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	for _, m := range []domain.Staff{
		{Login: "ada", Name: "Ada Admin", Role: domain.RoleAdmin},
		{Login: "ed", Name: "Ed Editor", Role: domain.RoleEditor},
		{Login: "maria", Name: "Maria Lopez", Role: domain.RoleReporter},
	} {
		if _, err := st.AddStaff(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	a := &domain.Article{Slug: "council", Headline: "Council meets on Tuesday", Byline: "Maria Lopez",
		Body: "The council met.", Status: domain.StatusReview}
	if err := st.CreateArticle(ctx, a, "setup"); err != nil {
		t.Fatal(err)
	}
}

// raise puts the window on top (there is no window manager), so the
// screenshot shows it.
func (a *app) raise() {
	a.t.Helper()
	a.xdotool("windowraise", a.win)
	time.Sleep(300 * time.Millisecond)
}

// screenText raises the window and reads the screen.
func (a *app) screenText(name string) string {
	a.t.Helper()
	a.raise()
	return a.ocr(a.screenshot(name))
}

// TestTwoWindowsLockAndTakeOver: two processes on one database file.
// Maria (reporter) opens her article and types; Ed (editor) opens it and
// sees who is editing, read-only, following her saves; he takes over; her
// window says so and turns read-only, and nothing she typed is lost.
func TestTwoWindowsLockAndTakeOver(t *testing.T) {
	d := startXvfb(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shared.db")
	lockNewsroomFile(t, db)
	article := func() *domain.Article { return storedArticle(t, db, "council") }

	maria := startApp(t, d, newHome(t), "--db", db, "--as", "maria", "--open", "council")
	maria.waitIdle(30 * time.Second)
	if text := maria.screenText("40-maria-signed-in"); !strings.Contains(text, "Signed in as Maria Lopez") {
		t.Fatalf("maria's window does not say who is signed in:\n%s", text)
	}
	maria.typeText("Maria writes. ")
	waitFor(t, 15*time.Second, "maria's autosave", func() bool { return strings.HasPrefix(article().Body, "Maria writes.") })

	ed := startApp(t, d, newHome(t), "--db", db, "--as", "ed", "--open", "council")
	ed.waitIdle(30 * time.Second)
	var seen string
	if !poll(20*time.Second, func() bool {
		seen = ed.screenText("41-ed-sees-the-lock")
		return strings.Contains(seen, "Maria Lopez is editing since")
	}) {
		t.Fatalf("ed's window does not say who is editing:\n%s", seen)
	}
	// The button's white-on-blue label is read by itself: whole-screen OCR
	// runs it into the notice on its line.
	if _, _, ok := ed.findButtonLabel("Take", 8*time.Second); !ok {
		t.Fatalf("no Take over button beside the notice:\n%s", seen)
	}
	// Ed's view is read-only: his typing reaches nothing.
	ed.typeText("Ed tries. ")
	// Maria goes on; Ed's view follows her save.
	maria.typeText("Second sentence. ")
	waitFor(t, 15*time.Second, "maria's second save", func() bool { return strings.Contains(article().Body, "Second sentence.") })
	if !poll(20*time.Second, func() bool {
		seen = ed.screenText("42-ed-follows")
		return strings.Contains(seen, "Second sentence")
	}) {
		t.Fatalf("ed's read-only view does not follow maria's saves:\n%s", seen)
	}
	if strings.Contains(article().Body, "Ed tries") {
		t.Fatal("a read-only window saved")
	}

	// Maria types and, right away, Ed takes over.
	maria.typeText("Words at the take-over. ")
	ed.raise()
	x, y, ok := ed.findButtonLabel("Take", 8*time.Second)
	if !ok {
		t.Fatal("no Take over button on ed's screen")
	}
	ed.xdotool("mousemove", itoa(x), itoa(y))
	ed.xdotool("click", "1")
	if !poll(20*time.Second, func() bool {
		seen = maria.screenText("43-maria-taken-over")
		return strings.Contains(seen, "Ed Editor took over")
	}) {
		t.Fatalf("maria's window does not say she was taken over:\n%s", seen)
	}
	// Nothing is lost: the words are in the article (saved in time) or kept
	// as a revision.
	waitFor(t, 15*time.Second, "maria's words kept", func() bool {
		if strings.Contains(article().Body, "Words at the take-over.") {
			return true
		}
		st, err := storage.Open(db)
		if err != nil {
			return false
		}
		defer st.Close()
		revs, _ := st.Revisions(context.Background(), article().ID)
		return len(revs) > 0 && strings.Contains(revs[0].Body, "Words at the take-over.")
	})
	// Maria's window is read-only now; Ed's is his.
	before := article().Body
	maria.typeText("Maria after. ")
	ed.raise()
	ed.clickWord("Council", 0, 0) // the headline: the keyboard in his editor
	ed.key("End")
	ed.typeText(" today")
	waitFor(t, 15*time.Second, "ed's save", func() bool { return strings.Contains(article().Headline, "today") })
	if got := article().Body; got != before || strings.Contains(got, "Maria after") {
		t.Fatalf("maria's taken-over window saved: %q", got)
	}
	events := func() []domain.HistoryEvent {
		st, err := storage.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		h, _ := st.History(context.Background(), article().ID)
		return h
	}()
	if last := events[len(events)-1]; last.Kind != storage.EventLockTakenOver || last.Who != "Ed Editor" {
		t.Fatalf("history does not record the take-over: %+v", events)
	}
	ed.quit()
	maria.quit()
}
