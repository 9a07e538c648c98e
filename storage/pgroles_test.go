package storage

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"newsroom/domain"
	"newsroom/storage/storetest"
)

var pgRoleCounter atomic.Int64

// pgNewsroom is a PostgreSQL newsroom with one login role per staff role
// (named uniquely for the test, since roles are cluster-wide, and dropped
// at cleanup) and three articles: own (by the reporter), others (by the
// editor) and draft (by the contributor), and a comment with an email.
type pgNewsroom struct {
	owner                *Store
	target               string
	login                map[domain.Role]string
	own, others, draft   *domain.Article
	commentID            int64
	reviewedContribution *domain.Article
}

func newPGNewsroom(t testing.TB) *pgNewsroom {
	t.Helper()
	if !storetest.Postgres() {
		t.Skip("PostgreSQL only: the database enforces the roles there (set " + storetest.EnvPostgres + "); a SQLite file trusts whoever can open it")
	}
	ctx := context.Background()
	s, target := openTemp(t)
	n := &pgNewsroom{owner: s, target: target, login: map[domain.Role]string{}}
	suffix := fmt.Sprintf("%d-%d", os.Getpid(), pgRoleCounter.Add(1))
	names := map[domain.Role]string{domain.RoleAdmin: "Ada Admin", domain.RoleEditor: "Ed Editor",
		domain.RoleReporter: "Rita Reporter", domain.RoleContributor: "Cora Contrib"}
	for _, r := range domain.Roles {
		login := "t" + string(r)[:3] + "-" + suffix
		t.Cleanup(func() { dropTestRole(t, s, login) })
		if _, err := s.AddStaffLogin(ctx, domain.Staff{Login: login, Name: names[r], Role: r}, "secret of "+login); err != nil {
			t.Fatalf("add %s: %v", login, err)
		}
		n.login[r] = login
	}
	mk := func(slug, byline string, status domain.Status) *domain.Article {
		a := sample(slug)
		a.Byline, a.Status = byline, status
		if err := s.CreateArticle(ctx, a, "setup"); err != nil {
			t.Fatalf("create %s: %v", slug, err)
		}
		return a
	}
	n.own = mk("own", "Rita Reporter", domain.StatusDraft)
	n.others = mk("others", "Ed Editor", domain.StatusReview)
	n.draft = mk("draft", "Cora Contrib", domain.StatusDraft)
	n.reviewedContribution = mk("submitted", "Cora Contrib", domain.StatusReview)
	c := &domain.Comment{ArticleID: n.own.ID, Author: "Reader", Email: "reader@example.org", Body: "Hello",
		Status: domain.CommentPending, ClientAddr: "192.0.2.7", UserAgent: "TestBrowser"}
	if err := s.AddComment(ctx, c); err != nil {
		t.Fatalf("add comment: %v", err)
	}
	n.commentID = c.ID
	return n
}

// dropTestRole removes a login role the test made.
func dropTestRole(t testing.TB, s *Store, login string) {
	if _, err := s.writer.ExecContext(context.Background(), `DROP ROLE IF EXISTS "`+login+`"`); err != nil {
		t.Errorf("drop test role %s: %v", login, err)
	}
}

// as is the URL that connects to the test newsroom as login.
func (n *pgNewsroom) as(t testing.TB, login string) string {
	t.Helper()
	u, err := url.Parse(n.target)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(login)
	return u.String()
}

