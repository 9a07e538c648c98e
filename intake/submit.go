package intake

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strings"
	"time"

	"newsroom/domain"
	"newsroom/moderation"
	"newsroom/storage"
)

// storeTimeout bounds the database work for one comment. The work runs
// detached from the request's context so a comment whose insert has begun
// is not lost when the client goes away or the server shuts down.
const storeTimeout = 20 * time.Second

// handleComments is POST /comments.
func (s *Server) handleComments(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeRefusal(w, r, refuse(http.StatusMethodNotAllowed, "comments are sent with POST"))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxRequestBytes)
	sub, f := readSubmission(r)
	if f != nil {
		writeRefusal(w, r, f)
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), storeTimeout)
	defer cancel()
	c, a, f := s.take(ctx, r, sub)
	if f != nil {
		writeRefusal(w, r, f)
		return
	}
	s.log.Printf("comment %d on %q: %s %s", c.ID, a.Slug, c.Status, strings.Join(c.Reasons, "; "))
	if s.spam.noteStored() {
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			s.spam.retrain()
		}()
	}
	s.answer(ctx, w, r, c, a)
}

// take checks a submission against the rules and stores it, returning
// the stored comment and its article, or the refusal.
func (s *Server) take(ctx context.Context, r *http.Request, sub *submission) (*domain.Comment, *domain.Article, *refusal) {
	c := &domain.Comment{
		ParentID:   sub.parent,
		Author:     sub.author,
		Email:      sub.email,
		URL:        sub.url,
		Body:       sub.body,
		Type:       domain.TypeComment,
		ClientAddr: clientAddr(r, s.opt.Proxies),
		UserAgent:  userAgent(r),
	}
	if err := moderation.ValidateSubmission(c); err != nil {
		return nil, nil, validationRefusal(err)
	}
	a, f := s.liveArticle(ctx, sub.article)
	if f != nil {
		return nil, nil, f
	}
	c.ArticleID, c.ArticleSlug = a.ID, a.Slug
	if f := s.checkParent(ctx, c); f != nil {
		return nil, nil, f
	}
	verdict, f := s.judge(ctx, c, sub.honeypot)
	if f != nil {
		return nil, nil, f
	}
	c.Status, c.Reasons = verdict.Status, verdict.Reasons

	// The rate-limit and duplicate checks and the insert run in one
	// database transaction: every intake process on the database (several
	// `newsroom serve` on one PostgreSQL) is held to them together.
	c.SubmittedAt = s.now().UTC()
	err := s.retry(ctx, "store the comment", func() error {
		c.ID = 0
		return s.store.AddReaderComment(ctx, c, CommentInterval)
	})
	var soon *storage.CommentTooSoonError
	switch {
	case errors.As(err, &soon):
		secs := int(math.Ceil(min(soon.Wait, CommentInterval).Seconds()))
		return nil, nil, &refusal{code: http.StatusTooManyRequests, retryAfter: secs,
			msg: "you are posting comments too quickly; please wait a few seconds and try again"}
	case errors.Is(err, storage.ErrDuplicateComment):
		return nil, nil, refuse(http.StatusConflict, "you have already posted this comment")
	case errors.Is(err, domain.ErrNotFound):
		return nil, nil, refuse(http.StatusNotFound, "the article or the comment replied to no longer exists")
	case err != nil:
		return nil, nil, unavailable()
	}
	return c, a, nil
}

// validationRefusal maps moderation.ValidateSubmission's error to 413 or
// 400 with its short message.
func validationRefusal(err error) *refusal {
	msg := err.Error()
	for _, sentinel := range []error{domain.ErrInvalid, moderation.ErrTooLarge} {
		msg = strings.TrimPrefix(msg, sentinel.Error()+": ")
	}
	if errors.Is(err, moderation.ErrTooLarge) {
		return refuse(http.StatusRequestEntityTooLarge, "%s", msg)
	}
	return refuse(http.StatusBadRequest, "%s", msg)
}

// liveArticle loads the article a comment is for; one that does not
// exist, is not published or is still under embargo is a 404 alike.
func (s *Server) liveArticle(ctx context.Context, slug string) (*domain.Article, *refusal) {
	notFound := refuse(http.StatusNotFound, "there is no published article %q to comment on", slug)
	if domain.ValidateSlug(slug) != nil {
		return nil, notFound
	}
	var a *domain.Article
	err := s.retry(ctx, "load the article", func() (err error) {
		a, err = s.store.GetArticleBySlug(ctx, slug)
		return err
	})
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return nil, notFound
	case err != nil:
		return nil, unavailable()
	case !a.IsLive(s.now()):
		return nil, notFound
	}
	return a, nil
}

// checkParent requires a reply's parent to be an approved comment on the
// same article.
func (s *Server) checkParent(ctx context.Context, c *domain.Comment) *refusal {
	if c.ParentID == 0 {
		return nil
	}
	var p *domain.Comment
	err := s.retry(ctx, "load the parent comment", func() (err error) {
		p, err = s.store.GetComment(ctx, c.ParentID)
		return err
	})
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return refuse(http.StatusBadRequest, "the comment replied to does not exist")
	case err != nil:
		return unavailable()
	case p.ArticleID != c.ArticleID || p.Status != domain.CommentApproved:
		return refuse(http.StatusBadRequest, "the comment replied to is not a published comment on this article")
	}
	return nil
}

// judge applies the moderation rules with the site's keywords, the
// author's history and the spam classifier's score.
func (s *Server) judge(ctx context.Context, c *domain.Comment, honeypot bool) (moderation.Verdict, *refusal) {
	set := moderation.DefaultSettings()
	var modKeys, badKeys string
	var approved bool
	err := s.retry(ctx, "read the moderation settings", func() (err error) {
		if modKeys, err = s.store.Setting(ctx, storage.SettingModerationKeys, ""); err != nil {
			return err
		}
		if badKeys, err = s.store.Setting(ctx, storage.SettingDisallowedKeys, ""); err != nil {
			return err
		}
		approved, err = s.store.AuthorHasApproved(ctx, c.Author, c.Email)
		return err
	})
	if err != nil {
		return moderation.Verdict{}, unavailable()
	}
	set.ModerationKeys = moderation.ParseKeywords(modKeys)
	set.DisallowedKeys = moderation.ParseKeywords(badKeys)
	in := moderation.Input{
		Comment:           *c,
		HoneypotFilled:    honeypot,
		AuthorHasApproved: approved,
		SpamScore:         s.spam.score(c.Body, c.URL),
	}
	return moderation.Decide(in, set), nil
}
