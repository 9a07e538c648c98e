package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/storage"
)

// run executes the command line and returns status, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(context.Background(), args, Options{Stdout: &out, Stderr: &errOut})
	return code, out.String(), errOut.String()
}

const story = `---
title: "Lavrov meets Kerry"
slug: lavrov-meets-kerry
date: 2015-05-12T10:00:00Z
author: Anna Reporter
description: The two ministers met in Sochi.
---
“We are ready,” said Sergey Lavrov.

The talks lasted four hours.
`

func TestImportListShowJSON(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	md := filepath.Join(dir, "story.md")
	os.WriteFile(md, []byte(story), 0o644)
	code, out, errOut := run(t, "import", "--db", db, md)
	if code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	if !strings.Contains(out, "lavrov-meets-kerry") {
		t.Errorf("import printed %q", out)
	}
	// Flags after the positional argument work as well as before it.
	for _, args := range [][]string{
		{"articles", "show", "lavrov-meets-kerry", "--json", "--db", db},
		{"articles", "show", "--json", "--db", db, "lavrov-meets-kerry"},
	} {
		code, out, errOut = run(t, args...)
		if code != 0 {
			t.Fatalf("%v: %d %s", args, code, errOut)
		}
		var a map[string]any
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("show --json is not JSON: %v\n%s", err, out)
		}
		for _, key := range []string{"slug", "headline", "standfirst", "byline", "body", "status", "published_at",
			"created_at", "updated_at", "fact_check", "sources", "quotes", "revisions", "comments"} {
			if _, ok := a[key]; !ok {
				t.Errorf("JSON lacks %q", key)
			}
		}
		if a["status"] != "published" || a["byline"] != "Anna Reporter" || a["published_at"] != "2015-05-12T10:00:00Z" {
			t.Errorf("fields: %v %v %v", a["status"], a["byline"], a["published_at"])
		}
		if c := a["comments"].(map[string]any); c["pending"] != float64(0) || c["trash"] != float64(0) {
			t.Errorf("comments %v", c)
		}
	}
	code, out, _ = run(t, "articles", "list", "--db", db, "--json", "--search", "four hours")
	var list []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 1 {
		t.Fatalf("list --search: %d %s", code, out)
	}
	if _, hasBody := list[0]["body"]; hasBody {
		t.Error("list --json should leave the body out")
	}
	code, out, _ = run(t, "articles", "list", "--db", filepath.Join(dir, "empty.db"), "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("empty database list: %d %q", code, out)
	}
	code, out, _ = run(t, "articles", "check", "lavrov-meets-kerry", "--db", db, "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("check: %d %q", code, out)
	}
}

func TestUsageAndErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "junk.db")
	os.WriteFile(notDB, bytes.Repeat([]byte("junk"), 1000), 0o644)
	bad := filepath.Join(dir, "bad.md")
	os.WriteFile(bad, []byte("---\ntitle: [unclosed\n---\nbody\n"), 0o644)
	cases := []struct {
		args     []string
		code     int
		inStderr string
	}{
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"articles", "list", "--bogus"}, 2, "unknown flag"},
		{[]string{"articles", "show"}, 2, "accepts 1 arg"},
		{[]string{"articles", "list", "--db", notDB}, 1, "not a Newsroom database"},
		{[]string{"articles", "show", "nope", "--db", filepath.Join(dir, "n.db")}, 1, "not found"},
		{[]string{"import", "--db", filepath.Join(dir, "n.db"), bad}, 1, "bad.md"},
		{[]string{"comments", "approve", "abc", "--db", filepath.Join(dir, "n.db")}, 2, "not a comment id"},
		{[]string{"export", "--db", filepath.Join(dir, "n.db")}, 2, "--out"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.inStderr) {
			t.Errorf("%v: status %d stderr %q, want %d and %q", c.args, code, errOut, c.code, c.inStderr)
		}
		if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "panic") {
			t.Errorf("%v printed a stack trace", c.args)
		}
	}
	for _, args := range [][]string{{"--help"}, {"articles", "list", "--help"}, {"comments", "--help"}, {"export", "--help"}, {"serve", "--help"}, {"import", "--help"}} {
		if code, out, _ := run(t, args...); code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: %d %q", args, code, out)
		}
	}
}

func TestDefaultDatabaseHasSampleArticle(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	code, out, errOut := run(t, "articles", "list", "--json")
	if code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	var list []map[string]any
	json.Unmarshal([]byte(out), &list)
	if len(list) != 1 || list[0]["headline"] != "Kerry To meet Putin In First Russian Visit Since Start Of Ukraine Crisis" {
		t.Fatalf("default database: %s", out)
	}
	if fc := list[0]["fact_check"].(map[string]any); fc["checked"] != true {
		t.Errorf("sample not fact-checked: %v", fc)
	}
	if len(list[0]["quotes"].([]any)) != 1 || len(list[0]["sources"].([]any)) != 5 {
		t.Errorf("sample quotes/sources: %v %v", list[0]["quotes"], list[0]["sources"])
	}
	// Opening again does not add the sample twice.
	run(t, "articles", "list")
	_, out, _ = run(t, "articles", "list", "--json")
	json.Unmarshal([]byte(out), &list)
	if len(list) != 1 {
		t.Fatalf("sample added twice: %d articles", len(list))
	}
}

func TestCommentsCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a := &domain.Article{Slug: "story", Headline: "Story", Status: domain.StatusPublished}
	store.CreateArticle(ctx, a, "t")
	c := &domain.Comment{ArticleID: a.ID, Author: "Reader", Email: "r@example.com", Body: "Nice <b>piece</b>",
		Status: domain.CommentPending, Reasons: []string{"first comment from this author"}, ClientAddr: "203.0.113.9"}
	store.AddComment(ctx, c)
	store.Close()
	code, out, _ := run(t, "comments", "list", "--db", db, "--status", "pending", "--json")
	var list []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 1 {
		t.Fatalf("list: %d %s", code, out)
	}
	for _, key := range []string{"id", "article", "parent", "author", "email", "url", "body", "status", "reasons", "type", "submitted_at"} {
		if _, ok := list[0][key]; !ok {
			t.Errorf("comment JSON lacks %q", key)
		}
	}
	if strings.Contains(out, "203.0.113.9") {
		t.Error("comment JSON leaks the client address")
	}
	if code, _, errOut := run(t, "comments", "approve", "--db", db, "1"); code != 0 {
		t.Fatalf("approve: %s", errOut)
	}
	_, out, _ = run(t, "comments", "list", "--db", db, "--status", "approved", "--article", "story", "--json")
	if json.Unmarshal([]byte(out), &list); len(list) != 1 {
		t.Fatalf("approved: %s", out)
	}
	if code, _, errOut := run(t, "comments", "delete", "--db", db, "1"); code != 1 || !strings.Contains(errOut, "only spam or trash") {
		t.Fatalf("delete approved: %d %s", code, errOut)
	}
	for _, action := range []string{"trash", "restore", "spam", "not-spam", "unapprove"} {
		if code, _, errOut := run(t, "comments", action, "--db", db, "1"); code != 0 {
			t.Fatalf("%s: %s", action, errOut)
		}
	}
	if code, _, _ := run(t, "comments", "approve", "--db", db, "999"); code != 1 {
		t.Fatal("approving a missing comment should fail")
	}
}

func TestExportCommand(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, errOut := run(t, "export", "--out", out, "--base-url", "https://news.example/")
	if code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	for _, f := range []string{"index.html", "feed.xml", "site.css", "kerry-to-meet-putin-in-first-russian-visit-since-start-of-ukraine-crisis/index.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	if !strings.Contains(stdout, "written") {
		t.Errorf("export printed %q", stdout)
	}
	page, _ := os.ReadFile(filepath.Join(out, "kerry-to-meet-putin-in-first-russian-visit-since-start-of-ukraine-crisis/index.html"))
	for _, want := range []string{"Fact checked", "Marie Harf", "Be the first to comment"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}
	code, stdout, _ = run(t, "export", "--out", out, "--base-url", "https://news.example/")
	if code != 0 || !strings.Contains(stdout, " 0 written") {
		t.Errorf("re-export should write nothing: %q", stdout)
	}
	// The folder as the one argument, as a newcomer types it.
	code, stdout, _ = run(t, "export", out, "--base-url", "https://news.example/")
	if code != 0 || !strings.Contains(stdout, " 0 written") {
		t.Errorf("export DIR: %d %q", code, stdout)
	}
	if code, _, errOut := run(t, "export", "--out", out, filepath.Join(out, "other")); code != 2 || !strings.Contains(errOut, "not both") {
		t.Errorf("two folders: exit %d, %q", code, errOut)
	}
	if code, _, errOut := run(t, "export"); code != 2 || !strings.Contains(errOut, "export needs a folder") {
		t.Errorf("no folder: exit %d, %q", code, errOut)
	}
}

func TestCPUProfileWrittenEvenWhenTheCommandFails(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.prof")
	code, _, _ := run(t, "articles", "show", "no-such-article", "--db", filepath.Join(dir, "n.db"), "--cpuprofile", prof)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if fi, err := os.Stat(prof); err != nil || fi.Size() == 0 {
		t.Errorf("profile after a failed command: %v, %v", fi, err)
	}
	code, _, errOut := run(t, "articles", "list", "--db", filepath.Join(dir, "n.db"), "--cpuprofile", filepath.Join(dir, "missing", "cpu.prof"))
	if code != 1 || !strings.Contains(errOut, "cpu profile") {
		t.Errorf("unwritable profile: exit %d, %q", code, errOut)
	}
}
