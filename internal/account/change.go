package account

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/password"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/store"
)

// CheckPassword returns a FieldError for field when pw does not meet the password policy.
func CheckPassword(field, pw string) error {
	if err := password.Check(pw); err != nil {
		return Invalid(field, err.Error())
	}
	return nil
}

// ChangePassword sets u's password to newPW after checking currentPW, ends every other session
// of u (cur survives), and mails a notice. A wrong current password is a FieldError on
// current_password, throttled as sign-ins are.
func (s *Service) ChangePassword(ctx context.Context, u User, cur session.Session,
	currentPW, newPW string) error {
	if err := CheckPassword("new_password", newPW); err != nil {
		return err
	}
	if err := s.checkCurrent(ctx, u, currentPW); err != nil {
		return err
	}
	hash, err := s.hasher.Hash(ctx, newPW)
	if err != nil {
		return err
	}
	u.PasswordHash = hash
	u.SessionGen++
	ops, err := s.changeOps(ctx, u)
	if err != nil {
		return err
	}
	ops = append(ops, session.KeepOp(cur, u.SessionGen))
	if err := s.st.Write(ctx, ops...); err != nil {
		return fmt.Errorf("change password of %s: %w", u.ID, err)
	}
	s.sweep(ctx, u)
	return nil
}

// changeOps are the save of u, its notice and its audit event.
func (s *Service) changeOps(ctx context.Context, u User) ([]store.Op, error) {
	save, err := SaveOp(u)
	if err != nil {
		return nil, err
	}
	notice, err := s.passwordNotice(u, KindPasswordChanged, s.now())
	if err != nil {
		return nil, err
	}
	e := audit.New(ctx, s.now(), audit.PasswordChanged)
	e.Target = u.ID
	ev, err := e.Op()
	if err != nil {
		return nil, err
	}
	return []store.Op{save, notice, ev}, nil
}

// checkCurrent checks that pw is u's password, under u's address's sign-in lock: a stolen
// session cannot guess the password faster than a sign-in form can.
func (s *Service) checkCurrent(ctx context.Context, u User, pw string) error {
	if err := s.admitAddress(ctx, u.Email); err != nil {
		return err
	}
	ok := false
	if u.PasswordHash != "" {
		var err error
		if ok, _, err = s.hasher.Verify(ctx, pw, u.PasswordHash); err != nil {
			return fmt.Errorf("verify password of %s: %w", u.ID, err)
		}
	}
	if !ok {
		if _, err := s.signInLock.Fail(ctx, u.Email); err != nil {
			return err
		}
		return Invalid("current_password", "is not your current password")
	}
	return s.signInLock.Succeed(ctx, u.Email)
}

// sweep deletes the items of sessions that a new generation ended; best effort.
func (s *Service) sweep(ctx context.Context, u User) {
	if err := s.sessions.Sweep(ctx, u.ID, u.SessionGen); err != nil {
		s.log.WarnContext(ctx, "delete ended sessions", "user_id", u.ID, "error", err)
	}
}

// EndOtherSessions ends every session of u but cur.
func (s *Service) EndOtherSessions(ctx context.Context, u User, cur session.Session) error {
	u.SessionGen++
	save, err := SaveOp(u)
	if err != nil {
		return err
	}
	e := audit.New(ctx, s.now(), audit.SessionEnded)
	e.Target, e.Details = u.ID, map[string]any{"all_but": cur.ID}
	ev, err := e.Op()
	if err != nil {
		return err
	}
	if err := s.st.Write(ctx, save, session.KeepOp(cur, u.SessionGen), ev); err != nil {
		return fmt.Errorf("end other sessions of %s: %w", u.ID, err)
	}
	s.sweep(ctx, u)
	return nil
}

// EndSession ends u's session with id sessionID; session.ErrNoSession when u has none such.
func (s *Service) EndSession(ctx context.Context, u User, sessionID string) error {
	sess, err := s.sessions.Find(ctx, u.ID, sessionID)
	if err != nil {
		return err
	}
	if sess.Gen != u.SessionGen {
		return session.ErrNoSession // ended already
	}
	err = s.SignOut(ctx, sess)
	if errors.Is(err, store.ErrConflict) {
		return session.ErrNoSession
	}
	return err
}

// HashPassword hashes pw with the service's hasher, for accounts made elsewhere (setup links).
func (s *Service) HashPassword(ctx context.Context, pw string) (string, error) {
	return s.hasher.Hash(ctx, pw)
}
