package ui

import (
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
// editor for the selected one. Every change is saved at once.
type profileTab struct {
	d     tabDeps
	sess  *model.Session
	prof  model.Profile // the stored profile with the latest queued change on top
	keys  tabKeys
	list  itemList
	w, h  int
	saver *autosaver
	theme *huh.Theme

	// The open editor (form == nil: the list has the keyboard).
	form  *huh.Form
	q     model.ProfileQuestion
	draft *wizard.ProfileDraft
	base  model.Answer // the answer last queued for saving
	err   string       // why the typed number is not accepted yet
}

func newProfileTab(d tabDeps, sess *model.Session) tab {
	t := &profileTab{
		d: d, sess: sess, prof: sess.Profile.Clone(), keys: defaultTabKeys(),
		saver: newAutosaver(d, sess.ID), theme: d.styles.HuhTheme(),
	}
	t.refreshRows()
	return t
}

func (t *profileTab) SetSize(w, h int) {
	t.w, t.h = w, h
	if t.form != nil {
		t.buildForm() // a fresh form for the new size; the draft keeps the value
	}
}

// Capturing: a number is being typed.
func (t *profileTab) Capturing() bool { return formCapturing(t.form) }

// WantsEsc: esc closes the open editor first.
func (t *profileTab) WantsEsc() bool { return t.form != nil }

func (t *profileTab) KeyMap() help.KeyMap {
	if t.form != nil {
		return tabHelp(t.keys, nil, t.form)
	}
	k := t.keys
	row, ok := t.list.selected()
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
			if t.form != nil { // a save may still be under way: keep what is typed
				t.apply(t.q.Key, t.base)
			}
			t.refreshRows()
		}
		return t, nil
	case jumpMsg:
		if _, ok := model.ProfileQuestionByKey(msg.item); ok && t.list.selectID(msg.item) {
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

func (t *profileTab) listKey(msg tea.KeyMsg) tea.Cmd {
	if t.list.navigate(t.keys, msg) {
		return nil
	}
	switch {
	case key.Matches(msg, t.keys.Edit):
		return t.openEditor()
	case key.Matches(msg, t.keys.Clear):
		row, ok := t.list.selected()
		if _, answered := t.prof[row.id]; ok && answered {
			return t.save(row.id, nil)
		}
	}
	return nil
}

func (t *profileTab) openEditor() tea.Cmd {
	row, ok := t.list.selected()
	if !ok {
		return nil
	}
	q, ok := model.ProfileQuestionByKey(row.id)
	if !ok {
		return nil
	}
	t.q, t.err = q, ""
	t.base = append(model.Answer(nil), t.prof[q.Key]...)
	t.draft = wizard.NewProfileDraft(q, t.base)
	return t.buildForm()
}

// buildForm makes a fresh form for the open question at the current size.
func (t *profileTab) buildForm() tea.Cmd {
	lay := splitBox(t.w, t.h, len(t.list.rows), true)
	h := max(lay.paneH-2, 3) // below the form: the source and a message line
	t.form = newItemForm(t.theme, lay.paneW, h, wizard.ProfileField(t.q, t.draft, h))
	return t.form.Init()
}

func (t *profileTab) closeEditor() {
	t.form, t.draft, t.err = nil, nil, ""
}

// afterEdit saves the draft when it became a different valid answer, and
// closes the editor when the form was completed (enter).
func (t *profileTab) afterEdit() tea.Cmd {
	if t.form == nil {
		return nil
	}
	var cmd tea.Cmd
	a, changed, errText := changedAnswer(t.draft, t.q, &t.base)
	t.err = errText
	if changed {
		cmd = t.save(t.q.Key, a)
	}
	closeWhenDone(t.form, t.closeEditor, &t.list) // enter: on to the next question
	return cmd
}

// save queues the answer (nil: unanswered) and shows it at once.
func (t *profileTab) save(key string, a model.Answer) tea.Cmd {
	t.apply(key, a)
	t.refreshRows()
	answered := a != nil
	return t.saver.queue("profile:"+key, func(s *model.Session) error {
		wizard.SetAnswer(s, key, a, answered)
		return nil
	})
}

func (t *profileTab) apply(key string, a model.Answer) {
	if t.prof == nil {
		t.prof = model.Profile{}
	}
	if a == nil {
		delete(t.prof, key)
		return
	}
	t.prof[key] = a
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
	t.list.setRows(append([]listRow{head}, rows...))
}

func (t *profileTab) View() string {
	if t.w <= 0 || t.h <= 0 {
		return ""
	}
	st := t.d.styles
	lay := splitBox(t.w, t.h, len(t.list.rows), t.form != nil)
	list := t.list.view(st, lay.listW, lay.listH, t.form == nil)
	return lay.join(st, list, t.paneView(lay.paneW, lay.paneH), t.w, t.h)
}

func (t *profileTab) paneView(w, h int) string {
	st := t.d.styles
	if t.form != nil {
		var b strings.Builder
		b.WriteString(t.form.View())
		b.WriteString("\n" + st.Faint.Render(truncate("  Quelle: "+t.q.Source, w)))
		if t.err != "" {
			b.WriteString("\n" + st.Error.Render(truncate("  "+t.err, w)))
		}
		return b.String()
	}
	row, ok := t.list.selected()
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
	if a, ok := t.prof[q.Key]; ok {
		lines = append(lines, para(st.Text, "Antwort: "+q.AnswerText(a), w))
	} else {
		lines = append(lines, st.Faint.Render("noch nicht beantwortet"))
	}
	return strings.Join(lines, "\n")
}
