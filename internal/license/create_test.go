package license_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/licensekey"
	"github.com/licensorhq/licensor/internal/store"
)

func TestCreate(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, key := e.create(t, nil)
	if licensekey.Parse(key) != nil || !id.Valid(id.License, l.ID) {
		t.Fatalf("key %q or id %q malformed", key, l.ID)
	}
	want := license.License{ID: l.ID, OrgID: e.client.ID, OrgName: "Acme Ltd",
		Name: "Production", PrepaidCores: 16, CorePrice: 1200, ExtraCorePrice: 1500,
		Currency: "EUR", StartsOn: "2026-01-01", EndsOn: "2026-12-31", Status: "active",
		KeyDigest: licensekey.Digest(e.svc.Secret, key), KeyLast4: key[len(key)-4:],
		CreatedAt: l.CreatedAt, CreatedBy: e.admin.ID, UpdatedAt: l.CreatedAt,
		UpdatedBy: e.admin.ID, Version: 1}
	got, err := e.svc.Get(t.Context(), l.ID)
	if err != nil || got != want || l != want {
		t.Errorf("Get = %+v, %v\nCreate = %+v\nwant %+v", got, err, l, want)
	}
	evs := e.events(t, e.client.ID)
	if len(evs) != 1 || evs[0].Action != license.ActionCreated || evs[0].Target != l.ID ||
		evs[0].Actor != e.admin.ID {
		t.Errorf("events = %+v; want one license.created by the admin", evs)
	}
}

// TestKeyNotStored makes sure that no item holds the key, only its digest and last 4.
func TestKeyNotStored(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, key := e.create(t, nil)
	keys := []store.Key{license.Key(l.ID), license.RecordKey(l.KeyDigest)}
	for _, k := range keys {
		it, err := e.st.Get(t.Context(), k)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(it.Body), key) || strings.Contains(string(it.Body), key[4:20]) {
			t.Errorf("item %v holds the key: %s", k, it.Body)
		}
	}
	for _, ev := range e.events(t, e.client.ID) {
		if strings.Contains(ev.Action+ev.Target+strings.Join(detailStrings(ev.Details), ","),
			key[4:20]) {
			t.Errorf("audit event holds the key: %+v", ev)
		}
	}
}

func detailStrings(m map[string]any) []string {
	var out []string
	for k, v := range m {
		out = append(out, k, regexp.MustCompile(`\s+`).ReplaceAllString(toString(v), " "))
	}
	return out
}

func toString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if m, ok := v.(map[string]any); ok {
		return strings.Join(detailStrings(m), ",")
	}
	return ""
}

func TestCreateRefusesBadTerms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*license.Terms)
		fields []string
	}{
		{"zero_cores", func(tm *license.Terms) { tm.PrepaidCores = 0 }, []string{"prepaid_cores"}},
		{"negative_cores", func(tm *license.Terms) { tm.PrepaidCores = -4 },
			[]string{"prepaid_cores"}},
		{"negative_price", func(tm *license.Terms) { tm.CorePrice = -1 }, []string{"core_price"}},
		{"negative_extra_price", func(tm *license.Terms) { tm.ExtraCorePrice = -100 },
			[]string{"extra_core_price"}},
		{"unknown_currency", func(tm *license.Terms) { tm.Currency = "XYZ" }, []string{"currency"}},
		{"lower_case_currency", func(tm *license.Terms) { tm.Currency = "eur" },
			[]string{"currency"}},
		{"end_before_start", func(tm *license.Terms) { tm.EndsOn = "2025-12-31" },
			[]string{"ends_on"}},
		{"bad_start", func(tm *license.Terms) { tm.StartsOn = "2026-02-30" }, []string{"starts_on"}},
		{"bad_end", func(tm *license.Terms) { tm.EndsOn = "31/12/2026" }, []string{"ends_on"}},
		{"blank_name", func(tm *license.Terms) { tm.Name = "  " }, []string{"name"}},
		{"several", func(tm *license.Terms) { tm.PrepaidCores, tm.Currency = 0, "" },
			[]string{"prepaid_cores", "currency"}},
	}
	e := newEnv(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm := terms()
			tt.change(&tm)
			_, _, err := e.svc.Create(e.ctx, e.client.ID, tm)
			if got := fieldsOf(err); strings.Join(got, ",") != strings.Join(tt.fields, ",") {
				t.Errorf("Create: %v; want faults in %v", err, tt.fields)
			}
		})
	}
	if page, err := e.svc.List(t.Context(), e.client.ID, 0, ""); err != nil ||
		len(page.Licenses) != 0 || len(e.events(t, e.client.ID)) != 0 {
		t.Errorf("refused creations left licenses %v or events (%v)", page.Licenses, err)
	}
}

// fieldsOf lists the fields of the FieldErrors that err joins.
func fieldsOf(err error) []string {
	var out []string
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, fieldsOf(e)...)
		}
		return out
	}
	var fe *license.FieldError
	if errors.As(err, &fe) {
		out = append(out, fe.Field())
	}
	return out
}

func TestCreateUnknownOrg(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	_, _, err := e.svc.Create(e.ctx, id.New(id.Org, e.clock.Now()), terms())
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Create for a missing organisation: %v; want not found", err)
	}
}

func TestList(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	other := e.addOrg(t, "Other")
	var ids []string
	for range 3 {
		l, _ := e.create(t, nil)
		ids = append(ids, l.ID)
	}
	if _, _, err := e.svc.Create(e.ctx, other.ID, terms()); err != nil {
		t.Fatal(err)
	}
	first, err := e.svc.List(t.Context(), e.client.ID, 2, "")
	if err != nil || len(first.Licenses) != 2 || first.Cursor == "" {
		t.Fatalf("first page = %+v, %v", first, err)
	}
	rest, err := e.svc.List(t.Context(), e.client.ID, 2, first.Cursor)
	if err != nil || len(rest.Licenses) != 1 || rest.Cursor != "" {
		t.Fatalf("second page = %+v, %v", rest, err)
	}
	got := []string{first.Licenses[0].ID, first.Licenses[1].ID, rest.Licenses[0].ID}
	if strings.Join(got, ",") != strings.Join(ids, ",") {
		t.Errorf("listed %v; want %v", got, ids)
	}
}
