package domain

import (
	"errors"
	"fmt"
	"strings"
)

// ErrForbidden means the signed-in person's role does not allow the
// action; the message says who may.
var ErrForbidden = errors.New("not allowed")

// Action is something a role may or may not do.
type Action string

// The actions the roles are about.
const (
	ActCreateArticle Action = "create articles"
	ActEditArticle   Action = "edit this article"
	ActSubmit        Action = "submit this article for review"
	ActPublish       Action = "publish, schedule or unpublish articles"
	ActFactCheck     Action = "fact-check articles"
	ActModerate      Action = "moderate comments"
	ActSeeEmails     Action = "see commenters' email and network addresses"
	ActDeleteArticle Action = "delete articles"
	ActCorrect       Action = "add corrections to articles"
	ActImport        Action = "import articles"
	ActTakeOver      Action = "take over this article from the person editing it"
	ActSettings      Action = "change the site's settings"
	ActExport        Action = "export the site"
	ActManageStaff   Action = "add staff, change roles or remove staff"
)

// ArticleFacts is what a rule about one article needs to know of it.
type ArticleFacts struct {
	// Authors are the logins of the staff on its byline.
	Authors []string
	Status  Status
}

// HasAuthor reports whether login is on the byline.
func (f ArticleFacts) HasAuthor(login string) bool {
	for _, a := range f.Authors {
		if a == login {
			return true
		}
	}
	return false
}

// Policy holds the newsroom's settings the rules depend on.
type Policy struct {
	// FourEyes forbids an editor to fact-check an article on whose byline
	// they are.
	FourEyes bool
}

// Forbidden is a refusal: it says who tried what and who may do it.
type Forbidden struct {
	Who    Staff
	Action Action
	// Because says, in plain words, who may do it instead.
	Because string
}

// Error reads "Maria Lopez (reporter) may not publish…: only editors and admins may."
func (f *Forbidden) Error() string {
	return fmt.Sprintf("%s (%s) may not %s: %s", f.Who.Name, f.Who.Role, f.Action, f.Because)
}

// Unwrap makes errors.Is(err, ErrForbidden) true.
func (f *Forbidden) Unwrap() error { return ErrForbidden }

func refuse(who Staff, act Action, because string) error {
	return &Forbidden{Who: who, Action: act, Because: because}
}

// atLeast reports whether r has at least the rights of min.
func atLeast(r, min Role) bool {
	rank := func(r Role) int {
		for i, v := range Roles {
			if v == r {
				return i
			}
		}
		return -1
	}
	return rank(r) >= rank(min)
}

// Check says whether who may do act (to the article art, for the actions
// about one article). It returns nil or a *Forbidden wrapping ErrForbidden.
func (p Policy) Check(who Staff, act Action, art ArticleFacts) error {
	if !who.Active() {
		return refuse(who, act, "they are no longer on the staff")
	}
	editor := atLeast(who.Role, RoleEditor)
	own := art.HasAuthor(who.Login)
	switch act {
	case ActCreateArticle:
		if !who.Role.Valid() {
			return refuse(who, act, "only staff with a role may")
		}
		return nil
	case ActEditArticle:
		switch {
		case editor:
			return nil
		case !own:
			return refuse(who, act, "only its own authors, editors and admins may")
		case who.Role == RoleContributor && art.Status != StatusDraft:
			return refuse(who, act, "contributors may edit their articles only while they are drafts; reporters on its byline, editors and admins may edit it now")
		}
		return nil
	case ActSubmit:
		if editor || own && (art.Status == StatusDraft || art.Status == StatusReview) {
			return nil
		}
		return refuse(who, act, "only its own authors (while it is not published), editors and admins may")
	case ActTakeOver:
		if err := p.Check(who, ActEditArticle, art); err != nil {
			return refuse(who, act, "only editors, admins and the article's own authors who may edit it may")
		}
		return nil
	case ActFactCheck:
		if !editor {
			return refuse(who, act, "only editors and admins may")
		}
		if p.FourEyes && own {
			return refuse(who, "fact-check an article they have a byline on", "the four-eyes rule is on: another editor must check it")
		}
		return nil
	case ActPublish, ActModerate, ActSeeEmails, ActDeleteArticle, ActCorrect, ActImport:
		if editor {
			return nil
		}
		return refuse(who, act, "only editors and admins may")
	case ActSettings, ActExport, ActManageStaff:
		if who.Role == RoleAdmin {
			return nil
		}
		return refuse(who, act, "only admins may")
	}
	return refuse(who, act, "no role may (unknown action)")
}

