package metrics

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// GaugeFunc registers a gauge whose value fn returns at each scrape. Several gauges may share a
// name (and help) when their labels differ, one per consumer for instance. fn must be safe to
// call from any goroutine and quick: it runs while /metrics is answered.
func (m *Metrics) GaugeFunc(name, help string, labels map[string]string, fn func() float64) error {
	g := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help,
		ConstLabels: labels}, fn)
	if err := m.reg.Register(g); err != nil {
		return fmt.Errorf("register gauge %s: %w", name, err)
	}
	return nil
}

// CounterFunc registers a counter whose value fn returns at each scrape; the value must never
// decrease while the process runs.
func (m *Metrics) CounterFunc(name, help string, labels map[string]string,
	fn func() float64,
) error {
	c := prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help,
		ConstLabels: labels}, fn)
	if err := m.reg.Register(c); err != nil {
		return fmt.Errorf("register counter %s: %w", name, err)
	}
	return nil
}

// FeedLag registers the lag of one change-feed consumer: the seconds between now and the commit
// of the oldest change it has not yet handled (0 when it is caught up).
func (m *Metrics) FeedLag(consumer string, fn func() float64) error {
	return m.GaugeFunc("licensor_feed_lag_seconds",
		"Age of the oldest change a change-feed consumer has not handled yet.",
		map[string]string{"consumer": consumer}, fn)
}

// FeedFailures registers the count of failed deliveries to one change-feed consumer.
func (m *Metrics) FeedFailures(consumer string, fn func() float64) error {
	return m.CounterFunc("licensor_feed_failures_total",
		"Deliveries a change-feed consumer failed (each is retried).",
		map[string]string{"consumer": consumer}, fn)
}

// OutboxDepth registers the number of mails waiting in the outbox to be sent.
func (m *Metrics) OutboxDepth(fn func() float64) error {
	return m.GaugeFunc("licensor_mail_outbox_depth", "Mails waiting in the outbox to be sent.",
		nil, fn)
}
