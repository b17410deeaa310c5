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
type phaseTab struct {
	d     tabDeps
	sess  *model.Session
	phase model.Phase
	keys  tabKeys
	list  itemList
	w, h  int
	saver *autosaver
	theme *huh.Theme

	// What is shown: the stored notes and entries with queued changes on top.
	notes map[string]string
	quick map[string]model.QuickEntry

	// The open editor: a note (question != nil) or a quick-check item.
	form     *huh.Form
	question *model.GuidingQuestion
	item     *model.QuickItem
	note     *string            // draft of a note
	entry    *wizard.QuickDraft // draft of a quick-check item
	baseNote string
	baseQE   model.QuickEntry
}

func newPhaseTab(d tabDeps, sess *model.Session, phase model.PhaseID) tab {
	p, _ := model.PhaseByID(phase)
	t := &phaseTab{
		d: d, phase: p, keys: defaultTabKeys(),
		saver: newAutosaver(d, sess.ID), theme: d.styles.HuhTheme(),
	}
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
	// A save may still be under way: keep what is being typed.
	switch {
	case t.form != nil && t.question != nil:
		t.notes[t.question.ID] = t.baseNote
	case t.form != nil && t.item != nil:
		t.quick[t.item.ID] = t.baseQE
	}
	t.refreshRows()
}

func (t *phaseTab) SetSize(w, h int) {
	t.w, t.h = w, h
	if t.form != nil {
		t.buildForm()
	}
}

func (t *phaseTab) Capturing() bool { return formCapturing(t.form) }
func (t *phaseTab) WantsEsc() bool  { return t.form != nil }

func (t *phaseTab) KeyMap() help.KeyMap {
	if t.form != nil {
		return tabHelp(t.keys, nil, t.form)
	}
	k := t.keys
	_, isQuick := t.selectedItem()
	k.Cycle.SetEnabled(isQuick)
	return tabHelp(k, []key.Binding{k.Edit, k.Cycle}, nil)
}

func (t *phaseTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		if newer(msg.sess, t.sess) {
			t.load(msg.sess)
		}
		return t, nil
	case jumpMsg:
		if t.list.selectID(msg.item) {
			t.form = nil
			return t, t.openEditor()
		}
		return t, nil
	case tea.KeyMsg:
		if t.form == nil {
			return t, t.listKey(msg)
		}
		if key.Matches(msg, t.keys.Done) {
			t.closeEditor()
			return t, nil
		}
	}
	if t.form == nil {
		return t, nil
	}
	cmd := updateForm(t.form, msg)
	return t, tea.Batch(cmd, t.afterEdit())
}

func (t *phaseTab) listKey(msg tea.KeyMsg) tea.Cmd {
	if t.list.navigate(t.keys, msg) {
		return nil
	}
	switch {
	case key.Matches(msg, t.keys.Edit):
		return t.openEditor()
	case key.Matches(msg, t.keys.Cycle):
		if it, ok := t.selectedItem(); ok {
			e := t.quick[it.ID]
			e.Status = nextStatus(e.Status)
			return t.saveQuick(it.ID, e)
		}
	}
	return nil
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
	row, ok := t.list.selected()
	if !ok {
		return model.GuidingQuestion{}, false
	}
	for _, g := range t.phase.Groups {
		for _, q := range g.Questions {
			if q.ID == row.id {
				return q, true
			}
		}
	}
	return model.GuidingQuestion{}, false
}

func (t *phaseTab) selectedItem() (model.QuickItem, bool) {
	row, ok := t.list.selected()
	if !ok {
		return model.QuickItem{}, false
	}
	for _, it := range t.phase.QuickItems {
		if it.ID == row.id {
			return it, true
		}
	}
	return model.QuickItem{}, false
}

