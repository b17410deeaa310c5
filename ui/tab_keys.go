package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// tabKeys are the keys of the Profil, phase and Empfehlung tabs. Each tab
// enables the ones that do something in its current state, so the help
// never shows a dead key.
type tabKeys struct {
	Move     key.Binding // help only: ↑/↓ in the short help
	Up       key.Binding
	Down     key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Edit     key.Binding // open the editor of the selected item
	Done     key.Binding // close the editor (everything is saved already)
	Clear    key.Binding // Profil: remove the answer
	Cycle    key.Binding // phases: next quick-check status without opening the editor
	Detail   key.Binding // Empfehlung: read the detail of the selected model
	Jump     key.Binding // Empfehlung: answer an open question in Profil
	Decide   key.Binding // Empfehlung: record the group's decision
	PageUp   key.Binding
	PageDown key.Binding
}

// draftDone is esc in a form that keeps a draft (review, measure,
// decision, new session): closing it loses nothing, and the help says so
// in the same words everywhere.
func draftDone() key.Binding {
	return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", draftDoneHelp))
}

const draftDoneHelp = "schließen (Entwurf bleibt)"

func defaultTabKeys() tabKeys {
	return tabKeys{
		Move:     key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "wählen")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "hoch")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "runter")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "Anfang")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "Ende")),
		Edit:     key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "bearbeiten")),
		Done:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "abbrechen")),
		Clear:    key.NewBinding(key.WithKeys("delete", "backspace"), key.WithHelp("Entf", "Antwort löschen")), // x is the session's export
		Cycle:    key.NewBinding(key.WithKeys(" "), key.WithHelp("Leertaste", "Status weiter")),
		Detail:   key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "Details lesen")),
		Jump:     key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "im Profil beantworten")),
		Decide:   key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "Entscheidung festhalten")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("Bild↑", "Details hoch")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("Bild↓", "Details runter")),
	}
}

// scrollKey applies a reading key to a detail viewport and reports whether
// the key leaves the detail (esc, ←, h). The Empfehlung detail and the full
// review comparison read the same way.
func scrollKey(vp *viewport.Model, k tabKeys, msg tea.KeyMsg) (leave bool) {
	switch {
	case key.Matches(msg, k.Done), msg.String() == "left", msg.String() == "h":
		return true
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		vp.HalfPageUp()
	case key.Matches(msg, k.PageDown), msg.String() == " ":
		vp.HalfPageDown()
	case key.Matches(msg, k.Top):
		vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		vp.GotoBottom()
	}
	return false
}
