package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// listRow is one line of a tab's item list: a heading (id "") or an item
// that the cursor can rest on.
type listRow struct {
	id    string
	mark  string // one cell, e.g. ✓ or ·
	label string
	value string // shown after the label, muted
	badge string // a row without value: a word right after the label (✎ Entwurf)
	dim   bool   // greyed out (an excluded model)
	warn  bool   // a heading that warns (city-state)
	// line, when set, renders the item itself (e.g. a score bar) in w cells.
	line func(w int, selected bool) string
}

func (r listRow) heading() bool { return r.id == "" }

// itemList is the navigable list on the left (or top) of a tab: headings
// and items, a cursor that only rests on items, and a window that scrolls
// to keep the cursor (and its heading) in view.
type itemList struct {
	rows   []listRow
	cursor int
	offset int
	// drafted are the rows whose editor left a draft (editlist_draft.go):
	// shown with draftRow's mark.
	drafted map[string]bool

	// The last rendering, reused while nothing it depends on changed:
	// moving around re-renders, a frame without input does not.
	version int // bumped by setRows
	cacheAt listCacheKey
	cache   string

	// Rows drawn by the last rendering, by what they show: when setRows
	// changes one row of many (another connection's answer), the others
	// are reused instead of measured and styled again.
	rowCache map[rowCacheKey]string
	// labelW is labelWidth for labelAt (version and width).
	labelAt [2]int
	labelW  int
}

// rowCacheKey is everything rowView's result depends on, for rows without
// a line function.
type rowCacheKey struct {
	id, mark, label, value  string
	badge                   string
	dim, warn, sel, focused bool
	w, labelW               int
	st                      *Styles
}

type listCacheKey struct {
	version, cursor, offset, w, h int
	focused                       bool
	st                            *Styles
}

// setRows replaces the rows, keeping the cursor on the same item if it is
// still there, else near its old position.
func (l *itemList) setRows(rows []listRow) {
	prev, hadPrev := l.selected()
	l.rows = rows
	l.version++
	if hadPrev && l.selectID(prev.id) {
		return
	}
	l.cursor = min(l.cursor, len(rows)-1)
	l.cursor = max(l.cursor, 0)
	if !l.valid(l.cursor) {
		if !l.step(1) {
			l.step(-1)
		}
	}
}

func (l *itemList) valid(i int) bool {
	return i >= 0 && i < len(l.rows) && !l.rows[i].heading()
}

// step moves to the next item in direction dir (±1); false at the end.
func (l *itemList) step(dir int) bool {
	for i := l.cursor + dir; i >= 0 && i < len(l.rows); i += dir {
		if !l.rows[i].heading() {
			l.cursor = i
			return true
		}
	}
	return false
}

// move moves the cursor by n items (negative: up), stopping at the ends.
func (l *itemList) move(n int) {
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for ; n > 0; n-- {
		if !l.step(dir) {
			return
		}
	}
}

// navigate moves the cursor for the list keys of k (↑/↓, top, bottom) and
// reports whether msg was one of them.
func (l *itemList) navigate(k tabKeys, msg tea.KeyMsg) bool {
	switch {
	case key.Matches(msg, k.Up):
		l.move(-1)
	case key.Matches(msg, k.Down):
		l.move(1)
	case key.Matches(msg, k.Top):
		l.home()
	case key.Matches(msg, k.Bottom):
		l.end()
	default:
		return false
	}
	return true
}

func (l *itemList) home() { l.cursor = -1; l.step(1) }
func (l *itemList) end()  { l.cursor = len(l.rows); l.step(-1) }

// selected returns the item under the cursor.
func (l *itemList) selected() (listRow, bool) {
	if !l.valid(l.cursor) {
		return listRow{}, false
	}
	return l.rows[l.cursor], true
}

// selectID puts the cursor on the item with id.
func (l *itemList) selectID(id string) bool {
	for i, r := range l.rows {
		if r.id == id && !r.heading() {
			l.cursor = i
			return true
		}
	}
	return false
}

// scroll adjusts the window of height h so that the cursor is visible and,
// where it fits, the heading right above it too.
func (l *itemList) scroll(h int) {
	if h <= 0 {
		return
	}
	top := l.cursor
	if top > 0 && l.rows[top-1].heading() && h > 1 {
		top--
	}
	if top < l.offset {
		l.offset = top
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, len(l.rows)-h))
}

// view renders the window of w×h cells. focused marks the cursor row
// strongly; without focus (an editor is open) it stays visible but quiet.
func (l *itemList) view(st *Styles, w, h int, focused bool) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	l.scroll(h)
	key := listCacheKey{l.version, l.cursor, l.offset, w, h, focused, st}
	if key == l.cacheAt && l.version > 0 {
		return l.cache
	}
	l.cacheAt, l.cache = key, l.render(st, w, h, focused)
	return l.cache
}

