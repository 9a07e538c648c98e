package editor

import (
	"context"
	"strings"
	"testing"

	"newsroom/domain"
)

func TestHistoryPanelRestore(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "Old text."})
	body := s.Body()
	body.Select(0, len(body.Text()))
	body.InsertAtCursor("New text.")
	waitFor(t, s, "the new text to be saved", func() bool { return stored(t, st, s.article.ID).Body == "New text." })

	p := s.panels()
	h := p.history
	p.tabs.SelectIndex(tabHistory)
	waitFor(t, s, "two revisions listed", func() bool { return revisionCount(h.entries) == 2 })
	oldest := -1
	for i, e := range h.entries {
		if e.rev != nil && e.rev.Body == "Old text." {
			oldest = i
		}
	}
	if oldest < 0 {
		t.Fatal("the first revision is not listed")
	}
	h.list.Select(oldest)
	waitFor(t, s, "the difference", func() bool {
		text := h.diff.Text()
		return strings.Contains(text, "− Old text.") && strings.Contains(text, "+ New text.")
	})
	if h.restore.Disabled() {
		t.Fatal("Restore is disabled with a revision chosen")
	}

	rev := h.entries[oldest].rev
	h.restoreRevision(rev.ID, rev.CreatedAt)
	waitFor(t, s, "the restored text", func() bool { return body.Text() == "Old text." && s.article.Body == "Old text." })
	if !strings.HasPrefix(s.notice.Text, "Restored revision from ") {
		t.Errorf("notice %q, want it to say what was restored", s.notice.Text)
	}
	revs, err := st.Revisions(context.Background(), s.article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 3 || revs[0].Body != "Old text." {
		t.Fatalf("%d revisions after the restore (newest %q), want 3 with the old text newest", len(revs), revs[0].Body)
	}
	waitFor(t, s, "the history to list the restore", func() bool {
		for _, e := range h.entries {
			if e.ev != nil && e.ev.Kind == domain.EventRestored {
				return revisionCount(h.entries) == 3
			}
		}
		return false
	})
}

func revisionCount(entries []historyEntry) int {
	n := 0
	for _, e := range entries {
		if e.rev != nil {
			n++
		}
	}
	return n
}

func TestLineDiff(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"same", "a\nb", "a\nb", "No differences."},
		{"changed middle", "a\nb\nc", "a\nx\nc", "  a\n− b\n+ x\n  c"},
		{"added end", "a\nb", "a\nb\nc", "⋯\n  b\n+ c"},
		{"folded context", "1\n2\n3\n4\n5\n6", "1\n2\n3\n4\n5\nsix", "⋯\n  5\n− 6\n+ six"},
		{"interleaved", "a\nb\nc\nd", "b\nc\ne", "− a\n  b\n  c\n− d\n+ e"},
		{"from empty", "", "a", "− \n+ a"},
	}
	for _, tt := range tests {
		got := formatDiff(lineDiff(strings.Split(tt.a, "\n"), strings.Split(tt.b, "\n")))
		if got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestLineDiffTooLargeFallsBack(t *testing.T) {
	a := make([]string, 3000)
	b := make([]string, 3000)
	for i := range a {
		a[i], b[i] = "a"+strings.Repeat("x", i%7)+string(rune('A'+i%26)), "b"+string(rune('A'+i%26))
	}
	ops := lineDiff(a, b)
	if len(ops) != 6000 || ops[0].kind != '-' || ops[5999].kind != '+' {
		t.Fatalf("got %d ops, want 3000 removed then 3000 added", len(ops))
	}
}

// BenchmarkHistoryDiff60000 measures comparing a revision with the
// current text at 60,000 characters, with edits spread through it.
func BenchmarkHistoryDiff60000(b *testing.B) {
	old := genBody(60000)
	lines := strings.Split(old, "\n")
	for i := 0; i < len(lines); i += 7 {
		lines[i] += " edited"
	}
	cur := strings.Join(lines, "\n")
	for b.Loop() {
		formatDiff(lineDiff(diffLines("H", "", old, nil), diffLines("H", "", cur, nil)))
	}
}
