// Command exportbench times publish.Export on a generated corpus and can
// write the same corpus as Hugo content, for publish/testdata/hugo-compare.sh.
//
//	go run ./publish/cmd/exportbench -n 10000 -words 600 -out /tmp/site [-reexport=false] [-hugo /tmp/hugo/content/posts]
//
// With -hugo and no -out it only writes the corpus.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"newsroom/domain"
	"newsroom/publish"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	words := flag.Int("words", 600, "words per article")
	out := flag.String("out", "", "export directory (must not exist or be empty)")
	hugo := flag.String("hugo", "", "write the corpus as Hugo Markdown into this directory")
	reexport := flag.Bool("reexport", true, "after the export, time a no-change re-export")
	flag.Parse()
	if (*out == "" && *hugo == "") || *n <= 0 || *words <= 0 {
		fmt.Fprintln(os.Stderr, "exportbench: -out or -hugo is required; -n and -words must be positive")
		os.Exit(2)
	}
	if err := run(*n, *words, *out, *hugo, *reexport); err != nil {
		fmt.Fprintln(os.Stderr, "exportbench:", err)
		os.Exit(1)
	}
}

func run(n, words int, out, hugo string, reexport bool) error {
	src := newCorpus(n, words)
	if hugo != "" {
		if err := writeHugo(src.Articles, hugo); err != nil {
			return err
		}
	}
	if out == "" {
		return nil
	}
	opt := publish.ExportOptions{SiteTitle: "Bench Daily", BaseURL: "https://news.example", CommentsURL: "https://news.example/comments", Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	start := time.Now()
	rep, err := publish.Export(context.Background(), src, out, opt, nil)
	if err != nil {
		return err
	}
	full := time.Since(start)
	fmt.Printf("export:           %d articles, %d files written, %d unchanged in %v\n", n, rep.Written, rep.Unchanged, full.Round(time.Millisecond))
	if !reexport {
		return nil
	}
	start = time.Now()
	rep, err = publish.Export(context.Background(), src, out, opt, nil)
	if err != nil {
		return err
	}
	again := time.Since(start)
	fmt.Printf("no-change export: %d written, %d unchanged in %v (%.1f%% of full)\n", rep.Written, rep.Unchanged, again.Round(time.Millisecond), 100*again.Seconds()/full.Seconds())
	return nil
}

type corpus struct{ publish.MemorySource }

var vocab = strings.Fields("the minister said talks in Sochi would cover Iran Syria and Ukraine while officials in Moscow and Washington kept a cautious tone about sanctions ceasefire troops training and the summit")

func newCorpus(n, words int) *corpus {
	c := &corpus{}
	t0 := time.Date(2015, 5, 11, 9, 30, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		var b strings.Builder
		for w := 0; w < words; w++ {
			word := vocab[(w*7+i)%len(vocab)]
			switch {
			case w%97 == 0:
				b.WriteString("*" + word + "*")
			case w%151 == 0:
				b.WriteString("[" + word + "](https://example.org/" + word + ")")
			default:
				b.WriteString(word)
			}
			if w%60 == 59 {
				b.WriteString(".\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		at := t0.Add(time.Duration(i) * time.Minute)
		c.Articles = append(c.Articles, domain.Article{
			ID: int64(i + 1), Slug: fmt.Sprintf("story-%05d", i), Headline: fmt.Sprintf("Story number %d about diplomacy", i),
			Standfirst: "The minister said talks in Sochi would cover Iran, Syria and Ukraine.", Byline: "By Bench Writer",
			Body: b.String(), Status: domain.StatusPublished, PublishedAt: at, UpdatedAt: at, Keywords: []string{"World"},
			FactCheck: domain.FactCheck{Checked: true},
		})
	}
	return c
}

func writeHugo(articles []domain.Article, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, a := range articles {
		front := fmt.Sprintf("---\ntitle: %q\ndate: %s\ndescription: %q\nslug: %q\n---\n\n", a.Headline, a.PublishedAt.Format(time.RFC3339), a.Standfirst, a.Slug)
		if err := os.WriteFile(filepath.Join(dir, a.Slug+".md"), []byte(front+a.Body), 0o644); err != nil {
			return err
		}
	}
	return nil
}