// Can is Check as a yes or no, for a window deciding what to show.
func (p Policy) Can(who Staff, act Action, art ArticleFacts) bool {
	return p.Check(who, act, art) == nil
}

// ArticleChange is one save: the article as stored and as it would be.
type ArticleChange struct {
	Old, New *Article
	// OldAuthors and NewAuthors are the logins on the byline before and
	// after the save.
	OldAuthors, NewAuthors []string
}

// CheckSave decides whether who may make the change ch (one save). Every
// part of it is checked: editing, the status and publication time, the
// fact-check mark and the byline.
func (p Policy) CheckSave(who Staff, ch ArticleChange) error {
	before := ArticleFacts{Authors: ch.OldAuthors, Status: ch.Old.Status}
	if err := p.Check(who, ActEditArticle, before); err != nil {
		return err
	}
	if err := p.checkStatusChange(who, before, ch.Old, ch.New); err != nil {
		return err
	}
	fcOld, fcNew := ch.Old.FactCheck, ch.New.FactCheck
	if fcNew.Checked && (!fcOld.Checked || fcOld.By != fcNew.By || !fcOld.At.Equal(fcNew.At)) {
		if err := p.Check(who, ActFactCheck, ArticleFacts{Authors: ch.NewAuthors, Status: ch.New.Status}); err != nil {
			return err
		}
	}
	if !atLeast(who.Role, RoleEditor) && before.HasAuthor(who.Login) {
		after := ArticleFacts{Authors: ch.NewAuthors}
		if !after.HasAuthor(who.Login) {
			return refuse(who, "take their own name off the byline", "they would lose the article; an editor may change the byline")
		}
	}
	return nil
}

// CheckCreate decides whether who may create a (as a new article) whose
// byline holds the logins authors.
func (p Policy) CheckCreate(who Staff, a *Article, authors []string) error {
	if err := p.Check(who, ActCreateArticle, ArticleFacts{}); err != nil {
		return err
	}
	if atLeast(who.Role, RoleEditor) {
		return nil
	}
	facts := ArticleFacts{Authors: authors, Status: a.Status}
	if !facts.HasAuthor(who.Login) {
		return refuse(who, "create an article without their own name on the byline", "only editors and admins may write for others")
	}
	if a.Status == StatusPublished {
		return refuse(who, ActPublish, "only editors and admins may")
	}
	if a.FactCheck.Checked {
		return refuse(who, ActFactCheck, "only editors and admins may")
	}
	return nil
}

// checkStatusChange: publishing, scheduling, moving the publication time of
// a published article and unpublishing are the editors'; submitting for
// review and taking a submission back are the authors' too.
func (p Policy) checkStatusChange(who Staff, before ArticleFacts, old, new *Article) error {
	published := old.Status == StatusPublished || new.Status == StatusPublished
	if published && (old.Status != new.Status || !old.PublishedAt.Equal(new.PublishedAt)) {
		return p.Check(who, ActPublish, before)
	}
	if old.Status != new.Status {
		return p.Check(who, ActSubmit, before)
	}
	return nil
}

// RoleSummary says in one line what a role may do, for lists and help.
func RoleSummary(r Role) string {
	parts := map[Role]string{
		RoleContributor: "writes and edits own drafts, submits them for review",
		RoleReporter:    "as contributor, and edits own articles after review",
		RoleEditor:      "edits any article, fact-checks, publishes and schedules, moderates comments, sees emails",
		RoleAdmin:       "as editor, and staff, roles, settings and export",
	}
	return parts[r]
}

// RoleNames lists the roles as text: "contributor, reporter, editor, admin".
func RoleNames() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}
