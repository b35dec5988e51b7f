// Package account keeps user accounts and what a user does with their own: sign in, change name,
// password and address, and reset a forgotten password.
//
// Passwords follow package password (argon2id, the policy of SECURITY.md). A sign-in with an
// unknown address does the work of a real one (password.VerifyDummy) and gets the same answer
// as a wrong password; both are throttled per address (a doubling lock) and per client IP (a
// token bucket), the unknown address exactly like a known one. A stored hash made with weaker
// parameters is replaced at the next sign-in.
//
// Every change is one atomic write holding the change, its audit event and its mails (through
// the outbox): a password change or reset also raises the user's session generation, which ends
// the user's sessions (see package session); an address change waits for the link mailed to the
// new address (package linktoken) and re-checks that the address is free when it is confirmed.
//
// Items (neither type is streamed or expires):
//
//	type "user"        PK "user#<usr_id>"       SK "user"   body User
//	type "user_email"  PK "email#<address>"     SK "email"  body {user_id}
//
// The email item, written on condition that it does not exist in the same write as the user
// (or as the address change), keeps addresses unique and finds a user by address in one read.
// Addresses are stored in lower case. A user item's version rises with every change; writers
// either condition on it or add to it, so no change overwrites another.
package account

import (
	"context"
	"errors"
	"time"
)

// The item types.
const (
	ItemType  = "user"
	EmailType = "user_email"
)

// User is an account.
type User struct {
	ID    string `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
	// PasswordHash is the PHC string of the password; "" until one is set (an account made by
	// `licensor admin create-user` before its set-password link is used), which signs no one in.
	PasswordHash string    `json:"password_hash,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	// TermsAccepted is the last version of the terms the user accepted; 0 for none.
	TermsAccepted   int       `json:"terms_accepted_version,omitempty"`
	TermsAcceptedAt time.Time `json:"terms_accepted_at,omitzero"`
	// SessionGen is the generation of the user's sessions: a session of another generation has
	// ended.
	SessionGen int64 `json:"session_gen"`
	Version    int64 `json:"version"`
}

// Hasher hashes and verifies passwords: *password.Hasher, or a wrapper around one in tests.
type Hasher interface {
	Hash(ctx context.Context, pw string) (string, error)
	Verify(ctx context.Context, pw, encoded string) (ok, needsRehash bool, err error)
	VerifyDummy(ctx context.Context, pw string) error
}

// Client is where a request comes from.
type Client struct {
	IP        string
	UserAgent string
}

// Errors the HTTP layer answers.
var (
	// ErrInvalidCredentials is the one answer to a failed sign-in, whatever failed.
	ErrInvalidCredentials = errors.New("account: wrong address or password")
	// ErrEmailTaken is returned when another account has the address.
	ErrEmailTaken = errors.New("account: the address belongs to another account")
	// ErrWrongUser is returned when a link of one user is used by another signed-in user.
	ErrWrongUser = errors.New("account: the link belongs to another account")
)

// FieldError says what is wrong with one field of a request. Several are joined with
// errors.Join.
type FieldError struct {
	Name string
	Msg  string
}

// Field names the field at fault, as the JSON request names it.
func (e *FieldError) Field() string { return e.Name }

// Message says what is wrong, for people.
func (e *FieldError) Message() string { return e.Msg }

func (e *FieldError) Error() string { return e.Name + ": " + e.Msg }

// Invalid returns a FieldError.
func Invalid(field, msg string) error { return &FieldError{Name: field, Msg: msg} }

// LimitedError is returned when throttling refuses an attempt.
type LimitedError struct{ Wait time.Duration }

// RetryAfter is how long to wait before trying again.
func (e *LimitedError) RetryAfter() time.Duration { return e.Wait }

func (e *LimitedError) Error() string {
	return "account: too many attempts; wait " + e.Wait.String()
}
