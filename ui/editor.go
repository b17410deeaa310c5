package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"ikz/model"
	"ikz/wizard"
)

// The tabs edit one catalogue item at a time: a fresh huh form with the
// item's field(s), bound to a draft on the heap. huh forms are linear and a
// completed form ignores all further messages, so a form lives exactly as
// long as one visit to one item.

// huhFrame is the width huh's theme spends on the left border and padding.
const huhFrame = 2

// newItemForm builds the editor form for one item within w×h cells.
func newItemForm(theme *huh.Theme, w, h int, fields ...huh.Field) *huh.Form {
	return huh.NewForm(huh.NewGroup(fields...)).
		WithShowHelp(false). // our footer shows form.KeyBinds()
		WithShowErrors(false).
		WithTheme(theme).
		WithKeyMap(wizard.KeyMap()).
		WithWidth(max(w, 10)).
		WithHeight(max(h, 3))
}

// updateForm hands msg to the form.
func updateForm(f *huh.Form, msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyTab {
		if _, text := f.GetFocusedField().(*huh.Text); text {
			// A typed tab in a note goes in as a pasted one does (the
			// text area turns both into spaces) instead of being lost.
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'\t'}, Paste: true}
		}
	}
	_, cmd := f.Update(msg) // the form updates itself in place
	return cmd
}

// layout is how a tab splits its content box between the item list and
// the pane (preview or editor).
type layout struct {
	wide         bool
	listW, listH int
	paneW, paneH int
}

// wideTab is the content width from which list and pane sit side by side.
const wideTab = 100

// splitBox lays out a box of w×h for a list of rows items. On narrow
// screens the pane sits below the list; while editing it takes the whole
// box so selects and notes have room.
func splitBox(w, h, rows int, editing bool) layout {
	if w >= wideTab {
		lw := min(max(w/2, 34), 72)
		return layout{wide: true, listW: lw, listH: h, paneW: w - lw - 3, paneH: h}
	}
	if editing {
		return layout{listW: w, paneW: w, paneH: h}
	}
	lh := min(rows, max(h/2, h-9))
	lh = min(max(lh, min(rows, 3)), h)
	return layout{listW: w, listH: lh, paneW: w, paneH: max(h-lh-1, 0)}
}

// join puts list and pane together: side by side with a rule between them
// on wide screens, one above the other on narrow ones. The result is at
// most w×h.
func (l layout) join(st *Styles, list, pane string, w, h int) string {
	if !l.wide {
		var parts []string
		if l.listH > 0 {
			parts = append(parts, fit(list, w, l.listH))
			if l.paneH > 0 {
				parts = append(parts, st.Rule.Render(strings.Repeat("─", w)))
			}
		}
		if l.paneH > 0 {
			parts = append(parts, fit(clipPane(pane, w, l.paneH), w, l.paneH))
		}
		return strings.Join(parts, "\n")
	}
	left := strings.Split(list, "\n")
	right := strings.Split(clipPane(pane, l.paneW, h), "\n")
	sep := st.Rule.Render(" │ ")
	var b strings.Builder
	for i := 0; i < h; i++ {
		if i < len(left) {
			b.WriteString(cell(left[i], l.listW))
		} else {
			b.WriteString(strings.Repeat(" ", l.listW))
		}
		b.WriteString(sep)
		if i < len(right) {
			b.WriteString(truncate(right[i], l.paneW))
		}
		if i < h-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// cell fits s into exactly w columns (cut or padded), measuring it once.
func cell(s string, w int) string {
	s = displayText(s)
	n := ansi.StringWidth(s)
	if n > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-n)
}

// huhHeight is the number of lines huh needs for a title or description
// in a field of width w (huh wraps at these break points too).
func huhHeight(text string, w int) int {
	if text == "" || w <= huhFrame {
		return 0
	}
	return lineCount(ansi.Wrap(text, w-huhFrame, ",.-; "))
}

// lineCount is the number of lines of s.
func lineCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

// para renders text wrapped to w in style.
func para(style lipgloss.Style, text string, w int) string {
	lines := strings.Split(wrapText(text, w), "\n")
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}

// tabHelp builds the help of a tab. The footer is narrow, so the short
// help leads with what enter does and shows moving once ("↑/↓"); the full
// help (?) lists every key, the form's too.
func tabHelp(k tabKeys, actions []key.Binding, form *huh.Form) keyMap {
	var h keyMap
	enabled := func(bs []key.Binding) []key.Binding {
		var out []key.Binding
		for _, b := range bs {
			if b.Enabled() && b.Help().Key != "" {
				out = append(out, b)
			}
		}
		return out
	}
	if form != nil {
		fk := enabled(form.KeyBinds())
		h.short = append([]key.Binding{k.Done}, fk...)
		h.full = [][]key.Binding{h.short}
		return h
	}
	acts := enabled(actions)
	h.short = append(append([]key.Binding(nil), acts...), k.Move)
	h.full = [][]key.Binding{acts, {k.Up, k.Down, k.Top, k.Bottom}}
	return h
}

// plainWidth is the display width of s without styles.
func plainWidth(s string) int { return displayWidth(s) }

// closeWhenDone closes a one-field editor once its form has ended; after
// enter (completed, not aborted) the list moves on to the next item. Only
// the Workshop tab still uses it: the other tabs edit through editList.
func closeWhenDone(form *huh.Form, closeEditor func(), l *itemList) {
	if form.State == huh.StateNormal {
		return
	}
	done := form.State == huh.StateCompleted
	closeEditor()
	if done {
		l.move(1)
	}
}

// changedAnswer reads an open profile editor of the Workshop tab: a valid
// answer that differs from *base becomes the new base and is returned with
// changed set; errText is the validation message to show.
func changedAnswer(d *wizard.ProfileDraft, q model.ProfileQuestion, base *model.Answer) (a model.Answer, changed bool, errText string) {
	a, _, err := d.Answer(q)
	if err != nil {
		return nil, false, err.Error()
	}
	if wizard.SameAnswer(a, *base) {
		return nil, false, ""
	}
	*base = a
	return a, true, ""
}

// clipPane keeps the first h lines of the detail pane; when that cuts the
// text, the last line kept ends in "…", so a cut note never reads as the
// whole note.
func clipPane(pane string, w, h int) string {
	lines := strings.Split(pane, "\n")
	if h <= 0 || len(lines) <= h {
		return pane
	}
	lines = lines[:h]
	lines[h-1] = ansi.Truncate(lines[h-1], max(w-1, 0), "") + "…"
	return strings.Join(lines, "\n")
}
