package wording

import (
	"strings"
	"testing"

	"ikz/model"
)

func TestTopLine(t *testing.T) {
	zv, aoer := model.Zweckverband, model.AoeR
	tests := []struct {
		name string
		c    model.Comparison
		want string
	}{
		{"same leader", model.Comparison{TopBefore: zv, TopAfter: zv}, "gleich geblieben: " + ModelName(zv)},
		{"new leader", model.Comparison{TopBefore: zv, TopAfter: aoer}, "gewechselt: " + ModelName(zv) + " → " + ModelName(aoer)},
		{"tie, then a leader", model.Comparison{TieBefore: true, TopAfter: zv}, "gewechselt: noch keine Empfehlung (Gleichstand) → " + ModelName(zv)},
		{"leader, then a tie", model.Comparison{TopBefore: zv, TieAfter: true}, "→ noch keine Empfehlung (Gleichstand)"},
		{"tie both times", model.Comparison{TieBefore: true, TieAfter: true}, "Vorher wie heute gibt es noch keine Empfehlung"},
		{"all excluded both times", model.Comparison{}, "kommt kein Modell in Frage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TopLine(tt.c); !strings.Contains(got, tt.want) {
				t.Errorf("TopLine = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}
