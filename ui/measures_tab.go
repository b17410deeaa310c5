package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/table"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"ikz/model"
	"ikz/ui/wording"
	"ikz/wizard"
)

// overdueMark marks an overdue due date; with the cursor mark it carries
// the meaning without colour.
const overdueMark = "⚠"

// measureKeys are the keys of the Maßnahmen tab.
type measureKeys struct {
	tabKeys
	Add    key.Binding
	Status key.Binding
	Delete key.Binding
	Yes    key.Binding
	No     key.Binding
	// Discard drops the form's draft (after asking).
	Discard key.Binding
}

func defaultMeasureKeys() measureKeys {
	k := measureKeys{
		tabKeys: defaultTabKeys(),
		Add:     key.NewBinding(key.WithKeys("a", "n"), key.WithHelp("a", "neu")),
		Status:  key.NewBinding(key.WithKeys(" ", "s"), key.WithHelp("Leertaste", "Status")),
		Delete:  key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "löschen")),
		Yes:     key.NewBinding(key.WithKeys("j", "J", "y", "Y", "enter"), key.WithHelp("j", "ja, löschen")),
		No:      key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "nein")),
		Discard: key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "Entwurf verwerfen")),
	}
	k.Edit = key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter", "bearbeiten"))
	k.Done = draftDone()
	return k
}

// measuresTab is the Maßnahmen tab: the SMART measures (H 4.2.2) in a
// table, overdue ones marked; a form to add and edit them. Every change is
// saved the moment it is complete.
type measuresTab struct {
	frame string // the last View, see View
	d     tabDeps
	sess  *model.Session
	keys  measureKeys
	theme *huh.Theme
	w, h  int

	measures []model.Measure // stored measures with queued changes on top
	order    []string        // IDs in display order (the table's rows)
	table    table.Model
	overdue  lipgloss.Style
	note     string // a one-line message under the table (e.g. a discarded draft)

	// The editor.
	form     *huh.Form
	draft    *wizard.MeasureDraft
	editID   string
	isNew    bool
	stored   bool // the edited measure exists in the store
	seq      int  // for new IDs
	drafts   *formDraft
	restored bool // the open form continues a stored draft
	askDrop  bool // "Entwurf verwerfen?" is asked in the open form

	confirmDelete string // ID awaiting "really delete?"
}

func newMeasuresTab(d tabDeps, sess *model.Session) tab {
	st := d.styles
	t := &measuresTab{
		d: d, keys: defaultMeasureKeys(), theme: st.HuhTheme(),
		overdue: st.NewStyle().Foreground(st.Palette.Bad),
	}
	t.table = table.New(table.WithFocused(true), table.WithStyles(table.Styles{
		Header:   st.Title.PaddingRight(1),
		Cell:     st.NewStyle().PaddingRight(1),
		Selected: st.ItemSelTitle,
	}))
	t.load(sess)
	return t
}

func (t *measuresTab) load(sess *model.Session) {
	t.sess = sess
	t.measures = append([]model.Measure(nil), sess.Measures...)
	t.refresh()
}

// refresh sorts the measures (open ones by due date, then done and
// dropped ones) and rebuilds the table rows, keeping the cursor on the
// same measure.
func (t *measuresTab) refresh() {
	sel := t.selectedID()
	ms := sortedMeasures(t.measures)
	t.order = t.order[:0]
	for _, m := range ms {
		t.order = append(t.order, m.ID)
	}
	if t.w <= 0 {
		return // no columns before the first size; SetSize refreshes
	}
	cursor := t.table.Cursor()
	for i, id := range t.order {
		if id == sel {
			cursor = i
		}
	}
	t.layoutTable()
	t.setRows(ms, cursor)
}

// sortedMeasures is ms in display order: open ones by due date, then done
// and dropped ones.
func sortedMeasures(ms []model.Measure) []model.Measure {
	ms = append([]model.Measure(nil), ms...)
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Open() != ms[j].Open() {
			return ms[i].Open()
		}
		return ms[i].Due < ms[j].Due
	})
	return ms
}

