package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"ikz/model"
	"ikz/wizard"
)

// newSessionDraftKey is where the new-session form keeps its draft. No
// session owns it (the session does not exist before the form is
// complete), and it has no "/", so it can never be one of the
// "<session>/…" keys of the other forms.
const newSessionDraftKey = "new-session"

// newSessionDraft is the stored draft: the fields and when they last
// changed (for "Entwurf vom … wiederhergestellt").
type newSessionDraft struct {
	Form    wizard.NewSession `json:"form"`
	Changed time.Time         `json:"changed"`
}

// newSessionDraftNote tells, after a start, that a new-session form was
// left with a draft (after a crash nobody would think of pressing n).
func newSessionDraftNote(d tabDeps) string {
	if d.participant {
		return "" // n is not theirs
	}
	if data, err := d.store.Draft(newSessionDraftKey); err != nil || data == nil {
		return ""
	}
	return "Eine neue Sitzung wartet als Entwurf – n setzt ihn fort."
}

// createFailedMsg reports that the session could not be created; the
// draft is still there.
type createFailedMsg struct{ err error }

// createModel is the new-session form. Like the other multi-field forms it
// keeps a draft in the store as the user types (session_drafts.go): esc,
// ctrl+c or a killed process lose nothing, and n brings the draft back.
// The session is created only when the form is complete (enter in the last
// field), in one transaction with removing the draft; esc never creates
// one.
type createModel struct {
	d     tabDeps
	draft *wizard.NewSession
	form  *huh.Form
	help  help.Model
	keys  createKeys

	width, height int

	drafts   *formDraft
	synced   wizard.NewSession // the fields last handed to drafts
	restored bool              // the form continues a stored draft …
	from     time.Time         // … last changed then

	askDrop bool           // "Entwurf verwerfen?" is asked
	done    bool           // the form is complete: the session is being created
	leaving bool           // esc or a discard: back to the list once the draft is written
	then    func() tea.Cmd // what waits for the draft writes to finish (see afterDrafts)
	saved   time.Time
	err     string
}

type createKeys struct {
	Back, Discard, Yes, No key.Binding
}

func defaultCreateKeys() createKeys {
	return createKeys{
		Back:    draftDone(), // "zur Liste" while nothing is typed (View)
		Discard: key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "Entwurf verwerfen")),
		Yes:     key.NewBinding(key.WithKeys("j", "J", "y", "Y", "enter"), key.WithHelp("j", "ja, verwerfen")),
		No:      key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "nein, weiter schreiben")),
	}
}

func newCreateModel(d tabDeps) *createModel {
	h := help.New()
	h.Styles = d.styles.Help
	h.ShortSeparator = " · "
	m := &createModel{d: d, draft: &wizard.NewSession{}, help: h, keys: defaultCreateKeys()}
	var stored newSessionDraft
	m.drafts, m.restored = openDraft(d.store, newSessionDraftKey, &stored)
	if m.restored {
		*m.draft, m.synced, m.from = stored.Form, stored.Form, stored.Changed
	}
	m.form = m.buildForm()
	return m
}

// buildForm builds the form on m.draft (the inputs start with its values).
func (m *createModel) buildForm() *huh.Form {
	f := wizard.NewSessionForm(m.draft, m.d.styles.HuhTheme()).WithShowHelp(false).WithShowErrors(false) // shown above the form, see View
	if m.width > 0 {
		fw, fh := m.formBox()
		f = f.WithWidth(fw).WithHeight(fh - errorRoom)
	}
	return f
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

// hasDraft reports whether a draft is in the store (or on its way there).
func (m *createModel) hasDraft() bool { return m.drafts.last != nil }

func (m *createModel) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case formDraftSavedMsg:
		m.err = ""
		if msg.data != nil {
			m.saved = m.d.now()
		}
		return m.afterDrafts()
	case errMsg: // a draft write failed; the next change writes again
		m.err = "Entwurf nicht gespeichert: " + msg.err.Error()
		return m.afterDrafts()
	case createFailedMsg:
		// The draft is still in the store: the form comes back with it.
		m.done = false
		m.err = "Sitzung nicht angelegt: " + msg.err.Error() + " – der Entwurf bleibt."
		m.form = m.buildForm()
		return m.form.Init()
	case tea.KeyMsg:
		switch {
		case m.done || m.leaving:
			return nil // the form is finished; its last writes are on their way
		case m.askDrop:
			return m.dropKey(msg)
		case key.Matches(msg, m.keys.Back) && !m.filtering():
			return m.leave()
		case key.Matches(msg, m.keys.Discard) && m.hasDraft():
			m.askDrop = true
			return nil
		}
	}
	if m.done || m.leaving {
		return nil
	}
	_, cmd := m.form.Update(msg)
	cmds := []tea.Cmd{cmd, m.syncDraft()}
	if m.form.State == huh.StateCompleted {
		m.done = true
		cmds = append(cmds, m.afterDrafts(m.create))
	}
	return tea.Batch(cmds...)
}

// syncDraft hands the fields to the draft queue when they changed; a form
// emptied again has no draft.
func (m *createModel) syncDraft() tea.Cmd {
	if *m.draft == m.synced {
		return nil
	}
	m.synced = *m.draft
	if blankDraft(m.synced) {
		return m.drafts.discard()
	}
	return m.drafts.sync(newSessionDraft{Form: m.synced, Changed: m.d.now()})
}

