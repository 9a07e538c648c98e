package domain

import (
	"testing"

	"newsroom/internal/sampletext"
)

func BenchmarkZZStyle4K(b *testing.B) {
	body := sampletext.Body(4000)
	a := &Article{Headline: "Kerry to meet Putin in Sochi", Standfirst: "The talks go on.", Body: body}
	prose := []Prose{{Text: body}}
	s := DefaultStyleSettings()
	for b.Loop() {
		CheckStyle(a, prose, s)
	}
}