func (t *measuresTab) setRows(ms []model.Measure, cursor int) {
	now := t.d.now()
	narrow := t.w < wideTab
	cursor = max(0, min(cursor, len(ms)-1))
	rows := make([]table.Row, len(ms))
	for i, m := range ms {
		mark := " "
		if i == cursor {
			mark = "›"
		}
		due := model.GermanDate(m.Due)
		if m.Overdue(now) {
			due += " " + overdueMark
		}
		rows[i] = table.Row{mark, m.Title, m.Responsible, m.Indicator, due, model.MeasureStatusLabel(m.Status), phaseLabel(m.Phase, narrow)}
	}
	t.table.SetRows(rows)
	if len(rows) > 0 {
		t.table.SetCursor(cursor)
	}
}

// phaseLabel is the phase's tab name, shortened on narrow screens.
func phaseLabel(id model.PhaseID, short bool) string {
	ph, ok := model.PhaseByID(id)
	if !ok {
		return "–"
	}
	if short {
		return tabShort[ph.Short]
	}
	return ph.Short
}

// layoutTable sizes the columns to the box: fixed columns for the cursor,
// date, status and phase; the rest split between title, responsible role
// and indicator.
func (t *measuresTab) layoutTable() {
	phaseW := 12
	if t.w < wideTab {
		phaseW = 6
	}
	const cols = 7 // each cell has one space of right padding
	rest := max(t.w-cols-1-12-9-phaseW, 12)
	titleW := rest * 2 / 5
	respW := min(rest/4, 24)
	indW := rest - titleW - respW
	t.table.SetColumns([]table.Column{
		{Title: " ", Width: 1},
		{Title: "Maßnahme", Width: titleW},
		{Title: "Verantwortlich", Width: respW},
		{Title: "Indikator", Width: indW},
		{Title: "Fällig", Width: 12},
		{Title: "Status", Width: 9},
		{Title: "Phase", Width: phaseW},
	})
	t.table.SetWidth(t.w)
	t.table.SetHeight(t.tableHeight())
}

// tableHeight leaves room for the detail of the selected measure below.
func (t *measuresTab) tableHeight() int {
	rows := max(len(t.measures), 1)
	return max(min(rows+1, t.h-detailLines-2), min(rows+1, 4))
}

// detailLines is the room the detail below the table wants.
const detailLines = 6

func (t *measuresTab) selectedID() string {
	if c := t.table.Cursor(); c >= 0 && c < len(t.order) {
		return t.order[c]
	}
	return ""
}

// selectID puts the cursor on the measure with id.
func (t *measuresTab) selectID(id string) {
	for i, x := range t.order {
		if x == id {
			t.table.SetCursor(i)
			t.refresh()
			return
		}
	}
}

func (t *measuresTab) find(id string) (model.Measure, int) {
	for i, m := range t.measures {
		if m.ID == id {
			return m, i
		}
	}
	return model.Measure{}, -1
}

func (t *measuresTab) SetSize(w, h int) {
	t.frame = ""
	t.w, t.h = w, h
	t.refresh()
	if t.form != nil {
		t.fitForm()
	}
}

// Capturing: the form is modal; it takes every key, esc closes it.
func (t *measuresTab) Capturing() bool { return t.form != nil || t.confirmDelete != "" }

func (t *measuresTab) WantsEsc() bool { return t.form != nil || t.confirmDelete != "" }

func (t *measuresTab) KeyMap() help.KeyMap {
	k := t.keys
	switch {
	case t.form != nil && t.askDrop:
		return keyMap{short: []key.Binding{k.Yes, k.No}, full: [][]key.Binding{{k.Yes, k.No}}}
	case t.form != nil:
		h := tabHelp(k.tabKeys, nil, t.form)
		h.short = append(h.short, k.Discard)
		h.full[0] = h.short
		return h
	case t.confirmDelete != "":
		return keyMap{short: []key.Binding{k.Yes, k.No}, full: [][]key.Binding{{k.Yes, k.No}}}
	}
	has := len(t.measures) > 0
	k.Move.SetEnabled(has)
	k.Edit.SetEnabled(has)
	k.Status.SetEnabled(has)
	k.Delete.SetEnabled(has)
	h := tabHelp(k.tabKeys, []key.Binding{k.Add, k.Edit, k.Status, k.Delete}, nil)
	return h
}

