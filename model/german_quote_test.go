package model

import "testing"

func TestGermanfQuotesTheGermanWay(t *testing.T) {
	cases := []struct {
		format string
		args   []any
		want   string
	}{
		{"%q gibt es nicht im Kalender", []any{"31.02.2027"}, "„31.02.2027“ gibt es nicht im Kalender"},
		{"ungültiger Wert %q für %q: erwartet wird %s", []any{"x", "ziele", "eine Liste"}, "ungültiger Wert „x“ für „ziele“: erwartet wird eine Liste"},
		{"Partner %d: %q, 100%% sicher", []any{3, "Stadt A"}, "Partner 3: „Stadt A“, 100% sicher"},
		{"%5.1f € für %q", []any{2.25, "B"}, "  2.2 € für „B“"},
		// control characters never reach the terminal (what %q did)
		{"%q ist schon dabei", []any{"Stadt\x1b]0;x\a A"}, "„Stadt]0;x A“ ist schon dabei"},
		{"Feld %q", []any{FieldAnswer}, "Feld „" + string(FieldAnswer) + "“"},
	}
	for _, c := range cases {
		if got := germanf(c.format, c.args...); got != c.want {
			t.Errorf("germanf(%q) = %q, want %q", c.format, got, c.want)
		}
	}
}
