package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// A note about one tab goes when another tab is chosen; an error stays
// (a failed save is never hidden).
func TestStatusNoteGoesWithItsTab(t *testing.T) {
	e := newContractEnv(t)
	m, _ := newSessionModel(e.d, e.sess())
	m.SetSize(100, 30)
	m.status = decisionKeptNote
	m.updateKey(tea.KeyMsg{Type: tea.KeyTab})
	if m.status != "" {
		t.Errorf("after tab the status still says %q", m.status)
	}
	m.status, m.statusErr = "nicht gespeichert (1 Änderung, neuer Versuch läuft): Platte voll", true
	m.updateKey(tea.KeyMsg{Type: tea.KeyTab})
	if !strings.HasPrefix(m.status, "nicht gespeichert") {
		t.Errorf("a failed save was hidden by switching tabs: %q", m.status)
	}
}

// While a form that keeps a draft is open, the status line does not say
// "esc bricht ab" (esc closes it and keeps the draft).
func TestStatusHintInDraftForms(t *testing.T) {
	e := newContractEnv(t)
	m, _ := newSessionModel(e.d, e.sess())
	m.SetSize(160, 45)
	for i, name := range tabNames {
		if name == "Review" {
			m.switchTab(i)
		}
	}
	if got := ansi.Strip(m.statusView()); strings.Contains(got, draftFormHint) {
		t.Fatalf("the draft hint shows without a form: %q", got)
	}
	m.updateKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("R")})
	if !m.tabs[m.active].Capturing() {
		t.Fatal("R did not open the review form")
	}
	got := ansi.Strip(m.statusView())
	if !strings.Contains(got, draftFormHint) || strings.Contains(got, "bricht ab") {
		t.Errorf("review form open, status line %q", got)
	}
}
