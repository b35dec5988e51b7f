package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"time"
)

// compare measures the bare server, then Licensor, and prints both and their ratio.
func compare(ctx context.Context, o options) error {
	fmt.Printf("load: %d concurrent clients, %v warm-up, %v measured per server; "+
		"%d CPUs, %s\n\n", o.concurrency, o.warmup, o.duration, runtime.NumCPU(),
		runtime.Version())
	var results []result
	for _, role := range []string{"bare", "licensor"} {
		r, err := measureRole(ctx, o, role)
		if err != nil {
			return fmt.Errorf("%s: %w", role, err)
		}
		results = append(results, r)
	}
	report(os.Stdout, results[0], results[1])
	return nil
}

func measureRole(ctx context.Context, o options, role string) (result, error) {
	args := []string{"-" + roleFlag, role}
	if role == "licensor" && o.cpuProfile != "" {
		args = append(args, "-cpuprofile", o.cpuProfile)
	}
	c, err := startChild(ctx, args...)
	if err != nil {
		return result{}, err
	}
	defer c.stop()
	return measure(ctx, o, c)
}

func report(w *os.File, bare, lic result) {
	fmt.Fprintln(w, "| server | validations/s | p50 | p99 | max | failures | server CPU | "+
		"server RSS (peak) |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, x := range []struct {
		name string
		r    result
	}{{"bare net/http, same JSON", bare}, {"Licensor", lic}} {
		r := x.r
		fmt.Fprintf(w, "| %s | %.0f | %s | %s | %s | %d | %.0f%% of a core | %.0f MiB (%.0f) |\n",
			x.name, r.throughput(), ms(r.p50), ms(r.p99), ms(r.max), r.failures,
			100*r.cpuShare(), r.rss, r.peakRSS)
	}
	fmt.Fprintf(w, "\nLicensor / bare: %.2f of the throughput, %.2fx the p99, "+
		"%.1fx the CPU per validation\n", lic.throughput()/bare.throughput(),
		float64(lic.p99)/float64(bare.p99),
		(lic.cpu.Seconds()/float64(lic.requests))/(bare.cpu.Seconds()/float64(bare.requests)))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }
