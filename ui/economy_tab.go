package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// economyTab is the Wirtschaftlichkeit tab with two pages: the efficiency
// sheet of the whole cooperation (Gesamtrechnung) and who pays what
// (Kostenverteilung, costs_tab.go); v switches. Two pages of one tab
// rather than a ninth tab: the digits 1–9 still reach every tab, the
// Workshop tab included, and the tab bar still fits 80 columns.
type economyTab struct {
	d     tabDeps
	pages [2]tab
	page  int
	sw    key.Binding
	w, h  int
}

var economyPages = [2]string{"Gesamtrechnung", "Kostenverteilung je Partner"}

func newEconomyTab(d tabDeps, sess *model.Session) tab {
	return &economyTab{d: d, pages: [2]tab{newEfficiencyTab(d, sess), newCostsTab(d, sess)},
		sw: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", economyPages[1]))}
}

func (t *economyTab) active() tab { return t.pages[t.page] }

// inner reports whether the active page is in an editor or a detail,
// where v belongs to it.
func (t *economyTab) inner() bool {
	if t.active().Capturing() {
		return true
	}
	w, ok := t.active().(escWanter)
	return ok && w.WantsEsc()
}

func (t *economyTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		var cmds [2]tea.Cmd
		for i := range t.pages {
			t.pages[i], cmds[i] = t.pages[i].Update(msg)
		}
		return t, tea.Batch(cmds[0], cmds[1])
	case tea.KeyMsg:
		if !t.inner() && key.Matches(msg, t.sw) {
			t.page = 1 - t.page
			t.sw.SetHelp("v", economyPages[1-t.page])
			return t, nil
		}
	}
	var cmd tea.Cmd
	t.pages[t.page], cmd = t.active().Update(msg)
	return t, cmd
}

func (t *economyTab) View() string {
	st := t.d.styles
	head := ""
	for i, name := range economyPages {
		if i > 0 {
			head += st.Faint.Render(" · ")
		}
		if i == t.page {
			head += st.Title.Render("[" + name + "]")
		} else {
			head += st.Muted.Render(name)
		}
	}
	if plainWidth(head)+12 <= t.w {
		head += st.Faint.Render("  (v wechselt)")
	}
	return truncate(head, t.w) + "\n" + t.active().View()
}

func (t *economyTab) SetSize(w, h int) {
	t.w, t.h = w, h
	for _, p := range t.pages {
		p.SetSize(w, max(h-1, 1))
	}
}

func (t *economyTab) KeyMap() help.KeyMap {
	k := compose(t.active().KeyMap())
	k.full = k.full[:len(k.full)-1] // compose's empty global group
	if !t.inner() {
		k.short = append([]key.Binding{t.sw}, k.short...)
		k.full = append([][]key.Binding{{t.sw}}, k.full...)
	}
	return k
}

func (t *economyTab) Capturing() bool { return t.active().Capturing() }

func (t *economyTab) WantsEsc() bool {
	w, ok := t.active().(escWanter)
	return ok && w.WantsEsc()
}
