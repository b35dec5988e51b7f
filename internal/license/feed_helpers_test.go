package license_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/feed"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/org"
)

// startFeed runs a change feed that delivers to an OrgNames consumer until the test ends, and
// returns a function that waits until it has handled every change committed before the call.
func (e *env) startFeed(t *testing.T) (drain func()) {
	t.Helper()
	d, err := feed.New(e.st, e.src, []feed.Consumer{&license.OrgNames{Store: e.st}},
		feed.Options{PollInterval: 50 * time.Millisecond,
			Backoff: feed.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = d.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	ended, stop := context.WithCancel(context.Background())
	stop()
	for errors.Is(d.Drain(ended), feed.ErrNotRunning) { // until Run has started
		time.Sleep(5 * time.Millisecond)
	}
	return func() {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := d.Drain(ctx); err != nil {
			t.Fatalf("drain: %v", err)
		}
	}
}

// rename renames organisation orgID through package org, as PATCH /api/v1/orgs/{org} does.
func (e *env) rename(t *testing.T, orgID, name string) {
	t.Helper()
	svc := &org.Service{Store: e.st, Now: e.clock.Now}
	if _, err := svc.Update(e.ctx, orgID, org.Input{Name: &name}); err != nil {
		t.Fatalf("rename: %v", err)
	}
}
