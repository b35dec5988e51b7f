package license

import (
	"context"
	"fmt"

	"github.com/licensorhq/licensor/internal/audit"
)

// Patch is a change of a license: nil fields stay as they are. EndsOn pointing at "" removes
// the last day.
type Patch struct {
	Name           *string
	PrepaidCores   *int64
	CorePrice      *int64
	ExtraCorePrice *int64
	Currency       *string
	StartsOn       *string
	EndsOn         *string
	// Status is StatusActive or StatusSuspended.
	Status *string
}

// apply returns t changed by p.
func (p Patch) apply(t Terms) Terms {
	set(&t.Name, p.Name)
	set(&t.PrepaidCores, p.PrepaidCores)
	set(&t.CorePrice, p.CorePrice)
	set(&t.ExtraCorePrice, p.ExtraCorePrice)
	set(&t.Currency, p.Currency)
	set(&t.StartsOn, p.StartsOn)
	set(&t.EndsOn, p.EndsOn)
	return t
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// Update changes license id as p says, in one write with its audit events: license.updated
// with the before and after of each changed term, and license.suspended or license.reinstated
// for a change of status. It returns the license as it is now.
func (s *Service) Update(ctx context.Context, id string, p Patch) (License, error) {
	if p.Status != nil && *p.Status != StatusActive && *p.Status != StatusSuspended {
		return License{}, &FieldError{"status", "must be active or suspended"}
	}
	var l License
	err := retry(func() error {
		cur, err := s.Get(ctx, id)
		if err != nil {
			return err
		}
		l, err = s.update(ctx, cur, p)
		return err
	})
	if err != nil {
		return License{}, fmt.Errorf("update license %s: %w", id, err)
	}
	return l, nil
}

func (s *Service) update(ctx context.Context, cur License, p Patch) (License, error) {
	terms := p.apply(cur.terms())
	if err := terms.Check(); err != nil {
		return License{}, err
	}
	now := s.now()
	next := cur.withTerms(terms)
	set(&next.Status, p.Status)
	events := s.changeEvents(ctx, cur, next)
	if len(events) == 0 {
		return cur, nil // nothing changes: no write, no event
	}
	next.UpdatedAt, next.UpdatedBy, next.Version = now, audit.OriginFrom(ctx).Actor, cur.Version+1
	ops, err := next.putOps(cur.Version)
	if err != nil {
		return License{}, err
	}
	for _, e := range events {
		op, err := e.Op()
		if err != nil {
			return License{}, err
		}
		ops = append(ops, op)
	}
	if err := s.Store.Write(ctx, ops...); err != nil {
		return License{}, err
	}
	return next, nil
}

// changeEvents returns the audit events of the change from cur to next.
func (s *Service) changeEvents(ctx context.Context, cur, next License) []audit.Event {
	var out []audit.Event
	now := s.now()
	if d := diff(termsDetails(cur.terms()), termsDetails(next.terms())); len(d) > 0 {
		e := event(ctx, now, ActionUpdated, next)
		e.Details = d
		out = append(out, e)
	}
	if cur.Status != next.Status {
		action := ActionReinstated
		if next.Status == StatusSuspended {
			action = ActionSuspended
		}
		e := event(ctx, now, action, next)
		e.Details = map[string]any{"before": cur.Status, "after": next.Status}
		out = append(out, e)
	}
	return out
}

// diff returns {field: {before, after}} for each field whose value differs.
func diff(before, after map[string]any) map[string]any {
	out := map[string]any{}
	for k, b := range before {
		if a := after[k]; a != b {
			out[k] = map[string]any{"before": b, "after": a}
		}
	}
	return out
}
