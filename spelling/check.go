package spelling

import "newsroom/domain"

// Misspelling is a word the dictionary does not know, with its byte range
// in the text it came from.
type Misspelling struct {
	Word       string `json:"word"`
	Start, End int    `json:"-"`
}

// Misspelt lists the words of prose the checker does not know. Words that
// are not the writer's spelling are skipped: with digits (2015, G7), of
// one letter, in capitals (NATO, RIA), and those ignore accepts (the
// article's ignored words). prose comes from the body grammar, so code,
// URLs and markers are already blanked out.
func (c *Checker) Misspelt(prose []domain.Prose, ignore func(word string) bool) []Misspelling {
	var out []Misspelling
	for _, w := range domain.SpellingCandidates(prose) {
		if (ignore != nil && ignore(w.Text)) || c.Correct(w.Text) {
			continue
		}
		out = append(out, Misspelling{Word: w.Text, Start: w.Start, End: w.End})
	}
	return out
}
