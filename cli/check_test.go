package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSampleArticleStyleFindings runs `articles check` on the sample
// article of a new default database: the four house-style problems the
// real page shows are reported with their places and fixes.
func TestSampleArticleStyleFindings(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	slug := "kerry-to-meet-putin-in-first-russian-visit-since-start-of-ukraine-crisis"
	code, out, errOut := run(t, "articles", "check", slug, "--json")
	if code != 0 {
		t.Fatalf("check: %d %s", code, errOut)
	}
	var findings []checkFinding
	if err := json.Unmarshal([]byte(out), &findings); err != nil {
		t.Fatalf("check --json: %v\n%s", err, out)
	}
	byKind := map[string][]checkFinding{}
	for _, f := range findings {
		byKind[f.Kind] = append(byKind[f.Kind], f)
	}
	if f := byKind["headline-case"]; len(f) != 1 || f[0].Suggestion != "Kerry to meet Putin in first Russian visit since start of Ukraine crisis" {
		t.Errorf("headline case: %+v", f)
	}
	if f := byKind["double-space"]; len(f) != 2 || f[0].Field != "body" || !strings.Contains(f[0].Excerpt, "Secretary of State  is") {
		t.Errorf("double spaces: %+v", f)
	}
	if f := byKind["mixed-spelling"]; len(f) != 1 || f[0].Suggestion != "cancelled" {
		t.Errorf("mixed spelling: %+v", f)
	}
	if f := byKind["standfirst-repeats"]; len(f) != 1 || f[0].Field != "standfirst" {
		t.Errorf("standfirst: %+v", f)
	}
	if len(byKind["unattributed-quote"]) != 0 {
		t.Errorf("the sample's quotes are attributed: %+v", byKind["unattributed-quote"])
	}
	// The plain listing says the same.
	code, out, _ = run(t, "articles", "check", slug)
	if code != 0 || !strings.Contains(out, "headline-case at headline 0-") || !strings.Contains(out, "suggestion: cancelled") {
		t.Fatalf("plain check: %d\n%s", code, out)
	}
	// Title case chosen in the settings gives the other fix.
	if code, _, errOut := run(t, "settings", "set", "style_headline_case", "title"); code != 0 {
		t.Fatalf("settings set: %s", errOut)
	}
	_, out, _ = run(t, "articles", "check", slug, "--json")
	if !strings.Contains(out, "Kerry to Meet Putin in First Russian Visit Since Start of Ukraine Crisis") {
		t.Fatalf("title case fix missing:\n%s", out)
	}
}

// TestExportCountsStyleWarnings: `newsroom export` of a new default
// database warns about the sample article's house-style findings.
func TestExportCountsStyleWarnings(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	code, _, errOut := run(t, "export", "--out", t.TempDir())
	if code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	for _, want := range []string{"style: headline-case in headline", "style: double-space in body", "style: mixed-spelling in body", "style: standfirst-repeats in standfirst"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("export warnings lack %q:\n%s", want, errOut)
		}
	}
}
