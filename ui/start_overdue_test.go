package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"ikz/model"
)

// The start screen counts the overdue measures of every session (issue 5).
func TestStartShowsOverdueMeasures(t *testing.T) {
	late := shSessions()[0]
	late.Measures = rvMeasures() // one overdue on 21.11.2026, one later, one done
	late.Measures = append(late.Measures, model.Measure{ID: "m4", Title: "Agenda", Indicator: "beschlossen",
		Due: "2026-11-01", Status: model.MeasureGeplant})
	onTime := shSessions()[1]
	onTime.Measures = rvMeasures()[:1]
	st := shStore(t, late, onTime)
	for _, sz := range [][2]int{{80, 24}, {100, 30}, {160, 45}} {
		m := shApp(t, st, sz[0], sz[1])
		v := ansi.Strip(m.View())
		if got := strings.Count(v, "2 Maßnahmen überfällig"); got < 1 {
			t.Errorf("%dx%d: no overdue count for %q:\n%s", sz[0], sz[1], late.Title, v)
		}
		if strings.Contains(v, "1 Maßnahme überfällig") {
			t.Errorf("%dx%d: a session without overdue measures is marked:\n%s", sz[0], sz[1], v)
		}
		shCheckFits(t, m.View(), sz[0], sz[1])
	}
}
