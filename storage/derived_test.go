package storage

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestSaveChecksBeforeTakingTheWriteLock saves a body whose attribution
// check is slow (the `[a](` shape) while a second store on the file
// writes every 50 ms: each of those writes succeeds within a second,
// because the check runs before the save's write transaction.
func TestSaveChecksBeforeTakingTheWriteLock(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	a := sample("slow")
	if err := s.CreateArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	a.Body = strings.Repeat("[a](", 40_000)
	done := make(chan error, 1)
	started := time.Now()
	go func() { _, err := s.SaveArticle(ctx, a, "ann"); done <- err }()
	writes := 0
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("save: %v", err)
			}
			t.Logf("save took %v; %d writes by another store meanwhile, each within 1 s", time.Since(started), writes)
			return
		case <-time.After(50 * time.Millisecond):
		}
		start := time.Now()
		if err := other.SetSetting(ctx, SettingSiteTitle, fmt.Sprint("Title ", writes)); err != nil {
			t.Fatalf("write %d by another store during the save: %v", writes, err)
		}
		if took := time.Since(start); took > time.Second {
			t.Fatalf("write %d by another store waited %v for the save's lock", writes, took)
		}
		writes++
	}
}
