package ui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
	"ikz/wizard"
)

// profileTab is the Profil tab: the profile questions in a list, and an
// editor for the selected one (the editing contract: editlist.go).
type profileTab struct {
	d    tabDeps
	sess *model.Session
	prof model.Profile // the stored profile with the latest committed change on top
	ed   editList
	w, h int
}

func newProfileTab(d tabDeps, sess *model.Session) tab {
	t := &profileTab{d: d, sess: sess, prof: sess.Profile.Clone()}
	t.ed = editList{keys: defaultTabKeys(), theme: d.styles.HuhTheme()}
	t.ed.keepDrafts(d, sess.ID, "profil")
	t.refreshRows()
	return t
}

func (t *profileTab) SetSize(w, h int) {
	t.w, t.h = w, h
	lay := splitBox(w, h, len(t.ed.list.rows), true)
	t.ed.resize(lay.paneW, lay.paneH)
}

// Capturing: an open editor has the keyboard (q does not quit).
func (t *profileTab) Capturing() bool { return t.ed.capturing() }

// WantsEsc: esc cancels the open editor first.
func (t *profileTab) WantsEsc() bool { return t.ed.editing() }

func (t *profileTab) KeyMap() help.KeyMap {
	if h, ok := t.ed.help(); ok {
		return h
	}
	k := t.ed.keys
	row, ok := t.ed.list.selected()
	_, answered := t.prof[row.id]
	k.Clear.SetEnabled(ok && answered)
	return tabHelp(k, []key.Binding{k.Edit, k.Clear}, nil)
}

func (t *profileTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		if newer(msg.sess, t.sess) {
			t.sess = msg.sess
			t.prof = msg.sess.Profile.Clone()
			t.refreshRows()
		}
		return t, nil
	case jumpMsg:
		if _, ok := model.ProfileQuestionByKey(msg.item); ok && t.ed.list.selectID(msg.item) {
			t.ed.cancel()
			return t, t.ed.open(t)
		}
		return t, nil
	}
	cmd, c := t.ed.update(t, msg)
	return t, tea.Batch(cmd, t.commit(c))
}

// commit shows c at once and hands it to the session's changer.
func (t *profileTab) commit(c model.Change) tea.Cmd {
	if c.Empty() {
		return nil
	}
	s := &model.Session{Profile: t.prof}
	if err := c.Apply(s); err != nil {
		return func() tea.Msg { return errMsg{err} }
	}
	t.prof = s.Profile
	t.refreshRows()
	return t.d.changes.do(c)
}

// openRow: the editor of one profile question over a draft of its answer.
func (t *profileTab) openRow(id string) *rowEditor {
	q, ok := model.ProfileQuestionByKey(id)
	if !ok {
		return nil
	}
	base := append(model.Answer(nil), t.prof[q.Key]...)
	draft := wizard.NewProfileDraft(q, base)
	more := false // the options need more lines than the pane has
	return &rowEditor{
		id: id,
		fields: func(w, h int) []huh.Field {
			more = wizard.ChoiceOverflow(q, w-huhFrame, h)
			return []huh.Field{wizard.ProfileEditField(q, draft, w-huhFrame, h)}
		},
		commit: func() (model.Change, error) {
			a, answered, err := draft.Answer(q)
			if err != nil {
				return model.Change{}, err
			}
			if !answered {
				if len(base) == 0 {
					return model.Change{}, nil // nothing chosen, nothing was there
				}
				return model.Change{}, errors.New("Keine Auswahl – die Antwort löschen Sie in der Liste mit Entf.")
			}
			return model.SetAnswerChange(&model.Session{Profile: t.prof}, q.Key, a), nil
		},
		check: func() error { _, _, err := draft.Answer(q); return err },
		below: func(w int) string {
			src := t.d.styles.Faint.Render(truncate("  Quelle: "+q.Source, w))
			if more {
				return t.d.styles.Muted.Render(truncate("  ↓ weitere Antworten: mit ↓ blättern", w)) + "\n" + src
			}
			return src
		},
		reserve: 2,
		value:   draftValue(q, draft),
	}
}

// draftValue is what of a profile editor is kept as a draft: typed
// numbers and ticked options, not the highlight of a single choice
// (moving through options is browsing, and one enter takes it).
func draftValue(q model.ProfileQuestion, d *wizard.ProfileDraft) any {
	if q.Kind == model.Number || q.Kind == model.Multi {
		return d
	}
	return nil
}

// clearRow: Entf removes an answer, after asking.
func (t *profileTab) clearRow(id string) (string, model.Change, bool) {
	q, ok := model.ProfileQuestionByKey(id)
	if _, answered := t.prof[id]; !ok || !answered {
		return "", model.Change{}, false
	}
	return "Antwort auf „" + q.Label + "“ löschen?", model.SetAnswerChange(&model.Session{Profile: t.prof}, id, nil), true
}

func (t *profileTab) refreshRows() {
	var rows []listRow
	answered, visible := 0, 0
	for _, q := range model.ProfileQuestions {
		if !t.prof.Visible(q) {
			continue
		}
		visible++
		r := listRow{id: q.Key, label: q.Label, mark: markOpen}
		if a, ok := t.prof[q.Key]; ok {
			answered++
			r.mark, r.value = markDone, q.AnswerText(a)
		}
		rows = append(rows, r)
	}
	head := listRow{label: "Profil · " + strconv.Itoa(answered) + " von " + strconv.Itoa(visible) + " beantwortet"}
	t.ed.list.setRows(append([]listRow{head}, rows...))
}

func (t *profileTab) View() string {
	if t.w <= 0 || t.h <= 0 {
		return ""
	}
	st := t.d.styles
	lay := splitBox(t.w, t.h, len(t.ed.list.rows), t.ed.editing())
	list := t.ed.list.view(st, lay.listW, lay.listH, !t.ed.editing())
	return lay.join(st, list, t.paneView(lay.paneW), t.w, t.h)
}

func (t *profileTab) paneView(w int) string {
	st := t.d.styles
	if t.ed.editing() {
		return t.ed.paneView(st, w)
	}
	row, ok := t.ed.list.selected()
	if !ok {
		return ""
	}
	q, _ := model.ProfileQuestionByKey(row.id)
	lines := []string{
		st.Title.Render(truncate(q.Label, w)),
		para(st.Muted, q.Help, w),
		st.Faint.Render(truncate("Quelle: "+q.Source, w)),
		"",
	}
	if wait := t.ed.waitingLine(q.Key); wait != "" {
		lines = append(lines, st.Warn.Render(truncate(wait, w)))
	}
	if a, ok := t.prof[q.Key]; ok {
		lines = append(lines, para(st.Text, "Antwort: "+q.AnswerText(a), w))
	} else {
		lines = append(lines, st.Faint.Render("noch nicht beantwortet"))
	}
	return strings.Join(lines, "\n")
}
