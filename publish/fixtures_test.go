package publish

import (
	"context"
	"fmt"
	"strings"
	"time"

	"newsroom/domain"
)

var (
	t0      = time.Date(2015, 5, 11, 9, 30, 0, 0, time.UTC)
	exportT = time.Date(2015, 6, 1, 12, 0, 0, 0, time.UTC)
)

const sampleBody = `John Kerry, the US Secretary of State, is planning his trip to the Black Sea resort of Sochi on Tuesday where he will meet Russian President Vladimir Putin and Foreign Minister Sergey Lavrov.

RIA Novosti news agency quoted a Russian diplomatic source as saying that Kerry’s arrival was “very symbolic,” since the top US diplomat had canceled the trip several times.

> [!excerpt The Guardian]
> It will be his first trip to Russia since the start of the Ukraine crisis, which has badly damaged relations between Moscow and the west.
>
> Kerry has made it clear for several months that he would like to go to Russia.

{{quote harf}}

| Stop | Day |
|------|-----|
| Sochi | Tuesday |
| Antalya | Wednesday |

Sporadic conflict has continued in Ukraine despite a ceasefire agreement signed in ~~March~~ mid-February. "Plain quotes" stay as typed -- and so do dashes.

<script>document.title='pwned-by-body'</script>

<div onclick="alert(1)">raw block</div>

An inline <b onmouseover="alert(1)">raw tag</b>, a [bad link](javascript:alert(1)), <javascript:alert(2)>, ![img](javascript:alert(3)) and https://www.reuters.com/world/ as a bare link.
`

// sampleArticle is the seed story with a quote record, an excerpt, a
// table and hostile raw HTML in its body.
func sampleArticle() domain.Article {
	return domain.Article{
		ID:          1,
		Slug:        "kerry-to-meet-putin",
		Headline:    "Kerry to meet Putin in first Russian visit since start of Ukraine crisis",
		Standfirst:  "US Secretary of State will discuss Iran, Syria and Ukraine with Vladimir Putin & Sergey Lavrov in Sochi </script><script>alert(1)</script>",
		Byline:      "By Jane Reporter",
		Body:        sampleBody,
		Status:      domain.StatusPublished,
		PublishedAt: t0,
		UpdatedAt:   t0.Add(2 * time.Hour),
		CreatedAt:   t0.Add(-time.Hour),
		Keywords:    []string{"World", "Russia", "Ukraine"},
		FactCheck:   domain.FactCheck{Checked: true, By: "Desk", At: t0},
		Sources: []domain.Source{
			{ID: 1, Name: "The Guardian", Kind: domain.SourceNewspaper, URL: "https://www.theguardian.com/world/2015/may/11/kerry-putin", Note: "PRIVATE-NOTE reliable, paywalled"},
			{ID: 2, Name: "Reuters", Kind: domain.SourceNewsAgency, URL: "https://www.reuters.com/"},
			{ID: 3, Name: "Interfax", Kind: domain.SourceNewsAgency, URL: "javascript:alert(4)"},
			{ID: 4, Name: "US State Department", Kind: domain.SourceOfficial},
		},
		Quotes: []domain.Quote{{
			ID: 1, Ref: "harf",
			Text:    "This trip is part of our ongoing effort to maintain direct lines of communication with senior Russian officials <and> to ensure US views are clearly conveyed.",
			Speaker: "Marie Harf", Role: "State Department spokeswoman", Context: "in a written statement",
			Source: "US State Department",
		}},
	}
}

// hostileComments are approved comments (and one pending) written to
// break the page, with replies.
func hostileComments() []domain.Comment {
	c := func(id, parent int64, author, url, body string, minutes int) domain.Comment {
		return domain.Comment{
			ID: id, ArticleID: 1, ParentID: parent, Author: author, URL: url, Body: body,
			Email: fmt.Sprintf("secret%d@example.com", id), ClientAddr: "203.0.113.77",
			Status: domain.CommentApproved, Type: domain.TypeComment,
			SubmittedAt: t0.Add(time.Duration(minutes) * time.Minute),
		}
	}
	pending := c(9, 0, "Pending Person", "", "not yet approved PENDING-TEXT", 1)
	pending.Status = domain.CommentPending
	return []domain.Comment{
		c(4, 1, "Replier", "", "Agreed.\nSecond line.\n\nSecond paragraph with https://example.org/path?a=1&b=2.", 30),
		c(1, 0, "Mallory", "javascript:alert(1)", `<img src=x onerror="document.title='pwned'">`, 10),
		c(2, 0, `"><svg onload=alert(1)>`, "https://mallory.example/home", "<script>document.title='pwned'</script>\n</p></li></ol><b>broken", 20),
		c(3, 0, "Carol", "http://carol.example/", `Click <a href="javascript:alert(1)">here</a> or javascript:alert(1) or https://ok.example/a"onmouseover="alert(1)`, 25),
		c(5, 4, "Deep", "", "A reply to a reply.", 40),
		c(6, 77, "Orphan", "", "Parent was not approved.", 50),
		pending,
	}
}

// fakeSource is an in-memory Source whose fields tests edit.
type fakeSource struct {
	articles []domain.Article
	comments map[int64][]domain.Comment
}

func (f *fakeSource) mem() *MemorySource {
	return &MemorySource{Articles: f.articles, Comments: f.comments}
}

func (f *fakeSource) ExportSummaries(ctx context.Context, includeDrafts bool) ([]domain.Article, error) {
	return f.mem().ExportSummaries(ctx, includeDrafts)
}

func (f *fakeSource) ArticlesByID(ctx context.Context, ids []int64) ([]domain.Article, error) {
	return f.mem().ArticlesByID(ctx, ids)
}

func (f *fakeSource) ApprovedCommentsByArticle(ctx context.Context) (map[int64][]domain.Comment, error) {
	return f.mem().ApprovedCommentsByArticle(ctx)
}

// corpus returns n published articles of about words words each, one of
// them with comments.
func corpus(n, words int) *fakeSource {
	src := &fakeSource{comments: map[int64][]domain.Comment{}}
	for i := 0; i < n; i++ {
		a := sampleArticle()
		a.ID = int64(i + 1)
		a.Slug = fmt.Sprintf("story-%05d", i)
		a.Headline = fmt.Sprintf("Story number %d about diplomacy", i)
		a.PublishedAt = t0.Add(time.Duration(i) * time.Minute)
		a.UpdatedAt = a.PublishedAt
		a.Body = loremBody(words, i)
		src.articles = append(src.articles, a)
	}
	src.comments[1] = hostileComments()
	return src
}

// loremBody is Markdown of about words words, in paragraphs, with some
// emphasis and links.
func loremBody(words, seed int) string {
	vocab := strings.Fields("the minister said talks in Sochi would cover Iran Syria and Ukraine while officials in Moscow and Washington kept a cautious tone about sanctions ceasefire troops training and the summit")
	var b strings.Builder
	for i := 0; i < words; i++ {
		w := vocab[(i*7+seed)%len(vocab)]
		switch {
		case i%97 == 0:
			b.WriteString("*" + w + "*")
		case i%151 == 0:
			b.WriteString("[" + w + "](https://example.org/" + w + ")")
		default:
			b.WriteString(w)
		}
		if i%60 == 59 {
			b.WriteString(".\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
