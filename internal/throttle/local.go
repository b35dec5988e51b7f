package throttle

import (
	"sync"
	"time"
)

// localMax bounds the keys a Local remembers; beyond it, keys whose bucket is full again are
// dropped, and if that is not enough, all of them.
const localMax = 100_000

// Local is Bucket's token bucket kept in this process's memory: for refusals that cost no store
// access (a malformed license key), where a store write per failure would cost more than the
// failure itself. Each process counts on its own. The zero value of each setting takes its
// default; a Local is safe for concurrent use.
type Local struct {
	Rate  int
	Per   time.Duration
	Burst int
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	mu  sync.Mutex
	tat map[string]time.Time
}

// Allow takes a token for key. When none is left it returns false and how long until one is.
func (l *Local) Allow(key string) (bool, time.Duration) {
	interval, tolerance := shapeOf(l.Rate, l.Per, l.Burst)
	now := clock(l.Now)
	l.mu.Lock()
	defer l.mu.Unlock()
	tat := l.tat[key]
	if tat.Before(now) {
		tat = now
	}
	if ahead := tat.Sub(now); ahead > tolerance {
		return false, ahead - tolerance
	}
	l.remember(key, tat.Add(interval), now)
	return true, 0
}

func (l *Local) remember(key string, tat, now time.Time) {
	if l.tat == nil {
		l.tat = map[string]time.Time{}
	}
	if len(l.tat) >= localMax {
		for k, t := range l.tat {
			if t.Before(now) {
				delete(l.tat, k)
			}
		}
		if len(l.tat) >= localMax {
			clear(l.tat)
		}
	}
	l.tat[key] = tat
}