// blankDraft: nothing typed, nothing chosen.
func blankDraft(d wizard.NewSession) bool {
	return strings.TrimSpace(d.Title+d.Traeger+d.Municipalities) == "" && d.Land == wizard.NoAnswer && d.Kind == wizard.NoAnswer
}

// afterDrafts runs next (or the one waiting) once no draft write is
// queued or on its way: a write landing after the creation would bring
// the draft back, and a form reopened before the last write would read an
// older draft.
func (m *createModel) afterDrafts(next ...func() tea.Cmd) tea.Cmd {
	if len(next) > 0 {
		m.then = next[0]
	}
	if m.then == nil || !m.drafts.idle() {
		return nil // the queue's message brings us back here
	}
	then := m.then
	m.then = nil
	return then()
}

// create stores the session and removes the draft, in one transaction,
// then opens the session.
func (m *createModel) create() tea.Cmd {
	draft, st := *m.draft, m.d.store
	return func() tea.Msg {
		s := &model.Session{}
		draft.Apply(s)
		if err := st.CreateFromDraft(s, newSessionDraftKey); err != nil {
			return createFailedMsg{err}
		}
		return sessionOpenedMsg{s}
	}
}

// leave goes back to the list. Nothing is created; what was typed stays
// as the draft.
func (m *createModel) leave() tea.Cmd {
	status := "Keine Sitzung angelegt."
	if m.hasDraft() {
		status = "Keine Sitzung angelegt – der Entwurf ist gespeichert; n setzt ihn fort."
	}
	return m.back(status)
}

// back returns to the list with status once the draft writes are done
// (a failed write is named instead).
func (m *createModel) back(status string) tea.Cmd {
	m.leaving = true
	return m.afterDrafts(func() tea.Cmd {
		if m.err != "" {
			status = m.err
		}
		return func() tea.Msg { return backMsg{status: status} }
	})
}

// dropKey answers "Entwurf verwerfen?": yes removes the draft and goes
// back to the list, anything else back to the form.
func (m *createModel) dropKey(msg tea.KeyMsg) tea.Cmd {
	m.askDrop = false
	if !key.Matches(msg, m.keys.Yes) {
		return nil
	}
	cmd := m.drafts.discard()
	*m.draft = wizard.NewSession{}
	m.synced = *m.draft
	return tea.Batch(cmd, m.back("Entwurf verworfen – keine Sitzung angelegt."))
}

// filtering reports whether a select of the form is filtering: then esc
// ends the filter instead of the form.
func (m *createModel) filtering() bool {
	f, ok := m.form.GetFocusedField().(interface{ GetFiltering() bool })
	return ok && f.GetFiltering()
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

// fits reports whether own and global fit in one footer line uncut (a
// narrow screen keeps the form's keys and drops ctrl+r there).
func (m *createModel) fits(own []key.Binding, global ...key.Binding) bool {
	h := m.help
	h.Width = 0
	return displayWidth(h.ShortHelpView(own))+displayWidth(h.ShortHelpView(global))+3 <= m.width
}

// statusLine says what happens to what is typed: as many of its parts as
// fit, the most important first.
func (m *createModel) statusLine() string {
	s := m.d.styles
	switch {
	case m.askDrop:
		return s.Warn.Render("Entwurf verwerfen? j ja, verwerfen · n nein, weiter schreiben")
	case m.err != "":
		return s.Error.Render(m.err)
	case m.done:
		return s.Muted.Render("Sitzung wird angelegt …")
	}
	type part struct {
		text  string
		style lipgloss.Style
	}
	var parts []part
	if m.restored {
		when, what := "", "wiederhergestellt"
		if !m.from.IsZero() {
			when = " vom " + germanDate(m.from)
		}
		if !m.saved.IsZero() {
			what = "fortgesetzt"
		}
		parts = append(parts, part{"Entwurf" + when + " " + what, s.Warn})
	}
	switch {
	case !m.saved.IsZero() && m.hasDraft():
		parts = append(parts, part{"Entwurf gespeichert " + clock(m.saved), s.Saved})
	case !m.saved.IsZero():
		parts = append(parts, part{"kein Entwurf mehr (alles leer)", s.Muted})
	}
	parts = append(parts, part{"enter im letzten Feld legt die Sitzung an", s.Muted})
	if len(parts) == 1 {
		parts = append(parts, part{"bis dahin bleibt alles als Entwurf", s.Muted})
	}
	var b strings.Builder
	w := 0
	for i, p := range parts {
		sep := ""
		if i > 0 {
			sep = " · "
		}
		pw := displayWidth(sep + p.text)
		if i > 0 && w+pw > m.width {
			break
		}
		b.WriteString(s.Muted.Render(sep) + p.style.Render(p.text))
		w += pw
	}
	return b.String()
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
	b.WriteString(truncate(m.statusLine(), m.width))
	b.WriteString("\n")
	own := m.form.KeyBinds()
	if m.askDrop {
		own = []key.Binding{m.keys.Yes, m.keys.No}
	}
	back := m.keys.Back
	global := []key.Binding{back}
	switch {
	case m.askDrop:
		global = nil // esc is "nein" now
	case m.hasDraft():
		if m.fits(own, m.keys.Discard, back) {
			global = []key.Binding{m.keys.Discard, back}
		}
	default:
		back.SetHelp("esc", "zur Liste") // nothing typed, nothing kept
		global = []key.Binding{back}
	}
	b.WriteString(footer(m.help, m.width, own, global))
	return b.String()
}
