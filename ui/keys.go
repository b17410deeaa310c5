package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// globalKeys work on every screen (unless a text field has the keyboard:
// then only ctrl+c and esc).
type globalKeys struct {
	Quit      key.Binding
	Interrupt key.Binding
	Help      key.Binding
	Back      key.Binding
}

func defaultGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "beenden")),
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "beenden")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "alle Tasten")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "zurück")),
	}
}

// startKeys are the keys of the start screen besides the list's own.
type startKeys struct {
	Up     key.Binding
	Down   key.Binding
	Filter key.Binding
	New    key.Binding
	Open   key.Binding
	Rename key.Binding
	Copy   key.Binding
	Delete key.Binding
	Undo   key.Binding
	// UndoEdit takes back the last session-data edit (r), as z does in a session.
	UndoEdit key.Binding
}

func defaultStartKeys() startKeys {
	return startKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "hoch")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "runter")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "suchen")),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "neue Sitzung")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "öffnen")),
		Rename:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "bearbeiten")),
		Copy:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "kopieren")),
		Delete:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "löschen")),
		Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "Löschen rückgängig"), key.WithDisabled()),
		UndoEdit: key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "Bearbeitung rückgängig"), key.WithDisabled()),
	}
}

// sessionKeys switch the tabs of the session screen.
type sessionKeys struct {
	Next key.Binding
	Prev key.Binding
	Jump key.Binding // 1–8 (9 with the Workshop tab); matched by digit, shown once in the help
	// Export writes the report (export_dialog.go).
	Export key.Binding
	// For the footer only: tab keys, esc and ? in few words.
	Tabs key.Binding
	List key.Binding
	More key.Binding
	// Undo and Redo walk the session's changes (session_changes.go);
	// Suspend stops the app for the shell (fg brings it back).
	Undo    key.Binding
	Redo    key.Binding
	Suspend key.Binding
}

func defaultSessionKeys() sessionKeys {
	return sessionKeys{
		Next:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "nächster Reiter")),
		Prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "voriger Reiter")),
		Jump:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1–8", "Reiter wählen")),
		Export:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "Bericht")),
		Tabs:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "Reiter")),
		List:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "Liste")),
		More:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "Hilfe")),
		Undo:    key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "rückgängig")),
		Redo:    key.NewBinding(key.WithKeys("Z"), key.WithHelp("Z", "wiederherstellen")),
		Suspend: key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "anhalten (fg: weiter)")),
	}
}

// keyMap composes bindings into a help.KeyMap: the footer shows short, the
// full help (?) shows the columns of full.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }

// compose puts a screen's keys before the global ones, so the footer reads
// from the most specific key to the most general.
func compose(screen help.KeyMap, global ...key.Binding) keyMap {
	var k keyMap
	if screen != nil {
		k.short = append(k.short, screen.ShortHelp()...)
		k.full = append(k.full, screen.FullHelp()...)
	}
	k.short = append(k.short, global...)
	k.full = append(k.full, global)
	return k
}

// footer renders a one-line short help: the screen's own keys on the left
// and the global keys right-aligned, so these stay visible however many
// keys the screen has (the left part is cut with "…" instead).
func footer(h help.Model, w int, own, global []key.Binding) string {
	right := h.ShortHelpView(global)
	h.Width = max(0, w-displayWidth(right)-3)
	left := h.ShortHelpView(own)
	if left == "" {
		return spread("", right, w)
	}
	return spread(left, right, w)
}
