package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A view where nothing can be edited must not promise the editing
// contract: no "enter speichert · esc bricht ab" in the status line, no
// "esc Liste" in the footer (esc goes back to the tab's list there) and
// no "x Bericht" in the full help (x does nothing there). Back on the
// tab's list the session keys return.
func TestReadOnlyViewsShowOnlyWhatWorks(t *testing.T) {
	cases := []struct {
		name string
		tab  int
		open func(m *sessionModel)
	}{
		{"Vergleich", tabReview, func(m *sessionModel) { m.Update(shKey("enter")) }},
		{"Erklärung der Rangfolge", tabEmpfehlung, func(m *sessionModel) { m.Update(shKey("enter")) }},
		{"Kostentabelle", tabWirtschaft, func(m *sessionModel) { m.Update(shKey("v")); m.Update(shKey("t")) }},
	}
	for _, c := range cases {
		for _, sz := range [][2]int{{80, 24}, {160, 45}} {
			t.Run(c.name, func(t *testing.T) {
				e := reviewedEnv(t)
				m, _ := newSessionModel(e.d, e.sess())
				m.Update(loadSnapshotsCmd(e.d, e.id)())
				m.active = c.tab
				m.SetSize(sz[0], sz[1])
				c.open(m)
				if !readOnly(m.tabs[m.active]) {
					t.Fatalf("%dx%d: the view did not open read-only:\n%s", sz[0], sz[1], ansi.Strip(m.View()))
				}
				v := ansi.Strip(m.View())
				lines := strings.Split(v, "\n")
				status, foot := lines[len(lines)-2], lines[len(lines)-1]
				if strings.Contains(status, "speichert") || strings.Contains(status, "bricht ab") || !strings.Contains(status, "Nur zum Lesen") {
					t.Errorf("%dx%d: status line %q promises editing or does not say the view only reads", sz[0], sz[1], status)
				}
				if strings.Contains(foot, "esc Liste") {
					t.Errorf("%dx%d: footer %q offers esc for the session list, esc goes back to the tab", sz[0], sz[1], foot)
				}
				m.Update(shKey("?"))
				full := ansi.Strip(m.helpView())
				if strings.Contains(full, "Bericht") {
					t.Errorf("%dx%d: full help offers x Bericht, which does nothing here:\n%s", sz[0], sz[1], full)
				}
				m.Update(shKey("?"))

				m.Update(shKey("esc"))
				if readOnly(m.tabs[m.active]) || m.active != c.tab {
					t.Fatalf("%dx%d: esc did not return to the tab's list", sz[0], sz[1])
				}
				v = ansi.Strip(m.View())
				if strings.Contains(v, "Nur zum Lesen") || !strings.Contains(v, "esc Liste") {
					t.Errorf("%dx%d: back on the list the session keys are not offered again:\n%s", sz[0], sz[1], v)
				}
			})
		}
	}
}
