package password

import (
	_ "embed"
	"strings"
	"sync"
)

// commonText lists passwords of at least MinLength characters that appear again and again in
// leaked password sets, one per line, in lower case. It is written by gen_common.go from well-known
// patterns (a common word and a common suffix, keyboard walks, repeated characters, sequences),
// not copied from any published list; `go generate` rewrites it.
//
//go:generate go run gen_common.go
//go:embed common.txt
var commonText string

// commonSet is commonText as a set, built at first use.
var commonSet = sync.OnceValue(func() map[string]struct{} {
	lines := strings.Fields(commonText)
	set := make(map[string]struct{}, len(lines))
	for _, l := range lines {
		set[l] = struct{}{}
	}
	return set
})

// isCommon reports whether pw is on the list, ignoring case: "Password1234" is as guessable as
// "password1234".
func isCommon(pw string) bool {
	_, ok := commonSet()[strings.ToLower(pw)]
	return ok
}
