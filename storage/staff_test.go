package storage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"newsroom/domain"
)

// newsroomStaff fills a store with one member of each role (and signs in
// nobody): ada (admin), ed (editor), rita (reporter), cora (contributor).
func newsroomStaff(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	for _, m := range []domain.Staff{
		{Login: "ada", Name: "Ada Admin", Role: domain.RoleAdmin},
		{Login: "ed", Name: "Ed Editor", Role: domain.RoleEditor},
		{Login: "rita", Name: "Rita Reporter", Role: domain.RoleReporter},
		{Login: "cora", Name: "Cora Contrib", Role: domain.RoleContributor},
	} {
		if _, err := s.AddStaff(ctx, m); err != nil {
			t.Fatalf("add %s: %v", m.Login, err)
		}
	}
}

func signIn(t *testing.T, s *Store, login string) {
	t.Helper()
	if _, err := s.SignIn(context.Background(), login); err != nil {
		t.Fatalf("sign in as %s: %v", login, err)
	}
}

func TestStaffAddRoleRemove(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	// No admin yet: anyone may make the first one.
	if _, err := s.AddStaff(ctx, domain.Staff{Name: "María López", Role: domain.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	signIn(t, s, "maria-lopez")
	if _, err := s.AddStaff(ctx, domain.Staff{Name: "maría lópez", Login: "ml2", Role: domain.RoleEditor}); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("same name twice: %v", err)
	}
	if _, err := s.AddStaff(ctx, domain.Staff{Name: "Sam Okafor", Role: domain.RoleReporter}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddStaff(ctx, domain.Staff{Name: "Other Sam", Login: "sam-okafor", Role: domain.RoleReporter}); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("login taken: %v", err)
	}
	if err := s.SetStaffRole(ctx, "maria-lopez", domain.RoleEditor); !errors.Is(err, domain.ErrInvalid) || !strings.Contains(err.Error(), "only admin") {
		t.Fatalf("the last admin stepping down: %v", err)
	}
	if err := s.RemoveStaff(ctx, "maria-lopez"); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("removing the last admin: %v", err)
	}
	if err := s.SetStaffRole(ctx, "sam-okafor", domain.RoleEditor); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveStaff(ctx, "sam-okafor"); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListStaff(ctx, false)
	if err != nil || len(list) != 1 || list[0].Login != "maria-lopez" {
		t.Fatalf("active staff %+v, %v", list, err)
	}
	all, err := s.ListStaff(ctx, true)
	if err != nil || len(all) != 2 || all[1].Name != "Sam Okafor" || all[1].Active() {
		t.Fatalf("staff with the removed %+v, %v", all, err)
	}
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.SignIn(ctx, "sam-okafor"); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a removed member signing in: %v", err)
	}
}

func TestStaffChangesAreAdminsOnly(t *testing.T) {
	s, _ := openTemp(t)
	newsroomStaff(t, s)
	ctx := context.Background()
	for _, login := range []string{"ed", "rita", "cora"} {
		signIn(t, s, login)
		if _, err := s.AddStaff(ctx, domain.Staff{Name: "New " + login, Role: domain.RoleAdmin}); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("%s adds staff: %v", login, err)
		}
		if err := s.SetStaffRole(ctx, login, domain.RoleAdmin); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("%s promotes themselves: %v", login, err)
		}
		if err := s.RemoveStaff(ctx, "ada"); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("%s removes the admin: %v", login, err)
		}
	}
	signIn(t, s, "ada")
	if err := s.SetStaffRole(ctx, "cora", domain.RoleReporter); err != nil {
		t.Fatal(err)
	}
}

// fixture is a newsroom with each role and their articles.
type fixture struct {
	s                          *Store
	coraDraft, ritaReview, pub *domain.Article
	commentID                  int64
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	s, _ := openTemp(t)
	newsroomStaff(t, s)
	ctx := context.Background()
	mk := func(slug, byline string, st domain.Status) *domain.Article {
		a := sample(slug)
		a.Byline, a.Status = byline, st
		if st == domain.StatusPublished {
			a.PublishedAt = s.now().Add(-1e9)
		}
		if err := s.CreateArticle(ctx, a, "setup"); err != nil {
			t.Fatal(err)
		}
		return a
	}
	f := fixture{s: s,
		coraDraft:  mk("cora-draft", "Cora Contrib", domain.StatusDraft),
		ritaReview: mk("rita-review", "Rita Reporter and Ed Editor", domain.StatusReview),
		pub:        mk("published", "Agency Wire", domain.StatusPublished),
	}
	c := &domain.Comment{ArticleID: f.pub.ID, Author: "Reader", Email: "reader@example.org", ClientAddr: "192.0.2.7",
		Body: "Hello", Status: domain.CommentPending}
	if err := s.AddComment(ctx, c); err != nil {
		t.Fatal(err)
	}
	f.commentID = c.ID
	return f
}

