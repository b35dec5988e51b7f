package api

import (
	"context"
	"errors"
	"net/http"

	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/invitation"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// Orgs are what the organisation, member, invitation and audit routes are served with.
type Orgs struct {
	Orgs        *org.Service
	Invitations *invitation.Service
	// Policy decides the permissions a handler checks on an organisation the path does not
	// name (package policy).
	Policy OrgAuthorizer
}

// orgs returns the organisation services, or the error that answers 503 without them.
func (a *API) orgs() (*Orgs, error) {
	if a.opts.Orgs == nil {
		return nil, Errorf(CodeUnavailable, "organisations are not configured")
	}
	return a.opts.Orgs, nil
}

// orgProblems are the organisation part's domain errors, added to domainProblems.
var orgProblems = []struct {
	err  error
	code Code
	msg  string
}{
	{org.ErrLastAdmin, CodeConflict,
		"an organisation keeps at least one admin: make another member an admin first"},
	{org.ErrNotMember, CodeNotFound, "no such member"},
	{invitation.ErrNotFound, CodeNotFound, "no such invitation"},
	{invitation.ErrPending, CodeConflict,
		"this address has a pending invitation to this organisation: resend it instead"},
	{invitation.ErrAlreadyMember, CodeConflict,
		"this address's account is a member of this organisation already"},
	{invitation.ErrNotPending, CodeConflict,
		"this invitation was accepted or revoked already"},
}

func init() { domainProblems = append(domainProblems, orgProblems...) }

// reachOf is the reach of the request's principal, for lists.
func reachOf(r *http.Request) (org.Reach, *auth.Principal, error) {
	p, err := principal(r)
	if err != nil {
		return org.Reach{}, nil, err
	}
	return org.ReachOf(p.Memberships), p, nil
}

// orgNames reads the names of organisations, each once, for answers that show them.
type orgNames struct {
	st    store.Store
	names map[string]string
}

func (n *orgNames) name(ctx context.Context, id string) (string, error) {
	if name, ok := n.names[id]; ok {
		return name, nil
	}
	o, err := org.Get(ctx, n.st, id)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if n.names == nil {
		n.names = map[string]string{}
	}
	n.names[id] = o.Name
	return o.Name, nil
}
