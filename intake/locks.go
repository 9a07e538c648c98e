package intake

import (
	"hash/fnv"
	"slices"
	"sync"
)

// keyedLocks serialises work on the same keys (client address, email)
// with a fixed set of striped mutexes, so the rate-limit check and the
// insert that follows it cannot race.
type keyedLocks struct {
	mu []sync.Mutex
}

func newKeyedLocks(n int) *keyedLocks { return &keyedLocks{mu: make([]sync.Mutex, n)} }

// lock locks the stripes of every key, in a fixed order so two callers
// never deadlock, and returns the function that unlocks them.
func (k *keyedLocks) lock(keys ...string) (unlock func()) {
	idx := make([]int, 0, len(keys))
	for _, key := range keys {
		h := fnv.New32a()
		h.Write([]byte(key))
		idx = append(idx, int(h.Sum32()%uint32(len(k.mu))))
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	for _, i := range idx {
		k.mu[i].Lock()
	}
	return func() {
		for j := len(idx) - 1; j >= 0; j-- {
			k.mu[idx[j]].Unlock()
		}
	}
}
