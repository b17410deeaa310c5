package model

import "strconv"

// Plural is a count with its noun: "1 Frage", "3 Fragen", "0 Fragen". The
// caller gives both forms in the case the sentence needs, so the dative
// works too: "mit 1 Stand", "mit 3 Ständen", "seit 1 Tag", "seit 52
// Tagen". The one plural rule of every output: model uses it for its own
// texts, and ui/wording.Plural is this function.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
