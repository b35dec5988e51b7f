package invitation

import (
	"net/url"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// acceptPath is the web UI's page of an invitation link.
const acceptPath = "/invitation"

// timeLayout is how mails tell a link's expiry.
const timeLayout = "2 January 2006 at 15:04 UTC"

// link is a link to path under the public URL, with token in its fragment when set.
func (s *Service) link(path, token string) string {
	var params url.Values
	if token != "" {
		params = url.Values{"token": {token}}
	}
	return mail.Link(s.PublicURL, path, params)
}

func (s *Service) mailData(o org.Org, by account.User, role string) org.Mail {
	return org.Mail{OrgName: o.Name, Role: role, By: by.Name, ByEmail: by.Email}
}

// invitationMail is the data of the mail with inv's link.
func (s *Service) invitationMail(o org.Org, inv Invitation, token string) org.Mail {
	return org.Mail{OrgName: o.Name, Role: inv.Role, By: inv.InviterName,
		ByEmail: inv.InviterEmail, Link: s.link(acceptPath, token),
		ExpiresAt: inv.ExpiresAt.UTC().Format(timeLayout)}
}

// withEventAndMail appends to ops the event e and the mail of kind to addr.
func withEventAndMail(ops []store.Op, e audit.Event, kind, addr string, data org.Mail,
	s *Service) ([]store.Op, error) {
	ev, err := e.Op()
	if err != nil {
		return nil, err
	}
	m, err := org.QueueMail(s.Outbox, kind, addr, data)
	if err != nil {
		return nil, err
	}
	return append(ops, ev, m), nil
}
