package license

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// OrgSuspension says whether all of an organisation's licenses are suspended.
type OrgSuspension struct {
	Suspended bool      `json:"suspended"`
	ChangedAt time.Time `json:"changed_at,omitzero"`
	ChangedBy string    `json:"changed_by,omitempty"`
	Version   int64     `json:"version"`
}

func suspensionKey(orgID string) store.Key {
	return store.Key{PK: orgPK(orgID), SK: "suspension"}
}

// suspension reads the suspension state of orgID's licenses; the zero value when never set.
func (s *Service) suspension(ctx context.Context, orgID string) (OrgSuspension, error) {
	var susp OrgSuspension
	it, err := s.Store.Get(ctx, suspensionKey(orgID))
	if errors.Is(err, store.ErrNotFound) {
		return susp, nil
	}
	if err != nil {
		return susp, fmt.Errorf("read license suspension of %s: %w", orgID, err)
	}
	if err := it.Decode(&susp); err != nil {
		return susp, fmt.Errorf("decode license suspension of %s: %w", orgID, err)
	}
	return susp, nil
}

// guard is the check that the suspension state is still the one read: a license created while
// its organisation's suspension changes is written again with the new state.
func (susp OrgSuspension) guard(orgID string) store.Op {
	if susp.Version == 0 {
		return store.Check(suspensionKey(orgID), store.IfNotExists())
	}
	return store.Check(suspensionKey(orgID), store.IfField("version", store.Eq, susp.Version))
}

// SuspendOrg suspends (suspended true) or reinstates all of organisation orgID's licenses, and
// returns how many licenses it changed. The organisation's state is written first, so licenses
// created from then on follow it; then each license and its validation record, a few licenses
// per atomic write. Running it again finishes a run that failed halfway. Reinstating leaves the
// licenses suspended on their own suspended.
func (s *Service) SuspendOrg(ctx context.Context, orgID string, suspended bool) (int, error) {
	if _, err := org.Get(ctx, s.Store, orgID); errors.Is(err, store.ErrNotFound) {
		return 0, ErrNotFound
	} else if err != nil {
		return 0, err
	}
	if err := retry(func() error { return s.setSuspension(ctx, orgID, suspended) }); err != nil {
		return 0, fmt.Errorf("suspend licenses of %s: %w", orgID, err)
	}
	return s.applySuspension(ctx, orgID, suspended)
}

// setSuspension writes the organisation's state, with its audit event.
func (s *Service) setSuspension(ctx context.Context, orgID string, suspended bool) error {
	cur, err := s.suspension(ctx, orgID)
	if err != nil {
		return err
	}
	now := s.now()
	next := OrgSuspension{Suspended: suspended, ChangedAt: now,
		ChangedBy: audit.OriginFrom(ctx).Actor, Version: cur.Version + 1}
	it, err := encode(suspensionKey(orgID), SuspensionType, next)
	if err != nil {
		return err
	}
	cond := store.IfNotExists()
	if cur.Version > 0 {
		cond = store.IfField("version", store.Eq, cur.Version)
	}
	action := ActionOrgReinstated
	if suspended {
		action = ActionOrgSuspended
	}
	e := audit.New(ctx, now, action)
	e.OrgID, e.Target = orgID, orgID
	e.Details = map[string]any{"before": cur.Suspended, "after": suspended}
	return s.write(ctx, e, store.Put(it).When(cond))
}

// perWrite is how many licenses one write of applySuspension changes (two operations each).
const perWrite = 12

// applySuspension sets OrgSuspended on every license of orgID that differs. A page that loses
// a race with a change of one of its licenses is read and written again.
func (s *Service) applySuspension(ctx context.Context, orgID string, suspended bool) (int, error) {
	n, cursor := 0, ""
	for {
		var next string
		err := retry(func() error {
			page, err := orgLicenses(ctx, s.Store, orgID, perWrite, cursor)
			if err != nil {
				return err
			}
			changed, err := s.suspendPage(ctx, page.Licenses, suspended)
			n += changed
			next = page.Cursor
			return err
		})
		if err != nil || next == "" {
			return n, err
		}
		cursor = next
	}
}

func (s *Service) suspendPage(ctx context.Context, ls []License, suspended bool) (int, error) {
	var ops []store.Op
	now, actor := s.now(), audit.OriginFrom(ctx).Actor
	for _, l := range ls {
		if l.OrgSuspended == suspended {
			continue
		}
		from := l.Version
		l.OrgSuspended, l.UpdatedAt, l.UpdatedBy, l.Version = suspended, now, actor, from+1
		put, err := l.putOps(from)
		if err != nil {
			return 0, err
		}
		ops = append(ops, put...)
	}
	if len(ops) == 0 {
		return 0, nil
	}
	if err := s.Store.Write(ctx, ops...); err != nil {
		return 0, fmt.Errorf("apply license suspension: %w", err) // ErrConflict: a race
	}
	return len(ops) / 2, nil
}
