// Package terms keeps the versions of the terms and conditions and who accepted which.
//
// A vendor admin publishes a version (Markdown text); versions are numbered from 1 and kept for
// good with who published them and when. A user who has not accepted the current version gets
// terms_required from every route but a few (package policy) until they accept it. While no
// version is published, no acceptance is required. Each acceptance records the user, the
// version, the time and the client IP, and is listed per version for vendor admins.
//
// Items (not streamed, never expiring):
//
//	type "terms"             PK "terms"              SK "version#<10-digit version>"  body Version
//	type "terms_acceptance"  PK "terms#<version>"    SK "acceptance#<usr_id>"         body Acceptance
//
// The zero-padded version sorts as text the way it sorts as a number, so the current version is
// the last item of the "terms" partition (one query, backward, limit 1). A version is written on
// condition that it does not exist: of two concurrent publications one fails. The user's
// accepted version is also kept on the user (account.TermsAcceptedOp), written in the same write
// as the acceptance, so that each request reads it with the user.
package terms

import (
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// The item types.
const (
	ItemType       = "terms"
	AcceptanceType = "terms_acceptance"
)

// MaxText bounds the text of a version, in bytes.
const MaxText = 100_000

// Errors the HTTP layer answers.
var (
	// ErrNone is returned while no version is published, or for a version that does not exist.
	ErrNone = errors.New("terms: no such version")
	// ErrNotCurrent is returned when accepting a version that is not the current one.
	ErrNotCurrent = errors.New("terms: not the current version")
	// ErrRace is returned when another version was published at the same moment.
	ErrRace = errors.New("terms: another version was published meanwhile")
)

// Version is one published version.
type Version struct {
	Number      int       `json:"version"`
	Text        string    `json:"text"`
	PublishedAt time.Time `json:"published_at"`
	// PublishedBy is the publishing user's id, PublisherName their name at the time.
	PublishedBy   string `json:"published_by"`
	PublisherName string `json:"publisher_name"`
}

// Acceptance records that a user accepted a version.
type Acceptance struct {
	UserID string `json:"user_id"`
	// Name and Email are the user's at the time of acceptance.
	Name       string    `json:"name"`
	Email      string    `json:"email"`
	Version    int       `json:"version"`
	AcceptedAt time.Time `json:"accepted_at"`
	IP         string    `json:"ip"`
}

const pk = "terms"

func versionSK(n int) string { return fmt.Sprintf("version#%010d", n) }

func versionKey(n int) store.Key { return store.Key{PK: pk, SK: versionSK(n)} }

func acceptancePK(n int) string { return fmt.Sprintf("terms#%d", n) }

func acceptanceKey(n int, userID string) store.Key {
	return store.Key{PK: acceptancePK(n), SK: "acceptance#" + userID}
}
