package throttle

import (
	"context"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// Defaults of Bucket: 20 requests a minute, in bursts of up to 40.
const (
	DefaultRate  = 20
	DefaultPer   = time.Minute
	DefaultBurst = 40
)

// Bucket is a token bucket per key (a client IP): it holds up to Burst tokens, gains Rate tokens
// every Per, and each allowed request takes one.
//
// It is kept as the generic cell rate algorithm, which decides exactly as that token bucket does
// but stores one number, the theoretical arrival time (TAT): the moment the bucket will be full
// again. A request is allowed when TAT is at most (Burst-1)·interval ahead of now, interval being
// Per/Rate, and then pushes TAT one interval further. Once TAT passes, the bucket is full and
// the item expires. The zero value of each field takes its default; a Bucket is safe for
// concurrent use.
type Bucket struct {
	Store store.Store
	// Name tells this bucket's items from others'; it must not contain '#'.
	Name string
	// Rate tokens are added every Per (default 20 a minute).
	Rate int
	Per  time.Duration
	// Burst is the most tokens held (default 40).
	Burst int
	// Now is the clock; nil means time.Now. Give the store the same clock.
	Now func() time.Time
}

// bucketBody is the body of a bucket item.
type bucketBody struct {
	TAT     int64 `json:"tat_ms"`
	Version int64 `json:"version"`
}

// Allow takes a token for key. When none is left it returns false and how long until one is.
func (b *Bucket) Allow(ctx context.Context, key string) (ok bool, retryAfter time.Duration,
	err error) {
	k := itemKey(b.Name, key, "bucket")
	err = retry(ctx, func() error {
		ok, retryAfter, err = b.take(ctx, k)
		return err
	})
	if err != nil {
		return false, 0, fmt.Errorf("take token: %w", err)
	}
	return ok, retryAfter, nil
}

// take is one attempt of Allow: a read, and a conditional write when a token is left.
func (b *Bucket) take(ctx context.Context, k store.Key) (bool, time.Duration, error) {
	var cur bucketBody
	found, err := load(ctx, b.Store, k, &cur)
	if err != nil {
		return false, 0, err
	}
	interval, tolerance := b.shape()
	now := time.UnixMilli(clock(b.Now).UnixMilli())
	tat := time.UnixMilli(cur.TAT)
	if tat.Before(now) {
		tat = now
	}
	if ahead := tat.Sub(now); ahead > tolerance {
		return false, ahead - tolerance, nil
	}
	next := bucketBody{TAT: tat.Add(interval).UnixMilli(), Version: cur.Version + 1}
	err = put(ctx, b.Store, k, next, ceilSecond(tat.Add(interval)), guard(found, cur.Version))
	return err == nil, 0, err
}

// shape returns the time one token takes to come back and how far ahead TAT may run.
func (b *Bucket) shape() (interval, tolerance time.Duration) {
	return shapeOf(b.Rate, b.Per, b.Burst)
}

// shapeOf is shape for the given settings, each 0 taking its default.
func shapeOf(rate int, per time.Duration, burst int) (interval, tolerance time.Duration) {
	if rate <= 0 {
		rate = DefaultRate
	}
	if burst <= 0 {
		burst = DefaultBurst
	}
	interval = or(per, DefaultPer) / time.Duration(rate)
	return interval, interval * time.Duration(burst-1)
}
