// Package linktoken issues and consumes the tokens of links sent by mail (password reset, email
// confirmation, invitation) or printed by the server (setup of the first admin, set-password
// links of `licensor admin create-user`).
//
// A token is 32 random bytes (package secret); the store keeps only its SHA-256. Each token is
// bound to a purpose and a subject (the user, invitation or organisation it acts on) and may
// carry a payload (the new address of an email change), so that a token made for one thing is
// refused for any other. It lives for its purpose's lifetime (reset and email confirmation 1
// hour, invitation 7 days, setup 24 hours), checked in code against the injected clock as well
// as by the item's expiry.
//
// At most one token per purpose and subject is valid: issuing one points the subject's "latest"
// item at it, which voids the older one. Consuming deletes the token and the latest item, each
// on condition (the token still exists; the latest item still points at it), in the same
// atomic write as the change the token allows, so that of any number of concurrent
// submissions exactly one commits.
//
// Items, not streamed, both expiring with the token:
//
//	type "link_token"   PK "token#<sha256 hex>"                  SK "token"   body Token
//	type "link_latest"  PK "token#latest#<purpose>#<subject>"    SK "latest"  body {digest}
package linktoken

import (
	"errors"
	"time"
)

// The item types.
const (
	ItemType   = "link_token"
	LatestType = "link_latest"
)

// Purpose is what a token may be used for.
type Purpose string

// The purposes.
const (
	Reset       Purpose = "reset"
	EmailChange Purpose = "email_change"
	Invitation  Purpose = "invitation"
	Setup       Purpose = "setup"
)

// Lifetimes are the default lifetimes of the purposes.
var Lifetimes = map[Purpose]time.Duration{
	Reset:       time.Hour,
	EmailChange: time.Hour,
	Invitation:  7 * 24 * time.Hour,
	Setup:       24 * time.Hour,
}

// ErrInvalid is returned for a token that cannot be used: malformed, unknown, expired, already
// used, voided by a newer one, or made for another purpose. Callers answer all of them alike.
var ErrInvalid = errors.New("linktoken: invalid or expired token")

// Token is a stored token.
type Token struct {
	Purpose Purpose `json:"purpose"`
	// Subject is what the token acts on: a user id, an invitation id, an organisation id.
	Subject string `json:"subject"`
	// Payload is bound to the token: the new address of an email change, say.
	Payload   map[string]string `json:"payload,omitempty"`
	CreatedAt time.Time         `json:"created_at"`
	ExpiresAt time.Time         `json:"expires_at"`
	// Digest is the token's SHA-256, its key.
	Digest string `json:"digest"`
}
