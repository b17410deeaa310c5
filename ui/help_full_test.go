package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"ikz/model"
)

// ? must show every key of the screen, also at 80 columns, where the
// session's groups do not fit next to each other (bubbles cuts them with
// "…"; fullHelp starts a new row instead).
func TestFullHelpShowsEveryKey(t *testing.T) {
	e := newContractEnv(t)
	sess := e.sess()
	sess.Decisions = []model.Decision{{Model: "zweckverband", Reason: "x", At: tabClock}}
	for _, w := range []int{80, 160} {
		m, _ := newSessionModel(e.d, sess)
		m.SetSize(w, 45)
		m.fullHelp = true
		for i := range m.tabs {
			m.active = i
			view := ansi.Strip(m.helpView())
			if strings.Contains(view, "…") {
				t.Errorf("%d cols, %s: full help is cut:\n%s", w, tabNames[i], view)
			}
			for _, col := range m.keyMap().FullHelp() {
				for _, b := range col {
					if !b.Enabled() {
						continue
					}
					if !strings.Contains(view, b.Help().Desc) {
						t.Errorf("%d cols, %s: %q (%s) missing from the full help:\n%s", w, tabNames[i], b.Help().Key, b.Help().Desc, view)
					}
				}
			}
			for _, line := range strings.Split(view, "\n") {
				if displayWidth(line) > w {
					t.Errorf("%d cols, %s: help line %d wide: %q", w, tabNames[i], displayWidth(line), line)
				}
			}
		}
	}
}
