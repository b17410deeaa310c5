package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
	"ikz/wizard"
)

// phaseTab is the tab of one phase: its guiding questions (free-text notes,
// grouped as in the source) and its quick-check items (status and note).
// Editing follows the contract of editlist.go.
type phaseTab struct {
	d     tabDeps
	sess  *model.Session
	phase model.Phase
	keys  tabKeys
	ed    editList
	w, h  int

	// What is shown: the stored notes and entries with committed changes on top.
	notes map[string]string
	quick map[string]model.QuickEntry
}

func newPhaseTab(d tabDeps, sess *model.Session, phase model.PhaseID) tab {
	p, _ := model.PhaseByID(phase)
	t := &phaseTab{d: d, phase: p, keys: defaultTabKeys()}
	t.ed = editList{keys: t.keys, theme: d.styles.HuhTheme()}
	t.ed.keepDrafts(d, sess.ID, "phase-"+string(phase))
	t.load(sess)
	return t
}

func (t *phaseTab) load(sess *model.Session) {
	t.sess = sess
	t.notes = make(map[string]string, len(sess.Notes))
	for k, v := range sess.Notes {
		t.notes[k] = v
	}
	t.quick = make(map[string]model.QuickEntry, len(sess.QuickCheck))
	for k, v := range sess.QuickCheck {
		t.quick[k] = v
	}
	t.refreshRows()
}

// shown is the session as the tab shows it, for building changes.
func (t *phaseTab) shown() *model.Session {
	return &model.Session{Notes: t.notes, QuickCheck: t.quick}
}

func (t *phaseTab) SetSize(w, h int) {
	t.w, t.h = w, h
	lay := splitBox(w, h, len(t.ed.list.rows), true)
	t.ed.resize(lay.paneW, lay.paneH)
}

func (t *phaseTab) Capturing() bool { return t.ed.capturing() }
func (t *phaseTab) WantsEsc() bool  { return t.ed.editing() }

func (t *phaseTab) KeyMap() help.KeyMap {
	if h, ok := t.ed.help(); ok {
		return h
	}
	k := t.keys
	_, isQuick := t.selectedItem()
	k.Cycle.SetEnabled(isQuick)
	_, _, clearable := t.clearRow(t.selectedID())
	k.Clear.SetEnabled(clearable)
	k.Clear.SetHelp("Entf", "löschen")
	return tabHelp(k, []key.Binding{k.Edit, k.Cycle, k.Clear}, nil)
}

func (t *phaseTab) selectedID() string {
	row, _ := t.ed.list.selected()
	return row.id
}

func (t *phaseTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		if newer(msg.sess, t.sess) {
			t.load(msg.sess)
		}
		return t, nil
	case jumpMsg:
		if t.ed.list.selectID(msg.item) {
			t.ed.cancel()
			return t, t.ed.open(t)
		}
		return t, nil
	case tea.KeyMsg:
		// The space bar moves a quick-check item on to its next status:
		// an explicit key, undoable like every change.
		if !t.ed.editing() && key.Matches(msg, t.keys.Cycle) {
			if it, ok := t.selectedItem(); ok {
				e := t.quick[it.ID]
				e.Status = nextStatus(e.Status)
				return t, t.commit(model.SetQuickChange(t.shown(), it.ID, e))
			}
			return t, nil
		}
	}
	cmd, c := t.ed.update(t, msg)
	return t, tea.Batch(cmd, t.commit(c))
}

// commit shows c at once and hands it to the session's changer.
func (t *phaseTab) commit(c model.Change) tea.Cmd {
	if c.Empty() {
		return nil
	}
	if err := c.Apply(t.shown()); err != nil {
		return func() tea.Msg { return errMsg{err} }
	}
	t.refreshRows()
	return t.d.changes.do(c)
}

// nextStatus cycles offen → in Arbeit → erledigt → nicht relevant → offen.
func nextStatus(s model.QuickStatus) model.QuickStatus {
	if s == "" {
		s = model.StatusOffen
	}
	for i, o := range model.QuickStatuses {
		if o.Value == string(s) {
			return model.QuickStatus(model.QuickStatuses[(i+1)%len(model.QuickStatuses)].Value)
		}
	}
	return model.StatusOffen
}

func (t *phaseTab) selectedQuestion() (model.GuidingQuestion, bool) {
	return t.question(t.selectedID())
}

func (t *phaseTab) question(id string) (model.GuidingQuestion, bool) {
	for _, g := range t.phase.Groups {
		for _, q := range g.Questions {
			if q.ID == id {
				return q, true
			}
		}
	}
	return model.GuidingQuestion{}, false
}

func (t *phaseTab) selectedItem() (model.QuickItem, bool) { return t.item(t.selectedID()) }

func (t *phaseTab) item(id string) (model.QuickItem, bool) {
	for _, it := range t.phase.QuickItems {
		if it.ID == id {
			return it, true
		}
	}
	return model.QuickItem{}, false
}

// openRow: a note editor for a guiding question, status and note for a
// quick-check item.
func (t *phaseTab) openRow(id string) *rowEditor {
	st := t.d.styles
	if q, ok := t.question(id); ok {
		note := t.notes[q.ID]
		return &rowEditor{
			id: id,
			fields: func(w, h int) []huh.Field {
				lines := max(h-huhHeight(q.Text, w), 2)
				return []huh.Field{wizard.NoteField(q, &note, lines)}
			},
			commit: func() (model.Change, error) {
				return model.SetNoteChange(t.shown(), q.ID, note), nil
			},
			below:   func(w int) string { return st.Faint.Render(truncate("  Quelle: "+q.Source, w)) },
			reserve: 1,
			value:   &note,
		}
	}
	it, ok := t.item(id)
	if !ok {
		return nil
	}
	e, stored := t.quick[it.ID]
	draft := wizard.NewQuickDraft(e, stored)
	return &rowEditor{
		id: id,
		fields: func(w, h int) []huh.Field {
			// status title + hint + the inline status, a gap, the note's title
			used := huhHeight(it.Text, w) + huhHeight(it.Hint, w) + 1 + 1 + 1
			status, note := wizard.QuickFields(it, draft, max(h-used, 2))
			return []huh.Field{status, note}
		},
		commit: func() (model.Change, error) {
			return model.SetQuickChange(t.shown(), it.ID, draft.Entry()), nil
		},
		below:   func(w int) string { return st.Faint.Render(truncate("  Quelle: "+it.Source, w)) },
		reserve: 1,
		value:   draft,
	}
}

// clearRow: Entf empties a note, or sets a quick-check item back to
// "offen" without note – after asking.
func (t *phaseTab) clearRow(id string) (string, model.Change, bool) {
	if q, ok := t.question(id); ok {
		if strings.TrimSpace(t.notes[id]) == "" {
			return "", model.Change{}, false
		}
		return "Notiz zu „" + truncate(q.Text, 50) + "“ löschen?", model.SetNoteChange(t.shown(), id, ""), true
	}
	if it, ok := t.item(id); ok {
		if wizard.IsDefault(t.quick[id]) {
			return "", model.Change{}, false
		}
		return "„" + truncate(it.Text, 50) + "“ auf „offen“ ohne Notiz zurücksetzen?", model.SetQuickChange(t.shown(), id, model.QuickEntry{}), true
	}
	return "", model.Change{}, false
}

func (t *phaseTab) refreshRows() {
	var rows []listRow
	for _, g := range t.phase.Groups {
		rows = append(rows, listRow{label: g.Title, value: g.Source})
		for _, q := range g.Questions {
			r := listRow{id: q.ID, label: q.Text, mark: markOpen}
			if strings.TrimSpace(t.notes[q.ID]) != "" {
				r.mark = markDone
			}
			rows = append(rows, r)
		}
	}
	if len(t.phase.QuickItems) > 0 {
		rows = append(rows, listRow{label: "Quick-Check", value: quickSource(t.phase)})
		for _, it := range t.phase.QuickItems {
			e := t.quick[it.ID]
			// every status as wide as the widest, so the column does not
			// jitter while space cycles through them
			rows = append(rows, listRow{id: it.ID, label: it.Text, mark: statusMark(e.Status), value: padRight(wizard.StatusLabel(e.Status), statusWidth())})
		}
	}
	t.ed.list.setRows(rows)
}

func quickSource(p model.Phase) string {
	if len(p.QuickItems) > 0 {
		return p.QuickItems[0].Source
	}
	return ""
}

func statusMark(s model.QuickStatus) string {
	switch s {
	case model.StatusErledigt:
		return markDone
	case model.StatusInArbeit:
		return markProgress
	case model.StatusNichtRelev:
		return markSkipped
	}
	return markOpen
}

func (t *phaseTab) View() string {
	if t.w <= 0 || t.h <= 0 {
		return ""
	}
	st := t.d.styles
	lay := splitBox(t.w, t.h, len(t.ed.list.rows), t.ed.editing())
	list := t.ed.list.view(st, lay.listW, lay.listH, !t.ed.editing())
	return lay.join(st, list, t.paneView(lay.paneW), t.w, t.h)
}

func (t *phaseTab) paneView(w int) string {
	st := t.d.styles
	if t.ed.editing() {
		return t.ed.paneView(st, w)
	}
	if q, ok := t.selectedQuestion(); ok {
		lines := []string{
			para(st.Title, q.Text, w),
			st.Faint.Render(truncate("Quelle: "+q.Source, w)),
			"",
		}
		if wait := t.ed.waitingLine(q.ID); wait != "" {
			lines = append(lines, st.Warn.Render(truncate(wait, w)), "")
		}
		if n := t.notes[q.ID]; strings.TrimSpace(n) != "" {
			lines = append(lines, para(st.Text, n, w))
		} else {
			lines = append(lines, st.Faint.Render("noch keine Notiz – enter zum Schreiben"))
		}
		return strings.Join(lines, "\n")
	}
	if it, ok := t.selectedItem(); ok {
		e := t.quick[it.ID]
		lines := []string{para(st.Title, it.Text, w)}
		if it.Hint != "" {
			lines = append(lines, para(st.Muted, it.Hint, w))
		}
		lines = append(lines,
			st.Faint.Render(truncate("Quelle: "+it.Source, w)),
			"",
			st.Text.Render(truncate("Status: ", w))+markStyle(st, statusMark(e.Status)).Render(statusMark(e.Status)+" "+wizard.StatusLabel(e.Status)),
		)
		if e.Note != "" {
			lines = append(lines, para(st.Text, "Notiz: "+e.Note, w))
		}
		if wait := t.ed.waitingLine(it.ID); wait != "" {
			lines = append(lines, "", st.Warn.Render(truncate(wait, w)))
		}
		return strings.Join(lines, "\n")
	}
	return ""
}

// statusWidth is the width of the widest quick-check status label.
func statusWidth() int {
	w := 0
	for _, o := range model.QuickStatuses {
		w = max(w, plainWidth(wizard.StatusLabel(model.QuickStatus(o.Value))))
	}
	return w
}