func (t *phaseTab) openEditor() tea.Cmd {
	t.question, t.item = nil, nil
	if q, ok := t.selectedQuestion(); ok {
		t.question = &q
		t.baseNote = t.notes[q.ID]
		n := t.baseNote
		t.note = &n
	} else if it, ok := t.selectedItem(); ok {
		t.item = &it
		e, stored := t.quick[it.ID]
		t.entry = wizard.NewQuickDraft(e, stored)
		t.baseQE = t.entry.Entry()
	} else {
		return nil
	}
	return t.buildForm()
}

// buildForm makes a fresh form for the open item at the current size.
func (t *phaseTab) buildForm() tea.Cmd {
	lay := splitBox(t.w, t.h, len(t.list.rows), true)
	w, h := lay.paneW, max(lay.paneH-1, 4) // the source line goes below
	if t.question != nil {
		lines := max(h-huhHeight(t.question.Text, w), 2)
		t.form = newItemForm(t.theme, w, h, wizard.NoteField(*t.question, t.note, lines))
	} else {
		// status title + hint + the inline status, a gap, the note's title
		used := huhHeight(t.item.Text, w) + huhHeight(t.item.Hint, w) + 1 + 1 + 1
		st, note := wizard.QuickFields(*t.item, t.entry, max(h-used, 2))
		t.form = newItemForm(t.theme, w, h, st, note)
	}
	return t.form.Init()
}

func (t *phaseTab) closeEditor() {
	t.form, t.question, t.item, t.note, t.entry = nil, nil, nil, nil, nil
}

// afterEdit saves a changed draft and closes the editor when the form was
// completed.
func (t *phaseTab) afterEdit() tea.Cmd {
	if t.form == nil {
		return nil
	}
	var cmd tea.Cmd
	switch {
	case t.question != nil && *t.note != t.baseNote:
		t.baseNote = *t.note
		cmd = t.saveNote(t.question.ID, *t.note)
	case t.item != nil && !wizard.SameEntry(t.entry.Entry(), t.baseQE):
		t.baseQE = t.entry.Entry()
		cmd = t.saveQuick(t.item.ID, t.baseQE)
	}
	closeWhenDone(t.form, t.closeEditor, &t.list)
	return cmd
}

func (t *phaseTab) saveNote(id, note string) tea.Cmd {
	t.notes[id] = note
	t.refreshRows()
	return t.saver.queue("note:"+id, func(s *model.Session) error {
		wizard.SetNote(s, id, note)
		return nil
	})
}

func (t *phaseTab) saveQuick(id string, e model.QuickEntry) tea.Cmd {
	t.quick[id] = e
	t.refreshRows()
	return t.saver.queue("quick:"+id, func(s *model.Session) error {
		wizard.SetQuick(s, id, e)
		return nil
	})
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
		rows = append(rows, listRow{label: "Schnellcheck", value: quickSource(t.phase)})
		for _, it := range t.phase.QuickItems {
			e := t.quick[it.ID]
			rows = append(rows, listRow{id: it.ID, label: it.Text, mark: statusMark(e.Status), value: wizard.StatusLabel(e.Status)})
		}
	}
	t.list.setRows(rows)
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
	lay := splitBox(t.w, t.h, len(t.list.rows), t.form != nil)
	list := t.list.view(st, lay.listW, lay.listH, t.form == nil)
	return lay.join(st, list, t.paneView(lay.paneW), t.w, t.h)
}

func (t *phaseTab) paneView(w int) string {
	st := t.d.styles
	if t.form != nil {
		src := ""
		if t.question != nil {
			src = t.question.Source
		} else {
			src = t.item.Source
		}
		return t.form.View() + "\n" + st.Faint.Render(truncate("  Quelle: "+src, w))
	}
	if q, ok := t.selectedQuestion(); ok {
		lines := []string{
			para(st.Title, q.Text, w),
			st.Faint.Render(truncate("Quelle: "+q.Source, w)),
			"",
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
		return strings.Join(lines, "\n")
	}
	return ""
}