// sqlAs connects with plain database/sql (as psql would) as login.
func (n *pgNewsroom) sqlAs(t *testing.T, login string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", n.as(t, login))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// sqlCase is one statement tried as a role; refused says whether the
// database must refuse it (SQLSTATE 42501, or no row changed when row-level
// security hides the row).
type sqlCase struct {
	what    string
	sql     string
	refused bool
}

func (n *pgNewsroom) cases(r domain.Role) []sqlCase {
	me := n.login[r]
	editor := r == domain.RoleEditor || r == domain.RoleAdmin
	admin := r == domain.RoleAdmin
	id := func(a *domain.Article) string { return fmt.Sprint(a.ID) }
	another := n.others // the editor's
	if editor {
		another = n.own
	}
	mine := n.own // the reporter's
	switch r {
	case domain.RoleContributor:
		mine = n.draft
	case domain.RoleEditor, domain.RoleAdmin:
		mine = n.others // the editor's own
	}
	cs := []sqlCase{
		{"read articles", `SELECT count(*) FROM articles`, false},
		{"read comments without who wrote them", `SELECT author, body FROM comments`, false},
		{"edit an article of their own", `UPDATE articles SET headline = 'Mine' WHERE id = ` + id(mine), false},
		{"publish", `UPDATE articles SET status = 'published', published_at = 1 WHERE id = ` + id(n.own), !editor},
		{"insert a published article", `INSERT INTO articles (slug, status, created_at, updated_at) VALUES ('pub-` + me + `', 'published', 1, 1)`, !editor},
		{"fact-check another's article", `UPDATE articles SET fc_checked = 1, fc_by = 'x', fc_at = 1 WHERE id = ` + id(n.draft), !editor},
		{"trash an article", `UPDATE articles SET trashed_at = 1 WHERE id = ` + id(n.own), !editor},
		{"delete an article", `DELETE FROM articles WHERE id = ` + id(n.draft), !editor},
		{"read commenters' emails", `SELECT email FROM comments`, !editor},
		{"read commenters' addresses", `SELECT client_addr FROM comments`, !editor},
		{"read commenters' browsers", `SELECT user_agent FROM comments`, !editor},
		{"read whole comment rows", `SELECT * FROM comments`, !editor},
		{"approve a comment", `UPDATE comments SET status = 'approved' WHERE id = ` + fmt.Sprint(n.commentID), !editor},
		{"delete a comment", `DELETE FROM comments WHERE id = ` + fmt.Sprint(n.commentID), !editor},
		{"edit another's article", `UPDATE articles SET headline = 'Theirs' WHERE id = ` + id(another), !editor},
		{"change another's quotes", `UPDATE quotes SET text = 'Made up' WHERE article_id = ` + id(another), !editor},
		{"put themselves on another's byline", `INSERT INTO article_authors (article_id, login, position) VALUES (` + id(another) + `, '` + me + `', 9)`, !editor},
		{"add staff", `INSERT INTO staff (login, name, role, created_at) VALUES ('x` + me + `', 'X', 'admin', 1)`, !admin},
		{"change their own role", `UPDATE staff SET role = 'admin' WHERE login = '` + me + `'`, !admin},
		{"change the settings", `UPDATE settings SET value = 'off' WHERE key = 'four_eyes'`, !admin},
		{"add a setting", `INSERT INTO settings (key, value) VALUES ('site_title', 'Mine')`, !admin},
	}
	if r == domain.RoleContributor {
		cs = append(cs, sqlCase{"edit their article after review", `UPDATE articles SET headline = 'Late' WHERE id = ` + id(n.reviewedContribution), true})
	}
	if r == domain.RoleReporter {
		cs = append(cs, sqlCase{"submit their article", `UPDATE articles SET status = 'review' WHERE id = ` + id(n.own), false})
	}
	if r == domain.RoleEditor {
		cs = append(cs,
			sqlCase{"fact-check an article they have a byline on (four eyes)", `UPDATE articles SET fc_checked = 1, fc_by = 'x', fc_at = 1 WHERE id = ` + id(n.others), true},
			sqlCase{"take a fact check off their own article", `UPDATE articles SET fc_checked = 0 WHERE id = ` + id(n.others), false})
	}
	return cs
}

// TestDatabaseRefusesWhatTheRoleMayNot connects as each role's login and
// tries every forbidden action directly in SQL: each must be refused by
// PostgreSQL itself, and what the role may do must work.
func TestDatabaseRefusesWhatTheRoleMayNot(t *testing.T) {
	n := newPGNewsroom(t)
	ctx := context.Background()
	// The editor has a byline on "others": four eyes on.
	for _, r := range domain.Roles {
		db := n.sqlAs(t, n.login[r])
		for _, c := range n.cases(r) {
			t.Run(string(r)+"/"+c.what, func(t *testing.T) {
				tx, err := db.BeginTx(ctx, nil)
				if err != nil {
					t.Fatal(err)
				}
				defer tx.Rollback()
				var changed int64 = -1
				if strings.HasPrefix(c.sql, "SELECT") {
					var rows *sql.Rows
					rows, err = tx.QueryContext(ctx, c.sql)
					if err == nil {
						for rows.Next() {
						}
						err = rows.Err()
						rows.Close()
					}
				} else {
					var res sql.Result
					res, err = tx.ExecContext(ctx, c.sql)
					if err == nil {
						changed, _ = res.RowsAffected()
					}
				}
				var pg *pgconn.PgError
				switch {
				case c.refused && err == nil && changed != 0:
					t.Errorf("%s may %s: %s worked (%d rows)", r, c.what, c.sql, changed)
				case c.refused && err != nil && (!errors.As(err, &pg) || pg.Code != "42501"):
					t.Errorf("%s: %s failed, but not as a refusal (want SQLSTATE 42501): %v", r, c.what, err)
				case !c.refused && err != nil:
					t.Errorf("%s may %s, but %s failed: %v", r, c.what, c.sql, err)
				case !c.refused && changed == 0:
					t.Errorf("%s may %s, but %s changed nothing", r, c.what, c.sql)
				}
			})
		}
	}
}

// TestStaffAddCreatesTheLoginRole: the login role has a SCRAM verifier, is a
// member of its group only, follows role changes and cannot log in once
// removed.
func TestStaffAddCreatesTheLoginRole(t *testing.T) {
	n := newPGNewsroom(t)
	ctx := context.Background()
	rita := n.login[domain.RoleReporter]
	var scram bool
	if err := n.owner.reader.QueryRowContext(ctx, `SELECT rolpassword LIKE 'SCRAM-SHA-256$4096:%' AND rolcanlogin FROM pg_authid WHERE rolname = ?`,
		rita).Scan(&scram); err != nil || !scram {
		t.Fatalf("login role %s: SCRAM verifier and LOGIN %v (%v)", rita, scram, err)
	}
	groups := func() string {
		var g string
		if err := n.owner.reader.QueryRowContext(ctx, `SELECT string_agg(g.rolname, ',' ORDER BY g.rolname) FROM pg_auth_members m
			JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ?`, rita).Scan(&g); err != nil {
			t.Fatal(err)
		}
		return g
	}
	if g := groups(); g != "newsroom_reporter" {
		t.Errorf("groups of a new reporter: %q", g)
	}
	if err := n.owner.SetStaffRole(ctx, rita, domain.RoleEditor); err != nil {
		t.Fatal(err)
	}
	if g := groups(); g != "newsroom_editor" {
		t.Errorf("groups after becoming editor: %q", g)
	}
	if err := n.owner.RemoveStaff(ctx, rita); err != nil {
		t.Fatal(err)
	}
	var can bool
	if err := n.owner.reader.QueryRowContext(ctx, `SELECT rolcanlogin FROM pg_roles WHERE rolname = ?`, rita).Scan(&can); err != nil || can {
		t.Errorf("removed staff member can still log in: %v (%v)", can, err)
	}
	if _, err := Open(n.as(t, rita)); err == nil {
		t.Errorf("a removed staff member opened the newsroom")
	}
	if _, err := n.owner.AddStaffLogin(ctx, domain.Staff{Login: "newsroom_admin", Name: "Group Grabber", Role: domain.RoleReporter}, "pw"); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("a login that is already a role on the server: %v", err)
	}
	if _, err := n.owner.GetStaff(ctx, "newsroom_admin"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("the refused member was added to the staff: %v", err)
	}
	if _, err := n.owner.AddStaffLogin(ctx, domain.Staff{Login: "tnopw-" + rita, Name: "No Password", Role: domain.RoleReporter}, ""); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("an empty password: %v", err)
	}
}

