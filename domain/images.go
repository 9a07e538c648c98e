package domain

import (
	"fmt"
	"sort"
	"strings"
)

// Kinds of Finding about an article's images.
const (
	// FindingImageUnknownRef is an {{image REF}} marker or a lead image
	// naming no record of the media library.
	FindingImageUnknownRef = "image-unknown-ref"
	// FindingImageMissingAlt is an image of a published article without
	// alt text (readers who cannot see it are told nothing).
	FindingImageMissingAlt = "image-missing-alt"
	// FindingImageMissingCredit is an image of a published article
	// without a credit (who took it, or whose it is).
	FindingImageMissingCredit = "image-missing-credit"
)

// CheckImages lists the problems of a's images: placements and a lead
// image that name no record of media (the library's records by Ref), and,
// once a is published, images without alt text or credit. Findings about
// a placement cover its marker in the body; those about the lead image
// have Offset and End -1. Each has Image set to the reference concerned.
// Findings come sorted by Offset, the lead image's first.
func CheckImages(a *Article, body BodyMarks, media map[string]Media) []Finding {
	if a == nil {
		return nil
	}
	var out []Finding
	published := a.Status == StatusPublished
	judge := func(ref, where string, at func(kind, message string) Finding) {
		m, ok := media[ref]
		if !ok {
			if strings.TrimSpace(ref) == "" {
				out = append(out, at(FindingImageUnknownRef, "image marker names no image"))
				return
			}
			out = append(out, at(FindingImageUnknownRef, fmt.Sprintf("%s %q is not in the media library", where, ref)))
			return
		}
		if !published {
			return
		}
		if strings.TrimSpace(m.Alt) == "" {
			out = append(out, at(FindingImageMissingAlt, fmt.Sprintf("%s %q has no alt text for readers who cannot see it", where, ref)))
		}
		if strings.TrimSpace(m.Credit) == "" {
			out = append(out, at(FindingImageMissingCredit, fmt.Sprintf("%s %q has no credit", where, ref)))
		}
	}
	if lead := strings.TrimSpace(a.LeadImage); lead != "" {
		judge(lead, "lead image", func(kind, message string) Finding {
			return Finding{Kind: kind, Message: message, Offset: -1, End: -1, Image: lead}
		})
	}
	for _, p := range body.Images {
		judge(p.Ref, "image", func(kind, message string) Finding {
			return Finding{Kind: kind, Message: message, Excerpt: bodyExcerpt(a.Body, p.Start, p.End), Offset: p.Start, End: p.End, Image: p.Ref}
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	return out
}

// ImageRefs lists the media references a uses: its lead image, then the
// body's placements (body, as the body grammar read it), each once.
func ImageRefs(a *Article, body BodyMarks) []string {
	var out []string
	seen := map[string]bool{}
	add := func(ref string) {
		if ref = strings.TrimSpace(ref); ref != "" && !seen[ref] {
			seen[ref] = true
			out = append(out, ref)
		}
	}
	if a != nil {
		add(a.LeadImage)
	}
	for _, p := range body.Images {
		add(p.Ref)
	}
	return out
}
