package ui

import (
	"strings"
	"testing"
)

func TestFitQuotedKeepsWhatFollowsTheName(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"Notiz „kurz“ – gespeichert 15:56:29", 80, "Notiz „kurz“ – gespeichert 15:56:29"},
		{"Quick-Check-Punkt „Die Themen, die gemeinsam getragen werd…“ – gespeichert 15:56:29", 60,
			"Quick-Check-Punkt „Die Themen, die…“ – gespeichert 15:56:29"},
		{"rückgängig: Quick-Check-Punkt „Die Themen, die gemeinsam getragen werd…“ (Z stellt wieder her)", 80,
			"rückgängig: Quick-Check-Punkt „Die Themen, die gemeinsam…“ (Z stellt wieder her)"},
		// No quoted name: an ordinary cut.
		{"gespeichert 15:56:29 und noch viel mehr Text", 20, "gespeichert 15:56:2…"},
		// Too narrow to keep the tail: an ordinary cut.
		{"Notiz „Welche konkreten Ziele“ – gespeichert 15:56:29", 30, "Notiz „Welche konkreten Ziele…"},
	}
	for _, c := range cases {
		got := fitQuoted(c.in, c.w)
		if got != c.want {
			t.Errorf("fitQuoted(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		if displayWidth(got) > c.w {
			t.Errorf("fitQuoted(%q, %d) is %d wide", c.in, c.w, displayWidth(got))
		}
		if strings.Contains(c.in, "gespeichert 15:56:29") && c.w >= 60 && !strings.HasSuffix(got, "15:56:29") {
			t.Errorf("fitQuoted(%q, %d) lost the time: %q", c.in, c.w, got)
		}
	}
}
