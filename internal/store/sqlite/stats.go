package sqlite

import "sync/atomic"

// Stats are the engine's counters since Open, for the metrics layer to read.
type Stats struct {
	// Commits counts transactions committed by the writer.
	Commits int64
	// Writes counts Write calls committed, Failed those refused inside the writer (a failed
	// condition, an impossible update).
	Writes, Failed int64
	// BatchedWrites counts the writes committed in a transaction shared with others.
	BatchedWrites int64
	// MaxBatch is the most writes one commit has held.
	MaxBatch int64
}

// counters are the atomic form of Stats.
type counters struct {
	commits, writes, failed, batched, maxBatch atomic.Int64
}

// Stats returns the engine's counters.
func (s *Store) Stats() Stats {
	c := &s.stats
	return Stats{Commits: c.commits.Load(), Writes: c.writes.Load(), Failed: c.failed.Load(),
		BatchedWrites: c.batched.Load(), MaxBatch: c.maxBatch.Load()}
}

func (c *counters) committed(batch []*request, errs []error) {
	c.commits.Add(1)
	var ok, failed int64
	for i, r := range batch {
		if r.job != nil {
			continue
		}
		if errs[i] != nil {
			failed++
		} else {
			ok++
		}
	}
	c.writes.Add(ok)
	c.failed.Add(failed)
	if len(batch) > 1 {
		c.batched.Add(ok)
	}
	if n := int64(len(batch)); n > c.maxBatch.Load() {
		c.maxBatch.Store(n) // only the writer goroutine stores
	}
}
