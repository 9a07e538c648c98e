package storage

import (
	"context"
	"fmt"
	"os"
	"testing"

	"newsroom/domain"
	"newsroom/storage/storetest"
)

// TestCreateStaffLoginsAllOrNone: StaffWithoutLogin lists the members on
// the staff without a login role (not those removed); CreateStaffLogins
// gives them all one, or — when one of the names is already a role on
// the server — none.
func TestCreateStaffLoginsAllOrNone(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL only: database logins (set " + storetest.EnvPostgres + ")")
	}
	ctx := context.Background()
	s, _ := openTemp(t)
	suffix := fmt.Sprintf("%d-%d", os.Getpid(), pgRoleCounter.Add(1))
	ann, bob, gone, taken := "tann-"+suffix, "tbob-"+suffix, "tgone-"+suffix, "ttaken-"+suffix
	for _, m := range []domain.Staff{{Login: ann, Name: "Ann", Role: domain.RoleEditor}, {Login: bob, Name: "Bob", Role: domain.RoleReporter},
		{Login: gone, Name: "Gone", Role: domain.RoleReporter}, {Login: taken, Name: "Taken", Role: domain.RoleReporter}} {
		t.Cleanup(func() { dropTestRole(t, s, m.Login) })
		if _, err := s.AddStaff(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RemoveStaff(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if _, err := s.writer.ExecContext(ctx, `CREATE ROLE "`+taken+`"`); err != nil { // someone else's, on the same server
		t.Fatal(err)
	}
	logins := func() []string {
		missing, err := s.StaffWithoutLogin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range missing {
			out = append(out, m.Login)
		}
		return out
	}
	if got := fmt.Sprint(logins()); got != fmt.Sprint([]string{ann, bob}) {
		t.Fatalf("without a login: %s, want %s and %s", got, ann, bob)
	}
	if err := s.CreateStaffLogins(ctx, map[string]string{ann: "pw a", bob: "pw b", taken: "pw t"}); err == nil {
		t.Fatal("a name already taken on the server was accepted")
	}
	if got := fmt.Sprint(logins()); got != fmt.Sprint([]string{ann, bob}) {
		t.Fatalf("after a refused CreateStaffLogins, without a login: %s (some were created)", got)
	}
	if err := s.CreateStaffLogins(ctx, map[string]string{ann: "pw a", bob: "pw b"}); err != nil {
		t.Fatal(err)
	}
	if got := logins(); len(got) != 0 {
		t.Fatalf("after CreateStaffLogins, without a login: %v", got)
	}
	if err := s.CreateStaffLogins(ctx, map[string]string{gone: "pw g"}); err == nil {
		t.Error("a member removed from the staff got a login")
	}
}
