package license_test

import (
	"errors"
	"testing"

	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/store"
)

func ptr[T any](v T) *T { return &v }

func TestUpdateAuditsPriceAndCores(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, key := e.create(t, nil)
	got, err := e.svc.Update(e.ctx, l.ID, license.Patch{PrepaidCores: ptr(int64(32)),
		CorePrice: ptr(int64(1100)), Name: ptr("Production")})
	if err != nil {
		t.Fatal(err)
	}
	if got.PrepaidCores != 32 || got.CorePrice != 1100 || got.Version != 2 ||
		got.UpdatedBy != e.admin.ID {
		t.Errorf("Update = %+v", got)
	}
	if a := e.validate(t, key); a.Record.PrepaidCores != 32 {
		t.Errorf("validation answers %d prepaid cores; want 32", a.Record.PrepaidCores)
	}
	evs := e.events(t, e.client.ID)
	last := evs[len(evs)-1]
	want := map[string]any{
		"prepaid_cores": map[string]any{"before": float64(16), "after": float64(32)},
		"core_price":    map[string]any{"before": float64(1200), "after": float64(1100)},
	}
	if last.Action != license.ActionUpdated || !equalJSON(last.Details, want) {
		t.Errorf("event = %s %v; want license.updated %v", last.Action, last.Details, want)
	}
}

func TestUpdateRemovesEndDate(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, key := e.create(t, nil)
	if _, err := e.svc.Update(e.ctx, l.ID, license.Patch{EndsOn: ptr("")}); err != nil {
		t.Fatal(err)
	}
	if a := e.validate(t, key); a.Record.EndsOn != "" {
		t.Errorf("validation record keeps ends_on %q", a.Record.EndsOn)
	}
}

func TestUpdateRefusesBadInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, _ := e.create(t, nil)
	before := e.state(t, l.ID)
	tests := []struct {
		name  string
		patch license.Patch
		field string
	}{
		{"zero_cores", license.Patch{PrepaidCores: ptr(int64(0))}, "prepaid_cores"},
		{"negative_price", license.Patch{ExtraCorePrice: ptr(int64(-5))}, "extra_core_price"},
		{"unknown_currency", license.Patch{Currency: ptr("EURO")}, "currency"},
		{"end_before_start", license.Patch{StartsOn: ptr("2027-01-01")}, "ends_on"},
		{"bad_status", license.Patch{Status: ptr("paused")}, "status"},
	}
	for _, tt := range tests {
		_, err := e.svc.Update(e.ctx, l.ID, tt.patch)
		if f := fieldsOf(err); len(f) != 1 || f[0] != tt.field {
			t.Errorf("%s: Update = %v; want a fault in %s", tt.name, err, tt.field)
		}
	}
	if after := e.state(t, l.ID); after != before {
		t.Errorf("refused updates changed %+v into %+v", before, after)
	}
}

func TestUpdateNothingChanges(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, _ := e.create(t, nil)
	before := e.state(t, l.ID)
	if _, err := e.svc.Update(e.ctx, l.ID, license.Patch{CorePrice: ptr(l.CorePrice)}); err != nil {
		t.Fatal(err)
	}
	if after := e.state(t, l.ID); after != before {
		t.Errorf("an update to the same values wrote %+v", after)
	}
}

func TestUpdateMissing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	_, err := e.svc.Update(e.ctx, id.New(id.License, e.clock.Now()), license.Patch{})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Update of a missing license: %v", err)
	}
}

func TestSuspend(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, key := e.create(t, nil)
	if _, err := e.svc.Update(e.ctx, l.ID, license.Patch{Status: ptr("suspended")}); err != nil {
		t.Fatal(err)
	}
	if a := e.validate(t, key); a.Code != license.CodeSuspended || a.Valid() {
		t.Errorf("suspended license validates %s", a.Code)
	}
	if _, err := e.svc.Update(e.ctx, l.ID, license.Patch{Status: ptr("active")}); err != nil {
		t.Fatal(err)
	}
	if a := e.validate(t, key); a.Code != license.CodeValid {
		t.Errorf("reinstated license validates %s", a.Code)
	}
	evs := e.events(t, e.client.ID)
	if len(evs) != 3 || evs[1].Action != license.ActionSuspended ||
		evs[2].Action != license.ActionReinstated {
		t.Errorf("events %+v; want created, suspended, reinstated", evs)
	}
}
