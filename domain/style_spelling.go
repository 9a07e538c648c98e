package domain

import (
	"strings"
)

// spellingForm is a word whose spelling belongs to one variety of English,
// with the other variety's form of it.
type spellingForm struct {
	variety     SpellingVariety
	counterpart string
}

// spellingForms maps lower-case words to their variety. Only words whose
// form tells the variety apart are listed: "among", "program" or
// "license" are written in both, so only "amongst", "programme" and
// "licence" count.
var spellingForms = buildSpellingForms()

// spellingEndings marks the last two letters (lower-case ASCII) of every
// listed form: a word ending otherwise is not looked up, which spares the
// map most of an article's words.
var spellingEndings = func() (ends [26 * 26]bool) {
	for w := range spellingForms {
		if i, ok := endingIndex(w); ok {
			ends[i] = true
		}
	}
	return ends
}()

// endingIndex is the index of w's last two letters in spellingEndings;
// false when they are not both ASCII letters.
func endingIndex(w string) (int, bool) {
	if len(w) < 2 {
		return 0, false
	}
	a, b := w[len(w)-2]|0x20, w[len(w)-1]|0x20 // ASCII lower case
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return 0, false
	}
	return int(a-'a')*26 + int(b-'a'), true
}

func buildSpellingForms() map[string]spellingForm {
	m := map[string]spellingForm{}
	pair := func(gb, us string) {
		if gb != "" && us != "" {
			m[gb] = spellingForm{BritishSpelling, us}
			m[us] = spellingForm{AmericanSpelling, gb}
		}
	}
	gbOnly := func(gb, us string) { m[gb] = spellingForm{BritishSpelling, us} }
	// -our / -or
	for _, stem := range strings.Fields("col fav hon lab neighb behavi harb hum rum flav vap sav arm endeav parl rig vig od splend cand clam tum ferv ard") {
		for _, sfx := range []string{"", "s", "ed", "ing", "ful", "ite", "ites", "able", "er", "ers", "hood", "less"} {
			pair(stem+"our"+sfx, stem+"or"+sfx)
		}
	}
	// -ise / -ize, -yse / -yze
	for _, stem := range strings.Fields("real organ recogn apolog critic emphas summar special minim maxim optim legitim victim econom item custom author categor memor theor vapor terror prior stabil destabil mobil immobil civil fertil steril util capital central decentral commercial final formal industrial jeopard legal liberal local modern national normal popular privat public revital social symbol character civil colon democrat dramat familiar global harmon human ideal jeopard marginal material moral neutral ostrac pasteur penal person polar politic radical rational scrutin sensit standard subsid sympath synchron trivial urban visual vocal") {
		for _, sfx := range []string{"e", "es", "ed", "ing", "ation", "ations", "er", "ers"} {
			pair(stem+"is"+sfx, stem+"iz"+sfx)
		}
	}
	for _, stem := range strings.Fields("anal paral catal breathal electrol dial hydrol") {
		for _, sfx := range []string{"e", "es", "ed", "ing"} {
			pair(stem+"ys"+sfx, stem+"yz"+sfx)
		}
	}
	// doubled l before a suffix
	for _, stem := range strings.Fields("cancel travel label model fuel refuel counsel signal level marvel channel tunnel total dial equal rival quarrel unravel libel pencil shovel snorkel swivel grovel jewel yodel spiral duel panel barrel funnel") {
		pair(stem+"led", stem+"ed")
		pair(stem+"ling", stem+"ing")
		pair(stem+"ler", stem+"er")
		pair(stem+"lers", stem+"ers")
	}
	pair("marvellous", "marvelous")
	pair("jewellery", "jewelry")
	pair("counsellor", "counselor")
	pair("counsellors", "counselors")
	// -re / -er
	for _, stem := range strings.Fields("cent theat lit fib calib somb spect lust meag sab manoeuv") {
		us := stem
		if stem == "manoeuv" {
			us = "maneuv"
		}
		pair(stem+"re", us+"er")
		pair(stem+"res", us+"ers")
		pair(stem+"red", us+"ered")
	}
	// -ence / -ense
	pair("defence", "defense")
	pair("defences", "defenses")
	pair("offence", "offense")
	pair("offences", "offenses")
	pair("pretence", "pretense")
	gbOnly("licence", "license")
	gbOnly("licences", "licenses")
	// single words
	for _, p := range [][2]string{
		{"catalogue", "catalog"}, {"analogue", "analog"}, {"grey", "gray"}, {"aluminium", "aluminum"},
		{"plough", "plow"}, {"sceptic", "skeptic"}, {"sceptical", "skeptical"}, {"scepticism", "skepticism"},
		{"mould", "mold"}, {"smoulder", "smolder"}, {"paediatric", "pediatric"}, {"encyclopaedia", "encyclopedia"},
		{"aeroplane", "airplane"}, {"ageing", "aging"}, {"fulfil", "fulfill"}, {"fulfilment", "fulfillment"},
		{"enrol", "enroll"}, {"enrolment", "enrollment"}, {"instil", "instill"}, {"distil", "distill"},
		{"skilful", "skillful"}, {"wilful", "willful"}, {"pyjamas", "pajamas"}, {"instalment", "installment"},
		{"cosy", "cozy"}, {"moustache", "mustache"}, {"sulphur", "sulfur"}, {"oestrogen", "estrogen"},
		{"diarrhoea", "diarrhea"}, {"foetus", "fetus"}, {"haemorrhage", "hemorrhage"}, {"anaemia", "anemia"},
	} {
		pair(p[0], p[1])
	}
	for _, p := range [][2]string{
		{"amongst", "among"}, {"whilst", "while"}, {"programme", "program"}, {"programmes", "programs"},
		{"tyre", "tire"}, {"tyres", "tires"}, {"cheque", "check"}, {"cheques", "checks"}, {"kerb", "curb"},
		{"storey", "story"}, {"storeys", "stories"}, {"draught", "draft"}, {"judgement", "judgment"},
		{"learnt", "learned"}, {"spelt", "spelled"},
	} {
		gbOnly(p[0], p[1])
	}
	m["gotten"] = spellingForm{AmericanSpelling, "got"}
	return m
}

