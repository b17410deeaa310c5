package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// fullHelp renders the full help (?) with every key visible: the groups
// are laid out as columns like bubbles' FullHelpView, but a group that
// would not fit next to the others starts a new row of columns instead of
// being cut with "…" (at 80 columns the session's help has more groups
// than fit in one row).
func fullHelp(h help.Model, groups [][]key.Binding, w int) string {
	h.Width = 0
	sep := h.Styles.FullSeparator.Inline(true).Render(h.FullSeparator)
	var rows []string
	var row []string
	rowW := 0
	for _, g := range groups {
		col := h.FullHelpView([][]key.Binding{g})
		if col == "" {
			continue
		}
		cw := lipgloss.Width(col)
		if len(row) > 0 && rowW+lipgloss.Width(sep)+cw > w {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowW = nil, 0
		}
		if len(row) > 0 {
			row = append(row, sep)
			rowW += lipgloss.Width(sep)
		}
		row = append(row, col)
		rowW += cw
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Join(rows, "\n")
}
