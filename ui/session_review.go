package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// The session screen's part for reviews and reports (issue 5): x opens the
// report dialog, which then has the keys and its form's messages; the
// Review tab's store results reach it even when another tab is active.

// updateReview runs first in sessionModel.Update. handled is false for
// messages the session screen must see itself.
func (m *sessionModel) updateReview(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	switch msg := msg.(type) {
	case exportedMsg:
		m.export = nil
		const label = "Bericht gespeichert: "
		m.status, m.statusErr = label+keepTail(msg.path, m.width-len(label)), false
		return nil, true
	case exportClosedMsg:
		m.export = nil
		return nil, true
	case exportFailedMsg:
		if m.export == nil {
			m.status, m.statusErr = msg.err.Error(), true
			return nil, true
		}
		return m.export.Update(msg), true
	case snapshotsMsg, reviewDoneMsg:
		return m.toTab(tabReview, msg), true
	case errMsg:
		// A failed review must free the Review tab; the session screen
		// still shows the error.
		m.toTab(tabReview, msg)
		return nil, false
	case savedMsg, jumpMsg, sessionLoadedMsg:
		return nil, false
	case tea.KeyMsg:
		if m.export != nil {
			return m.export.Update(msg), true
		}
		if m.exportAvailable() && key.Matches(msg, m.keys.Export) {
			m.export = newExportDialog(m.d, m.sess, "")
			cw, ch := m.contentBox()
			m.export.SetSize(cw, ch)
			return m.export.Init(), true
		}
		return nil, false
	}
	if m.export != nil {
		return m.export.Update(msg), true // huh's internal messages
	}
	return nil, false
}

// exportAvailable: x opens the report dialog unless the tab has an inner
// level open, where x may mean something else (huh toggles a multiselect
// option with x).
func (m *sessionModel) exportAvailable() bool {
	if m.capturing() || m.d.remote {
		return false
	}
	w, ok := m.tabs[m.active].(escWanter)
	return !ok || !w.WantsEsc()
}

// toTab hands msg to tab i, active or not.
func (m *sessionModel) toTab(i int, msg tea.Msg) tea.Cmd {
	if i < 0 || i >= len(m.tabs) {
		return nil
	}
	var cmd tea.Cmd
	m.tabs[i], cmd = m.tabs[i].Update(msg)
	return cmd
}

// contentView is the active tab, or the report dialog centred over it.
func (m *sessionModel) contentView(h int) string {
	if m.export == nil {
		return m.tabs[m.active].View()
	}
	return lipgloss.Place(m.width, h, lipgloss.Center, lipgloss.Center, m.export.View())
}

// footerGlobals are the session keys at the right of the footer; x for
// the report only where the tab's own keys keep their room.
func (m *sessionModel) footerGlobals() []key.Binding {
	if m.exportAvailable() { // the report is the goal of a session: x stays in sight at 80x24 too
		return []key.Binding{m.keys.Tabs, m.keys.Export, m.keys.List, m.keys.More}
	}
	if w, ok := m.tabs[m.active].(escWanter); ok && w.WantsEsc() {
		// esc belongs to the tab (back to its list, cancel): it names esc
		// itself, "esc Liste" would promise the session list.
		return []key.Binding{m.keys.Tabs, m.keys.More}
	}
	return []key.Binding{m.keys.Tabs, m.keys.List, m.keys.More}
}

// keepTail shortens a path from the left so that the file name stays
// visible: "…/berichte/verbund-2026-11-21.html".
func keepTail(p string, w int) string {
	r := []rune(p)
	if len(r) <= w || w < 2 {
		return p
	}
	return "…" + string(r[len(r)-w+1:])
}
