package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// block measures each line once; it must cut and pad exactly as
// truncate and padRight do, for emoji with joiners, wide letters and
// styled text alike.
func TestBlockCutsAndPadsLikeTruncateAndPadRight(t *testing.T) {
	bold := lipgloss.NewStyle().Bold(true)
	lines := []string{"", "kurz", "Gemeinde Dörentrup · 3/17 beantwortet", "👩‍💻 Schul-IT ❤️ 🏫️ 1️⃣",
		"日本語の行はとても長いです", bold.Render("fett und lang genug, um gekürzt zu werden"), "a\tb"}
	for _, w := range []int{0, 1, 5, 12, 40, 80} {
		got := strings.Split(block(strings.Join(lines, "\n"), w, len(lines)+1), "\n")
		if len(got) != len(lines)+1 {
			t.Fatalf("w=%d: %d lines, want %d", w, len(got), len(lines)+1)
		}
		for i, l := range append(lines, "") {
			if want := padRight(truncate(l, w), w); got[i] != want {
				t.Errorf("w=%d line %d: %q, want %q", w, i, got[i], want)
			}
		}
	}
}
