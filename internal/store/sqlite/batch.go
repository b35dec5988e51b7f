package sqlite

// batch is the writer's current transaction: its requests, their answers, and how many the last
// one held, which the next waits for.
type batch struct {
	reqs []*request
	errs []error
	last int
}

func (b *batch) start(first *request) { b.add(first) }

func (b *batch) add(r *request) {
	b.reqs = append(b.reqs, r)
	b.errs = append(b.errs, nil)
}

// reset remembers the size of the batch just committed and empties it for the next.
func (b *batch) reset() {
	b.last = len(b.reqs)
	clear(b.reqs)
	clear(b.errs)
	b.reqs, b.errs = b.reqs[:0], b.errs[:0]
}

func (b *batch) answerAll(err error) {
	for _, r := range b.reqs {
		r.done <- err
	}
}