func (t *measuresTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	t.frame = ""
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		if newer(msg.sess, t.sess) {
			t.load(msg.sess)
		}
		return t, nil
	case tea.KeyMsg:
		switch {
		case t.form != nil && t.askDrop:
			return t, t.dropKey(msg)
		case t.form != nil:
			if key.Matches(msg, t.keys.Done) {
				t.closeEditor()
				return t, nil
			}
			if key.Matches(msg, t.keys.Discard) {
				t.askDrop = true
				return t, nil
			}
		case t.confirmDelete != "":
			return t, t.confirmKey(msg)
		default:
			return t, t.listKey(msg)
		}
	}
	if t.form == nil {
		return t, nil
	}
	cmd := updateForm(t.form, msg)
	cmd = tea.Batch(cmd, t.afterEdit())
	t.fitForm()
	return t, cmd
}

func (t *measuresTab) listKey(msg tea.KeyMsg) tea.Cmd {
	t.note = ""
	move := func(f func()) {
		f()
		t.refresh() // moves the cursor mark
	}
	switch {
	case key.Matches(msg, t.keys.Up):
		move(func() { t.table.MoveUp(1) })
	case key.Matches(msg, t.keys.Down):
		move(func() { t.table.MoveDown(1) })
	case key.Matches(msg, t.keys.Top):
		move(t.table.GotoTop)
	case key.Matches(msg, t.keys.Bottom):
		move(t.table.GotoBottom)
	case key.Matches(msg, t.keys.Add):
		return t.openEditor(nil)
	case len(t.measures) == 0:
	case key.Matches(msg, t.keys.Edit):
		m, _ := t.find(t.selectedID())
		return t.openEditor(&m)
	case key.Matches(msg, t.keys.Status):
		m, i := t.find(t.selectedID())
		if i < 0 {
			return nil
		}
		m.Status = nextMeasureStatus(m.Status)
		return t.put(m)
	case key.Matches(msg, t.keys.Delete):
		t.confirmDelete = t.selectedID()
	}
	return nil
}

func (t *measuresTab) confirmKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, t.keys.Yes):
		id := t.confirmDelete
		t.confirmDelete = ""
		return t.remove(id)
	case key.Matches(msg, t.keys.No):
		t.confirmDelete = ""
	}
	return nil
}

// nextMeasureStatus cycles geplant → laufend → erledigt → verworfen.
func nextMeasureStatus(s model.MeasureStatus) model.MeasureStatus {
	for i, o := range model.MeasureStatuses {
		if o.Value == string(s) {
			return model.MeasureStatus(model.MeasureStatuses[(i+1)%len(model.MeasureStatuses)].Value)
		}
	}
	return model.MeasureGeplant
}

// put saves a measure (new or changed) as one undoable change.
func (t *measuresTab) put(m model.Measure) tea.Cmd {
	c := model.PutMeasureChange(&model.Session{Measures: t.measures}, m)
	if _, i := t.find(m.ID); i >= 0 {
		t.measures[i] = m
	} else {
		t.measures = append(t.measures, m)
	}
	t.refresh()
	return t.d.changes.do(c)
}

func (t *measuresTab) remove(id string) tea.Cmd {
	c := model.DeleteMeasureChange(&model.Session{Measures: t.measures}, id)
	if _, i := t.find(id); i >= 0 {
		t.measures = append(t.measures[:i:i], t.measures[i+1:]...)
	}
	t.refresh()
	return t.d.changes.do(c)
}

// newMeasureID returns an ID not used by any measure, stored or queued.
func (t *measuresTab) newMeasureID() string {
	used := map[string]bool{}
	for _, m := range t.measures {
		used[m.ID] = true
	}
	for _, m := range t.sess.Measures {
		used[m.ID] = true
	}
	for {
		t.seq++
		id := "m" + strconv.Itoa(len(t.measures)+t.seq)
		if !used[id] {
			return id
		}
	}
}

// --- the editor ---

func (t *measuresTab) openEditor(m *model.Measure) tea.Cmd {
	t.isNew = m == nil
	if t.isNew {
		t.editID = t.newMeasureID()
		t.draft = &wizard.MeasureDraft{Status: string(model.MeasureGeplant)}
		t.stored = false
	} else {
		t.editID = m.ID
		t.draft = wizard.NewMeasureDraft(*m)
		t.stored = true
	}
	t.drafts, t.restored = openDraft(t.d.store, t.draftKey(), t.draft)
	t.note = ""
	t.form = t.buildForm()
	return t.form.Init()
}

// draftKey is where the draft of the open measure is kept: one for a new
// measure, one per measure being changed.
func (t *measuresTab) draftKey() string {
	if t.isNew {
		return t.sess.ID + "/measure/new"
	}
	return t.sess.ID + "/measure/" + t.editID
}

