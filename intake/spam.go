package intake

import (
	"context"
	"log"
	"sync"
	"sync/atomic"
	"time"

	"newsroom/moderation"
)

// When the spam classifier is retrained from the moderation history.
const (
	retrainEvery    = 5 * time.Minute
	retrainComments = 50
	retrainTimeout  = time.Minute
)

// spamModel holds the classifier learned from editors' decisions and
// retrains it now and then, in the background, without blocking requests.
type spamModel struct {
	store   Store
	log     *log.Logger
	now     func() time.Time
	current atomic.Pointer[moderation.Classifier]

	mu        sync.Mutex
	trainedAt time.Time
	since     int  // comments stored since the last training
	running   bool // a retraining is under way
}

func newSpamModel(st Store, logger *log.Logger, now func() time.Time) *spamModel {
	m := &spamModel{store: st, log: logger, now: now}
	m.current.Store(moderation.NewClassifier())
	return m
}

// score returns the current classifier's spam score for a comment.
func (m *spamModel) score(body, url string) float64 {
	return m.current.Load().Score(body, url)
}

// retrain learns the whole moderation history into a new classifier and
// swaps it in; on failure the old one stays and the failure is logged.
func (m *spamModel) retrain() {
	ctx, cancel := context.WithTimeout(context.Background(), retrainTimeout)
	defer cancel()
	c := moderation.NewClassifier()
	err := m.store.ModerationHistory(ctx, c.Train)
	m.mu.Lock()
	m.trainedAt, m.since, m.running = m.now(), 0, false
	m.mu.Unlock()
	if err != nil {
		m.log.Printf("spam classifier: %v (keeping the previous one)", err)
		return
	}
	m.current.Store(c)
}

// noteStored counts a stored comment and reports whether a retraining is
// due; when it is, the caller must run retrain (the model marks itself
// busy so only one runs at a time).
func (m *spamModel) noteStored() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.since++
	if m.running || (m.since < retrainComments && m.now().Sub(m.trainedAt) < retrainEvery) {
		return false
	}
	m.running = true
	return true
}