// TestStoreSignsInAsTheDatabaseRole: opened as a staff member's login, the
// Store is them; what they may do works and what the database refuses
// comes back as ErrForbidden in plain words.
func TestStoreSignsInAsTheDatabaseRole(t *testing.T) {
	n := newPGNewsroom(t)
	ctx := context.Background()
	rita := n.login[domain.RoleReporter]
	s, err := Open(n.as(t, rita))
	if err != nil {
		t.Fatalf("open as %s: %v", rita, err)
	}
	defer s.Close()
	if m, ok := s.SignedIn(); !ok || m.Login != rita {
		t.Fatalf("signed in as %+v %v, want %s", m, ok, rita)
	}
	if _, err := s.SignIn(ctx, n.login[domain.RoleAdmin]); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a reporter's connection signed in as the admin: %v", err)
	}
	own, err := s.GetArticle(ctx, n.own.ID)
	if err != nil {
		t.Fatal(err)
	}
	own.Headline = "Edited by its reporter"
	if _, err := s.SaveArticle(ctx, own, ""); err != nil {
		t.Fatalf("reporter saves own article: %v", err)
	}
	own.Headline = "Edited again at once" // the same revision, updated
	if _, err := s.SaveArticle(ctx, own, ""); err != nil {
		t.Fatalf("reporter saves own article again: %v", err)
	}
	if _, err := s.AcquireLock(ctx, n.own.ID); err != nil {
		t.Errorf("reporter locks own article: %v", err)
	}
	if err := s.ReleaseLock(ctx, n.own.ID); err != nil {
		t.Errorf("reporter releases the lock: %v", err)
	}
	fresh := sample("new-by-reporter")
	fresh.Byline = ""
	if err := s.CreateArticle(ctx, fresh, ""); err != nil {
		t.Fatalf("reporter creates an article: %v", err)
	}
	fresh.Headline = "Second draft"
	if _, err := s.SaveArticle(ctx, fresh, ""); err != nil {
		t.Errorf("reporter saves the new article: %v", err)
	}
	if authors, _ := n.owner.ArticleAuthors(ctx, fresh.ID); len(authors) != 1 || authors[0] != rita {
		t.Errorf("authors of the reporter's new article: %v", authors)
	}
	cs, err := s.ListComments(ctx, CommentQuery{Text: "reader"})
	if err != nil || len(cs) != 1 || cs[0].Email != "" || cs[0].ClientAddr != "" || cs[0].UserAgent != "" {
		t.Fatalf("comments as reporter: %+v %v", cs, err)
	}
	if _, err := s.GetComment(ctx, n.commentID); err != nil {
		t.Errorf("get a comment as reporter: %v", err)
	}

	// The staff row says editor, the database role is still reporter's
	// (changed behind the program's back): the database has the last word.
	if _, err := n.owner.writer.ExecContext(ctx, `UPDATE staff SET role = 'editor' WHERE login = ?`, rita); err != nil {
		t.Fatal(err)
	}
	refused := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, domain.ErrForbidden) || !strings.Contains(err.Error(), "the database refused it") {
			t.Errorf("%s: want the database's refusal as ErrForbidden, got %v", what, err)
		}
		if strings.Contains(err.Error(), "SQLSTATE") {
			t.Errorf("%s: the message is not plain: %v", what, err)
		}
	}
	own, err = s.GetArticle(ctx, n.own.ID)
	if err != nil {
		t.Fatal(err)
	}
	own.Status = domain.StatusPublished
	_, err = s.SaveArticle(ctx, own, "")
	refused("publish", err)
	refused("approve a comment", s.ModerateComments(ctx, "approve", []int64{n.commentID}))
	others, err := s.GetArticle(ctx, n.others.ID)
	if err != nil {
		t.Fatal(err)
	}
	others.Headline = "Not hers"
	_, err = s.SaveArticle(ctx, others, "")
	refused("edit another's article", err)
	if _, err := n.owner.writer.ExecContext(ctx, `UPDATE staff SET role = 'admin' WHERE login = ?`, rita); err != nil {
		t.Fatal(err)
	}
	refused("change a setting", s.SetSetting(ctx, SettingFourEyes, "off"))
	if got, _ := n.owner.GetArticle(ctx, n.own.ID); got.Status != domain.StatusDraft {
		t.Errorf("refused save was written: status %s", got.Status)
	}
	if v, _ := n.owner.Policy(ctx); !v.FourEyes {
		t.Errorf("refused setting was written")
	}
}