func (t *measuresTab) buildForm() *huh.Form {
	fields := wizard.MeasureFields(t.draft)
	return huh.NewForm(huh.NewGroup(fields...)).
		WithShowHelp(false).
		WithShowErrors(false). // formErrors shows them above the form
		WithTheme(t.theme).
		WithKeyMap(measureFormKeys()).
		WithWidth(max(t.w, 10)).
		WithHeight(max(t.h-1, 4))
}

// fitForm gives the form the box minus the title line and the lines of
// its validation messages.
func (t *measuresTab) fitForm() {
	if t.form != nil {
		errH := lineCount(formErrors(t.d.styles, t.form, t.w, formErrLines))
		t.form = t.form.WithWidth(max(t.w, 10)).WithHeight(max(t.h-1-errH, 4))
	}
}

// measureFormKeys: the form is modal, so tab and shift+tab move between
// its fields as in any form.
func measureFormKeys() *huh.KeyMap {
	k := wizard.KeyMap()
	k.Input.Next.SetKeys("enter", "tab")
	k.Input.Prev.SetKeys("shift+tab")
	k.Input.Prev.SetEnabled(true)
	k.Select.Next.SetKeys("enter", "tab")
	k.Select.Submit.SetKeys("enter", "tab")
	k.Select.Prev.SetKeys("shift+tab")
	k.Select.Prev.SetEnabled(true)
	return k
}

// closeEditor (esc) closes the form; nothing is stored, the draft stays
// in the store and comes back when the form is opened again.
func (t *measuresTab) closeEditor() {
	if t.drafts != nil && t.drafts.last != nil {
		again := "enter"
		if t.isNew {
			again = "a"
		}
		t.note = "Entwurf gespeichert – mit " + again + " geht es weiter; ctrl+r im Formular verwirft ihn."
	}
	t.form, t.draft, t.askDrop = nil, nil, false
}

// dropKey answers "Entwurf verwerfen?": j drops the draft and closes the
// form, anything else goes back to it.
func (t *measuresTab) dropKey(msg tea.KeyMsg) tea.Cmd {
	t.askDrop = false
	if !key.Matches(msg, t.keys.Yes) {
		return nil
	}
	cmd := t.drafts.discard()
	t.form, t.draft = nil, nil
	t.note = "Entwurf verworfen."
	return cmd
}

// afterEdit keeps the draft in the store as it is typed; enter on the
// last field stores the measure (one change) when it is complete.
func (t *measuresTab) afterEdit() tea.Cmd {
	if t.form == nil {
		return nil
	}
	cmd := t.drafts.sync(t.draft)
	switch t.form.State {
	case huh.StateCompleted:
		m, err := t.draft.Measure(t.editID)
		if err != nil {
			t.note = "Nicht gespeichert – es fehlt: " + t.missing()
			t.form = t.buildForm() // the draft stays; complete it
			return tea.Batch(cmd, t.form.Init())
		}
		t.form, t.draft = nil, nil
		cmd = tea.Batch(cmd, t.put(m), t.drafts.discard())
		t.selectID(m.ID)
	case huh.StateAborted:
		t.closeEditor()
	}
	return cmd
}

// missing says what a draft still lacks to be saved.
func (t *measuresTab) missing() string {
	var parts []string
	d := t.draft
	if model.ValidateMeasureTitle(d.Title) != nil {
		parts = append(parts, "Maßnahme")
	}
	if model.ValidateIndicator(d.Indicator) != nil {
		parts = append(parts, "Indikator")
	}
	if model.ValidateDue(d.Due) != nil {
		parts = append(parts, "Fällig am")
	}
	return strings.Join(parts, ", ")
}

// --- view ---

// View is cached: every change of state passes through Update or
// SetSize, which drop the frame.
func (t *measuresTab) View() string {
	if t.frame == "" {
		t.frame = t.render()
	}
	return t.frame
}

