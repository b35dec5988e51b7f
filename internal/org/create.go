package org

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/store"
)

// Create creates a distributor or a client (managed by in.DistributorID when set) and audits
// it. Whether the caller may is decided before, by package policy, on the organisation the new
// one hangs from (the distributor, or the vendor).
func (s *Service) Create(ctx context.Context, in Input) (Org, error) {
	now := s.now()
	o := Org{ID: id.New(id.Org, now), CreatedAt: now, Version: 1}
	if err := s.checkNew(ctx, in, &o); err != nil {
		return Org{}, err
	}
	it, err := o.item()
	if err != nil {
		return Org{}, err
	}
	ops := []store.Op{store.Put(it).When(store.IfNotExists())}
	if o.DistributorID != "" {
		put, err := o.clientOp()
		if err != nil {
			return Org{}, err
		}
		ops = append(ops, put.When(store.IfNotExists()), Exists(o.DistributorID))
	}
	e := audit.New(ctx, now, audit.OrgCreated)
	e.OrgID, e.Target = o.ID, o.ID
	e.Details = map[string]any{"name": o.Name, "kind": o.Kind, "distributor_id": o.DistributorID}
	if ops, err = appendEvent(ops, e); err != nil {
		return Org{}, err
	}
	if err := s.Store.Write(ctx, ops...); err != nil {
		return Org{}, fmt.Errorf("create organisation: %w", err)
	}
	return o, nil
}

// checkNew checks in for a new organisation and sets it on o.
func (s *Service) checkNew(ctx context.Context, in Input, o *Org) error {
	if in.Name == nil {
		in.Name = new(string) // CleanName says it is required
	}
	errs := []error{in.apply(o)}
	switch {
	case in.Kind == nil || *in.Kind == "":
		errs = append(errs, account.Invalid("kind", "is required"))
	case !slices.Contains([]string{KindDistributor, KindClient}, *in.Kind):
		errs = append(errs, account.Invalid("kind", "must be distributor or client"))
	default:
		o.Kind = *in.Kind
	}
	if in.DistributorID != nil && *in.DistributorID != "" && o.Kind != "" {
		err := s.setDistributor(ctx, o, *in.DistributorID)
		if !isFieldError(err) {
			return err // the store failed
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// setDistributor makes distributor dst manage client o.
func (s *Service) setDistributor(ctx context.Context, o *Org, dst string) error {
	if o.Kind != KindClient {
		return account.Invalid("distributor_id", "only a client has a distributor")
	}
	d, err := Get(ctx, s.Store, dst)
	if errors.Is(err, store.ErrNotFound) || (err == nil && d.Kind != KindDistributor) {
		return account.Invalid("distributor_id", "is not a distributor")
	}
	if err != nil {
		return err
	}
	o.DistributorID = d.ID
	return nil
}

func isFieldError(err error) bool {
	var fe *account.FieldError
	return err == nil || errors.As(err, &fe)
}

// Exists returns the check that organisation id exists, for writes that depend on it.
func Exists(id string) store.Op { return store.Check(Key(id), store.IfExists()) }

func appendEvent(ops []store.Op, e audit.Event) ([]store.Op, error) {
	op, err := e.Op()
	if err != nil {
		return nil, err
	}
	return append(ops, op), nil
}
