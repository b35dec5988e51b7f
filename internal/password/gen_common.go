//go:build ignore

// gen_common writes common.txt: passwords of at least 12 characters built from the patterns
// people reach for when a site asks for a long password. Run it with `go generate`.
package main

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"unicode/utf8"
)

// words are the bases people lengthen: the words that top every leaked password set, names,
// sports teams, and the names of this product and its trade.
var words = strings.Fields(`
password passw0rd p@ssword p@ssw0rd pa$$word qwerty iloveyou welcome letmein admin
football baseball basketball soccer hockey monkey dragon master sunshine princess shadow
superman batman spiderman starwars trustno1 whatever freedom michael jennifer jordan hunter
charlie thomas jessica ashley daniel andrew joshua matthew michelle nicole robert summer
winter flower cheese computer internet secret changeme default access killer pepper ginger
banana orange chocolate butterfly mustang harley ranger buster tigger liverpool chelsea
arsenal barcelona cookie purple yellow silver diamond maverick samsung google microsoft
hello loveme lovely angel babygirl family blessed jesus heaven money pokemon minecraft
licensor license licence software portal
`)

// suffixes are what gets appended to reach the required length.
var suffixes = strings.Fields(`
1 12 123 1234 12345 123456 1234567 12345678 123456789 1234567890 ! 1! 12! 123! 1234! 12345!
@123 #1 01 007 69 99 111 000 123123 321 2020 2021 2022 2023 2024 2025 2026
`)

// others are keyboard walks, sequences and phrases that need no suffix.
var others = strings.Fields(`
1qaz2wsx3edc 1qaz2wsx3edc4rfv 1q2w3e4r5t6y 1q2w3e4r5t6y7u8i q1w2e3r4t5y6 qazwsxedcrfv
qazwsxedcrfvtgb zaq12wsxcde3 zaq1xsw2cde3 !qaz@wsx#edc 1qaz@wsx#edc qwertyuiop qwertyuiop12
qwertyuiop123 qwertyuiopasdf qwertyuiopasdfghjkl asdfghjkl123 asdfghjkl;' azertyuiop12
azertyuiop123 qwertzuiop12 qwertzuiop123 zxcvbnm12345 zxcvbnm123456 qwe123qwe123
asdasdasdasd qweqweqweqwe zxczxczxczxc abcabcabcabc abcdefghijkl abcdefghijklm
abcdefghijklmnop abcdefghijklmnopqrstuvwxyz abcdefg12345 abcdef123456 abc123abc123
abc123456789 a1b2c3d4e5f6 a1b2c3d4e5f6g7 123456789012 1234567890123 12345678901234
123456789abc 123456qwerty 123qweasdzxc 1234qwerasdf 1234qwerasdfzxcv 987654321098
098765432109 0987654321qwerty 123123123123 121212121212 112233445566 111222333444
123412341234 123451234512 147258369147 159753159753 147852369147 789456123789
iloveyouforever iloveyoubaby iloveyou4ever iloveyoutoo letmeinplease letmeinnow
correcthorsebatterystaple thequickbrownfox thequickbrownfoxjumpsoverthelazydog
passwordpassword passwordpassword1 welcomewelcome mypassword12 mypassword123
mypassword1234 newpassword1 newpassword12 newpassword123 secretpassword supersecret1
supersecret123 nopassword12 changemenow1 changemeplease youwillneverguess
administrator administrator1 administrator123 adminadminadmin admin1234567 rootpassword
default12345 guestpassword testpassword testtesttest test12345678 qwerty1234567
`)

func main() {
	set := map[string]bool{}
	add := func(s string) {
		if utf8.RuneCountInString(s) >= 12 {
			set[strings.ToLower(s)] = true
		}
	}
	for _, w := range words {
		add(w + w)
		for _, s := range suffixes {
			add(w + s)
		}
	}
	for _, o := range others {
		add(o)
	}
	for _, c := range "0123456789abcdefghijklmnopqrstuvwxyz!*." {
		for n := 12; n <= 16; n++ {
			add(strings.Repeat(string(c), n))
		}
	}
	list := slices.Sorted(maps.Keys(set))
	if err := os.WriteFile("common.txt", []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
