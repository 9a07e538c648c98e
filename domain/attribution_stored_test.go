package domain

import (
	"reflect"
	"testing"
)

func TestAttributionFindingsTrustsOnlyCurrentStoredFindings(t *testing.T) {
	base := func() *Article {
		return &Article{
			Body:    "Officials were cautious.\n\n\"We will not stand by while this happens,\" a voice shouted.\n\n{{quote harf}}\n",
			Sources: []Source{{Name: "Reuters"}},
			Quotes:  []Quote{{Ref: "harf", Text: "A trip.", Speaker: "Marie Harf", Source: "Reuters"}},
		}
	}
	fake := []Finding{{Kind: "stored", Message: "from the database", Offset: 0}}
	stored := func(a *Article) StoredFindings {
		return NewStoredFindings(a, fake) // fake tells stored findings from fresh ones
	}
	tests := []struct {
		name       string
		change     func(a *Article)
		wantStored bool
	}{
		{"unchanged", func(a *Article) {}, true},
		{"headline change is irrelevant", func(a *Article) { a.Headline = "New" }, true},
		{"body changed", func(a *Article) { a.Body += "More.\n" }, false},
		{"quote speaker removed", func(a *Article) { a.Quotes[0].Speaker = "" }, false},
		{"quote source renamed", func(a *Article) { a.Quotes[0].Source = "AP" }, false},
		{"source renamed", func(a *Article) { a.Sources[0].Name = "AP" }, false},
		{"source added", func(a *Article) { a.Sources = append(a.Sources, Source{Name: "AP"}) }, false},
		{"older rules", func(a *Article) { a.Attribution.Rules = AttributionRules - 1 }, false},
		{"nothing stored", func(a *Article) { a.Attribution = StoredFindings{} }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := base()
			a.Attribution = stored(a)
			tt.change(a)
			got, ok := StoredAttribution(a)
			if ok != tt.wantStored || ok && !reflect.DeepEqual(got, fake) {
				t.Fatalf("StoredAttribution = %+v, %v; want stored %v", got, ok, tt.wantStored)
			}
		})
	}
}

func TestNewStoredFindingsNeverNil(t *testing.T) {
	got := NewStoredFindings(&Article{Body: "Nothing quoted."}, nil)
	if got.Rules != AttributionRules || got.Input == "" || got.Findings == nil || len(got.Findings) != 0 {
		t.Fatalf("NewStoredFindings = %#v, want the rules, a digest and an empty list", got)
	}
}
