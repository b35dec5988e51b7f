package server

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/licensorhq/licensor/internal/feed"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/mail/smtp"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// Streamed lists the item types whose changes the change feed delivers; engines are opened with
// it. Domain packages add their types here as they gain consumers: org for license.OrgNames.
var Streamed = []string{mail.ItemType, org.ItemType}

// sweepInterval is how often the outbox retries the mails that are due.
const sweepInterval = time.Minute

// startBackground starts the change feed and the mail outbox's sweeper, and registers their
// metrics and their shutdown: drain the feed, then stop both. It does nothing without a store.
func (s *Server) startBackground() error {
	if s.store == nil {
		return nil
	}
	sender, err := s.mailSender()
	if err != nil {
		return err
	}
	outbox := mail.NewOutbox(s.store, sender, mail.Options{Logger: s.log})
	s.outbox = outbox
	if err := s.metrics.OutboxDepth(s.depth(outbox)); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { outbox.RunSweeper(ctx, sweepInterval) })
	d, err := s.startFeed(ctx, &wg, outbox, &license.OrgNames{Store: s.store})
	if err != nil {
		cancel()
		wg.Wait()
		return err
	}
	s.OnShutdown(stopBackground(d, cancel, &wg))
	return nil
}

// stopBackground returns the shutdown of the background work: drain the feed d (nil when the
// engine has none), then stop it all and wait.
func stopBackground(d *feed.Dispatcher, cancel context.CancelFunc, wg *sync.WaitGroup,
) func(context.Context) error {
	return func(ctx context.Context) error {
		defer wg.Wait()
		defer cancel()
		if d == nil {
			return nil
		}
		// A shutdown right after the start may come before Run began: it delivered nothing,
		// and the next start resumes from the saved positions.
		if err := d.Drain(ctx); !errors.Is(err, feed.ErrNotRunning) {
			return err
		}
		return nil
	}
}

// startFeed runs the change feed when the engine captures changes, with the given consumers.
func (s *Server) startFeed(ctx context.Context, wg *sync.WaitGroup, consumers ...feed.Consumer) (
	*feed.Dispatcher, error,
) {
	src, ok := s.engine.(store.ChangeReader)
	if !ok {
		// An engine without a change reader: its consumers are fed from elsewhere (a Lambda).
		return nil, nil
	}
	d, err := feed.New(s.store, src, consumers, feed.Options{Logger: s.log})
	if err != nil {
		return nil, fmt.Errorf("start change feed: %w", err)
	}
	for i, c := range consumers {
		if err := s.feedMetrics(d, i, c.Name()); err != nil {
			return nil, err
		}
	}
	wg.Go(func() {
		if err := d.Run(ctx); err != nil {
			s.log.Error("change feed stopped", "error", err)
		}
	})
	return d, nil
}

// feedMetrics reports the lag and failures of the dispatcher's i-th consumer.
func (s *Server) feedMetrics(d *feed.Dispatcher, i int, name string) error {
	lag := func() float64 { return d.Stats()[i].Lag.Seconds() }
	failures := func() float64 { return float64(d.Stats()[i].Failures) }
	if err := s.metrics.FeedLag(name, lag); err != nil {
		return err
	}
	return s.metrics.FeedFailures(name, failures)
}

// mailSender is SMTP when LICENSOR_SMTP_URL is set, else the log.
func (s *Server) mailSender() (mail.Sender, error) {
	if s.cfg.SMTPURL == nil {
		return mail.LogSender{Logger: s.log, From: s.cfg.MailFrom.String()}, nil
	}
	sender, err := smtp.FromURL(s.cfg.SMTPURL.String(), s.cfg.MailFrom.String())
	if err != nil {
		return nil, fmt.Errorf("mail sender: %w", err)
	}
	sender.Logger = s.log
	return sender, nil
}

// depth reads the outbox depth at each scrape, bounded so that a slow store cannot hang /metrics.
func (s *Server) depth(outbox *mail.Outbox) func() float64 {
	return func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, err := outbox.Depth(ctx)
		if err != nil {
			s.log.Warn("metrics: count the outbox", "error", err)
			return -1
		}
		return float64(n)
	}
}
