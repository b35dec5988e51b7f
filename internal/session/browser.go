package session

import "strings"

// browsers and systems are matched in order: the first name found in the User-Agent wins, which
// is why Edge and Opera come before Chrome, and Chrome before Safari (each names the next).
var browsers = []struct{ token, name string }{
	{"Edg/", "Edge"}, {"OPR/", "Opera"}, {"Firefox/", "Firefox"}, {"Chromium/", "Chromium"},
	{"Chrome/", "Chrome"}, {"Safari/", "Safari"}, {"curl/", "curl"},
}

var systems = []struct{ token, name string }{
	{"Android", "Android"}, {"iPhone", "iOS"}, {"iPad", "iPadOS"}, {"Windows", "Windows"},
	{"Mac OS X", "macOS"}, {"CrOS", "ChromeOS"}, {"Linux", "Linux"},
}

// Browser summarises a User-Agent header as "Browser on System" for the list of sessions; it
// names only what it knows and never repeats the header, which the client chose.
func Browser(userAgent string) string {
	b := match(userAgent, browsers)
	s := match(userAgent, systems)
	switch {
	case b == "" && s == "":
		return "Unknown browser"
	case s == "":
		return b
	case b == "":
		return "A browser on " + s
	}
	return b + " on " + s
}

func match(ua string, table []struct{ token, name string }) string {
	for _, e := range table {
		if strings.Contains(ua, e.token) {
			return e.name
		}
	}
	return ""
}