// mixedSpelling finds spellings of one variety of English in an article
// otherwise written in the other: of the house's variety when it has one,
// else of the article's majority (the later variety when they are even).
func (c *styleCheck) mixedSpelling(names []string) {
	type use struct {
		field string
		word  Word
		form  spellingForm
	}
	var uses []use
	count := map[SpellingVariety]int{}
	var lower []byte
	for _, name := range names {
		for _, block := range c.words[name] {
			for _, w := range block {
				if len(w.Text) < 4 || len(w.Text) > 20 {
					continue // every listed form has 4 to 20 letters
				}
				if i, ok := endingIndex(w.Text); !ok || !spellingEndings[i] {
					continue // no listed form ends so (all are ASCII)
				}
				lower = asciiLower(lower[:0], w.Text)
				form, ok := spellingForms[string(lower)]
				if !ok {
					continue
				}
				uses = append(uses, use{name, w, form})
				count[form.variety]++
			}
		}
	}
	house := c.settings.Spelling
	if house == "" {
		if count[BritishSpelling] == 0 || count[AmericanSpelling] == 0 {
			return
		}
		house = BritishSpelling
		if count[AmericanSpelling] > count[BritishSpelling] {
			house = AmericanSpelling
		}
	}
	name := map[SpellingVariety]string{BritishSpelling: "British", AmericanSpelling: "American"}
	var examples []string
	for _, u := range uses {
		if u.form.variety == house && len(examples) < 3 {
			examples = append(examples, "“"+u.word.Text+"”")
		}
	}
	context := "house spelling is " + name[house]
	if len(examples) > 0 {
		context += " (as in " + strings.Join(examples, ", ") + ")"
	}
	for _, u := range uses {
		if u.form.variety == house {
			continue
		}
		suggestion := matchCase(u.word.Text, u.form.counterpart)
		c.add(StyleFinding{Kind: StyleMixedSpelling, Field: u.field, Start: u.word.Start, End: u.word.End,
			Message:    name[u.form.variety] + " spelling “" + u.word.Text + "”; " + context + ": “" + suggestion + "”",
			Suggestion: suggestion})
	}
}

// asciiLower appends s to dst with ASCII letters in lower case (the
// listed forms are ASCII; other letters are kept and then match nothing).
func asciiLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		dst = append(dst, b)
	}
	return dst
}
