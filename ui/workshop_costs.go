package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// A participant opens its municipality's own cost figures from the
// Workshop tab (e); esc brings it back. The page is costs_own.go.

// openCosts opens the page for the claimed municipality.
func (t *workshopTab) openCosts() tea.Cmd {
	p := t.sess.Participant(t.as)
	if t.as == "" || p == nil || !t.claimed(t.as) {
		t.info = "Bitte zuerst oben Ihre Kommune wählen (enter) – dann tragen Sie mit e ihre Kostenzahlen ein."
		t.toFirstParticipant()
		return nil
	}
	t.closeEditor()
	t.costs = newOwnCostsTab(t.d, t.sess, p.ID, p.Name)
	t.costs.SetSize(t.w, t.h)
	return nil
}

// costsUpdate passes msg to the open page; done is false when the
// Workshop tab handles msg itself (a re-read session goes to both).
func (t *workshopTab) costsUpdate(msg tea.Msg) (tea.Cmd, bool) {
	if t.costs == nil {
		return nil, false
	}
	switch m := msg.(type) {
	case sessionLoadedMsg:
		_, cmd := t.costs.Update(m)
		return cmd, false
	case tea.KeyMsg:
		if key.Matches(m, t.keys.Done) && !t.costs.WantsEsc() {
			t.costs = nil
			return nil, true
		}
	}
	_, cmd := t.costs.Update(msg)
	return cmd, true
}

// costsLoaded closes the page when the municipality is no longer this
// connection's (lostClaim has said why) or was renamed.
func (t *workshopTab) costsLoaded() {
	if t.costs == nil {
		return
	}
	p := t.sess.Participant(t.costs.ownID)
	if t.as != t.costs.ownID || p == nil || p.Name != t.costs.own {
		t.costs = nil
		if t.info == "" {
			t.info = "Die Kostenzahlen sind geschlossen: Ihre Kommune hat sich geändert – bitte neu öffnen (e)."
		}
	}
}