func (t *measuresTab) render() string {
	if t.w <= 0 || t.h <= 0 {
		return ""
	}
	st := t.d.styles
	if t.form != nil {
		return t.editorView()
	}
	if len(t.measures) == 0 {
		lines := []string{
			st.Title.Render("Noch keine Maßnahmen."),
			para(st.Text, "Mit a legen Sie die erste an. Eine gute Maßnahme ist SMART: konkret beschrieben, mit einem messbaren Indikator, einer verantwortlichen Rolle und einem Termin (H 4.2.2).", t.w),
			"",
			para(st.Faint, "Überfällige Maßnahmen werden hier und auf der Startseite gezählt.", t.w),
		}
		if t.note != "" {
			lines = append(lines, "", para(st.Warn, t.note, t.w))
		}
		return strings.Join(lines, "\n")
	}
	lines := strings.Split(t.tableView(), "\n")
	lines = append(lines, st.Rule.Render(strings.Repeat("─", t.w)))
	room := t.h - len(lines)
	if d := t.detailView(); room > 0 {
		lines = append(lines, strings.Split(fit(d, t.w, room), "\n")...)
	}
	return fit(strings.Join(lines, "\n"), t.w, t.h)
}

// tableView is the table with overdue rows in the warning colour (the
// cursor row keeps its own style; the ⚠ carries the meaning either way).
func (t *measuresTab) tableView() string {
	lines := strings.Split(t.table.View(), "\n")
	for i := 1; i < len(lines); i++ {
		plain := ansi.Strip(lines[i])
		if strings.Contains(plain, overdueMark) && !strings.HasPrefix(plain, "›") {
			lines[i] = t.overdue.Render(plain)
		}
	}
	return strings.Join(lines, "\n")
}

// detailView shows the selected measure in full, then a summary line.
func (t *measuresTab) detailView() string {
	st := t.d.styles
	if t.confirmDelete != "" {
		m, _ := t.find(t.confirmDelete)
		return st.Warn.Render(truncate("„"+m.Title+"“ löschen?", t.w)) + "\n" +
			st.DialogKey.Render("j") + st.Text.Render(" ja, löschen    ") + st.DialogKey.Render("n") + st.Text.Render(" nein")
	}
	m, i := t.find(t.selectedID())
	if i < 0 {
		return ""
	}
	now := t.d.now()
	var lines []string
	lines = append(lines, st.Title.Render(truncate(m.Title, t.w)))
	meta := "Verantwortlich: " + orDash(m.Responsible) + " · Phase: " + phaseLabel(m.Phase, false) + " · Status: " + model.MeasureStatusLabel(m.Status)
	lines = append(lines, st.Muted.Render(truncate(meta, t.w)))
	lines = append(lines, para(st.Text, "Indikator: "+m.Indicator, t.w))
	due := "Fällig am " + model.GermanDate(m.Due)
	style := st.Text
	if m.Overdue(now) {
		due += " – " + overdueMark + " überfällig seit " + daysText(overdueDays(m.Due, now))
		style = st.Error
	}
	lines = append(lines, style.Render(truncate(due, t.w)))
	if t.note != "" {
		lines = append(lines, st.Warn.Render(truncate(t.note, t.w)))
	} else if n := model.CountOverdue(t.measures, now); n > 0 {
		lines = append(lines, st.Faint.Render(truncate(fmt.Sprintf("überfällig: %d von %d Maßnahmen", n, len(t.measures)), t.w)))
	}
	return strings.Join(lines, "\n")
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// overdueDays counts the days since the due date (in now's calendar).
func overdueDays(iso string, now time.Time) int {
	due, err := time.Parse(model.DateLayout, iso)
	if err != nil {
		return 0
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return int(today.Sub(due).Hours() / 24)
}

// daysText is dative: "überfällig seit 1 Tag", "seit 52 Tagen".
func daysText(n int) string { return wording.Plural(n, "Tag", "Tagen") }

func (t *measuresTab) editorView() string {
	st := t.d.styles
	head := "Neue Maßnahme"
	if !t.isNew {
		head = "Maßnahme bearbeiten"
	}
	state := st.Muted.Render("enter im letzten Feld speichert") // esc's "Entwurf bleibt" is in the footer
	if miss := t.missing(); miss != "" {
		state = st.Muted.Render("fehlt noch: " + miss + " · der Entwurf wird mitgeschrieben")
	}
	if t.restored {
		state = st.Warn.Render("Entwurf fortgesetzt") + "  " + state
	}
	if t.askDrop {
		state = st.Warn.Render("Entwurf verwerfen? j ja, verwerfen · n nein, weiter schreiben")
	}
	top := truncate(st.Title.Render(head)+"  "+state, t.w)
	errs := formErrors(st, t.form, t.w, formErrLines)
	if errs != "" {
		top += "\n" + errs
	}
	return top + "\n" + fit(t.form.View(), t.w, t.h-1-lineCount(errs))
}
