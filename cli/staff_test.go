package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStaffCommands(t *testing.T) {
	t.Setenv(EnvUser, "")
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	mustRun := func(args ...string) string {
		t.Helper()
		code, out, errOut := run(t, append(args, "--db", db)...)
		if code != 0 {
			t.Fatalf("%v: %d %s", args, code, errOut)
		}
		return out
	}
	// No admin yet: the first one may be made.
	if out := mustRun("staff", "add", "Maria López", "--role", "admin"); out != "added maria-lopez (Maria López, admin)\n" {
		t.Fatalf("add printed %q", out)
	}
	mustRun("staff", "add", "Sam Okafor", "--role", "reporter", "--login", "sam")
	mustRun("staff", "add", "Cora Contrib", "--role", "contributor")
	mustRun("staff", "role", "sam", "editor")
	mustRun("staff", "remove", "cora-contrib")
	var list []staffJSON
	if err := json.Unmarshal([]byte(mustRun("staff", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Login != "maria-lopez" || list[1].Login != "sam" || list[1].Role != "editor" {
		t.Fatalf("list %+v", list)
	}
	if out := mustRun("staff", "list", "--removed"); !strings.Contains(out, "cora-contrib") || !strings.Contains(out, "removed ") {
		t.Fatalf("list --removed:\n%s", out)
	}
	// Bad role: a usage error.
	if code, _, errOut := run(t, "staff", "add", "X", "--role", "boss", "--db", db); code != 2 || !strings.Contains(errOut, "contributor, reporter, editor or admin") {
		t.Fatalf("bad role: %d %s", code, errOut)
	}
	// An editor may not manage staff.
	code, _, errOut := run(t, "staff", "add", "Y", "--role", "admin", "--as", "sam", "--db", db)
	if code != 1 || !strings.Contains(errOut, "Sam Okafor (editor) may not add staff") || !strings.Contains(errOut, "only admins may") {
		t.Fatalf("editor adds staff: %d %s", code, errOut)
	}
	// The removed cannot act.
	if code, _, errOut := run(t, "staff", "list", "--as", "cora-contrib", "--db", db); code != 1 || !strings.Contains(errOut, "removed") {
		t.Fatalf("removed member acts: %d %s", code, errOut)
	}
}

func TestCommandLineActsAsSomeone(t *testing.T) {
	t.Setenv(EnvUser, "")
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	md := filepath.Join(dir, "story.md")
	os.WriteFile(md, []byte(story), 0o644)
	for _, args := range [][]string{
		{"staff", "add", "Ada Admin", "--role", "admin"},
		{"staff", "add", "Anna Reporter", "--role", "reporter"},
		{"staff", "add", "Ed Editor", "--role", "editor"},
		{"import", md}, // as the only admin
	} {
		if code, _, errOut := run(t, append(args, "--db", db)...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	// The byline "Anna Reporter" is the staff member: she may edit her
	// published article, not unpublish it.
	code, _, errOut := run(t, "articles", "status", "lavrov-meets-kerry", "draft", "--as", "anna-reporter", "--db", db)
	if code != 1 || !strings.Contains(errOut, "Anna Reporter (reporter) may not publish, schedule or unpublish") {
		t.Fatalf("reporter publishes: %d %s", code, errOut)
	}
	t.Setenv(EnvUser, "anna-reporter")
	if code, _, errOut := run(t, "articles", "factcheck", "lavrov-meets-kerry", "--db", db); code != 1 || !strings.Contains(errOut, "only editors and admins may") {
		t.Fatalf("reporter fact-checks via %s: %d %s", EnvUser, code, errOut)
	}
	if code, _, errOut := run(t, "settings", "set", "four_eyes", "off", "--as", "ed-editor", "--db", db); code != 1 || !strings.Contains(errOut, "only admins may") {
		t.Fatalf("an editor turns four eyes off: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "settings", "set", "four_eyes", "off", "--as", "ada-admin", "--db", db); code != 0 {
		t.Fatalf("the admin turns four eyes off: %s", errOut)
	}
	t.Setenv(EnvUser, "ed-editor")
	code, out, errOut := run(t, "articles", "factcheck", "lavrov-meets-kerry", "--by", "Someone Typed", "--db", db)
	if code != 0 || !strings.Contains(out, "fact-checked by Ed Editor") {
		t.Fatalf("editor fact-checks: %d %s %s", code, out, errOut)
	}
	t.Setenv(EnvUser, "")
	// Two admins: the command line must be told who acts.
	if code, _, errOut := run(t, "staff", "add", "Second Admin", "--role", "admin", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := run(t, "articles", "list", "--db", db); code != 2 || !strings.Contains(errOut, "--as LOGIN") {
		t.Fatalf("two admins, nobody named: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "articles", "list", "--as", "nobody", "--db", db); code != 1 || !strings.Contains(errOut, "not found") {
		t.Fatalf("unknown --as: %d %s", code, errOut)
	}
}
