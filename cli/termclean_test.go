package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/storage"
)

// hostileText carries what a terminal would act on: a window-title OSC,
// a colour and cursor-movement CSI, a carriage return that overwrites
// the line, a C1 CSI, DEL, and a right-to-left override.
const hostileText = "Plain \x1b]0;pwned\x07 \x1b[31mred\x1b[2J\rover \u009b6n \x7f \u202eevil"

func TestCLIOutputNeverCarriesTerminalControls(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	a := &domain.Article{Slug: "hostile", Headline: hostileText, Standfirst: hostileText, Byline: "By " + hostileText,
		Body: "Body: " + hostileText + "\n\nEnd.", Status: domain.StatusDraft}
	if err := st.CreateArticle(context.Background(), a, "t"); err != nil {
		t.Fatal(err)
	}
	c := &domain.Comment{ArticleID: a.ID, Author: hostileText, Email: "e@example.org", Body: hostileText, Status: domain.CommentPending}
	if err := st.AddComment(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, args := range [][]string{
		{"articles", "list"},
		{"articles", "show", "hostile"},
		{"articles", "history", "hostile"},
		{"articles", "check", "hostile"},
		{"comments", "list"},
		{"articles", "show", "hostile", "--json"},
		{"comments", "list", "--json"},
		{"articles", "show", "no-such-" + hostileText},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			_, out, errOut := run(t, append(args, "--db", db)...)
			for _, stream := range []string{out, errOut} {
				if i := strings.IndexFunc(stream, unsafeRune); i >= 0 {
					t.Fatalf("raw control %q printed at %d:\n%q", stream[i:i+1], i, stream)
				}
			}
			if args[1] != "history" && args[1] != "check" && !strings.Contains(out+errOut, `pwned`) {
				t.Errorf("the text itself should still be shown: %q", out+errOut)
			}
		})
	}
	_, out, _ := run(t, "articles", "show", "hostile", "--json", "--db", db)
	var shown map[string]any
	if err := json.Unmarshal([]byte(out), &shown); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, out)
	}
	if shown["headline"] != hostileText {
		t.Errorf("JSON headline %q, want the stored text exactly", shown["headline"])
	}
	_, out, _ = run(t, "articles", "list", "--db", db)
	if !strings.Contains(out, `\x1b]0;pwned\x07`) || !strings.Contains(out, `\u202eevil`) {
		t.Errorf("list should show the controls escaped:\n%s", out)
	}
}

func TestCleanWriterHoldsSplitCharacters(t *testing.T) {
	var out bytes.Buffer
	w := newCleanWriter(&out)
	text := []byte("é\u009b…\u202e")
	for i := range text {
		if _, err := w.Write(text[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	w.Write([]byte{0xff, 0xc3})
	w.Flush()
	if got, want := out.String(), `é\u009b…\u202e\xff\xc3`; got != want {
		t.Errorf("cleaned %q, want %q", got, want)
	}
}
