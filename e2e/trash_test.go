package e2e

import (
	"context"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// defaultDB creates the default database with its sample article, as a
// first run does, and returns its path.
func defaultDB(t *testing.T, d *display, home string) string {
	t.Helper()
	cmd := exec.Command(binary(t), "articles", "list")
	cmd.Env = d.env(home)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("articles list: %v %s", err, out)
	}
	return filepath.Join(home, "data", "newsroom", "newsroom.db")
}

// seedQueue adds a pending comment with a long address and browser, and a
// reply to it, on the sample article.
func seedQueue(t *testing.T, db string) {
	t.Helper()
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	a, err := st.GetArticleBySlug(ctx, sampleSlug)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(-time.Hour)
	parent := &domain.Comment{ArticleID: a.ID, Author: "Rita Reader", Email: "rita@example.com", URL: "https://rita.example.org/",
		Body: "Parentcomment text: the minister said the talks would last four hours, which they did.", Status: domain.CommentPending,
		ClientAddr: "203.0.113.77", SubmittedAt: at,
		UserAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 with a very long tail of tokens"}
	if err := st.AddComment(ctx, parent); err != nil {
		t.Fatal(err)
	}
	reply := &domain.Comment{ArticleID: a.ID, ParentID: parent.ID, Author: "Sam Second", Email: "sam@example.com",
		Body: "Replytext: I was there too.", Status: domain.CommentPending, ClientAddr: "198.51.100.9",
		UserAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", SubmittedAt: at.Add(time.Minute)}
	if err := st.AddComment(ctx, reply); err != nil {
		t.Fatal(err)
	}
}

// TestCommentQueueDetailDoesNotOverlap: right after Ctrl+2 and j, the
// detail pane's Address and Browser lines and the comment's text are each
// readable (they were drawn over each other); rows name the article by
// its headline and the reply sits under its parent.
func TestCommentQueueDetailDoesNotOverlap(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	db := defaultDB(t, d, home)
	seedQueue(t, db)
	a := startApp(t, d, home)
	a.key("ctrl+2")
	time.Sleep(time.Second)
	a.key("j")
	time.Sleep(time.Second)
	text := a.ocr(a.screenshot("comment-queue-detail"))
	for _, want := range []string{"Address: 203.0.113.77", "Browser: Mozilla/5.0 (X11; Linux x86_64)", "Parentcomment text: the minister said",
		"Replies (1)", "on “Kerry"} {
		if !strings.Contains(text, want) {
			t.Errorf("the screen does not read %q:\n%s", want, text)
		}
	}
	// The parent comes first, its reply under it: the address line sits
	// above the text, which sits above the replies.
	if i, j := strings.Index(text, "Sent:"), strings.LastIndex(text, "Parentcomment text"); i < 0 || j < i {
		t.Errorf("the comment's text is not below its meta lines:\n%s", text)
	}
	a.key("j")
	time.Sleep(time.Second)
	text = a.ocr(a.screenshot("comment-queue-reply"))
	if !strings.Contains(text, "In reply to Rita Reader") || !strings.Contains(text, "Address: 198.51.100.9") {
		t.Errorf("the reply's detail reads:\n%s", text)
	}
	a.quit()
}

// articleParts counts what an article holds, read from the database
// file as another process would: quotes, sources, comments, revisions,
// corrections. ok is false while the article is not live.
func articleParts(t *testing.T, db, slug string) (parts map[string]int, ok bool) {
	t.Helper()
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	art, err := st.GetArticleBySlug(ctx, slug)
	if err != nil {
		return nil, false
	}
	comments, err := st.ListComments(ctx, storage.CommentQuery{ArticleSlug: slug})
	if err != nil {
		t.Fatal(err)
	}
	revisions, err := st.RevisionCount(ctx, art.ID)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]int{"quotes": len(art.Quotes), "sources": len(art.Sources), "comments": len(comments),
		"revisions": int(revisions), "corrections": len(art.Corrections), "body bytes": len(art.Body)}, true
}

// inTrash reports whether the article with slug is in the trash.
func inTrash(t *testing.T, db, slug string) bool {
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = st.TrashedBySlug(context.Background(), slug)
	return err == nil
}

func TestDeleteAndRestoreFromTrash(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	db := defaultDB(t, d, home)
	seedQueue(t, db)
	before, ok := articleParts(t, db, sampleSlug)
	if !ok || before["quotes"] == 0 || before["sources"] == 0 || before["comments"] != 2 {
		t.Fatalf("the sample article holds %v", before)
	}
	a := startApp(t, d, home, "--open", sampleSlug)
	time.Sleep(time.Second)
	a.clickWord("Delete", 0, 0) // found on screen: the list's layout moves with the window's
	waitFor(t, 15*time.Second, "the article in the trash", func() bool { return inTrash(t, db, sampleSlug) })
	if _, live := articleParts(t, db, sampleSlug); live {
		t.Fatal("the trashed article is still live")
	}
	shot := a.screenshot("trash-1-deleted")
	if text := a.ocr(shot); !strings.Contains(text, "moved to the trash") {
		t.Errorf("no notice after Delete; the screen reads:\n%s", text)
	}
	a.clickWord("statuses", 0, 0) // the status filter ("All statuses")
	time.Sleep(500 * time.Millisecond)
	a.clickWord("Trash", 0, 0) // in the filter's list
	time.Sleep(time.Second)
	shot = a.screenshot("trash-2-trash")
	if text := a.ocr(shot); !strings.Contains(text, "Kerry") || !strings.Contains(text, "trashed today") {
		t.Fatalf("the trash does not list the article; the screen reads:\n%s", text)
	}
	a.clickWord("Kerry", 0, 0) // the trashed article
	a.clickWord("Restore", 0, 0)
	waitFor(t, 15*time.Second, "the article back", func() bool { _, ok := articleParts(t, db, sampleSlug); return ok })
	after, _ := articleParts(t, db, sampleSlug)
	if !reflect.DeepEqual(after, before) {
		t.Errorf("restored article holds %v, before the trash %v", after, before)
	}
	time.Sleep(time.Second)
	shot = a.screenshot("trash-3-restored")
	if text := a.ocr(shot); !strings.Contains(text, "restored from the trash") || !strings.Contains(text, "published 11 May 2015") {
		t.Errorf("after Restore the screen reads:\n%s", text)
	}
	a.quit()
}

// TestTimeFieldHint: a new article's empty time field says its format and
// the time zone, not Go's reference date.
func TestTimeFieldHint(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	defaultDB(t, d, home)
	a := startApp(t, d, home)
	a.key("ctrl+n")
	time.Sleep(1500 * time.Millisecond)
	text := a.ocr(a.screenshot("time-field-hint"))
	if strings.Contains(text, "2006-01-02") || !strings.Contains(text, "YYYY-MM-DD HH:MM") {
		t.Errorf("the time field reads:\n%s", text)
	}
	a.quit()
}
