package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
	"newsroom/storage/storetest"
)

// TestPostgresServerGoneWhileTypingInTheWindow: the window's server (a
// cluster of the test's own) stops while Ada types; the window says
// "offline, retrying", she types on, the server comes back on the same
// data folder, and every word is in the database.
func TestPostgresServerGoneWhileTypingInTheWindow(t *testing.T) {
	if os.Getenv(storetest.EnvPostgres) == "" {
		t.Skip("the server-goes-away window test needs PostgreSQL: set " + storetest.EnvPostgres + " (make test-postgres does)")
	}
	script, err := filepath.Abs("../tools/pgcluster.sh")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "desks-e2e-offline-")
	if err != nil {
		t.Fatal(err)
	}
	cluster := func(verb string) string {
		t.Helper()
		out, err := exec.Command(script, verb, dir).Output()
		if err != nil {
			t.Fatalf("pgcluster %s: %v %s", verb, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	target := cluster("start")
	t.Cleanup(func() { exec.Command(script, "stop", dir).Run() })
	st, err := storage.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := st.AddStaff(ctx, domain.Staff{Login: "ada", Name: "Ada Admin", Role: domain.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateArticle(ctx, &domain.Article{Slug: "harbour", Headline: "Harbour plan", Body: "Start.", Status: domain.StatusDraft}, "setup"); err != nil {
		t.Fatal(err)
	}
	body := func() string {
		a, err := st.GetArticleBySlug(ctx, "harbour")
		if err != nil {
			return ""
		}
		return a.Body
	}
	defer st.Close()

	d := startXvfb(t)
	ada := startApp(t, d, newHome(t), "--db", target, "--as", "ada", "--open", "harbour")
	ada.waitIdle(30 * time.Second)
	ada.typeText("Alpha words. ")
	waitFor(t, 15*time.Second, "the first save", func() bool { return strings.Contains(body(), "Alpha words.") })

	cluster("pause")
	ada.typeText("Bravo words. ")
	var seen string
	if !poll(20*time.Second, func() bool {
		seen = ada.ocr(ada.screenshot("60-offline"))
		return strings.Contains(seen, "offline, retrying")
	}) {
		t.Fatalf("the window does not say it is offline:\n%s", seen)
	}
	ada.typeText("Charlie words. ")
	time.Sleep(2 * time.Second)

	cluster("resume")
	waitFor(t, 30*time.Second, "every word in the database", func() bool {
		b := body()
		return strings.Contains(b, "Alpha words.") && strings.Contains(b, "Bravo words.") && strings.Contains(b, "Charlie words.")
	})
	if !poll(15*time.Second, func() bool {
		seen = ada.ocr(ada.screenshot("61-back"))
		return strings.Contains(seen, "saved") && !strings.Contains(seen, "offline, retrying")
	}) {
		t.Fatalf("the window still says it is offline:\n%s", seen)
	}
	// Not quit(): see TestTwoDesksOnPostgresSeeEachOthersSaves.
}
