package cli

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
	"newsroom/storage/storetest"
)

// copyStaffFile makes a SQLite newsroom with three staff members, logins
// unique on the test server: two on the staff, one removed from it.
func copyStaffFile(t *testing.T) (path string, active []string, removed string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "desk.db")
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	suffix := fmt.Sprintf("%d-%d", os.Getpid(), time.Now().UnixNano()%1e9)
	for _, m := range []domain.Staff{
		{Login: "tcmaria-" + suffix, Name: "Maria Lopez", Role: domain.RoleAdmin},
		{Login: "tcsam-" + suffix, Name: "Sam Okafor", Role: domain.RoleReporter},
		{Login: "tcgone-" + suffix, Name: "Gone Person", Role: domain.RoleEditor},
	} {
		if _, err := st.AddStaff(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RemoveStaff(ctx, "tcgone-"+suffix); err != nil {
		t.Fatal(err)
	}
	return path, []string{"tcmaria-" + suffix, "tcsam-" + suffix}, "tcgone-" + suffix
}

// dropRolesAtCleanup drops the login roles at the end of the test.
func dropRolesAtCleanup(t *testing.T, target string, logins ...string) *sql.DB {
	t.Helper()
	owner, err := sql.Open("pgx", target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { owner.Close() })
	for _, l := range logins {
		t.Cleanup(func() {
			if _, err := owner.Exec(`DROP ROLE IF EXISTS "` + l + `"`); err != nil {
				t.Errorf("drop %s: %v", l, err)
			}
		})
	}
	return owner
}

// scramMatches reports whether the SCRAM-SHA-256 verifier PostgreSQL
// stores is the one of password.
func scramMatches(t *testing.T, verifier, password string) bool {
	t.Helper()
	var rounds int
	var salt, stored string
	head, keys, ok := strings.Cut(strings.TrimPrefix(verifier, "SCRAM-SHA-256$"), "$")
	if !ok {
		return false
	}
	r, s, _ := strings.Cut(head, ":")
	rounds, _ = strconv.Atoi(r)
	salt = s
	stored, _, _ = strings.Cut(keys, ":")
	saltBytes, err := base64.StdEncoding.DecodeString(salt)
	if err != nil || rounds == 0 {
		return false
	}
	salted, err := pbkdf2.Key(sha256.New, password, saltBytes, rounds, sha256.Size)
	if err != nil {
		t.Fatal(err)
	}
	h := hmac.New(sha256.New, salted)
	h.Write([]byte("Client Key"))
	sum := sha256.Sum256(h.Sum(nil))
	return base64.StdEncoding.EncodeToString(sum[:]) == stored
}

// TestCopyIntoPostgresListsStaffWithoutLogins: a copy from a file into
// PostgreSQL ends by listing the staff members on the staff who have no
// database login, each with the command that gives one; that command,
// run as printed, gives it, and the list is then shorter.
func TestCopyIntoPostgresListsStaffWithoutLogins(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL only: database logins (set " + storetest.EnvPostgres + ")")
	}
	t.Setenv(EnvUser, "")
	file, active, removed := copyStaffFile(t)
	target := storetest.Target(t, "n.db")
	dropRolesAtCleanup(t, target, append(active, removed)...)
	code, out, errOut := run(t, "copy", "--from", file, "--to", target)
	if code != 0 {
		t.Fatalf("copy: exit %d, %s %s", code, out, errOut)
	}
	st, err := storage.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	server := st.Path()
	st.Close()
	if !strings.Contains(out, "2 staff member(s) have no database login yet") {
		t.Errorf("the copy does not say who has no login:\n%s", out)
	}
	for _, l := range active {
		if want := "newsroom --db " + shellQuote(server) + " staff login " + l + "\n"; !strings.Contains(out, want) {
			t.Errorf("the copy does not give the command %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, removed) {
		t.Errorf("the copy lists %s, removed from the staff:\n%s", removed, out)
	}
	// The printed command, as printed (the shell's quotes taken off).
	var o, e bytes.Buffer
	if code := Run(context.Background(), []string{"--db", server, "staff", "login", active[1]},
		Options{Stdout: &o, Stderr: &e, Stdin: strings.NewReader("sam pass\n")}); code != 0 {
		t.Fatalf("staff login: exit %d, %s %s", code, o.String(), e.String())
	}
	st, err = storage.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	missing, err := st.StaffWithoutLogin(context.Background())
	if err != nil || len(missing) != 1 || missing[0].Login != active[0] {
		t.Errorf("after staff login %s, without a login: %+v (%v)", active[1], missing, err)
	}
}

// TestCopyLoginsCreatesEveryLoginWithPasswordsInTheFileOnly: copy
// --logins FILE gives every copied staff member on the staff a login role
// (in their role's group) whose password is the one written to FILE, a
// new file of mode 0600; no password reaches the output. An existing FILE,
// or a file target, is refused before anything is copied.
func TestCopyLoginsCreatesEveryLoginWithPasswordsInTheFileOnly(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL only: database logins (set " + storetest.EnvPostgres + ")")
	}
	t.Setenv(EnvUser, "")
	file, active, removed := copyStaffFile(t)
	target := storetest.Target(t, "n.db")
	owner := dropRolesAtCleanup(t, target, append(active, removed)...)
	logins := filepath.Join(t.TempDir(), "logins.tsv")

	if err := os.WriteFile(logins, []byte("keep me\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, "copy", "--from", file, "--to", target, "--logins", logins); code != 2 || !strings.Contains(errOut, "the file exists") {
		t.Fatalf("an existing --logins file: exit %d, %s %s", code, out, errOut)
	}
	if b, _ := os.ReadFile(logins); string(b) != "keep me\n" {
		t.Fatalf("the existing file was changed: %q", b)
	}
	os.Remove(logins)
	if code, _, errOut := run(t, "copy", "--from", file, "--to", filepath.Join(t.TempDir(), "x.db"), "--logins", logins); code != 2 || !strings.Contains(errOut, "--logins is for a PostgreSQL target") {
		t.Fatalf("--logins into a file: exit %d, %s", code, errOut)
	}
	var tables int
	if err := owner.QueryRow(`SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()`).Scan(&tables); err != nil || tables != 0 {
		t.Fatalf("a refused copy made %d tables in the target (%v)", tables, err)
	}

	code, out, errOut := run(t, "copy", "--from", file, "--to", target, "--logins", logins)
	if code != 0 {
		t.Fatalf("copy --logins: exit %d, %s %s", code, out, errOut)
	}
	info, err := os.Stat(logins)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", logins, info.Mode().Perm())
	}
	data, err := os.ReadFile(logins)
	if err != nil {
		t.Fatal(err)
	}
	passwords := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || len(f[1]) < 20 {
			t.Fatalf("a line of %s is not login, password (20+ characters), name: %q", logins, line)
		}
		passwords[f[0]] = f[1]
	}
	if len(passwords) != len(active) {
		t.Fatalf("%s holds %d logins, want %v:\n%s", logins, len(passwords), active, data)
	}
	roles := map[string]string{active[0]: "newsroom_admin", active[1]: "newsroom_reporter"}
	for _, l := range active {
		pw := passwords[l]
		if pw == "" {
			t.Errorf("no password for %s in the file", l)
			continue
		}
		if strings.Contains(out, pw) || strings.Contains(errOut, pw) {
			t.Errorf("the password of %s is in the output", l)
		}
		if !strings.Contains(out, l) {
			t.Errorf("the output does not name %s:\n%s", l, out)
		}
		var verifier string
		var canLogin, inGroup bool
		if err := owner.QueryRow(`SELECT rolpassword, rolcanlogin, pg_has_role(rolname, $2, 'MEMBER') FROM pg_authid WHERE rolname = $1`,
			l, roles[l]).Scan(&verifier, &canLogin, &inGroup); err != nil {
			t.Fatalf("the role %s: %v", l, err)
		}
		if !canLogin || !inGroup || !scramMatches(t, verifier, pw) {
			t.Errorf("the role %s: login %v, in %s %v, its verifier is the file's password %v", l, canLogin, roles[l], inGroup, scramMatches(t, verifier, pw))
		}
	}
	if passwords[removed] != "" || strings.Contains(out, removed) {
		t.Errorf("%s, removed from the staff, got a login", removed)
	}
	var n int
	if err := owner.QueryRow(`SELECT count(*) FROM pg_roles WHERE rolname = $1`, removed).Scan(&n); err != nil || n != 0 {
		t.Errorf("the removed member has a role (%d, %v)", n, err)
	}
	if !strings.Contains(out, "Their passwords are in "+logins) || strings.Contains(out, "have no database login yet") {
		t.Errorf("the output:\n%s", out)
	}
}
