package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWorkflowCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	md := filepath.Join(dir, "story.md")
	os.WriteFile(md, []byte(strings.Replace(story, "author: Anna Reporter", "author: Anna Reporter\ndraft: true", 1)), 0o644)
	if code, _, errOut := run(t, "import", "--db", db, md); code != 0 {
		t.Fatal(errOut)
	}
	slug := "lavrov-meets-kerry"
	// Publishing without a fact check needs --yes.
	if code, _, errOut := run(t, "articles", "status", slug, "published", "--db", db); code != 1 || !strings.Contains(errOut, "not fact-checked") {
		t.Fatalf("publish unchecked: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "articles", "factcheck", slug, "--by", "Fiona", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := run(t, "articles", "status", slug, "published", "--at", "2099-01-01T09:00:00Z", "--db", db)
	if code != 0 || !strings.Contains(out, "embargoed until 2099-01-01T09:00:00Z") {
		t.Fatalf("embargo: %d %s %s", code, out, errOut)
	}
	_, out, _ = run(t, "articles", "show", slug, "--json", "--db", db)
	var a map[string]any
	json.Unmarshal([]byte(out), &a)
	if fc := a["fact_check"].(map[string]any); fc["checked"] != true || fc["by"] != "Fiona" || a["status"] != "published" {
		t.Fatalf("after factcheck and publish: %v %v", fc, a["status"])
	}
	code, out, _ = run(t, "articles", "history", slug, "--json", "--db", db)
	var h struct {
		Revisions []struct {
			ID int64 `json:"id"`
		} `json:"revisions"`
		Events []struct {
			Kind string `json:"kind"`
		} `json:"events"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &h) != nil || len(h.Revisions) == 0 {
		t.Fatalf("history: %d %s", code, out)
	}
	var kinds []string
	for _, e := range h.Events {
		kinds = append(kinds, e.Kind)
	}
	if strings.Join(kinds, ",") != "fact-checked,status" {
		t.Errorf("events %v", kinds)
	}
	first := h.Revisions[len(h.Revisions)-1].ID
	if code, out, errOut := run(t, "articles", "restore", slug, "1", "--db", db); code != 0 || !strings.Contains(out, "restored revision 1") {
		t.Fatalf("restore: %d %s %s (first revision %d)", code, out, errOut, first)
	}
	if code, _, _ := run(t, "articles", "restore", slug, "999", "--db", db); code != 1 {
		t.Error("restoring a missing revision should fail")
	}
	if code, _, _ := run(t, "articles", "status", slug, "live", "--db", db); code != 2 {
		t.Error("an unknown status is a usage error")
	}
}
