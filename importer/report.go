package importer

import (
	"fmt"
	"strings"
)

// Report is what one Import did, file by file, in the order the files
// were read.
type Report struct {
	Files []Summary
	// DryRun is set when nothing was written: the outcomes are what a real
	// run would do.
	DryRun bool
}

// Totals are a Report's counts: articles created, updated and unchanged,
// files skipped and failed, and warnings.
type Totals struct {
	Created, Updated, Unchanged int
	Skipped, Failed             int
	Warnings                    int
}

// Totals adds up the report.
func (r Report) Totals() Totals {
	var t Totals
	for _, s := range r.Files {
		t.Warnings += len(s.Warnings)
		switch {
		case s.Err != nil:
			t.Failed++
		case s.SkipReason != "":
			t.Skipped++
		default:
			t.Created += s.ArticlesCreated
			t.Updated += s.ArticlesUpdated
			t.Unchanged += s.ArticlesUnchanged
		}
	}
	return t
}

// SummaryLine is the closing line of an import, such as "3 articles
// created, 1 updated, 2 unchanged; 1 file skipped, 0 failed; 4 warnings".
func (r Report) SummaryLine() string {
	t := r.Totals()
	line := fmt.Sprintf("%s created, %d updated, %d unchanged; %s skipped, %d failed; %s",
		count(t.Created, "article", "articles"), t.Updated, t.Unchanged,
		count(t.Skipped, "file", "files"), t.Failed, count(t.Warnings, "warning", "warnings"))
	if r.DryRun {
		return "dry run, nothing written: would be " + line
	}
	return line
}

// Lines are the report's lines for a person: one per file, then its
// warnings (prefixed "warning: "), then the summary line.
func (r Report) Lines() []string {
	var out []string
	for _, s := range r.Files {
		out = append(out, s.String())
		for _, w := range s.Warnings {
			out = append(out, "warning: "+w.String())
		}
	}
	return append(out, r.SummaryLine())
}

// String is Lines joined by newlines.
func (r Report) String() string { return strings.Join(r.Lines(), "\n") }