// TestScramVerifierMatchesRFC7677: the verifier made for "pencil" with the
// RFC's salt checks the RFC's client proof and yields its server signature
// (so PostgreSQL accepts the password; no server needed).
func TestScramVerifierMatchesRFC7677(t *testing.T) {
	salt, _ := base64.StdEncoding.DecodeString("W22ZaJ0SNY7soEsUEjb6gQ==")
	v, err := scramVerifierSalted("pencil", salt, 4096)
	if err != nil {
		t.Fatal(err)
	}
	head, keys, ok := strings.Cut(v, "$4096:W22ZaJ0SNY7soEsUEjb6gQ==$")
	if !ok || head != "SCRAM-SHA-256" {
		t.Fatalf("verifier %q", v)
	}
	storedB64, serverB64, _ := strings.Cut(keys, ":")
	stored, _ := base64.StdEncoding.DecodeString(storedB64)
	server, _ := base64.StdEncoding.DecodeString(serverB64)
	const nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
	auth := "n=user,r=rOprNGfwEbeRWgbNEkqO," + "r=" + nonce + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096," + "c=biws,r=" + nonce
	mac := func(key []byte) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(auth))
		return h.Sum(nil)
	}
	if got := base64.StdEncoding.EncodeToString(mac(server)); got != "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=" {
		t.Errorf("server signature %s, want the RFC's", got)
	}
	proof, _ := base64.StdEncoding.DecodeString("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
	sig := mac(stored)
	clientKey := make([]byte, len(proof))
	for i := range proof {
		clientKey[i] = proof[i] ^ sig[i]
	}
	if h := sha256.Sum256(clientKey); !hmac.Equal(h[:], stored) {
		t.Errorf("the RFC's client proof does not match the stored key")
	}
}

