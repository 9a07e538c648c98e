package domain

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var (
	contributor = Staff{Login: "cora", Name: "Cora Contrib", Role: RoleContributor}
	reporter    = Staff{Login: "rita", Name: "Rita Reporter", Role: RoleReporter}
	editorStaff = Staff{Login: "ed", Name: "Ed Editor", Role: RoleEditor}
	admin       = Staff{Login: "ada", Name: "Ada Admin", Role: RoleAdmin}
)

func TestPolicyCheck(t *testing.T) {
	draftOf := func(logins ...string) ArticleFacts { return ArticleFacts{Authors: logins, Status: StatusDraft} }
	reviewOf := func(logins ...string) ArticleFacts { return ArticleFacts{Authors: logins, Status: StatusReview} }
	publishedOf := func(logins ...string) ArticleFacts { return ArticleFacts{Authors: logins, Status: StatusPublished} }
	removed := reporter
	removed.Removed = time.Now()
	cases := []struct {
		who   Staff
		act   Action
		art   ArticleFacts
		allow bool
	}{
		{contributor, ActCreateArticle, ArticleFacts{}, true},
		{contributor, ActEditArticle, draftOf("cora"), true},
		{contributor, ActEditArticle, reviewOf("cora"), false},
		{contributor, ActEditArticle, draftOf("rita"), false},
		{contributor, ActSubmit, draftOf("cora"), true},
		{contributor, ActSubmit, draftOf("rita"), false},
		{contributor, ActPublish, draftOf("cora"), false},
		{contributor, ActFactCheck, draftOf(), false},
		{contributor, ActModerate, ArticleFacts{}, false},
		{contributor, ActSeeEmails, ArticleFacts{}, false},
		{contributor, ActTakeOver, draftOf("cora"), true},
		{contributor, ActTakeOver, draftOf("rita"), false},
		{reporter, ActEditArticle, reviewOf("rita"), true},
		{reporter, ActEditArticle, publishedOf("rita", "cora"), true},
		{reporter, ActEditArticle, publishedOf("cora"), false},
		{reporter, ActSubmit, publishedOf("rita"), false},
		{reporter, ActPublish, reviewOf("rita"), false},
		{reporter, ActFactCheck, reviewOf(), false},
		{reporter, ActSeeEmails, ArticleFacts{}, false},
		{reporter, ActDeleteArticle, draftOf("rita"), false},
		{reporter, ActSettings, ArticleFacts{}, false},
		{reporter, ActTakeOver, reviewOf("rita"), true},
		{removed, ActEditArticle, draftOf("rita"), false},
		{editorStaff, ActEditArticle, publishedOf("rita"), true},
		{editorStaff, ActPublish, reviewOf("rita"), true},
		{editorStaff, ActFactCheck, reviewOf("rita"), true},
		{editorStaff, ActFactCheck, reviewOf("rita", "ed"), false}, // four eyes
		{editorStaff, ActModerate, ArticleFacts{}, true},
		{editorStaff, ActSeeEmails, ArticleFacts{}, true},
		{editorStaff, ActTakeOver, draftOf("rita"), true},
		{editorStaff, ActSettings, ArticleFacts{}, false},
		{editorStaff, ActExport, ArticleFacts{}, false},
		{editorStaff, ActManageStaff, ArticleFacts{}, false},
		{admin, ActManageStaff, ArticleFacts{}, true},
		{admin, ActExport, ArticleFacts{}, true},
		{admin, ActSettings, ArticleFacts{}, true},
		{admin, ActFactCheck, reviewOf("ada"), false}, // four eyes binds admins too
		{admin, ActPublish, draftOf(), true},
	}
	p := Policy{FourEyes: true}
	for _, c := range cases {
		err := p.Check(c.who, c.act, c.art)
		if (err == nil) != c.allow {
			t.Errorf("%s %s %v: err = %v, want allowed %v", c.who.Role, c.act, c.art, err, c.allow)
		}
		if err != nil && !errors.Is(err, ErrForbidden) {
			t.Errorf("%s %s: %v does not wrap ErrForbidden", c.who.Role, c.act, err)
		}
	}
	if err := (Policy{}).Check(editorStaff, ActFactCheck, reviewOf("ed")); err != nil {
		t.Errorf("four eyes off: an editor may check their own article, got %v", err)
	}
}

func TestForbiddenSaysWhoMay(t *testing.T) {
	err := Policy{}.Check(reporter, ActPublish, ArticleFacts{})
	want := "Rita Reporter (reporter) may not publish, schedule or unpublish articles: only editors and admins may"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}
	err = Policy{FourEyes: true}.Check(editorStaff, ActFactCheck, ArticleFacts{Authors: []string{"ed"}})
	if err == nil || !strings.Contains(err.Error(), "four-eyes") {
		t.Fatalf("the four-eyes refusal should name the rule: %v", err)
	}
}

