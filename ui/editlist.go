package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
)

// The editing contract, in one place for every tab that edits items of a
// list (Profil, the three phases, Wirtschaftlichkeit; the Workshop tab can
// embed it too):
//   - moving never changes data: the list and the open editor only move a
//     cursor over a draft;
//   - enter commits: the draft becomes one model.Change, stored in one
//     transaction and undoable with z;
//   - esc cancels the open edit: the draft is dropped, the stored value
//     stays as it was;
//   - typed text is never lost: while the editor differs from the stored
//     value, its draft is in the store (editlist_draft.go); Ctrl+C or a
//     killed process keep it, reopening the row brings it back;
//   - clearing a value is its own action (Entf), asked for once more;
//   - while an editor or question is open, it has the keyboard: q, the tab
//     keys and digits go to it, not to the screen.

// rowEditor is the open editor of one row. The tab builds it over a draft
// on the heap; the fields may be rebuilt (a new size) and keep the draft.
type rowEditor struct {
	id string
	// fields builds the form's fields for a pane of w×h cells.
	fields func(w, h int) []huh.Field
	// commit turns the draft into the change to store; an empty change
	// means nothing was changed, an error keeps the editor open with the
	// message.
	commit func() (model.Change, error)
	// below is shown under the form (the source of the question).
	below func(w int) string
	// reserve is the number of lines below needs.
	reserve int
	// check, when set, says while typing why the draft cannot be taken
	// yet (huh checks only on enter).
	check func() error
	// height, when set, is the form's height in a pane of width w (a
	// one-line input needs less than the whole pane).
	height func(w int) int
	// value, when set, points to the draft the fields edit (a string, a
	// wizard draft; it must round-trip through JSON): it is kept in the
	// store while it differs from the stored value and put back when the
	// row is reopened (editlist_draft.go).
	value any
}

// clearQuestion is a pending "really clear?" for one row.
type clearQuestion struct {
	id       string
	question string // "Antwort auf „Bundesland“ löschen?"
	change   model.Change
}

// editList is a list of items and the editor of the selected one.
type editList struct {
	list  itemList
	keys  tabKeys
	theme *huh.Theme

	ed    *rowEditor
	form  *huh.Form
	err   string // why the last enter was not accepted
	clear *clearQuestion

	paneW, paneH int // the editor's box

	drafts *rowDrafts // nil: the open editor keeps no draft (keepDrafts)
}

// editHost is what a tab tells its editList.
type editHost interface {
	// openRow builds the editor of row id (nil: the row is not editable).
	openRow(id string) *rowEditor
	// clearRow is the change that clears row id and the question asked
	// before; ok is false when there is nothing to clear.
	clearRow(id string) (question string, c model.Change, ok bool)
}

// editing reports whether an editor or a question has the keyboard.
func (e *editList) editing() bool { return e.ed != nil || e.clear != nil }

// open starts the editor of the selected row.
func (e *editList) open(h editHost) tea.Cmd {
	row, ok := e.list.selected()
	if !ok {
		return nil
	}
	ed := h.openRow(row.id)
	if ed == nil {
		return nil
	}
	e.ed, e.err = ed, ""
	restore := e.drafts.open(ed)
	e.markDrafts()
	return tea.Batch(restore, e.build())
}

// resize gives the editor a new box, rebuilding the form over its draft.
func (e *editList) resize(w, h int) tea.Cmd {
	e.paneW, e.paneH = w, h
	if e.ed == nil {
		return nil
	}
	return e.build()
}

func (e *editList) build() tea.Cmd {
	h := max(e.paneH-e.ed.reserve-1, 3) // the message line below
	h = max(h-lineCount(e.draftNote(nil, e.paneW)), 3)
	if e.ed.height != nil {
		h = e.ed.height(e.paneW)
	}
	e.form = newItemForm(e.theme, e.paneW, h, e.ed.fields(e.paneW, h)...)
	return e.form.Init()
}

// cancel closes the editor without storing anything; a draft of it stays
// (esc removes it: dropDraft).
func (e *editList) cancel() {
	e.ed, e.form, e.err, e.clear = nil, nil, "", nil
	e.drafts.close()
	e.markDrafts()
}

// dropDraft removes the draft of the editor the user cancelled.
func (e *editList) dropDraft() tea.Cmd { return e.drafts.cancelled() }

