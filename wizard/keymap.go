package wizard

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
)

// KeyMap is huh's default key map with German help texts. Inside the
// session screen tab and shift+tab switch tabs, so the fields move on with
// enter only and the bindings that would need tab are left out.
func KeyMap() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	set := func(b *key.Binding, keys []string, help, desc string) {
		b.SetKeys(keys...)
		b.SetHelp(help, desc)
	}
	// Prev is switched on again by huh for every field but the first of a
	// group, so it gets a German help text too.
	for _, b := range []*key.Binding{&k.Input.Prev, &k.Text.Prev, &k.Select.Prev, &k.MultiSelect.Prev,
		&k.Confirm.Prev, &k.Note.Prev, &k.FilePicker.Prev} {
		b.SetHelp("shift+tab", "zurück")
	}
	off := func(bs ...*key.Binding) {
		for _, b := range bs {
			b.SetEnabled(false)
		}
	}

	set(&k.Input.Next, []string{"enter"}, "enter", "weiter")
	set(&k.Input.Submit, []string{"enter"}, "enter", "fertig")
	off(&k.Input.Prev, &k.Input.AcceptSuggestion)

	set(&k.Text.Next, []string{"enter"}, "enter", "weiter")
	set(&k.Text.Submit, []string{"enter"}, "enter", "fertig")
	set(&k.Text.NewLine, []string{"alt+enter", "ctrl+j"}, "alt+enter/ctrl+j", "neue Zeile")
	off(&k.Text.Prev, &k.Text.Editor)

	set(&k.Select.Next, []string{"enter"}, "enter", "übernehmen")
	set(&k.Select.Submit, []string{"enter"}, "enter", "übernehmen")
	set(&k.Select.Up, []string{"up", "k"}, "↑/k", "hoch")
	set(&k.Select.Down, []string{"down", "j"}, "↓/j", "runter")
	set(&k.Select.Left, []string{"left", "h"}, "←", "vorige")
	set(&k.Select.Right, []string{"right", "l"}, "→", "nächste")
	k.Select.HalfPageUp.SetHelp("ctrl+u", "½ Seite hoch")
	k.Select.HalfPageDown.SetHelp("ctrl+d", "½ Seite runter")
	k.Select.GotoTop.SetHelp("g", "Anfang")
	k.Select.GotoBottom.SetHelp("G", "Ende")
	off(&k.Select.Prev, &k.Select.Filter, &k.Select.SetFilter, &k.Select.ClearFilter)

	set(&k.MultiSelect.Next, []string{"enter"}, "enter", "übernehmen")
	set(&k.MultiSelect.Submit, []string{"enter"}, "enter", "übernehmen")
	set(&k.MultiSelect.Toggle, []string{" ", "x"}, "Leertaste/x", "an/aus")
	set(&k.MultiSelect.Up, []string{"up", "k"}, "↑/k", "hoch")
	set(&k.MultiSelect.Down, []string{"down", "j"}, "↓/j", "runter")
	k.MultiSelect.HalfPageUp.SetHelp("ctrl+u", "½ Seite hoch")
	k.MultiSelect.HalfPageDown.SetHelp("ctrl+d", "½ Seite runter")
	k.MultiSelect.GotoTop.SetHelp("g", "Anfang")
	k.MultiSelect.GotoBottom.SetHelp("G", "Ende")
	k.MultiSelect.SelectAll.SetHelp("ctrl+a", "alle")
	k.MultiSelect.SelectNone.SetHelp("ctrl+a", "keine")
	off(&k.MultiSelect.Prev, &k.MultiSelect.Filter, &k.MultiSelect.SetFilter, &k.MultiSelect.ClearFilter)

	set(&k.Confirm.Next, []string{"enter"}, "enter", "weiter")
	set(&k.Confirm.Submit, []string{"enter"}, "enter", "fertig")
	k.Confirm.Toggle.SetHelp("←/→", "wechseln")
	k.Confirm.Accept.SetHelp("j", "ja")
	k.Confirm.Accept.SetKeys("j", "J", "y", "Y")
	k.Confirm.Reject.SetHelp("n", "nein")
	off(&k.Confirm.Prev)

	set(&k.Note.Next, []string{"enter"}, "enter", "weiter")
	set(&k.Note.Submit, []string{"enter"}, "enter", "fertig")
	off(&k.Note.Prev)
	return k
}
