// Package session keeps the browser sessions of signed-in users.
//
// A session is 32 random bytes (package secret) handed to the browser in a cookie; the store
// keeps only its SHA-256, as the session's key, so a copy of the store signs no one in. A new
// session is made at every sign-in. It ends after 2 hours without a request (idle) and 24 hours
// after sign-in (absolute), both checked in code on every request against the injected clock:
// the item's expiry (24 hours) only lets the engine clean up, which DynamoDB does up to days
// late. The last request's time is written at most once a minute.
//
// Every session carries the generation of its user's sessions (account.User.SessionGen). A
// password change or reset raises the generation in the same write as the new password, which
// ends every session of the older generation at once, however many there are; the caller keeps
// the current session by writing the new generation into it in that same write (KeepOp).
// Stale items are then deleted by Sweep, at leisure.
//
// Items, of type "session" (not streamed), expiring 24 hours after sign-in:
//
//	PK "session#<sha256 hex of the cookie>"  SK "session"
//	GSI1 PK "sessions#<usr_id>"  SK "<ses_id>"
//
// GSI1 lists a user's sessions (ids are time-ordered: backward is newest first) and finds one by
// its id, for ending it from the profile page.
package session

import (
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// ItemType is the type of session items.
const ItemType = "session"

// The default limits of a session.
const (
	IdleTimeout     = 2 * time.Hour
	AbsoluteTimeout = 24 * time.Hour
	// touchEvery is how stale the recorded last request may get before a request rewrites it.
	touchEvery = time.Minute
)

// Session is one signed-in browser.
type Session struct {
	ID     string `json:"id"`
	UserID string `json:"user_id"`
	// Gen is the generation of the user's sessions it belongs to.
	Gen int64 `json:"gen"`
	// Browser summarises the User-Agent at sign-in ("Firefox on Linux").
	Browser    string    `json:"browser"`
	IP         string    `json:"ip"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	// Digest is the SHA-256 of the cookie, the item's key.
	Digest string `json:"digest"`
}

// Key is the key of the session whose cookie has digest.
func Key(digest string) store.Key { return store.Key{PK: "session#" + digest, SK: "session"} }

func userPK(userID string) string { return "sessions#" + userID }

// Valid reports whether s may still be used at now, under the idle and absolute limits.
func (s Session) Valid(now time.Time, idle, absolute time.Duration) bool {
	return now.Before(s.LastSeenAt.Add(idle)) && now.Before(s.CreatedAt.Add(absolute))
}
