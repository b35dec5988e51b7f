package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/server"
)

// A child announces itself with one line on stdout: "ready URL KEY". It serves until its
// standard input closes (the parent went away) or ctx ends.

// serveLicensor runs the real server on a fresh store in a temporary directory, with one
// license of the vendor organisation, and logs as `licensor serve` does (to stderr, which the
// parent discards).
func serveLicensor(ctx context.Context) error {
	dir, err := os.MkdirTemp("", "licensor-loadgen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	env := map[string]string{"LICENSOR_DATA_DIR": dir, "LICENSOR_ADDR": "127.0.0.1:0"}
	cfg, err := config.Load(nil, func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		return err
	}
	if err := cfg.Prepare(); err != nil {
		return err
	}
	s, err := server.New(ctx, cfg, server.NewLogger(os.Stderr, "text"))
	if err != nil {
		return err
	}
	key, err := seed(ctx, s.Licenses())
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	ctx = untilStdinCloses(ctx)
	fmt.Printf("ready http://%s %s\n", l.Addr(), key)
	return s.Serve(ctx, l)
}

// seed creates a client organisation and the license whose key the load uses.
func seed(ctx context.Context, svc *license.Service) (string, error) {
	if svc == nil {
		return "", fmt.Errorf("the server has no license service")
	}
	name, kind := "Load client", org.KindClient
	client, err := (&org.Service{Store: svc.Store}).Create(ctx, org.Input{Name: &name, Kind: &kind})
	if err != nil {
		return "", err
	}
	_, key, err := svc.Create(ctx, client.ID, license.Terms{Name: "Load", PrepaidCores: 64,
		CorePrice: 1000, ExtraCorePrice: 1500, Currency: "EUR", StartsOn: "2020-01-01"})
	return key.Reveal(), err
}

// serveBare answers every request with the JSON a validation answers, built and marshalled
// per request as Licensor does, without middleware, key check or lookup: the baseline.
func serveBare(ctx context.Context) error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.HandlerFunc(bareValidate), ReadHeaderTimeout: 5 * time.Second,
		ErrorLog: slog.NewLogLogger(slog.DiscardHandler, slog.LevelError)}
	ctx = untilStdinCloses(ctx)
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	fmt.Printf("ready http://%s %s\n", l.Addr(), "lic_bare")
	if err := srv.Serve(l); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// bareAnswer has the shape and size of a validation answer.
type bareAnswer struct {
	Valid   bool   `json:"valid"`
	Code    string `json:"code"`
	License struct {
		ID             string `json:"id"`
		Name           string `json:"name"`
		OrgID          string `json:"org_id"`
		OrgName        string `json:"org_name"`
		PrepaidCores   int64  `json:"prepaid_cores"`
		StartsOn       string `json:"starts_on"`
		Status         string `json:"status"`
		CurrentCores   int64  `json:"current_cores"`
		MonthPeakCores int64  `json:"month_peak_cores"`
	} `json:"license"`
}

func bareValidate(w http.ResponseWriter, r *http.Request) {
	var a bareAnswer
	a.Valid, a.Code = true, "VALID"
	a.License.ID, a.License.Name = "lic_01kkbswhg0p3td2kgqt5g23mg9", "Load"
	a.License.OrgID, a.License.OrgName = "org_01kkbswhg0bc68ry2892drcf21", "Vendor"
	a.License.PrepaidCores, a.License.StartsOn, a.License.Status = 64, "2020-01-01", "active"
	body, _ := json.Marshal(a)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(append(body, '\n'))
}

// untilStdinCloses returns a context that ends when standard input reaches its end.
func untilStdinCloses(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		cancel()
	}()
	return ctx
}