// update handles msg for the list or the open editor. A committed change
// comes back as c (empty when nothing is to be stored).
func (e *editList) update(h editHost, msg tea.Msg) (cmd tea.Cmd, c model.Change) {
	if m, ok := msg.(rowDraftKeptMsg); ok {
		if e.drafts.kept(m) {
			e.markDrafts()
		}
		return nil, c
	}
	if e.clear != nil {
		if k, ok := msg.(tea.KeyMsg); ok {
			switch k.String() {
			case "j", "J", "y", "Y", "enter":
				c = e.clear.change
				e.clear = nil
			case "n", "N", "esc", "q":
				e.clear = nil
			}
		}
		return nil, c
	}
	if e.ed == nil {
		k, ok := msg.(tea.KeyMsg)
		if !ok {
			return nil, c
		}
		switch {
		case e.list.navigate(e.keys, k):
		case key.Matches(k, e.keys.Edit):
			return e.open(h), c
		case key.Matches(k, e.keys.Clear):
			if row, ok := e.list.selected(); ok {
				if q, ch, ok := h.clearRow(row.id); ok {
					e.clear = &clearQuestion{id: row.id, question: q, change: ch}
				}
			}
		}
		return nil, c
	}
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, e.keys.Done) {
		drop := e.dropDraft()
		e.cancel()
		return drop, c
	}
	cmd = updateForm(e.form, msg)
	switch e.form.State {
	case huh.StateAborted:
		drop := e.dropDraft()
		e.cancel()
		return tea.Batch(cmd, drop), c
	case huh.StateCompleted:
		ch, err := e.ed.commit()
		if err != nil {
			e.err = err.Error()
			return tea.Batch(cmd, e.build()), c // the draft stays; enter again
		}
		drop := e.drafts.committed(ch)
		e.cancel()
		e.list.move(1) // on to the next item
		return tea.Batch(cmd, drop), ch
	}
	if _, ok := msg.(tea.KeyMsg); ok {
		write, marked := e.drafts.sync(e.ed)
		if marked {
			e.markDrafts()
		}
		cmd = tea.Batch(cmd, write)
	}
	return cmd, c
}

// capturing: the open editor or question takes every key but ctrl+c.
func (e *editList) capturing() bool { return e.editing() }

// paneView is the editor (form, the line below, the message) or the
// clear question; "" when neither is open.
func (e *editList) paneView(st *Styles, w int) string {
	switch {
	case e.clear != nil:
		return st.Warn.Render(truncate(e.clear.question, w)) + "\n\n" +
			st.DialogKey.Render("j") + st.Text.Render(" ja, löschen    ") +
			st.DialogKey.Render("n") + st.Text.Render(" nein – nichts ändern") + "\n\n" +
			para(st.Faint, "Gelöschtes holt z zurück.", w)
	case e.ed == nil:
		return ""
	}
	var b strings.Builder
	b.WriteString(e.form.View())
	if e.ed.below != nil {
		b.WriteString("\n" + e.ed.below(w))
	}
	if note := e.draftNote(st, w); note != "" {
		b.WriteString("\n" + note)
	}
	if msg := e.problem(); msg != "" {
		b.WriteString("\n" + st.Error.Render(truncate("  "+msg, w)))
	}
	return b.String()
}

// help is the keys of the open editor or question; ok is false while the
// list has the keyboard.
func (e *editList) help() (keyMap, bool) {
	switch {
	case e.clear != nil:
		yes := key.NewBinding(key.WithKeys("j"), key.WithHelp("j", "ja, löschen"))
		no := key.NewBinding(key.WithKeys("n"), key.WithHelp("n/esc", "nein"))
		return keyMap{short: []key.Binding{yes, no}, full: [][]key.Binding{{yes, no}}}, true
	case e.ed != nil:
		return tabHelp(e.keys, nil, e.form), true
	}
	return keyMap{}, false
}

// problem is what keeps the draft from being taken: the field's own check
// while typing, or why the last enter was refused.
func (e *editList) problem() string {
	if e.ed != nil && e.ed.check != nil {
		if err := e.ed.check(); err != nil {
			return err.Error()
		}
	}
	if e.form != nil {
		if errs := e.form.Errors(); len(errs) > 0 {
			return errs[0].Error()
		}
	}
	return e.err
}
