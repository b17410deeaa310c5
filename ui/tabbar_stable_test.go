package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The tab bar keeps its layout whichever tab is active: only the brackets
// move, the labels and their places stay (the row used to jump).
func TestTabBarStable(t *testing.T) {
	st := NewStyles(DefaultPalette())
	names := append(append([]string(nil), tabNames...), "Workshop")
	for _, w := range []int{80, 100, 120, 160} {
		var first string
		for active := range names {
			bar := ansi.Strip(renderTabBar(st, names, active, w))
			plain := strings.NewReplacer("[", "·", "]", "·", " ", "·").Replace(bar)
			plain = ansi.Truncate(plain, w-1, "") // the last cell may hold the closing bracket or an ellipsis
			plain = strings.TrimRight(plain, "·") // the closing bracket after the last label
			if active == 0 {
				first = plain
				continue
			}
			if strings.Contains(bar, "…") {
				t.Errorf("width %d, tab %d: a label is cut: %q", w, active+1, bar)
			}
			if plain != first {
				t.Errorf("width %d: the bar changes with tab %d:\n%q\n%q", w, active+1, first, plain)
			}
		}
	}
}
