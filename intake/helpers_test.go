package intake

import (
	"bytes"
	"context"
	"encoding/json"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
	"newsroom/storage/storetest"
)

// clock is a settable clock for tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// fixture is a real store with articles, and a server over it.
type fixture struct {
	store   *storage.Store
	clock   *clock
	srv     *Server
	article *domain.Article // published "hello"
	other   *domain.Article // published "other"
	logs    *bytes.Buffer
}

// newStore opens a fresh database with the test articles.
func newStore(t *testing.T, clk *clock) (*storage.Store, string) {
	t.Helper()
	path := storetest.Target(t, "x.db") // a PostgreSQL database under NEWSROOM_TEST_POSTGRES
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	past := clk.Now().Add(-48 * time.Hour)
	for _, a := range []*domain.Article{
		{Slug: "hello", Headline: "Hello <world>", Status: domain.StatusPublished, PublishedAt: past},
		{Slug: "other", Headline: "Other", Status: domain.StatusPublished, PublishedAt: past},
		{Slug: "draft", Headline: "Draft", Status: domain.StatusDraft},
		{Slug: "later", Headline: "Embargoed", Status: domain.StatusPublished, PublishedAt: clk.Now().Add(time.Hour)},
	} {
		if err := st.CreateArticle(ctx, a, "t"); err != nil {
			t.Fatal(err)
		}
	}
	return st, path
}

func newFixture(t *testing.T, opt Options) *fixture {
	t.Helper()
	clk := newClock()
	st, _ := newStore(t, clk)
	return fixtureOver(t, st, clk, st, opt)
}

// fixtureOver builds the server over intakeStore (which may wrap st).
func fixtureOver(t *testing.T, st *storage.Store, clk *clock, intakeStore Store, opt Options) *fixture {
	t.Helper()
	f := &fixture{store: st, clock: clk, logs: &bytes.Buffer{}}
	opt.Now = clk.Now
	opt.Logger = log.New(&syncWriter{w: f.logs}, "", 0)
	f.srv = NewServer(intakeStore, opt)
	var err error
	ctx := context.Background()
	if f.article, err = st.GetArticleBySlug(ctx, "hello"); err != nil {
		t.Fatal(err)
	}
	if f.other, err = st.GetArticleBySlug(ctx, "other"); err != nil {
		t.Fatal(err)
	}
	return f
}

// syncWriter lets concurrent requests log into one buffer.
type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// addComment stores a comment directly, long before the clock's now.
func (f *fixture) addComment(t *testing.T, c domain.Comment) *domain.Comment {
	t.Helper()
	if c.ArticleID == 0 {
		c.ArticleID = f.article.ID
	}
	if c.SubmittedAt.IsZero() {
		c.SubmittedAt = f.clock.Now().Add(-24 * time.Hour)
	}
	if err := f.store.AddComment(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// approvedAuthor gives Ann an approved comment, so hers are approved.
func (f *fixture) approvedAuthor(t *testing.T) *domain.Comment {
	return f.addComment(t, domain.Comment{Author: "Ann", Email: "ann@example.org", Body: "An earlier comment.",
		Status: domain.CommentApproved, ClientAddr: "192.0.2.99"})
}

// form returns a valid comment form for the article "hello".
func form(author, email, body string) url.Values {
	return url.Values{"article": {"hello"}, "author": {author}, "email": {email}, "url": {""}, "body": {body}, "website_confirm": {""}}
}

// request builds a POST /comments with the form, from remote.
func request(form url.Values, remote string, header map[string]string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "http://comments.example/comments", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.RemoteAddr = remote + ":40000"
	for k, v := range header {
		r.Header.Set(k, v)
	}
	return r
}

// do serves r and returns the recorder.
func (f *fixture) do(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	f.srv.Handler().ServeHTTP(w, r)
	return w
}

// postJSON posts the form asking for JSON.
func (f *fixture) postJSON(form url.Values, remote string) *httptest.ResponseRecorder {
	return f.do(request(form, remote, map[string]string{"Accept": "application/json"}))
}

// decodeAnswer reads a JSON answer to a stored comment.
func decodeAnswer(t *testing.T, w *httptest.ResponseRecorder) answer {
	t.Helper()
	var a answer
	if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
		t.Fatalf("answer %q is not JSON: %v", w.Body.String(), err)
	}
	return a
}

// stored loads a comment from the store.
func (f *fixture) stored(t *testing.T, id int64) *domain.Comment {
	t.Helper()
	c, err := f.store.GetComment(context.Background(), id)
	if err != nil {
		t.Fatalf("comment %d not stored: %v", id, err)
	}
	return c
}

// countComments counts every comment on an article.
func countComments(t *testing.T, st *storage.Store, articleID int64) int {
	t.Helper()
	counts, err := st.CommentCounts(context.Background(), articleID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, v := range counts {
		n += v
	}
	return n
}

// decodeJSON reads a JSON response body into v.
func decodeJSON(resp *http.Response, v any) error {
	return json.NewDecoder(resp.Body).Decode(v)
}
