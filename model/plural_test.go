package model

import "testing"

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n         int
		one, many string
		want      string
	}{
		{1, "Frage", "Fragen", "1 Frage"},
		{3, "Frage", "Fragen", "3 Fragen"},
		{0, "Frage", "Fragen", "0 Fragen"},
		{1, "Stand", "Ständen", "1 Stand"},   // dative: "vergleichen mit 1 Stand"
		{2, "Stand", "Ständen", "2 Ständen"}, // "vergleichen mit 2 Ständen"
		{52, "Tag", "Tagen", "52 Tagen"},     // "überfällig seit 52 Tagen"
		{-1, "Jahr", "Jahre", "-1 Jahre"},
	} {
		if got := Plural(tt.n, tt.one, tt.many); got != tt.want {
			t.Errorf("Plural(%d, %q, %q) = %q, want %q", tt.n, tt.one, tt.many, got, tt.want)
		}
	}
}
