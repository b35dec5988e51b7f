package account

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/store"
)

// Started is a new session: the user, the session and the cookie's value (to hand to the
// browser once, never to log).
type Started struct {
	User    User
	Session session.Session
	Token   string
}

// SignIn checks addr and pw and starts a session. Every failure of the credentials returns
// ErrInvalidCredentials after the same work; a throttled attempt returns a *LimitedError
// without checking anything.
func (s *Service) SignIn(ctx context.Context, addr, pw string, c Client) (Started, error) {
	if err := s.admitIP(ctx, c.IP); err != nil {
		return Started{}, err
	}
	key := strings.ToLower(strings.TrimSpace(addr))
	if err := s.admitAddress(ctx, key); err != nil {
		return Started{}, err
	}
	u, err := s.verify(ctx, key, pw)
	if errors.Is(err, ErrInvalidCredentials) {
		if ferr := s.failed(ctx, key); ferr != nil {
			return Started{}, ferr
		}
		return Started{}, err
	}
	if err != nil {
		return Started{}, err
	}
	if err := s.signInLock.Succeed(ctx, key); err != nil {
		return Started{}, err
	}
	return s.StartSession(ctx, u, c)
}

// admitIP takes one of the client IP's sign-in tokens.
func (s *Service) admitIP(ctx context.Context, ip string) error {
	ok, wait, err := s.signInIP.Allow(ctx, ip)
	if err != nil {
		return err
	}
	if !ok {
		return &LimitedError{Wait: wait}
	}
	return nil
}

// admitAddress refuses an address locked by its failures: known and unknown alike.
func (s *Service) admitAddress(ctx context.Context, key string) error {
	wait, err := s.signInLock.Check(ctx, key)
	if err != nil {
		return err
	}
	if wait > 0 {
		return &LimitedError{Wait: wait}
	}
	return nil
}

// verify returns the user of addr when pw is their password, and ErrInvalidCredentials
// otherwise, after one argon2 verification whatever the case: against the user's hash, or
// against a dummy one when no account (or no password) is there.
func (s *Service) verify(ctx context.Context, addr, pw string) (User, error) {
	u, err := s.lookup(ctx, addr)
	if err != nil {
		return User{}, err
	}
	if u.PasswordHash == "" {
		if err := s.hasher.VerifyDummy(ctx, pw); err != nil {
			return User{}, fmt.Errorf("verify password: %w", err)
		}
		return User{}, ErrInvalidCredentials
	}
	ok, rehash, err := s.hasher.Verify(ctx, pw, u.PasswordHash)
	if err != nil {
		return User{}, fmt.Errorf("verify password of %s: %w", u.ID, err)
	}
	if !ok {
		return User{}, ErrInvalidCredentials
	}
	if rehash {
		s.rehash(ctx, u, pw)
	}
	return u, nil
}

// lookup returns the user of addr, or the zero User when there is none.
func (s *Service) lookup(ctx context.Context, addr string) (User, error) {
	if len(addr) > maxEmail {
		return User{}, nil // no account has it; not worth a read
	}
	u, err := ByEmail(ctx, s.st, addr)
	if errors.Is(err, store.ErrNotFound) {
		return User{}, nil
	}
	return u, err
}

// rehash replaces a hash made with weaker parameters. It is best effort: a failure leaves the
// old hash, which still verifies, and is tried again at the next sign-in.
func (s *Service) rehash(ctx context.Context, u User, pw string) {
	h, err := s.hasher.Hash(ctx, pw)
	if err == nil {
		u.PasswordHash = h
		var op store.Op
		if op, err = SaveOp(u); err == nil {
			err = s.st.Write(ctx, op)
		}
	}
	if err != nil {
		s.log.WarnContext(ctx, "rehash password", "user_id", u.ID, "error", err)
	}
}

// failed records a failed sign-in: the address's lock grows, and the audit log has it.
func (s *Service) failed(ctx context.Context, addr string) error {
	if _, err := s.signInLock.Fail(ctx, addr); err != nil {
		return err
	}
	e := audit.New(ctx, s.now(), audit.SessionFailed)
	e.Outcome = audit.Failure
	if len(addr) <= maxEmail {
		e.Details = map[string]any{"email": addr}
	}
	return audit.Record(ctx, s.st, e)
}

// StartSession starts a session of u (after a sign-in, or a setup link), audited.
func (s *Service) StartSession(ctx context.Context, u User, c Client) (Started, error) {
	token, sess, op, err := s.sessions.New(u.ID, u.SessionGen, c.UserAgent, c.IP)
	if err != nil {
		return Started{}, err
	}
	e := audit.New(ctx, s.now(), audit.SessionCreated)
	e.Actor, e.Target = u.ID, sess.ID
	ev, err := e.Op()
	if err != nil {
		return Started{}, err
	}
	if err := s.st.Write(ctx, op, ev); err != nil {
		return Started{}, fmt.Errorf("start session: %w", err)
	}
	return Started{User: u, Session: sess, Token: token}, nil
}

// SignOut ends sess, audited.
func (s *Service) SignOut(ctx context.Context, sess session.Session) error {
	e := audit.New(ctx, s.now(), audit.SessionEnded)
	e.Actor, e.Target = sess.UserID, sess.ID
	ev, err := e.Op()
	if err != nil {
		return err
	}
	if err := s.st.Write(ctx, session.EndOp(sess), ev); err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	return nil
}
