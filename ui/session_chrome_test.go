package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"ikz/model"
)

// The memoised tab bar, progress and help follow what they show: a saved
// quick-check item shows in the progress, another tab in the tab bar and
// in the help, the full help on ?, a new width everywhere.
func TestSessionChromeFollowsChanges(t *testing.T) {
	e := newTabEnv(t, model.Profile{"bundesland": {"NW"}})
	m, _ := newSessionModel(e.d, e.sess())
	m.SetSize(120, 40)
	view := func() string { return ansi.Strip(m.View()) }
	lines := func() []string { return strings.Split(view(), "\n") }

	before := lines()
	ph := model.Phases[0]
	s := *e.sess()
	s.QuickCheck = map[string]model.QuickEntry{ph.QuickItems[0].ID: {Status: model.StatusErledigt}}
	m.sessionChanged(&s)
	after := lines()
	if strings.Join(before[3:6], "\n") == strings.Join(after[3:6], "\n") {
		t.Errorf("the progress did not show the saved item:\n%s", strings.Join(after[3:6], "\n"))
	}

	tabBar, help := after[1], after[len(after)-1]
	m.Update(shKey("tab"))
	now := lines()
	if now[1] == tabBar {
		t.Errorf("the tab bar did not follow tab: %q", now[1])
	}
	if now[len(now)-1] == help {
		t.Errorf("the help did not follow the tab: %q", now[len(now)-1])
	}
	m.Update(kRunes("?"))
	if v := view(); !strings.Contains(v, "alle Tasten") || strings.Count(v, "\n") != 39 {
		t.Errorf("? did not show the full help:\n%s", v)
	}
	m.Update(kRunes("?"))
	m.SetSize(90, 30)
	for i, l := range lines() {
		if w := ansi.StringWidth(l); w > 90 {
			t.Errorf("line %d is %d cells wide after resizing to 90:\n%s", i, w, l)
		}
	}
}
