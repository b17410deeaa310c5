package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// A tab typed into a note is kept the way a pasted one is (as spaces),
// instead of being dropped (issue 14).
func TestTypedTabInANoteIsKept(t *testing.T) {
	typed, pasted := "", ""
	for _, c := range []struct {
		value *string
		tab   tea.KeyMsg
	}{
		{&typed, tea.KeyMsg{Type: tea.KeyTab}},
		{&pasted, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'\t'}, Paste: true}},
	} {
		f := huh.NewForm(huh.NewGroup(huh.NewText().Value(c.value)))
		f.Init()
		for _, m := range []tea.Msg{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("eins")}, c.tab, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("zwei")}} {
			updateForm(f, m)
		}
		f.GetFocusedField().(*huh.Text).Blur()
	}
	if typed != "eins    zwei" || typed != pasted {
		t.Errorf("typed %q, pasted %q: want both %q", typed, pasted, "eins    zwei")
	}
}