// BenchmarkSaveAsDatabaseRole saves an edit of the reporter's own article
// through a Store connected as the reporter's login (row-level security
// and the role trigger at work) and, to compare, as the owner.
func BenchmarkSaveAsDatabaseRole(b *testing.B) {
	n := newPGNewsroom(b)
	ctx := context.Background()
	for _, who := range []string{"owner", "reporter"} {
		b.Run(who, func(b *testing.B) {
			s := n.owner
			if who == "reporter" {
				var err error
				if s, err = Open(n.as(b, n.login[domain.RoleReporter])); err != nil {
					b.Fatal(err)
				}
				defer s.Close()
			}
			a, err := s.GetArticle(ctx, n.own.ID)
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				i++
				a.Standfirst = fmt.Sprintf("Edit %d", i)
				if _, err := s.SaveArticle(ctx, a, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestStoreWorksForEachDatabaseRole: through a Store connected as each
// role's own login, what the role may do works (every grant the Store's
// own SQL needs is there).
func TestStoreWorksForEachDatabaseRole(t *testing.T) {
	n := newPGNewsroom(t)
	ctx := context.Background()
	open := func(r domain.Role) *Store {
		t.Helper()
		s, err := Open(n.as(t, n.login[r]))
		if err != nil {
			t.Fatalf("open as %s: %v", r, err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Errorf("%s: %v", what, err)
		}
	}

	cora := open(domain.RoleContributor)
	a := sample("by-contributor")
	a.Byline = ""
	must("contributor creates a draft", cora.CreateArticle(ctx, a, ""))
	a.Status = domain.StatusReview
	_, err := cora.SaveArticle(ctx, a, "")
	must("contributor submits it", err)
	must("contributor adds a dictionary word", cora.AddDictionaryWord(ctx, "Sochi", ""))
	_, _, err = cora.AddMedia(ctx, []byte("pretend bytes of a contributor's JPEG"), sampleMedia())
	must("contributor adds a picture", err)

	ed := open(domain.RoleEditor)
	own, err := ed.GetArticle(ctx, n.own.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ed.SetFactCheck(ctx, own.ID, own.Version, "", true)
	must("editor fact-checks another's article", err)
	own, _ = ed.GetArticle(ctx, n.own.ID)
	own.Status, own.PublishedAt = domain.StatusPublished, time.Now().UTC().Truncate(time.Second)
	_, err = ed.SaveArticle(ctx, own, "")
	must("editor publishes", err)
	_, err = ed.AddCorrection(ctx, own.ID, domain.CorrectionFix, "The talks lasted four hours.", "")
	must("editor adds a correction", err)
	must("editor approves a comment", ed.ModerateComments(ctx, "approve", []int64{n.commentID}))
	if cs, err := ed.CommentsByEmail(ctx, "reader@example.org"); err != nil || len(cs) != 1 || cs[0].ClientAddr != "192.0.2.7" {
		t.Errorf("editor reads comments with addresses: %+v %v", cs, err)
	}
	_, err = ed.TakeOverLock(ctx, a.ID)
	must("editor takes over a lock", err)
	must("editor trashes an article", ed.TrashArticle(ctx, a.ID, ""))
	must("editor restores it", ed.RestoreFromTrash(ctx, a.ID, ""))

	ada := open(domain.RoleAdmin)
	must("admin changes a setting", ada.SetSetting(ctx, SettingFourEyes, "off"))
	_, err = ada.AddStaff(ctx, domain.Staff{Name: "Guest Writer", Role: domain.RoleContributor})
	must("admin adds staff (without a login)", err)
	if _, err := ada.AddStaffLogin(ctx, domain.Staff{Login: "tnever-" + n.login[domain.RoleAdmin], Name: "Never Made", Role: domain.RoleReporter}, "pw"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("an admin's own login created a database role (it has no CREATEROLE): %v", err)
		dropTestRole(t, n.owner, "tnever-"+n.login[domain.RoleAdmin])
	}
	_, err = ada.ExportSummaries(ctx, false)
	must("admin reads for export", err)
}
