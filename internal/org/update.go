package org

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
)

// Update changes the fields in sets of organisation id and audits the change with each field's
// value before and after. Its kind never changes; a change of distributor (in.DistributorID,
// "" for none) is for the vendor's staff, which the caller has made sure of with package policy.
func (s *Service) Update(ctx context.Context, id string, in Input) (Org, error) {
	was, err := Get(ctx, s.Store, id)
	if err != nil {
		return Org{}, err
	}
	o, err := s.changed(ctx, was, in)
	if err != nil {
		return Org{}, err
	}
	o.UpdatedAt = s.now()
	ops, err := saveOps(was, o)
	if err != nil {
		return Org{}, err
	}
	if o.DistributorID != "" && o.DistributorID != was.DistributorID {
		ops = append(ops, Exists(o.DistributorID))
	}
	e := audit.New(ctx, o.UpdatedAt, audit.OrgUpdated)
	e.OrgID, e.Target, e.Details = o.ID, o.ID, diff(was, o)
	if ops, err = appendEvent(ops, e); err != nil {
		return Org{}, err
	}
	if err := s.Store.Write(ctx, ops...); err != nil {
		return Org{}, fmt.Errorf("update organisation %s: %w", id, err)
	}
	o.Version = was.Version + 1
	return o, nil
}

// changed returns was with in applied, or the faults of in.
func (s *Service) changed(ctx context.Context, was Org, in Input) (Org, error) {
	o := was
	if in.Kind != nil && *in.Kind != was.Kind {
		return Org{}, account.Invalid("kind", "cannot be changed")
	}
	errs := []error{in.apply(&o)}
	if in.DistributorID != nil {
		o.DistributorID = ""
		if *in.DistributorID != "" {
			err := s.setDistributor(ctx, &o, *in.DistributorID)
			if !isFieldError(err) {
				return Org{}, err
			}
			errs = append(errs, err)
		}
	}
	return o, errors.Join(errs...)
}

// diff is the audit detail of a change: each changed field with its value before and after.
func diff(was, o Org) map[string]any {
	out := map[string]any{}
	pairs := []struct{ name, before, after string }{
		{"name", was.Name, o.Name}, {"billing_email", was.BillingEmail, o.BillingEmail},
		{"address", was.Address, o.Address}, {"vat_id", was.VATID, o.VATID},
		{"distributor_id", was.DistributorID, o.DistributorID},
	}
	for _, p := range pairs {
		if p.before != p.after {
			out[p.name] = map[string]string{"before": p.before, "after": p.after}
		}
	}
	return out
}
