// Package metrics exposes Licensor's Prometheus metrics on its own registry (never the global
// one, so that tests and several servers in one process do not collide): HTTP requests by route
// and status with latency histograms, store operations by operation and outcome, and the
// figures other packages report through callbacks (change-feed lag, outbox depth), so that those
// packages need not import Prometheus.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the registry and the metrics Licensor updates itself. It is safe for concurrent
// use.
type Metrics struct {
	reg           *prometheus.Registry
	httpRequests  *prometheus.CounterVec
	httpDuration  *prometheus.HistogramVec
	storeOps      *prometheus.CounterVec
	storeDuration *prometheus.HistogramVec
}

// New returns metrics on a fresh registry, with the Go runtime's and the process's collectors.
func New() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.httpRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "licensor_http_requests_total",
		Help: "HTTP requests answered, by route pattern and status.",
	}, []string{"route", "status"})
	m.httpDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "licensor_http_request_duration_seconds",
		Help:    "Time to answer an HTTP request, by route pattern.",
		Buckets: prometheus.DefBuckets,
	}, []string{"route"})
	m.storeOps = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "licensor_store_operations_total",
		Help: "Store calls, by operation (get, query, write, ping) and outcome.",
	}, []string{"operation", "outcome"})
	m.storeDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "licensor_store_operation_duration_seconds",
		Help:    "Time of a store call, by operation.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
	}, []string{"operation"})
	m.reg.MustRegister(m.httpRequests, m.httpDuration, m.storeOps, m.storeDuration,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// ObserveRequest counts one answered HTTP request; it implements api.Observer.
func (m *Metrics) ObserveRequest(route string, status int, elapsed time.Duration) {
	m.httpRequests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.httpDuration.WithLabelValues(route).Observe(elapsed.Seconds())
}
