package ui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"ikz/model"
)

// Golden snapshots of the session screen with a phase tab and with the
// recommendation, at 100x30 and 80x24 (regenerate: go test ./ui -run
// TestTabsGolden -update).
func TestTabsGolden(t *testing.T) {
	cases := []struct {
		name   string
		active int
		w, h   int
	}{
		{"sondierung_100x30", tabSondierung, 100, 30},
		{"sondierung_80x24", tabSondierung, 80, 24},
		{"empfehlung_100x30", tabEmpfehlung, 100, 30},
		{"empfehlung_80x24", tabEmpfehlung, 80, 24},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newTabEnv(t, richProfile)
			if _, err := e.st.Update(e.id, func(s *model.Session) error {
				s.Notes = map[string]string{"s.bedarf.aufgaben": "Support und Beschaffung für 14 Schulen"}
				s.QuickCheck = map[string]model.QuickEntry{
					"qc.s1": {Status: model.StatusErledigt},
					"qc.s2": {Status: model.StatusInArbeit, Note: "Kreis Nord angefragt"},
					"qc.s3": {Status: model.StatusNichtRelev},
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			m, _ := newSessionModel(e.d, e.sess())
			m.active = c.active
			m.SetSize(c.w, c.h)
			v := m.View()
			assertFits(t, c.name, v, c.w, c.h)
			golden.RequireEqual(t, v)
		})
	}
}
