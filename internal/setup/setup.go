// Package setup brings in the first people: the first vendor admin, from the one-time link that
// the first start of the server prints, and accounts made from the shell by `licensor admin
// create-user`, each with a set-password link. There is no default account.
//
// Both links are tokens of purpose linktoken.Setup, valid 24 hours, at /setup#token=...:
//
//   - first_admin: made when the server starts on a store without a vendor organisation, in the
//     same write that creates the organisation, so it is made once whatever number of processes
//     start together. Its subject is the vendor organisation; whoever opens it chooses an
//     address, a name and a password, and becomes an admin of the vendor organisation.
//   - set_password: made by create-user with the account (which has no password until then) and
//     mailed to it; its subject is the user, who chooses a password.
//
// Completing either uses the link up and signs in. The first admin is asked to accept no terms:
// none are published yet, and terms are required only once a version is (the first admin
// publishes the first version). Package setup writes no item type of its own: it writes
// organisations, memberships, users, tokens, mails and audit events through their packages.
package setup

import (
	"errors"
	"time"

	"github.com/licensorhq/licensor/internal/account"
)

// The kinds of setup link.
const (
	KindFirstAdmin  = "first_admin"
	KindSetPassword = "set_password"
)

// VendorName is the name the vendor organisation gets at the first start; its admins rename it.
const VendorName = "Vendor"

// ErrExists is returned by CreateUser for an address that has an account.
var ErrExists = errors.New("setup: an account has this address")

// Service makes and completes setup links.
type Service struct {
	Accounts *account.Service
	// Now is the clock; nil means time.Now. Give the store the same clock.
	Now func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// Preview is what a setup link sets up.
type Preview struct {
	Kind string
	// Email and Name are the account's, for set_password links.
	Email, Name string
	ExpiresAt   time.Time
}

// Input completes a setup link: Email and Name for first_admin links only.
type Input struct {
	Token, Email, Name, Password string
}
