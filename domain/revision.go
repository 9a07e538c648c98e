package domain

import "time"

// Revision is a snapshot of an article's content at a save.
type Revision struct {
	ID         int64
	ArticleID  int64
	CreatedAt  time.Time
	Author     string // who saved it
	Status     Status
	Headline   string
	Standfirst string
	Body       string
	Quotes     []Quote
	Note       string // "restored from revision 12", "fact check revoked"
}

// Size is the revision's text size in bytes.
func (r Revision) Size() int { return len(r.Headline) + len(r.Standfirst) + len(r.Body) }
