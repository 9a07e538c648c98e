package app

import (
	"context"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"newsroom/domain"
)

// sharedStaffStore stands for a PostgreSQL store in the dialog's eyes: its
// Path is a server and it makes logins. The storage side of logins
// (storage/pgroles_test.go) runs on a real server.
type sharedStaffStore struct {
	mu        sync.Mutex
	staff     []domain.Staff
	passwords map[string]string
}

func (s *sharedStaffStore) Path() string { return "postgres://newsroom@db.example.org:5432/desk" }

func (s *sharedStaffStore) ListStaff(context.Context, bool) ([]domain.Staff, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]domain.Staff(nil), s.staff...), nil
}

func (s *sharedStaffStore) AddStaff(context.Context, domain.Staff) (domain.Staff, error) {
	panic("a shared newsroom's dialog added someone without a login")
}

func (s *sharedStaffStore) AddStaffLogin(_ context.Context, m domain.Staff, password string) (domain.Staff, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m.Login = domain.LoginFor(m.Name)
	s.staff = append(s.staff, m)
	s.passwords[m.Login] = password
	return m, nil
}

func (s *sharedStaffStore) SetStaffRole(context.Context, string, domain.Role) error { return nil }
func (s *sharedStaffStore) RemoveStaff(context.Context, string) error               { return nil }

// TestStaffDialogMakesLoginsOnASharedNewsroom: on PostgreSQL, Edit →
// Staff… asks for the new member's password and makes their login with it;
// without a password it says why and adds nobody. A file has no password
// field.
func TestStaffDialogMakesLoginsOnASharedNewsroom(t *testing.T) {
	st := &sharedStaffStore{passwords: map[string]string{}}
	ui, q := newSignInUI(t, newTestStore(t))
	sd := NewStaffDialog(st, ui.win, q)
	sd.Show()
	q.Settle()
	if sd.password == nil {
		t.Fatal("no password field on a shared newsroom")
	}
	test.Type(sd.name, "Maria Lopez")
	test.Tap(sd.add)
	q.Settle()
	if !strings.Contains(sd.message.Text, "own password") || len(st.staff) != 0 {
		t.Fatalf("without a password: message %q, staff %+v", sd.message.Text, st.staff)
	}
	test.Type(sd.password, "s3cret pass")
	test.Tap(sd.add)
	q.waitUntil(t, "added", func() bool { return len(sd.rows.Objects) == 1 })
	if st.passwords["maria-lopez"] != "s3cret pass" {
		t.Fatalf("logins made: %v", st.passwords)
	}
	if sd.message.Text != "Added Maria Lopez with a database login." || sd.password.Text != "" {
		t.Fatalf("message %q, password field %q", sd.message.Text, sd.password.Text)
	}
	if strings.Contains(sd.message.Text, "s3cret") {
		t.Fatal("the password is shown")
	}

	file := NewStaffDialog(newTestStore(t), ui.win, q)
	if file.password != nil {
		t.Fatal("a file newsroom asks for a database password")
	}
}
