package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestDictionaryCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	if code, _, errOut := run(t, "dictionary", "add", "--db", db, "Lavrov", "Sochi", "--by", "Copy desk"); code != 0 {
		t.Fatalf("add: %d %s", code, errOut)
	}
	// A second process on the same database sees the words.
	code, out, _ := run(t, "dictionary", "list", "--db", db, "--json")
	var words []string
	if err := json.Unmarshal([]byte(out), &words); code != 0 || err != nil || strings.Join(words, ",") != "Lavrov,Sochi" {
		t.Fatalf("list: %d %q", code, out)
	}
	if code, _, errOut := run(t, "dictionary", "remove", "--db", db, "Sochi"); code != 0 {
		t.Fatalf("remove: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "dictionary", "remove", "--db", db, "Sochi"); code != 1 || !strings.Contains(errOut, "not found") {
		t.Fatalf("removing again: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "dictionary", "add", "--db", db, "two words"); code != 1 || !strings.Contains(errOut, "not one word") {
		t.Fatalf("a phrase: %d %s", code, errOut)
	}
	if code, out, _ := run(t, "dictionary", "list", "--db", db); code != 0 || out != "Lavrov\n" {
		t.Fatalf("plain list: %d %q", code, out)
	}
	if code, _, _ := run(t, "dictionary", "add", "--db", db); code != 2 {
		t.Fatalf("add without a word: %d", code)
	}
}