func (l *itemList) render(st *Styles, w, h int, focused bool) string {
	more := l.offset > 0 || len(l.rows) > h
	rw := w
	if more {
		rw = w - 2 // a column for the scroll hints
	}
	if l.labelAt != [2]int{l.version, rw} || l.version == 0 {
		l.labelAt, l.labelW = [2]int{l.version, rw}, l.labelWidth(rw)
	}
	labelW := l.labelW
	end := min(len(l.rows), l.offset+h)
	lines := make([]string, 0, end-l.offset)
	drawn := make(map[rowCacheKey]string, end-l.offset)
	for i := l.offset; i < end; i++ {
		r, sel := l.rows[i], i == l.cursor
		if l.drafted[r.id] && !r.heading() {
			r = draftRow(r)
		}
		if r.line != nil {
			lines = append(lines, l.rowView(st, r, sel, focused, rw, labelW))
			continue
		}
		k := rowCacheKey{r.id, r.mark, r.label, r.value, r.badge, r.dim, r.warn, sel, focused, rw, labelW, st}
		line, ok := l.rowCache[k]
		if !ok {
			line = l.rowView(st, r, sel, focused, rw, labelW)
		}
		drawn[k] = line
		lines = append(lines, line)
	}
	l.rowCache = drawn
	// Tell the reader there is more above or below.
	if l.offset > 0 && len(lines) > 0 {
		lines[0] = padRight(lines[0], rw) + " " + st.Faint.Render("↑")
	}
	if end < len(l.rows) && len(lines) > 1 {
		lines[len(lines)-1] = padRight(lines[len(lines)-1], rw) + " " + st.Faint.Render("↓")
	}
	return strings.Join(lines, "\n")
}

// labelWidth aligns the values of all items in one column: as wide as the
// widest label, but leaving the values their room (at least two fifths of
// the line when the values are long).
func (l *itemList) labelWidth(w int) int {
	label, value := 0, 0
	for _, r := range l.rows {
		if !r.heading() && r.value != "" {
			label = max(label, displayWidth(r.label))
			value = max(value, displayWidth(r.value))
		}
	}
	inner := w - 4 // cursor and mark
	return max(min(label, inner-value-2, inner), min(label, inner*3/5))
}

func (l *itemList) rowView(st *Styles, r listRow, sel, focused bool, w, labelW int) string {
	if r.heading() {
		if r.warn {
			return st.Warn.Render(truncate(r.label, w))
		}
		if r.value != "" && plainWidth(r.label)+2+plainWidth(r.value) <= w {
			return st.Title.Render(r.label) + "  " + st.Faint.Render(r.value)
		}
		return st.Title.Render(truncate(r.label, w))
	}
	cursor := "  "
	if sel {
		cursor = st.ItemCursor.Render("›") + " "
		if !focused {
			cursor = st.Muted.Render("›") + " "
		}
	}
	inner := w - 2
	if r.line != nil {
		return cursor + r.line(inner, sel && focused)
	}
	labelStyle, valueStyle := st.ItemTitle, st.Muted
	switch {
	case r.dim:
		labelStyle, valueStyle = st.Faint, st.Faint
	case sel && focused:
		labelStyle = st.ItemSelTitle
	}
	mark := ""
	if r.mark != "" {
		mark = markStyle(st, r.mark).Render(r.mark) + " "
		inner -= 2
	}
	if bw := displayWidth(r.badge) + 2; r.badge != "" && r.value == "" && inner > bw+4 {
		return cursor + mark + labelStyle.Render(truncate(r.label, inner-bw)) + "  " + markStyle(st, r.mark).Render(r.badge)
	}
	if r.value == "" || inner-labelW < 6 {
		text := r.label
		if r.value != "" {
			text += ": " + r.value
		}
		return cursor + mark + labelStyle.Render(truncate(text, inner))
	}
	label := padRight(truncate(r.label, labelW), labelW)
	value := truncate(r.value, inner-labelW-2)
	return cursor + mark + labelStyle.Render(label) + "  " + valueStyle.Render(value)
}

// Marks used in the item lists; each carries meaning without colour.
const (
	markDone     = "✓" // answered, noted, erledigt
	markOpen     = "·" // not yet
	markProgress = "◐" // in Arbeit
	markSkipped  = "–" // nicht relevant
)

func markStyle(st *Styles, mark string) lipgloss.Style {
	switch mark {
	case markDone:
		return st.Good
	case markProgress, markDraft:
		return st.Warn
	default:
		return st.Faint
	}
}

// wrapText breaks text into lines of at most w cells (words longer than w are
// broken too).
func wrapText(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Wrap(s, w, "")
}
