package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/markup"
)

// adversarialBodies are the shapes that once made goldmark or the
// attribution check slow or greedy, generated at about n bytes.
func adversarialBodies(n int) map[string]string {
	var refs, nest, bq, table strings.Builder
	for i := 0; refs.Len() < n; i++ {
		fmt.Fprintf(&refs, "[r%d]: http://x.example/%d\n", i, i)
	}
	for i := 0; nest.Len() < n && i < 2000; i++ {
		nest.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	for i := 0; bq.Len() < n && i < 2000; i++ {
		bq.WriteString(strings.Repeat("> ", i) + "a\n")
	}
	table.WriteString(strings.Repeat("|a", 2000) + "|\n" + strings.Repeat("|-", 2000) + "|\n")
	for table.Len() < n {
		table.WriteString("|a|\n")
	}
	pad := func(s string) string {
		para := "The minister said talks would cover Iran, Syria and Ukraine, officials told reporters.\n\n"
		return s + "\n\n" + strings.Repeat(para, max(0, n-len(s))/len(para))
	}
	var refsUnder strings.Builder
	for i := 0; i < 4_999; i++ {
		fmt.Fprintf(&refsUnder, "[r%d]: http://x.example/%d\n", i, i)
	}
	tableUnder := strings.Repeat("|a", 100) + "|\n" + strings.Repeat("|-", 100) + "|\n" + strings.Repeat("|a|\n", 1900)
	return map[string]string{
		"brackets under the bound":    pad(strings.Repeat("[", 299_000)),
		"emphasis under the bound":    pad(strings.Repeat("*a", 149_000)),
		"links under the bound":       pad(strings.Repeat("[a](", 1_400)),
		"references under the bound":  pad(refsUnder.String()),
		"deep list lines":             strings.Repeat(strings.Repeat("- ", 120)+"a\n", n/242),
		"deep blockquote lines":       strings.Repeat(strings.Repeat("> ", 120)+"a\n", n/242),
		"deep lists under the bound":  pad(strings.Repeat(strings.Repeat("- ", 120)+"a\n", 2_400)),
		"deep quotes under the bound": pad(strings.Repeat(strings.Repeat("> ", 120)+"a\n", 2_400)),
		"table under the bound":       pad(tableUnder),
		"link opener":                 strings.Repeat("[a](", n/4),
		"brackets":                    strings.Repeat("[", n),
		"emphasis":                    strings.Repeat("*a", n/2),
		"references":                  refs.String(),
		"nested list":                 nest.String(),
		"nested list inline":          strings.Repeat("- ", n/2) + "a",
		"nested blockquote":           bq.String(),
		"wide table":                  table.String(),
		"quotation marks":             strings.Repeat("“", n/3),
		"full stops":                  strings.Repeat("a.", n/2),
		"open link titles":            strings.Repeat("[a]( (", n/6),
	}
}

// TestAdversarialBodiesAreBounded renders and checks every adversarial
// shape at 4.9 MB: each is refused or handled within the time budget, and
// a refused body renders as a note while the check reports it.
func TestAdversarialBodiesAreBounded(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("renders 100 MB of adversarial bodies against a time budget")
	}
	for name, body := range adversarialBodies(4_900_000) {
		t.Run(name, func(t *testing.T) {
			a := &domain.Article{Slug: "x", Body: body}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			html, err := RenderBody(a)
			renderTime := time.Since(start)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatalf("RenderBody: %v", err)
			}
			start = time.Now()
			findings := markup.CheckAttribution(a)
			checkTime := time.Since(start)
			_, perr := markup.Parse(a)
			refused := errors.Is(perr, markup.ErrRefused)
			reported := false
			for _, f := range findings {
				reported = reported || f.Kind == domain.FindingBodyRefused
			}
			if refused != reported || refused != strings.Contains(html, `class="body-refused"`) {
				t.Errorf("refused %v, check reports it %v, page says so %v: they must agree", refused, reported, strings.Contains(html, "body-refused"))
			}
			alloc := (after.TotalAlloc - before.TotalAlloc) >> 20
			t.Logf("%s, %d bytes: refused %v, render %v (%d MB allocated), check %v", name, len(body), refused, renderTime, alloc, checkTime)
			if renderTime > 3*time.Second || checkTime > 3*time.Second {
				t.Errorf("render %v, check %v: want a few seconds at most", renderTime, checkTime)
			}
			if alloc > 400 {
				t.Errorf("render allocated %d MB, want at most a few hundred", alloc)
			}
		})
	}
}

// TestExportRefusedBodyWarnsAndExportsTheRest exports a site with one
// article of 4.9 MB of "[": its page says its text cannot be shown, the
// check's warning names it, and every other article is exported.
func TestExportRefusedBodyWarnsAndExportsTheRest(t *testing.T) {
	src := smallSite()
	src.articles[1].Body = strings.Repeat("[", 4_900_000)
	opt := baseExportOptions()
	opt.Check = func(a *domain.Article) []string {
		var out []string
		for _, f := range markup.AttributionFindings(a) {
			out = append(out, fmt.Sprintf("article %q: %s: %s", a.Slug, f.Kind, f.Message))
		}
		return out
	}
	dir := t.TempDir()
	start := time.Now()
	rep := mustExport(t, src, dir, opt)
	t.Logf("export with a refused 4.9 MB body: %v", time.Since(start))
	want := fmt.Sprintf("article %q: %s:", src.articles[1].Slug, domain.FindingBodyRefused)
	if !strings.Contains(strings.Join(rep.Warnings, "\n"), want) {
		t.Errorf("warnings lack %q:\n%s", want, strings.Join(rep.Warnings, "\n"))
	}
	pages := 0
	for i, a := range src.articles {
		page, err := os.ReadFile(filepath.Join(dir, a.Slug, "index.html"))
		if err != nil {
			if i == 1 {
				t.Fatalf("page of %q: %v", a.Slug, err)
			}
			continue // not live (embargoed, draft)
		}
		pages++
		if refused := strings.Contains(string(page), `class="body-refused"`); refused != (i == 1) {
			t.Errorf("page of %q says its body is refused: %v", a.Slug, refused)
		}
	}
	if pages < 3 {
		t.Errorf("%d pages written, want the refused one and the others", pages)
	}
}
