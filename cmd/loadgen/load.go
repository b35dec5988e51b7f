package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// result is what one measure found.
type result struct {
	requests, failures int
	elapsed            time.Duration
	p50, p99, max      time.Duration
	cpu                time.Duration // the server's CPU time during the measure
	rss, peakRSS       float64       // the server's memory at the end, MiB
}

func (r result) throughput() float64 { return float64(r.requests) / r.elapsed.Seconds() }

// cpuShare is the server's CPU use as a share of one core.
func (r result) cpuShare() float64 { return r.cpu.Seconds() / r.elapsed.Seconds() }

// measure loads c for d after a warm-up, and reads the server's CPU and memory around it.
func measure(ctx context.Context, o options, c *child) (result, error) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: o.concurrency,
		MaxConnsPerHost: o.concurrency, DisableCompression: true}}
	defer client.CloseIdleConnections()
	if _, err := load(ctx, client, c, o.concurrency, o.warmup); err != nil {
		return result{}, err
	}
	pid := c.cmd.Process.Pid
	cpu0, err := cpuTime(pid)
	if err != nil {
		return result{}, err
	}
	res, err := load(ctx, client, c, o.concurrency, o.duration)
	if err != nil {
		return result{}, err
	}
	cpu1, err := cpuTime(pid)
	if err != nil {
		return result{}, err
	}
	res.cpu = cpu1 - cpu0
	res.rss, res.peakRSS, err = memory(pid)
	return res, err
}

// load runs n workers against c for d and gathers their latencies.
func load(ctx context.Context, client *http.Client, c *child, n int, d time.Duration) (
	result, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	lat := make([][]time.Duration, n)
	fails := make([]int, n)
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	for i := range n {
		wg.Go(func() {
			lat[i], fails[i] = worker(ctx, client, c, func(err error) {
				once.Do(func() { firstErr = err })
			})
		})
	}
	wg.Wait()
	return summarise(lat, fails, time.Since(start)), firstErr
}

// worker sends validations until ctx ends; it reports the first unexpected answer.
func worker(ctx context.Context, client *http.Client, c *child, report func(error)) (
	[]time.Duration, int) {
	out := make([]time.Duration, 0, 1<<14)
	fails := 0
	for ctx.Err() == nil {
		t0 := time.Now()
		status, err := validate(ctx, client, c)
		if ctx.Err() != nil {
			break // cut short by the end of the measure: not counted
		}
		if err != nil || status != http.StatusOK {
			fails++
			report(fmt.Errorf("validation answered %d: %v", status, err))
			continue
		}
		out = append(out, time.Since(t0))
	}
	return out, fails
}

func validate(ctx context.Context, client *http.Client, c *child) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost,
		c.url+"/api/v1/license/validate", nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "License "+c.key)
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, err
}

func summarise(lat [][]time.Duration, fails []int, elapsed time.Duration) result {
	all := slices.Concat(lat...)
	slices.Sort(all)
	r := result{requests: len(all), elapsed: elapsed}
	for _, f := range fails {
		r.failures += f
	}
	if len(all) > 0 {
		r.p50, r.p99 = all[len(all)/2], all[len(all)*99/100]
		r.max = all[len(all)-1]
	}
	return r
}
