package license_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/store"
)

func TestOrgRenameReachesLicenses(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	drain := e.startFeed(t)
	other := e.addOrg(t, "Other")
	var ls []license.License
	var keys []string
	for i := range 14 { // more than one write's worth
		l, key := e.create(t, func(tm *license.Terms) { tm.Name = fmt.Sprint("L", i) })
		ls, keys = append(ls, l), append(keys, key)
	}
	_, otherKey, err := e.svc.Create(e.ctx, other.ID, terms())
	if err != nil {
		t.Fatal(err)
	}
	e.rename(t, e.client.ID, "Acme Group")
	drain()
	for i, l := range ls {
		got, err := e.svc.Get(t.Context(), l.ID)
		if err != nil || got.OrgName != "Acme Group" || got.Version != l.Version+1 ||
			got.UpdatedAt != l.UpdatedAt {
			t.Errorf("license %d after the rename = %+v, %v", i, got, err)
		}
		if rec := e.validate(t, keys[i]).Record; rec.OrgName != "Acme Group" {
			t.Errorf("validation record %d names %q", i, rec.OrgName)
		}
	}
	if rec := e.validate(t, otherKey.Reveal()).Record; rec.OrgName != "Other" {
		t.Errorf("another organisation's license renamed to %q", rec.OrgName)
	}
}

// TestOrgRenameIsIdempotent delivers the changes of two renames again, the first after the
// second: the licenses keep the organisation's current name and are not written again.
func TestOrgRenameIsIdempotent(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	drain := e.startFeed(t)
	l, key := e.create(t, nil)
	e.rename(t, e.client.ID, "Acme Two")
	e.rename(t, e.client.ID, "Acme Three")
	drain()
	before, err := e.svc.Get(t.Context(), l.ID)
	if err != nil {
		t.Fatal(err)
	}
	changes, err := e.src.ReadChanges(t.Context(), "", 100)
	if err != nil {
		t.Fatal(err)
	}
	c := &license.OrgNames{Store: e.st}
	n := 0
	for _, ch := range changes {
		if ch.Type == "org" && ch.Old != nil {
			n++
			if err := c.Handle(t.Context(), ch); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := e.svc.Get(t.Context(), l.ID)
	if n != 2 || err != nil || got != before || got.OrgName != "Acme Three" {
		t.Errorf("after %d renames delivered again: %+v, %v; want Acme Three as before: %+v",
			n, got, err, before)
	}
	if rec := e.validate(t, key).Record; rec.OrgName != "Acme Three" {
		t.Errorf("validation record names %q", rec.OrgName)
	}
}

// TestOrgRenameKeepsConcurrentEdits edits licenses while their organisation is renamed: every
// edit and the last name are kept, whichever write comes first.
func TestOrgRenameKeepsConcurrentEdits(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	drain := e.startFeed(t)
	var ls []license.License
	for range 6 {
		l, _ := e.create(t, nil)
		ls = append(ls, l)
	}
	var wg sync.WaitGroup
	for i, l := range ls {
		wg.Go(func() {
			for j := range 5 {
				name := fmt.Sprintf("L%d edit %d", i, j)
				if _, err := e.svc.Update(e.ctx, l.ID, license.Patch{Name: &name}); err != nil {
					t.Errorf("Update: %v", err)
				}
			}
		})
	}
	for j := range 5 {
		e.rename(t, e.client.ID, fmt.Sprint("Acme ", j))
	}
	wg.Wait()
	drain()
	for i, l := range ls {
		got, err := e.svc.Get(t.Context(), l.ID)
		if err != nil || got.OrgName != "Acme 4" || got.Name != fmt.Sprintf("L%d edit 4", i) {
			t.Errorf("license %d = %q of %q, %v; want its last edit and Acme 4",
				i, got.Name, got.OrgName, err)
		}
	}
}

// TestOrgRenameSeesLicensesMissingFromIndex renames an organisation whose license is not yet
// in gsi1 (as DynamoDB shows a license for a moment after it is written): the rename reaches it,
// as the organisation's licenses are listed from its own partition.
func TestOrgRenameSeesLicensesMissingFromIndex(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	drain := e.startFeed(t)
	l, key := e.create(t, nil)
	e.dropFromIndex(t, l.ID)
	e.rename(t, e.client.ID, "Acme Renamed")
	drain()
	if rec := e.validate(t, key).Record; rec.OrgName != "Acme Renamed" {
		t.Errorf("validation record names %q", rec.OrgName)
	}
}

// dropFromIndex writes license id again without its gsi1 key, as if the index had not caught
// up with it yet.
func (e *env) dropFromIndex(t *testing.T, id string) {
	t.Helper()
	it, err := e.st.Get(t.Context(), license.Key(id))
	if err != nil {
		t.Fatal(err)
	}
	it.GSI1 = store.IndexKey{}
	if err := e.st.Write(t.Context(), store.Put(it)); err != nil {
		t.Fatal(err)
	}
	page, err := e.svc.List(t.Context(), e.client.ID, 0, "")
	if err != nil || len(page.Licenses) != 0 {
		t.Fatalf("List = %d licenses, %v; want none listed from the index", len(page.Licenses), err)
	}
}

// TestOrgRenameDuringCreation creates licenses while their organisation is renamed: each
// creation copies a name that is either renamed later by the feed or is the last one.
func TestOrgRenameDuringCreation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	drain := e.startFeed(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var keys []string
	for range 4 {
		wg.Go(func() {
			for range 3 {
				_, key, err := e.svc.Create(e.ctx, e.client.ID, terms())
				if err != nil {
					t.Errorf("Create: %v", err)
					return
				}
				mu.Lock()
				keys = append(keys, key.Reveal())
				mu.Unlock()
			}
		})
	}
	for j := range 4 {
		e.rename(t, e.client.ID, fmt.Sprint("Acme ", j))
	}
	wg.Wait()
	drain()
	for i, k := range keys {
		if rec := e.validate(t, k).Record; rec.OrgName != "Acme 3" {
			t.Errorf("license %d names %q; want Acme 3", i, rec.OrgName)
		}
	}
}
