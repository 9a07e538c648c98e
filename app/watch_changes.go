package app

import "time"

// changesWatchEvery is how often the article list and the comment queue
// look at the store's change counters. On PostgreSQL the counters are kept
// in memory from LISTEN/NOTIFY (no query to the server); on a file they
// are one row of a small table. A quarter second keeps another desk's save
// well within a second of showing.
const changesWatchEvery = 250 * time.Millisecond
