package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"ikz/model"
	"ikz/wizard"
)

// createdMsg reports that the new session exists in the store.
type createdMsg struct{ sess *model.Session }

// draftSavedMsg reports that a later field of the form was saved.
type draftSavedMsg struct{ sess *model.Session }

// createModel is the new-session form. The session is created in the
// store as soon as the title is confirmed; every field left afterwards is
// saved at once. Saves run one at a time (a field left while a save runs is
// saved right after), so a slow disk can never reorder them.
type createModel struct {
	d     tabDeps
	draft *wizard.NewSession
	form  *huh.Form
	help  help.Model
	back  key.Binding

	width, height int

	id        string // set once the session exists
	lastField string // the focused field after the previous update
	busy      bool   // a create or save is running
	dirty     bool   // the draft changed while busy
	done      bool   // the form was completed: open the session when saved
	status    string
	err       string
}

func newCreateModel(d tabDeps) *createModel {
	draft := &wizard.NewSession{}
	h := help.New()
	h.Styles = d.styles.Help
	h.ShortSeparator = " · "
	m := &createModel{
		d:         d,
		draft:     draft,
		form:      wizard.NewSessionForm(draft, d.styles.HuhTheme()).WithShowHelp(false).WithShowErrors(false), // shown above the form, see View
		help:      h,
		back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "zur Liste")),
		lastField: wizard.FieldTitle,
	}
	return m
}

func (m *createModel) Init() tea.Cmd { return m.form.Init() }

// formBox is the part of the screen the form gets.
func (m *createModel) formBox() (int, int) {
	return min(m.width-2, 100), max(5, m.height-5)
}

// errorRoom keeps two lines of the form box free for huh's error message,
// which it puts below the fields.
const errorRoom = 2

func (m *createModel) SetSize(w, h int) {
	m.width, m.height = w, h
	fw, fh := m.formBox()
	m.form = m.form.WithWidth(fw).WithHeight(fh - errorRoom)
	m.help.Width = w
}

func (m *createModel) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case createdMsg:
		m.id, m.busy = msg.sess.ID, false
		m.status = "Sitzung angelegt · gespeichert " + clock(m.d.now())
		return m.afterSave(msg.sess)
	case draftSavedMsg:
		m.busy = false
		m.status = "gespeichert " + clock(m.d.now())
		return m.afterSave(msg.sess)
	case errMsg:
		m.busy = false
		m.err = msg.err.Error()
		return nil
	case tea.KeyMsg:
		if msg.String() == "esc" && !m.filtering() {
			return m.leave()
		}
	}

	_, cmd := m.form.Update(msg)
	cmds := []tea.Cmd{cmd}
	if f := m.form.GetFocusedField(); f != nil && f.GetKey() != m.lastField {
		m.lastField = f.GetKey()
		cmds = append(cmds, m.save())
	}
	if m.form.State == huh.StateCompleted && !m.done {
		m.done = true
		cmds = append(cmds, m.save())
	}
	return tea.Batch(cmds...)
}

// filtering reports whether a select of the form is filtering: then esc
// ends the filter instead of the form.
func (m *createModel) filtering() bool {
	f, ok := m.form.GetFocusedField().(interface{ GetFiltering() bool })
	return ok && f.GetFiltering()
}

// save stores the draft: it creates the session once the title is valid and
// updates it afterwards.
func (m *createModel) save() tea.Cmd {
	if wizard.ValidateTitle(m.draft.Title) != nil {
		return nil
	}
	if m.busy {
		m.dirty = true
		return nil
	}
	m.busy, m.dirty = true, false
	draft := *m.draft // a copy: the form keeps writing into m.draft
	st := m.d.store
	if m.id == "" {
		return func() tea.Msg {
			s := &model.Session{}
			draft.Apply(s)
			if err := st.Create(s); err != nil {
				return errMsg{err}
			}
			return createdMsg{s}
		}
	}
	id := m.id
	return func() tea.Msg {
		s, err := st.Update(id, func(s *model.Session) error {
			draft.Apply(s)
			return nil
		})
		if err != nil {
			return errMsg{err}
		}
		return draftSavedMsg{s}
	}
}

// afterSave saves again if the draft changed meanwhile, or opens the
// session once the form is done.
func (m *createModel) afterSave(sess *model.Session) tea.Cmd {
	if m.dirty {
		return m.save()
	}
	if m.done {
		return func() tea.Msg { return sessionOpenedMsg{sess} }
	}
	return nil
}

// leave goes back to the list. A session that already exists keeps what
// was typed so far (nothing is ever unsaved); without a title nothing was
// created.
func (m *createModel) leave() tea.Cmd {
	if m.id == "" {
		return func() tea.Msg { return backMsg{status: "Keine Sitzung angelegt."} }
	}
	id, draft, st := m.id, *m.draft, m.d.store
	if wizard.ValidateTitle(draft.Title) != nil {
		return func() tea.Msg { return backMsg{selectID: id, status: "Sitzung gespeichert."} }
	}
	return func() tea.Msg {
		if _, err := st.Update(id, func(s *model.Session) error { draft.Apply(s); return nil }); err != nil {
			return backMsg{selectID: id, status: err.Error()}
		}
		return backMsg{selectID: id, status: "Sitzung gespeichert."}
	}
}

// cityNote is the city-state note while the Land list is on Berlin,
// Hamburg or Bremen (read here, on the program's goroutine).
func (m *createModel) cityNote() string {
	f := m.form.GetFocusedField()
	if f == nil || f.GetKey() != wizard.FieldLand {
		return ""
	}
	note := wizard.LandNote(m.draft.Land)
	if !strings.HasPrefix(note, "Hinweis") {
		return ""
	}
	fw, _ := m.formBox()
	return m.d.styles.Warn.Render(ansi.Wordwrap(note, fw-2, ""))
}

func (m *createModel) View() string {
	s := m.d.styles
	var b strings.Builder
	b.WriteString(spread(s.AppName.Render("IKZ-Lotse")+s.Muted.Render(" › ")+s.Title.Render("Neue Sitzung"), "", m.width))
	b.WriteString("\n")
	b.WriteString(s.Rule.Render(strings.Repeat("─", m.width)))
	b.WriteString("\n")
	// A refused field says why right above the form, where the eye is
	// (huh put it below all fields, at 100x30 off the screen).
	errs := formErrors(s, m.form, m.width, formErrLines)
	b.WriteString(errs)
	b.WriteString("\n")
	_, fh := m.formBox()
	note := m.cityNote()
	noteLines := 0
	if note != "" {
		noteLines = strings.Count(note, "\n") + 1
	}
	b.WriteString(block(m.form.View(), m.width, fh-noteLines-max(lineCount(errs)-1, 0)))
	if note != "" {
		b.WriteString("\n")
		b.WriteString(note)
	}
	b.WriteString("\n")
	switch {
	case m.err != "":
		b.WriteString(s.Error.Render(truncate(m.err, m.width)))
	case m.status != "":
		b.WriteString(s.Saved.Render(truncate(m.status, m.width)))
	default:
		b.WriteString(s.Muted.Render(truncate("Die Sitzung wird gespeichert, sobald der Titel bestätigt ist.", m.width)))
	}
	b.WriteString("\n")
	b.WriteString(footer(m.help, m.width, m.form.KeyBinds(), []key.Binding{m.back}))
	return b.String()
}
