package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/intake"
	"newsroom/storage"
)

// helperArgsEnv makes the test binary run the command line it names (its
// arguments separated by \x1f) instead of the tests: a second process on
// the same database, as `newsroom import` beside the window and `serve`.
const helperArgsEnv = "NEWSROOM_CLI_TEST_RUN"

func TestMain(m *testing.M) {
	if args := os.Getenv(helperArgsEnv); args != "" {
		os.Exit(Run(context.Background(), strings.Split(args, "\x1f"), Options{}))
	}
	os.Exit(m.Run())
}

// TestLockFreeWhileImportingA5MBBody imports a 4.9 MB body in another
// process; meanwhile `comments approve` and a comment POST to the intake,
// probed every 25 ms, each succeed within a second, and the import
// succeeds.
func TestLockFreeWhileImportingA5MBBody(t *testing.T) {
	unit := "The minister said the talks “went well”, according to [Reuters](https://www.reuters.com). "
	body := strings.Repeat(unit, (domain.MaxBodyLen-100_000)/len(unit))
	lockFreeWhileImporting(t, body, 3, true)
}

// TestLockFreeWhileImportingQuadraticLinkShape imports the 5 MB
// body of `[a](` repeated, whose attribution check was quadratic (minutes
// at 100% CPU). The check runs before the import's write transaction, so
// moderation and the intake go on within a second each while it runs,
// however long it takes. The import is stopped after the probes: how long
// the check itself takes is the markup package's test.
func TestLockFreeWhileImportingQuadraticLinkShape(t *testing.T) {
	body := strings.Repeat("[a](", (domain.MaxBodyLen-100_000)/4)
	lockFreeWhileImporting(t, body, 10, false)
}

// lockFreeWhileImporting starts `newsroom import` of an article with body
// in another process and probes moderation and the intake while it runs:
// at least minProbes rounds must happen during the import, each action
// succeeding within a second. With finish, the import must then succeed;
// else it is stopped once the probes are done (when it ends sooner, with
// a linear check, it must have succeeded).
func lockFreeWhileImporting(t *testing.T, body string, minProbes int, finish bool) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	past := time.Now().Add(-48 * time.Hour)
	article := &domain.Article{Slug: "hello", Headline: "Hello", Status: domain.StatusPublished, PublishedAt: past}
	if err := st.CreateArticle(ctx, article, "t"); err != nil {
		t.Fatal(err)
	}
	pending := &domain.Comment{ArticleID: article.ID, Author: "Ann", Email: "ann@example.org", Body: "First.", Status: domain.CommentPending,
		SubmittedAt: past}
	if err := st.AddComment(ctx, pending); err != nil {
		t.Fatal(err)
	}
	st.Close()
	md := filepath.Join(dir, "hostile.md")
	if err := os.WriteFile(md, []byte("---\ntitle: hostile\n---\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}

	// The intake, as `newsroom serve` would run it, on its own store.
	intakeStore, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer intakeStore.Close()
	srv := httptest.NewServer(intake.NewServer(intakeStore, intake.Options{Proxies: intake.ProxyTrust{Hops: 1}}).Handler())
	defer srv.Close()

	imp := exec.Command(os.Args[0])
	imp.Env = append(os.Environ(), helperArgsEnv+"="+strings.Join([]string{"import", "--db", db, md}, "\x1f"))
	var impOut strings.Builder
	imp.Stdout, imp.Stderr = &impOut, &impOut
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- imp.Wait() }()
	stopped := false
	defer func() {
		if !stopped {
			imp.Process.Kill()
			<-done
		}
	}()

	client := &http.Client{Timeout: 5 * time.Second} // a held lock fails the probe, never hangs the test
	probes := 0
	var importErr error
	importDone := false
	for probe := 0; !importDone && (finish || probes < minProbes); probe++ {
		select {
		case importErr = <-done:
			importDone = true
			continue
		case <-time.After(25 * time.Millisecond):
		}
		start := time.Now()
		code, _, errOut := run(t, "comments", "approve", fmt.Sprint(pending.ID), "--db", db)
		if took := time.Since(start); code != 0 || took > time.Second {
			t.Fatalf("probe %d: comments approve: status %d in %v (%s), want 0 within 1 s", probe, code, took, errOut)
		}
		start = time.Now()
		form := url.Values{"article": {"hello"}, "author": {fmt.Sprintf("Reader %d", probe)}, "email": {fmt.Sprintf("r%d@example.org", probe)},
			"url": {""}, "body": {fmt.Sprintf("Comment number %d on the story.", probe)}, "website_confirm": {""}}
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/comments", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		// A new documentation address each round, so the flood rule
		// (one comment per address per few seconds) never answers 429.
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("2001:db8::%x", probe+1))
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("probe %d: POST /comments: %v", probe, err)
		}
		resp.Body.Close()
		if took := time.Since(start); resp.StatusCode != http.StatusAccepted || took > time.Second {
			t.Fatalf("probe %d: POST /comments: %d in %v, want 202 within 1 s", probe, resp.StatusCode, took)
		}
		probes++
	}
	switch {
	case !importDone:
		return // probed minProbes times while it ran; the deferred kill stops it
	case finish && probes < minProbes:
		t.Fatalf("only %d probe rounds ran during the import (it took too little time to test anything), want %d", probes, minProbes)
	case probes == 0:
		t.Fatal("the import ended before any probe")
	}
	stopped = true
	if importErr != nil {
		t.Fatalf("import: %v\n%s", importErr, impOut.String())
	}
	check, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	if a, err := check.GetArticleBySlug(ctx, "hostile"); err != nil || len(a.Body) != len(body) {
		t.Fatalf("the imported article: %v", err)
	}
	t.Logf("%d probe rounds during the import, each action within 1 s", probes)
}
