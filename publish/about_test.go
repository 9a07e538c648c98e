package publish

import (
	"strings"
	"testing"
)

func trustMasthead() Masthead {
	return Masthead{
		Staff:             ParseStaff("Jane Reporter | Moscow correspondent | Jane has covered Russia since 2009.\n\n | no name\nDesk Editor | Night editor"),
		About:             "The Daily Sample is published by Sample Media Ltd.\n\nOffices in London.",
		CorrectionsPolicy: "We correct errors promptly and say so at the end of the article.",
		EthicsPolicy:      "We follow the editors' code.",
		PrivacyContact:    "privacy@news.example",
		RetentionDays:     30,
	}
}

func TestParseStaff(t *testing.T) {
	m := trustMasthead()
	if len(m.Staff) != 2 || m.Staff[0] != (Author{"Jane Reporter", "Moscow correspondent", "Jane has covered Russia since 2009."}) || m.Staff[1] != (Author{Name: "Desk Editor", Role: "Night editor"}) {
		t.Errorf("staff = %+v", m.Staff)
	}
}

func TestAuthorAndAboutPages(t *testing.T) {
	dir := t.TempDir()
	opt := baseExportOptions()
	opt.Masthead = trustMasthead()
	mustExport(t, smallSite(), dir, opt)
	files := readTree(t, dir)

	author := string(files["author/jane-reporter/index.html"])
	for _, want := range []string{"<h1>Jane Reporter</h1>", "Moscow correspondent", "Jane has covered Russia since 2009.", `href="../../kerry-to-meet-putin/index.html"`, `href="../../older-story/index.html"`} {
		if !strings.Contains(author, want) {
			t.Errorf("author page lacks %q", want)
		}
	}
	about := string(files["about/index.html"])
	for _, want := range []string{"<h1>About Sample Media Ltd</h1>", "<p>Offices in London.</p>", `<a href="../author/jane-reporter/index.html">Jane Reporter</a>, <span class="role">Moscow correspondent</span>`,
		"<li>Desk Editor, <span class=\"role\">Night editor</span></li>", `id="corrections-policy"`, "We correct errors promptly", `id="ethics-policy"`} {
		if !strings.Contains(about, want) {
			t.Errorf("about page lacks %q", want)
		}
	}
	if strings.Contains(about, "fact-checking-policy") {
		t.Error("about page shows a policy that is not set")
	}

	ld := pageJSONLD(t, string(files["kerry-to-meet-putin/index.html"]))
	pub := ld["publisher"].(map[string]any)
	if pub["@type"] != "NewsMediaOrganization" || pub["correctionsPolicy"] != "https://news.example/about/#corrections-policy" ||
		pub["ethicsPolicy"] != "https://news.example/about/#ethics-policy" || pub["url"] != "https://news.example/" {
		t.Errorf("publisher = %v", pub)
	}
	if _, ok := pub["verificationFactCheckingPolicy"]; ok {
		t.Error("publisher links a policy that is not set")
	}
	authors := ld["author"].([]any)
	if a := authors[0].(map[string]any); a["@type"] != "Person" || a["name"] != "Jane Reporter" || a["url"] != "https://news.example/author/jane-reporter/" {
		t.Errorf("author = %v", a)
	}

	// A new bio rewrites the author page only (the about page lists roles).
	before := files
	opt.Masthead.Staff[0].Bio = "Jane moved to Kyiv in 2022."
	rep := mustExport(t, smallSite(), dir, opt)
	var changed []string
	for name, b := range readTree(t, dir) {
		if name != manifestName && string(before[name]) != string(b) {
			changed = append(changed, name)
		}
	}
	if got := strings.Join(sortedStrings(changed), " "); got != "author/jane-reporter/index.html" || rep.Written != 1 {
		t.Errorf("a new bio changed %s (%+v)", got, rep)
	}
	// A new policy changes the publisher on every page.
	opt.Masthead.FactCheckingPolicy = "Two editors check every figure."
	if rep := mustExport(t, smallSite(), dir, opt); rep.Written < 4 {
		t.Errorf("a new policy rewrote only %d files", rep.Written)
	}
}

func TestPrivacyPageAndCommentFormNote(t *testing.T) {
	dir := t.TempDir()
	opt := baseExportOptions()
	opt.Masthead = trustMasthead()
	mustExport(t, smallSite(), dir, opt)
	files := readTree(t, dir)
	privacy := string(files["privacy/index.html"])
	for _, want := range []string{"Your email address: never published.", "erased 30 days after the comment is sent", "Write to: privacy@news.example.",
		"Nothing about you or your comment is sent to any other company or service.", "“Anonymous”"} {
		if !strings.Contains(privacy, want) {
			t.Errorf("privacy page lacks %q", want)
		}
	}
	page := string(files["kerry-to-meet-putin/index.html"])
	if !strings.Contains(page, `our own filter on this site: nothing is sent to any other service. <a href="../privacy/index.html">Learn how your comment data is processed</a>`) {
		t.Error("the comment form does not say how spam is checked or link the privacy page")
	}
	// A new retention period rewrites the privacy page, nothing else.
	opt.Masthead.RetentionDays = 7
	if rep := mustExport(t, smallSite(), dir, opt); rep.Written != 1 || !strings.Contains(string(readTree(t, dir)["privacy/index.html"]), "erased 7 days") {
		t.Errorf("new retention: %+v", rep)
	}
}
