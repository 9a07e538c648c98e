package publish

import (
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

func TestPageKeyNoticesEveryRenderedChange(t *testing.T) {
	base := sampleArticle()
	comments := hostileComments()
	key := pageKey("site", &base, domain.ContentDigest(&base), comments, false)
	if again := pageKey("site", &base, domain.ContentDigest(&base), comments, false); again != key {
		t.Fatal("same input gives different keys")
	}
	edits := []struct {
		name string
		edit func(a *domain.Article, c []domain.Comment) (string, bool)
	}{
		{"site", func(a *domain.Article, c []domain.Comment) (string, bool) { return "other site", false }},
		{"draft", func(a *domain.Article, c []domain.Comment) (string, bool) { return "site", true }},
		{"body one byte", func(a *domain.Article, c []domain.Comment) (string, bool) {
			a.Body = strings.Replace(a.Body, "Kerry", "Kerri", 1)
			return "site", false
		}},
		{"headline", func(a *domain.Article, c []domain.Comment) (string, bool) { a.Headline += "!"; return "site", false }},
		{"field boundary", func(a *domain.Article, c []domain.Comment) (string, bool) {
			a.Headline, a.Standfirst = a.Headline+a.Standfirst[:1], a.Standfirst[1:]
			return "site", false
		}},
		{"quote text", func(a *domain.Article, c []domain.Comment) (string, bool) {
			a.Quotes[0].Text = "x"
			return "site", false
		}},
		{"source URL", func(a *domain.Article, c []domain.Comment) (string, bool) {
			a.Sources[0].URL = "https://elsewhere.example/"
			return "site", false
		}},
		{"published zone", func(a *domain.Article, c []domain.Comment) (string, bool) {
			a.PublishedAt = a.PublishedAt.In(time.FixedZone("BST", 3600))
			return "site", false
		}},
		{"fact check", func(a *domain.Article, c []domain.Comment) (string, bool) {
			a.FactCheck.Checked = false
			return "site", false
		}},
		{"keyword", func(a *domain.Article, c []domain.Comment) (string, bool) {
			a.Keywords = a.Keywords[:2]
			return "site", false
		}},
		{"comment body", func(a *domain.Article, c []domain.Comment) (string, bool) { c[0].Body += "."; return "site", false }},
		{"comment parent", func(a *domain.Article, c []domain.Comment) (string, bool) { c[0].ParentID = 0; return "site", false }},
	}
	for _, tt := range edits {
		t.Run(tt.name, func(t *testing.T) {
			a := sampleArticle()
			c := hostileComments()
			site, draft := tt.edit(&a, c)
			if pageKey(site, &a, domain.ContentDigest(&a), c, draft) == key {
				t.Error("key did not change")
			}
		})
	}
	// The private note is not published, so it does not matter.
	a := sampleArticle()
	a.Sources[0].Note = "changed note"
	if pageKey("site", &a, domain.ContentDigest(&a), comments, false) != key {
		t.Error("key changed with the private note")
	}
	if pageKey("site", &a, "", comments, false) != "" {
		t.Error("an unknown digest must give an empty key")
	}
}

func TestKeyHasherLongStrings(t *testing.T) {
	long := strings.Repeat("a", 10000)
	var k1, k2, k3 keyHasher
	k1.str(long)
	k2.str(long[:9999] + "b")
	k3.str(long)
	if k1.sum() == k2.sum() || k1.sum() != k3.sum() {
		t.Error("fingerprints of strings longer than the scratch buffer are wrong")
	}
}
