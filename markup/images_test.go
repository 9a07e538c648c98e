package markup

import (
	"reflect"
	"testing"

	"newsroom/domain"
)

func TestImagePlacements(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []domain.ImagePlacement
		// asText is how many markers the page prints as text.
		asText int
	}{
		{"plain", "{{image 3fa9c1d2e4b5}}", []domain.ImagePlacement{{Ref: "3fa9c1d2e4b5", Start: 0, End: 22}}, 0},
		{"keyword case and spaces", "Intro.\n\n{{ Image 3fa9c1d2e4b5 }}\n\nMore.",
			[]domain.ImagePlacement{{Ref: "3fa9c1d2e4b5", Start: 8, End: 32}}, 0},
		{"caption override", `{{image abc "The square at dawn"}}`,
			[]domain.ImagePlacement{{Ref: "abc", Caption: "The square at dawn", CaptionSet: true, Start: 0, End: 34}}, 0},
		{"curly caption override", "{{image abc “Dawn, “quoted” word”}}",
			[]domain.ImagePlacement{{Ref: "abc", Caption: "Dawn, “quoted” word", CaptionSet: true, Start: 0, End: len("{{image abc “Dawn, “quoted” word”}}")}}, 0},
		{"empty override hides the caption", `{{image abc ""}}`,
			[]domain.ImagePlacement{{Ref: "abc", CaptionSet: true, Start: 0, End: 16}}, 0},
		{"unclosed caption is part of the ref", `{{image abc "dawn}}`,
			[]domain.ImagePlacement{{Ref: `abc "dawn`, Start: 0, End: 19}}, 0},
		{"no ref", "{{image}}", []domain.ImagePlacement{{Ref: "", Start: 0, End: 9}}, 0},
		{"interrupts a paragraph", "Text line\n{{image abc}}", []domain.ImagePlacement{{Ref: "abc", Start: 10, End: 23}}, 0},
		{"inside a sentence is text", "See {{image abc}} here.", nil, 1},
		{"in code it is code", "`{{image abc}}`\n\n```\n{{image abc}}\n```", nil, 0},
		{"in a list item", "- {{image abc}}", []domain.ImagePlacement{{Ref: "abc", Start: 2, End: 15}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := BodyMarks(&domain.Article{Body: tt.body})
			if !reflect.DeepEqual(m.Images, tt.want) {
				t.Errorf("images = %+v, want %+v", m.Images, tt.want)
			}
			if len(m.AsText) != tt.asText {
				t.Errorf("as text = %+v, want %d", m.AsText, tt.asText)
			}
			for _, p := range m.Images {
				if got := tt.body[p.Start:p.End]; got[:2] != "{{" || got[len(got)-2:] != "}}" {
					t.Errorf("span %d-%d is %q, not the marker", p.Start, p.End, got)
				}
			}
		})
	}
}

func TestImageSpansFollowCleanedBody(t *testing.T) {
	// A carriage return before the marker is cleaned away: spans still
	// point into Article.Body.
	body := "One.\r\n\r\n{{image abc}}"
	m := BodyMarks(&domain.Article{Body: body})
	if len(m.Images) != 1 || body[m.Images[0].Start:m.Images[0].End] != "{{image abc}}" {
		t.Fatalf("images = %+v", m.Images)
	}
}

func TestDocImagesAndImageRefs(t *testing.T) {
	a := &domain.Article{LeadImage: "lead1", Body: "{{image b}}\n\n> {{image c}}\n\n{{image b}}\n\n{{image lead1}}"}
	doc, err := Parse(a)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, f := range doc.Images() {
		refs = append(refs, f.Ref)
	}
	if want := []string{"b", "c", "b", "lead1"}; !reflect.DeepEqual(refs, want) {
		t.Errorf("Doc.Images refs = %v, want %v", refs, want)
	}
	if got, want := ImageRefs(a), []string{"lead1", "b", "c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ImageRefs = %v, want %v", got, want)
	}
}

func TestCheckImagesThroughGrammar(t *testing.T) {
	a := &domain.Article{Status: domain.StatusPublished, Body: "{{image good}}\n\n{{image gone}}"}
	media := map[string]domain.Media{"good": {Ref: "good", Alt: "A square", Credit: "Photo: A. Person"}}
	f := CheckImages(a, media)
	if len(f) != 1 || f[0].Kind != domain.FindingImageUnknownRef || f[0].Image != "gone" || a.Body[f[0].Offset:f[0].End] != "{{image gone}}" {
		t.Fatalf("findings = %+v", f)
	}
}
