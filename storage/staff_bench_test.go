package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"newsroom/domain"
)

// BenchmarkSaveArticleRoles measures a save with nobody signed in and as a
// signed-in reporter (the role check: the member, the policy, the staff
// and the article's authors read in the save's transaction), in a newsroom
// of 50 staff.
func BenchmarkSaveArticleRoles(b *testing.B) {
	for _, signed := range []bool{false, true} {
		b.Run(fmt.Sprintf("signed=%v", signed), func(b *testing.B) {
			s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			for i := 0; i < 50; i++ {
				if _, err := s.AddStaff(ctx, domain.Staff{Name: fmt.Sprintf("Staff Member %d", i), Role: domain.RoleReporter}); err != nil {
					b.Fatal(err)
				}
			}
			a := sample("bench")
			a.Byline = "Staff Member 7 and Staff Member 9"
			if err := s.CreateArticle(ctx, a, "setup"); err != nil {
				b.Fatal(err)
			}
			if signed {
				if _, err := s.SignIn(ctx, "staff-member-7"); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				a.Body = fmt.Sprintf("Paragraph %d.\n\n{{quote harf}}\n", i)
				if _, err := s.SaveArticle(ctx, a, "x"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