// fresh reads the article again (its stored version).
func (f fixture) fresh(t *testing.T, a *domain.Article) *domain.Article {
	t.Helper()
	got, err := f.s.GetArticle(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestForbiddenActionsRefusedInStorage tries every forbidden action as
// each role and requires a refusal wrapping ErrForbidden, with nothing
// written.
func TestForbiddenActionsRefusedInStorage(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.s
	type attempt struct {
		name string
		do   func() error
	}
	edit := func(a *domain.Article, change func(*domain.Article)) func() error {
		return func() error {
			cur := f.fresh(t, a)
			change(cur)
			_, err := s.SaveArticle(ctx, cur, "typed name")
			return err
		}
	}
	publish := func(a *domain.Article) { a.Status = domain.StatusPublished; a.PublishedAt = s.now() }
	body := func(a *domain.Article) { a.Body += "\n\nMore." }
	factCheck := func(a *domain.Article) func() error {
		return func() error {
			cur := f.fresh(t, a)
			_, err := s.SetFactCheck(ctx, cur.ID, cur.Version, "typed", true)
			return err
		}
	}
	common := []attempt{ // forbidden to contributors and reporters alike
		{"publish own", edit(f.coraDraft, publish)},
		{"publish another's", edit(f.ritaReview, publish)},
		{"unpublish", edit(f.pub, func(a *domain.Article) { a.Status = domain.StatusDraft })},
		{"edit another's", edit(f.pub, body)},
		{"fact-check", factCheck(f.coraDraft)},
		{"mark checked by saving", edit(f.coraDraft, func(a *domain.Article) { a.FactCheck = domain.FactCheck{Checked: true, By: "x"} })},
		{"moderate", func() error { return s.ModerateComments(ctx, ActionApprove, []int64{f.commentID}) }},
		{"delete comments", func() error { return s.DeleteComments(ctx, []int64{f.commentID}) }},
		{"reply as editor", func() error {
			return s.AddComment(ctx, &domain.Comment{ArticleID: f.pub.ID, Author: "x", Body: "y", Status: domain.CommentApproved, ByEditor: true})
		}},
		{"comments by email", func() error { _, err := s.CommentsByEmail(ctx, "reader@example.org"); return err }},
		{"erase by email", func() error { _, err := s.EraseCommentsByEmail(ctx, "reader@example.org", true); return err }},
		{"trash article", func() error { return s.TrashArticle(ctx, f.coraDraft.ID, "x") }},
		{"empty the trash", func() error { _, err := s.EmptyTrash(ctx); return err }},
		{"correct", func() error { _, err := s.AddCorrection(ctx, f.pub.ID, domain.CorrectionFix, "x", "y"); return err }},
		{"import", func() error { _, err := s.BeginImport(ctx, "x"); return err }},
		{"set a setting", func() error { return s.SetSetting(ctx, SettingFourEyes, "off") }},
		{"set the site", func() error { return s.SetSite(ctx, domain.Site{Title: "x"}) }},
		{"export", func() error { _, err := s.ExportSummaries(ctx, false); return err }},
		{"create for another", func() error {
			a := sample("for-rita")
			a.Byline = "Ed Editor"
			return s.CreateArticle(ctx, a, "")
		}},
		{"create published", func() error {
			a := sample("own-published")
			a.Byline, a.Status, a.PublishedAt = "", domain.StatusPublished, s.now()
			return s.CreateArticle(ctx, a, "")
		}},
	}
	editorForbidden := []attempt{
		{"fact-check own (four eyes)", factCheck(f.ritaReview)},
		{"set a setting", func() error { return s.SetSetting(ctx, SettingFourEyes, "off") }},
		{"set the site", func() error { return s.SetSite(ctx, domain.Site{Title: "x"}) }},
		{"export", func() error { _, err := s.ExportSummaries(ctx, false); return err }},
		{"add staff", func() error { _, err := s.AddStaff(ctx, domain.Staff{Name: "X", Role: domain.RoleAdmin}); return err }},
	}
	cases := map[string][]attempt{
		"cora": append(append([]attempt{}, common...),
			attempt{"edit own in review", edit(f.ritaReview, body)}, // not hers either
			attempt{"restore a revision of another's", func() error {
				revs, err := s.Revisions(ctx, f.pub.ID)
				if err != nil {
					t.Fatal(err)
				}
				_, _, err = s.RestoreRevision(ctx, revs[0].ID, f.fresh(t, f.pub).Version, "x")
				return err
			}},
		),
		"rita": append(append([]attempt{}, common...),
			attempt{"edit a contributor's draft", edit(f.coraDraft, body)},
			attempt{"drop herself from the byline", edit(f.ritaReview, func(a *domain.Article) { a.Byline = "Ed Editor" })},
		),
		"ed": editorForbidden,
	}
	before := map[int64]int64{}
	for _, a := range []*domain.Article{f.coraDraft, f.ritaReview, f.pub} {
		before[a.ID] = f.fresh(t, a).Version
	}
	for login, attempts := range cases {
		signIn(t, s, login)
		for _, at := range attempts {
			err := at.do()
			if !errors.Is(err, domain.ErrForbidden) {
				t.Errorf("%s: %s: err = %v, want a refusal", login, at.name, err)
				continue
			}
			if !strings.Contains(err.Error(), "may not") || !strings.Contains(err.Error(), "may") {
				t.Errorf("%s: %s: the refusal does not say who may: %v", login, at.name, err)
			}
		}
	}
	for _, a := range []*domain.Article{f.coraDraft, f.ritaReview, f.pub} {
		if v := f.fresh(t, a).Version; v != before[a.ID] {
			t.Errorf("%s was written by a refused action (version %d → %d)", a.Slug, before[a.ID], v)
		}
	}
	if c, err := s.GetComment(ctx, f.commentID); err != nil || c.Status != domain.CommentPending {
		t.Errorf("the comment was changed by a refused action: %+v %v", c, err)
	}
	if _, err := s.GetArticle(ctx, f.coraDraft.ID); err != nil {
		t.Errorf("the draft was deleted by a refused action: %v", err)
	}
}

func TestAllowedActionsByRole(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.s
	save := func(a *domain.Article, change func(*domain.Article)) error {
		cur := f.fresh(t, a)
		change(cur)
		_, err := s.SaveArticle(ctx, cur, "typed name")
		return err
	}
	signIn(t, s, "cora")
	if err := save(f.coraDraft, func(a *domain.Article) { a.Body += " More." }); err != nil {
		t.Fatalf("contributor edits own draft: %v", err)
	}
	if err := save(f.coraDraft, func(a *domain.Article) { a.Status = domain.StatusReview }); err != nil {
		t.Fatalf("contributor submits: %v", err)
	}
	if err := save(f.coraDraft, func(a *domain.Article) { a.Body += " Later." }); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("contributor edits own article in review: %v", err)
	}
	mine := sample("cora-new")
	mine.Byline = ""
	if err := s.CreateArticle(ctx, mine, "typed"); err != nil || mine.Byline != "Cora Contrib" {
		t.Fatalf("contributor creates (byline %q): %v", mine.Byline, err)
	}
	list, err := s.ListComments(ctx, CommentQuery{})
	if err != nil || len(list) != 1 || list[0].Email != "" || list[0].ClientAddr != "" || list[0].Body != "Hello" {
		t.Fatalf("contributor reads comments without addresses: %+v %v", list, err)
	}
	if found, _ := s.ListComments(ctx, CommentQuery{Text: "reader@example"}); len(found) != 0 {
		t.Fatalf("a contributor found a comment by its email: %+v", found)
	}
	if c, err := s.GetComment(ctx, f.commentID); err != nil || c.Email != "" {
		t.Fatalf("contributor reads one comment: %+v %v", c, err)
	}

	signIn(t, s, "rita")
	if err := save(f.ritaReview, func(a *domain.Article) { a.Body += " Reporter's fix." }); err != nil {
		t.Fatalf("reporter edits own article in review: %v", err)
	}
	if err := save(f.ritaReview, func(a *domain.Article) { a.Byline = "Rita Reporter, Ed Editor and Cora Contrib" }); err != nil {
		t.Fatalf("reporter adds a co-author: %v", err)
	}
	if authors, _ := s.ArticleAuthors(ctx, f.ritaReview.ID); strings.Join(authors, ",") != "rita,ed,cora" {
		t.Fatalf("authors %v", authors)
	}

	signIn(t, s, "ed")
	if err := save(f.coraDraft, func(a *domain.Article) { a.Status = domain.StatusPublished; a.PublishedAt = s.now() }); err != nil {
		t.Fatalf("editor publishes: %v", err)
	}
	cur := f.fresh(t, f.coraDraft)
	if _, err := s.SetFactCheck(ctx, cur.ID, cur.Version, "typed", true); err != nil {
		t.Fatalf("editor fact-checks another's: %v", err)
	}
	if list, _ := s.ListComments(ctx, CommentQuery{}); len(list) != 1 || list[0].Email != "reader@example.org" {
		t.Fatalf("editor sees emails: %+v", list)
	}
	if err := s.ModerateComments(ctx, ActionApprove, []int64{f.commentID}); err != nil {
		t.Fatalf("editor moderates: %v", err)
	}

	signIn(t, s, "ada")
	if err := s.SetSetting(ctx, SettingFourEyes, "off"); err != nil {
		t.Fatal(err)
	}
	signIn(t, s, "ed")
	cur = f.fresh(t, f.ritaReview)
	if _, err := s.SetFactCheck(ctx, cur.ID, cur.Version, "typed", true); err != nil {
		t.Fatalf("four eyes off: editor checks own article: %v", err)
	}
}

func TestHistoryRecordsTheSignedInPerson(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	signIn(t, f.s, "ed")
	cur := f.fresh(t, f.coraDraft)
	cur.Body += " Edited."
	cur.Status = domain.StatusReview
	if _, err := f.s.SaveArticle(ctx, cur, "Somebody Typed"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SetFactCheck(ctx, cur.ID, cur.Version, "Somebody Typed", true); err != nil {
		t.Fatal(err)
	}
	events, err := f.s.History(ctx, cur.ID)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := f.s.Revisions(ctx, cur.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Who != "Ed Editor" {
			t.Errorf("event %s by %q, want Ed Editor", e.Kind, e.Who)
		}
	}
	if len(events) != 2 || revs[0].Author != "Ed Editor" {
		t.Fatalf("events %+v, newest revision by %q", events, revs[0].Author)
	}
	if a := f.fresh(t, cur); a.FactCheck.By != "Ed Editor" {
		t.Fatalf("fact check by %q", a.FactCheck.By)
	}
}

func TestRoleChangedElsewhereCountsAtOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin, err := Open(f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	signIn(t, admin, "ada")
	signIn(t, f.s, "ed")
	if err := admin.SetStaffRole(ctx, "ed", domain.RoleContributor); err != nil {
		t.Fatal(err)
	}
	if err := f.s.ModerateComments(ctx, ActionApprove, []int64{f.commentID}); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("an editor made contributor in another process still moderates: %v", err)
	}
}

func TestStaffFromExistingBylines(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	a := sample("two")
	a.Byline = "Maria Lopez and Sam Okafor"
	b := sample("one")
	b.Byline, b.FactCheck = "maria lopez", domain.FactCheck{Checked: true, By: "Sam Okafor"}
	c := sample("guest")
	c.Byline = "Staff reporter, Jo Ng"
	for _, x := range []*domain.Article{a, b, c} {
		if err := s.CreateArticle(ctx, x, "setup"); err != nil {
			t.Fatal(err)
		}
	}
	// As a database from before migration 0008 has it: the marker set.
	if _, err := s.writer.Exec(`INSERT INTO settings (key, value) VALUES ('staff_from_bylines', 'pending')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	staff, err := s2.ListStaff(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range staff {
		got = append(got, m.Login+":"+string(m.Role))
	}
	want := "jo-ng:reporter maria-lopez:reporter sam-okafor:editor staff-reporter:reporter"
	if strings.Join(got, " ") != want {
		t.Fatalf("staff %v, want %s", got, want)
	}
	authors, err := s2.ArticleAuthors(ctx, a.ID)
	if err != nil || strings.Join(authors, ",") != "maria-lopez,sam-okafor" {
		t.Fatalf("co-authors %v %v", authors, err)
	}
	if v, _ := s2.Setting(ctx, settingStaffFromBylines, "gone"); v != "gone" {
		t.Fatalf("the marker stays: %q", v)
	}
	if ok, _ := s2.HasAdmin(ctx); ok {
		t.Fatal("an admin was made from bylines")
	}
}