func TestPolicyCheckSave(t *testing.T) {
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	base := Article{Slug: "s", Headline: "H", Status: StatusDraft}
	with := func(f func(a *Article)) *Article { a := base; f(&a); return &a }
	cases := []struct {
		name       string
		who        Staff
		old, new   *Article
		oldA, newA []string
		allow      bool
	}{
		{"contributor edits own draft", contributor, &base, with(func(a *Article) { a.Body = "x" }), []string{"cora"}, []string{"cora"}, true},
		{"contributor submits", contributor, &base, with(func(a *Article) { a.Status = StatusReview }), []string{"cora"}, []string{"cora"}, true},
		{"contributor publishes", contributor, &base, with(func(a *Article) { a.Status = StatusPublished; a.PublishedAt = at }), []string{"cora"}, []string{"cora"}, false},
		{"contributor edits another's draft", contributor, &base, with(func(a *Article) { a.Body = "x" }), []string{"rita"}, []string{"rita"}, false},
		{"contributor drops own byline", contributor, &base, with(func(a *Article) { a.Byline = "Rita Reporter" }), []string{"cora"}, []string{"rita"}, false},
		{"contributor adds a co-author", contributor, &base, with(func(a *Article) { a.Byline = "x" }), []string{"cora"}, []string{"cora", "rita"}, true},
		{"contributor marks checked", contributor, &base, with(func(a *Article) { a.FactCheck = FactCheck{Checked: true, By: "Cora"} }), []string{"cora"}, []string{"cora"}, false},
		{"reporter edits own published", reporter, with(func(a *Article) { a.Status = StatusPublished; a.PublishedAt = at }),
			with(func(a *Article) { a.Status = StatusPublished; a.PublishedAt = at; a.Body = "fix" }), []string{"rita"}, []string{"rita"}, true},
		{"reporter moves the publication time", reporter, with(func(a *Article) { a.Status = StatusPublished; a.PublishedAt = at }),
			with(func(a *Article) { a.Status = StatusPublished; a.PublishedAt = at.Add(time.Hour) }), []string{"rita"}, []string{"rita"}, false},
		{"reporter unpublishes", reporter, with(func(a *Article) { a.Status = StatusPublished; a.PublishedAt = at }),
			with(func(a *Article) { a.Status = StatusDraft }), []string{"rita"}, []string{"rita"}, false},
		{"editor publishes", editorStaff, &base, with(func(a *Article) { a.Status = StatusPublished; a.PublishedAt = at }), []string{"rita"}, []string{"rita"}, true},
		{"editor checks own article", editorStaff, &base, with(func(a *Article) { a.FactCheck = FactCheck{Checked: true, By: "Ed"} }), []string{"ed"}, []string{"ed"}, false},
		{"editor checks another's", editorStaff, &base, with(func(a *Article) { a.FactCheck = FactCheck{Checked: true, By: "Ed"} }), []string{"rita"}, []string{"rita"}, true},
	}
	p := Policy{FourEyes: true}
	for _, c := range cases {
		err := p.CheckSave(c.who, ArticleChange{Old: c.old, New: c.new, OldAuthors: c.oldA, NewAuthors: c.newA})
		if (err == nil) != c.allow {
			t.Errorf("%s: err = %v, want allowed %v", c.name, err, c.allow)
		}
	}
}

func TestPolicyCheckCreate(t *testing.T) {
	p := Policy{}
	draft := &Article{Status: StatusDraft}
	if err := p.CheckCreate(contributor, draft, []string{"cora"}); err != nil {
		t.Errorf("own draft: %v", err)
	}
	if err := p.CheckCreate(contributor, draft, []string{"rita"}); !errors.Is(err, ErrForbidden) {
		t.Errorf("draft for another: %v", err)
	}
	if err := p.CheckCreate(reporter, &Article{Status: StatusPublished}, []string{"rita"}); !errors.Is(err, ErrForbidden) {
		t.Errorf("reporter creating a published article: %v", err)
	}
	if err := p.CheckCreate(editorStaff, &Article{Status: StatusPublished}, nil); err != nil {
		t.Errorf("editor: %v", err)
	}
}

func TestBylineSplitJoin(t *testing.T) {
	cases := map[string][]string{
		"Maria Lopez":                   {"Maria Lopez"},
		"By Maria Lopez and Sam Okafor": {"Maria Lopez", "Sam Okafor"},
		"A, B and C":                    {"A", "B", "C"},
		"A & B, a":                      {"A", "B"},
		"  ":                            nil,
	}
	for in, want := range cases {
		got := SplitByline(in)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("SplitByline(%q) = %q, want %q", in, got, want)
		}
	}
	if got := JoinByline([]string{"A", "B", "C"}); got != "A, B and C" {
		t.Errorf("JoinByline = %q", got)
	}
	if got := JoinByline([]string{"A", "B"}); got != "A and B" {
		t.Errorf("JoinByline = %q", got)
	}
}

func TestStaffValidate(t *testing.T) {
	ok := Staff{Login: "maria-lopez", Name: "Maria López", Role: RoleEditor}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := []Staff{
		{Login: "Maria", Name: "M", Role: RoleEditor},
		{Login: "-m", Name: "M", Role: RoleEditor},
		{Login: "m", Name: "", Role: RoleEditor},
		{Login: "m", Name: "A, B", Role: RoleEditor},
		{Login: "m", Name: "M", Role: "boss"},
	}
	for _, s := range bad {
		if err := s.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+v: err = %v, want ErrInvalid", s, err)
		}
	}
	if got := LoginFor("María López"); got != "maria-lopez" {
		t.Errorf("LoginFor = %q", got)
	}
}
