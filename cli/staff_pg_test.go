package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"newsroom/storage/storetest"
)

// TestStaffAddOnPostgresMakesTheLogin: on PostgreSQL `staff add` creates
// the login role with the password from standard input (SCRAM), refuses an
// empty one, and the new login then acts as itself.
func TestStaffAddOnPostgresMakesTheLogin(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL only: there staff add creates a database login (set " + storetest.EnvPostgres + ")")
	}
	t.Setenv(EnvUser, "")
	db := storetest.Target(t, "n.db")
	login := fmt.Sprintf("tcli-%d-%d", os.Getpid(), time.Now().UnixNano()%1e6)
	owner, err := sql.Open("pgx", db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { owner.Close() })
	t.Cleanup(func() {
		if _, err := owner.Exec(`DROP ROLE IF EXISTS "` + login + `"`); err != nil {
			t.Errorf("drop %s: %v", login, err)
		}
	})
	runIn := func(stdin string, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := Run(context.Background(), args, Options{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(stdin)})
		return code, out.String(), errOut.String()
	}
	if code, _, errOut := runIn("", "staff", "add", "Maria Lopez", "--role", "admin", "--login", login, "--db", db); code != 2 ||
		!strings.Contains(errOut, "no password for "+login+" on standard input") {
		t.Fatalf("empty password: exit %d, %s", code, errOut)
	}
	if code, out, errOut := runIn("s3cret pass\n", "staff", "add", "Maria Lopez", "--role", "admin", "--login", login, "--db", db); code != 0 ||
		!strings.Contains(out, "added "+login) {
		t.Fatalf("staff add: exit %d, %s %s", code, out, errOut)
	}
	// A member without a login (added on a file, then copied): staff login.
	if code, out, errOut := runIn("", "staff", "add", "Sam Okafor", "--role", "editor", "--login", login+"-sam", "--db", db); code != 2 {
		t.Fatalf("staff add without a password: exit %d, %s %s", code, out, errOut)
	}
	t.Cleanup(func() { _, _ = owner.Exec(`DROP ROLE IF EXISTS "` + login + `-sam"`) })
	if _, err := owner.Exec(`INSERT INTO staff (login, name, role, created_at) VALUES ($1, 'Sam Okafor', 'editor', 1)`, login+"-sam"); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runIn("sam pass\n", "staff", "login", login+"-sam", "--db", db); code != 0 || !strings.Contains(out, "may now sign in") {
		t.Fatalf("staff login: exit %d, %s %s", code, out, errOut)
	}
	var isEditor bool
	if err := owner.QueryRow(`SELECT pg_has_role($1, 'newsroom_editor', 'MEMBER')`, login+"-sam").Scan(&isEditor); err != nil || !isEditor {
		t.Errorf("staff login: the role is not an editor's: %v %v", isEditor, err)
	}
	var scram bool
	if err := owner.QueryRow(`SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = $1`, login).Scan(&scram); err != nil || !scram {
		t.Fatalf("the login role has no SCRAM verifier: %v %v", scram, err)
	}
	u, _ := url.Parse(db)
	u.User = url.User(login)
	if code, out, errOut := runIn("", "staff", "list", "--db", u.String()); code != 0 || !strings.Contains(out, "Maria Lopez") {
		t.Fatalf("staff list as the new login: exit %d, %s %s", code, out, errOut)
	}
	if code, _, errOut := runIn("", "staff", "list", "--as", "someone-else", "--db", u.String()); code != 2 ||
		!strings.Contains(errOut, "connected to PostgreSQL as "+login) {
		t.Fatalf("--as another person on a login's own connection: exit %d, %s", code, errOut)
	}
}
