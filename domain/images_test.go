package domain

import (
	"reflect"
	"testing"
)

func TestCheckImages(t *testing.T) {
	good := Media{Ref: "good", Alt: "Crowds in the square", Credit: "Photo: Ana Lima"}
	noAlt := Media{Ref: "noalt", Credit: "Photo: Ana Lima", Alt: "  "}
	noCredit := Media{Ref: "nocredit", Alt: "A bridge"}
	library := map[string]Media{"good": good, "noalt": noAlt, "nocredit": noCredit}
	place := func(ref string, start int) ImagePlacement {
		return ImagePlacement{Ref: ref, Start: start, End: start + len("{{image }}") + len(ref)}
	}
	type want struct {
		kind, image string
		offset      int
	}
	tests := []struct {
		name   string
		status Status
		lead   string
		images []ImagePlacement
		want   []want
	}{
		{"all good", StatusPublished, "good", []ImagePlacement{place("good", 0)}, nil},
		{"no images", StatusPublished, "", nil, nil},
		{"unknown inline ref", StatusDraft, "", []ImagePlacement{place("gone", 0)}, []want{{FindingImageUnknownRef, "gone", 0}}},
		{"empty ref", StatusDraft, "", []ImagePlacement{{Ref: "", Start: 3, End: 12}}, []want{{FindingImageUnknownRef, "", 3}}},
		{"unknown lead", StatusDraft, "gone", nil, []want{{FindingImageUnknownRef, "gone", -1}}},
		{"draft without alt or credit is fine", StatusDraft, "noalt", []ImagePlacement{place("nocredit", 0)}, nil},
		{"published lead without alt", StatusPublished, "noalt", nil, []want{{FindingImageMissingAlt, "noalt", -1}}},
		{"published inline without credit", StatusPublished, "", []ImagePlacement{place("nocredit", 5)}, []want{{FindingImageMissingCredit, "nocredit", 5}}},
		{"published lead and inline, lead first", StatusPublished, "nocredit", []ImagePlacement{place("noalt", 20)},
			[]want{{FindingImageMissingCredit, "nocredit", -1}, {FindingImageMissingAlt, "noalt", 20}}},
		{"each placement judged", StatusPublished, "", []ImagePlacement{place("noalt", 0), place("noalt", 30)},
			[]want{{FindingImageMissingAlt, "noalt", 0}, {FindingImageMissingAlt, "noalt", 30}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{Status: tt.status, LeadImage: tt.lead, Body: "{{image good}} and more text in the body here"}
			var got []want
			for _, f := range CheckImages(a, BodyMarks{Images: tt.images}, library) {
				got = append(got, want{f.Kind, f.Image, f.Offset})
				if f.Offset < 0 && f.End != -1 {
					t.Errorf("lead finding %+v: End should be -1", f)
				}
				if f.Message == "" {
					t.Errorf("finding %+v has no message", f)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("findings = %+v, want %+v", got, tt.want)
			}
		})
	}
	if CheckImages(nil, BodyMarks{}, library) != nil {
		t.Error("nil article gave findings")
	}
}

func TestImageRefs(t *testing.T) {
	a := &Article{LeadImage: " lead "}
	got := ImageRefs(a, BodyMarks{Images: []ImagePlacement{{Ref: "x"}, {Ref: "lead"}, {Ref: ""}, {Ref: "x"}, {Ref: "y"}}})
	if want := []string{"lead", "x", "y"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ImageRefs = %v, want %v", got, want)
	}
}
