package domain

import "time"

// SaveResult tells what a save did beyond writing the article.
type SaveResult struct {
	// FactCheckRevoked is true when the save changed text a fact check
	// covered, so the check was revoked.
	FactCheckRevoked bool
	// FactCheckRestored is true when the save brought the covered text
	// back to exactly what was checked, so the revoked check stands again.
	FactCheckRestored bool
	// Changed is false when the article was identical and nothing was written.
	Changed bool
}

// Kinds of history event.
const (
	EventFactChecked      = "fact-checked"
	EventFactCheckCleared = "fact-check-cleared"
	EventFactCheckRevoked = "fact-check-revoked"
	EventStatus           = "status"
	EventRestored         = "restored"
	// EventFactCheckRestored: the covered text came back to exactly what
	// was checked, so the revoked mark stands again.
	EventFactCheckRestored = "fact-check-restored"
	EventTrashed           = "trashed"
	EventUntrashed         = "untrashed"
)

// HistoryEvent is one line of an article's history: fact checks given,
// cleared and revoked, status changes, restores.
type HistoryEvent struct {
	At     time.Time
	Who    string
	Kind   string
	Detail string
}
