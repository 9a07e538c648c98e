package storage

import (
	"context"
	"testing"

	"newsroom/domain"
)

// BenchmarkLockTakeRenew is one window's lock traffic: take the lock of the
// reporter's own article, renew it, give it up; through a Store connected
// as the reporter's database login (the lock trigger at work on
// PostgreSQL) and, to compare, as the owner signed in as the reporter.
func BenchmarkLockTakeRenew(b *testing.B) {
	n := newPGNewsroom(b)
	ctx := context.Background()
	for _, who := range []string{"owner", "reporter"} {
		b.Run(who, func(b *testing.B) {
			s := n.owner
			if who == "reporter" {
				var err error
				if s, err = Open(n.as(b, n.login[domain.RoleReporter])); err != nil {
					b.Fatal(err)
				}
				defer s.Close()
			} else {
				if _, err := s.SignIn(ctx, n.login[domain.RoleReporter]); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				if _, err := s.AcquireLock(ctx, n.own.ID); err != nil {
					b.Fatal(err)
				}
				if err := s.RefreshLock(ctx, n.own.ID); err != nil {
					b.Fatal(err)
				}
				if err := s.ReleaseLock(ctx, n.own.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
