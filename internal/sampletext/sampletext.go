// Package sampletext generates deterministic article-like text for tests
// and benchmarks, so that figures measured in different packages are
// measured on the same text.
package sampletext

import (
	"math/rand/v2"
	"strings"
)

// bodyWords is the vocabulary of generated articles.
var bodyWords = strings.Fields(`the minister said on Tuesday that government would review
policy after protests in capital where thousands gathered outside parliament demanding
answers about budget cuts to hospitals schools and public transport officials declined
comment but spokesperson confirmed meeting with union leaders scheduled for next week
analysts expect inflation figures released Thursday to show slight decline although
energy prices remain volatile across region opposition party called decision reckless
while business groups welcomed clarity international observers noted election turnout
was highest since referendum journalists reported from several cities including northern
port town fishermen blockaded harbour overnight police estimated crowd at fifteen thousand
organisers claimed twice that number correspondent reporting "unprecedented" scenes
negotiations resumed late evening according to statement published on official website
https://example.org/news/2024/very-long-article-slug-about-negotiations-and-protests`)

// Body returns deterministic article-like text of about n bytes: varied
// words, sentences and paragraphs, with an occasional heading.
func Body(n int) string {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	var b strings.Builder
	para := 0
	for b.Len() < n {
		if para > 0 {
			b.WriteByte('\n')
		}
		if para%6 == 3 {
			b.WriteString("## Section heading number ")
			b.WriteString(bodyWords[rng.IntN(len(bodyWords))])
			b.WriteByte('\n')
		}
		sentences := 2 + rng.IntN(5)
		for s := 0; s < sentences; s++ {
			words := 6 + rng.IntN(20)
			for w := 0; w < words; w++ {
				word := bodyWords[rng.IntN(len(bodyWords))]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(word)
				if w > 0 && w < words-1 && rng.IntN(9) == 0 {
					b.WriteByte(',')
				}
			}
			b.WriteString(". ")
		}
		para++
	}
	return strings.TrimSpace(b.String())
}
