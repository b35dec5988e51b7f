package mail

import (
	"net/url"
	"strings"
)

// KindNotice is the generic notice: a greeting, paragraphs and an optional link, for mails that
// need no template of their own.
const KindNotice = "notice"

// Notice is the data of the notice kind.
type Notice struct {
	Subject string
	// Greeting, when set, opens the mail ("Hello Ada,").
	Greeting   string
	Paragraphs []string
	// Action, when set, is a link shown as a button, with its address spelled out below it.
	Action *Action
}

// Action is a link in a mail.
type Action struct {
	Label string
	URL   string
}

// Link builds an absolute link to path under base (LICENSOR_PUBLIC_URL, never the request's
// host), with params in the URL fragment: a browser sends no fragment to any server nor in a
// Referer header, so a token there reaches no log.
func Link(base *url.URL, path string, params url.Values) string {
	u := url.URL{Scheme: base.Scheme, Host: base.Host}
	u.Path = strings.TrimSuffix(base.Path, "/") + "/" + strings.TrimPrefix(path, "/")
	s := u.String()
	if len(params) > 0 {
		s += "#" + params.Encode()
	}
	return s
}
