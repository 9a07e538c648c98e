package publish

import "testing"

func BenchmarkSplitBody(b *testing.B) {
	src := corpus(1, 600)
	a := &src.articles[0]
	a.Quotes = nil
	for b.Loop() {
		renderBody(a)
	}
}

func BenchmarkSplitPage(b *testing.B) {
	src := corpus(1, 600)
	a := &src.articles[0]
	body, _, _ := renderBody(a)
	opt := Options{BaseURL: "https://news.example", CommentsURL: "https://news.example/c"}
	for b.Loop() {
		renderArticlePage(a, body, nil, opt)
	}
}

func BenchmarkSplitKey(b *testing.B) {
	src := corpus(1, 600)
	a := &src.articles[0]
	for b.Loop() {
		pageKey("x", a, nil, false)
	}
}
