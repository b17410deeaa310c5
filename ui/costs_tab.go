package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
	"ikz/wizard"
)

// costKeys are the keys of the Kostenverteilung page.
type costKeys struct {
	tabKeys
	Add    key.Binding
	Table  key.Binding
	Import key.Binding
	Best   key.Binding
}

func defaultCostKeys() costKeys {
	k := costKeys{
		tabKeys: defaultTabKeys(),
		Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "Partner hinzufügen")),
		Table:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "Tabelle je Schlüssel")),
		Import:  key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "CSV einlesen")),
		Best:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "besten Grundbetrag übernehmen")),
	}
	k.Edit.SetHelp("enter", "bearbeiten")
	return k
}

// Row IDs of the overview that are not fields.
const (
	costRowAdd     = "add"
	costRowImport  = "import"
	costRowPartner = "partner:"
)

// costsTab is the Kostenverteilung page of the Wirtschaftlichkeit tab
// (issue 15): the joint cost, the keys and the partners with their own
// figures on the left; on the right what every key means for every
// partner, the key that lets the smallest partner save most, and who
// would need a compensation. It keeps the editing contract of
// editlist.go: the result previews what is typed, enter stores it as one
// change (z undoes it), esc drops it, Entf asks before clearing a number
// or deleting a partner.
type costsTab struct {
	frame string // the last View, see View
	d     tabDeps
	sess  *model.Session
	keys  costKeys
	ed    editList
	w, h  int

	cs      model.CostSharing // stored sheet with committed changes on top
	has     bool              // the session has a sheet (stored or committed)
	partner int               // -1: the overview; else the partner whose figures the list shows

	// the open editor: a field of the sheet or of partner fieldAt, or a
	// new partner's name (mode "add"), or a CSV file (mode "import")
	field    costField
	fieldAt  int
	mode     string
	input    *string
	afterAdd bool // the last commit added a partner: its figures follow

	memo trialMemo // the last trial: the editor asks for it several times per keystroke

	table bool // the full table per key (t)
	vp    viewport.Model
	note  string // what the last action did

	// A participant of ikz serve edits only its own row (costs_own.go):
	// own is the municipality's name, ownID its participant ID; base is
	// the stored sheet, which the row changes are built on.
	own, ownID string
	base       *model.CostSharing
	sent       ownSent

	draftNames *[]string // the partners' key names when drafts were last pruned (costs_drafts.go)
	draftRaw   []string  // their names as stored then
}

func newCostsTab(d tabDeps, sess *model.Session) *costsTab {
	k := defaultCostKeys()
	t := &costsTab{d: d, keys: k, partner: -1, vp: viewport.New(0, 0)}
	t.ed = editList{keys: k.tabKeys, theme: d.styles.HuhTheme()}
	if d.remote {
		t.keys.Import.SetEnabled(false) // the file would be read on the server
	}
	t.ed.keepDrafts(d, sess.ID, costDraftTab)
	t.load(sess)
	return t
}

// newCostSharing is the sheet a session starts with.
func newCostSharing() model.CostSharing { return model.NewCostSharing() }

func (t *costsTab) load(sess *model.Session) {
	t.sess = sess
	t.show(sess.Costs)
}

// show makes c (nil: no sheet yet) the sheet of the page.
func (t *costsTab) show(c *model.CostSharing) {
	t.forget()
	t.has = c != nil
	if c != nil {
		t.cs = c.Clone()
	} else {
		t.cs = newCostSharing()
	}
	if t.own != "" {
		t.showOwn(c)
	}
	if t.partner >= len(t.cs.Partners) {
		t.partner = -1
	}
	t.refreshRows()
	if t.table {
		t.vp.SetContent(t.tableView(t.w))
	}
}

// fields are the editable rows of the current list.
func (t *costsTab) fields() []costField {
	if t.partner >= 0 {
		return t.partnerFields()
	}
	return append(append([]costField(nil), costSheetFields...), costKeyFields...)
}

func (t *costsTab) fieldByID(id string) (costField, bool) {
	for _, f := range t.fields() {
		if f.id == id {
			return f, true
		}
	}
	return costField{}, false
}

func (t *costsTab) refreshRows() {
	t.frame = ""
	t.ed.draftScope(t.costDraftScope())
	var rows []listRow
	at := max(t.partner, 0)
	add := func(fs []costField) {
		for _, f := range fs {
			rows = append(rows, listRow{id: f.id, label: f.label, value: f.value(&t.cs, at), mark: " "})
		}
	}
	if t.partner >= 0 {
		head, back := "Partner: ", "esc: zur Übersicht"
		if t.own != "" {
			head, back = "Eigene Kostenzahlen: ", "esc: zum Workshop"
		}
		rows = append(rows, listRow{label: head + model.SafeLine(t.cs.Partners[t.partner].Name), value: back})
		add(t.partnerFields())
		t.ed.list.setRows(rows)
		return
	}
	rows = append(rows, listRow{label: "Gemeinsame Kosten"})
	add(costSheetFields)
	rows = append(rows, listRow{label: "Schlüssel"})
	add(costKeyFields)
	rows = append(rows, listRow{label: fmt.Sprintf("Partner (%d)", len(t.cs.Partners)), value: "enter: Zahlen"})
	drafted := t.draftedPartners()
	for i, p := range t.cs.Partners {
		v := "heute " + model.FormatEuro(p.TodayTotal())
		if p.TodayTotal() == 0 {
			v = "Zahlen fehlen"
		}
		row := listRow{id: costRowPartner + strconv.Itoa(i), label: model.SafeLine(p.Name), value: v, mark: partnerMark(p)}
		if drafted[partnerDraftName(p.Name)] {
			row.mark, row.value = markDraft, "Entwurf · "+v // a figure typed, not stored: enter finds it
		}
		rows = append(rows, row)
	}
	rows = append(rows, listRow{id: costRowAdd, label: "+ Partner hinzufügen", mark: " "})
	imp := listRow{id: costRowImport, label: "CSV-Datei einlesen …", value: "Kommune;Schulen;Schüler;…", mark: " "}
	if t.d.remote {
		imp.value, imp.dim = "nur am eigenen Rechner", true
	}
	rows = append(rows, imp)
	t.ed.list.setRows(rows)
}

func partnerMark(p model.CostPartner) string {
	if p.TodayTotal() > 0 && (p.Schools > 0 || p.Pupils > 0 || p.Devices > 0 || p.PersonDays > 0) {
		return markDone
	}
	return markOpen
}

func (t *costsTab) SetSize(w, h int) {
	t.frame = ""
	t.w, t.h = w, h
	t.ed.resize(t.editorBox())
	t.vp.Width, t.vp.Height = w, max(h-1, 1)
	if t.table {
		t.vp.SetContent(t.tableView(w))
	}
}

// editorBox is the room of the editor: under the list on wide screens,
// the whole box on narrow ones.
func (t *costsTab) editorBox() (int, int) {
	lay := splitBox(t.w, t.h, len(t.ed.list.rows), true)
	return lay.listW, max(t.h-costErrLines-4, 3) + 1
}

const costErrLines = 3

// maxCostPartners is the limit model.CostSharing.Validate enforces.
const maxCostPartners = 200

func (t *costsTab) Capturing() bool { return t.ed.capturing() }
func (t *costsTab) WantsEsc() bool {
	return t.ed.editing() || (t.partner >= 0 && t.own == "") || t.table
}

func (t *costsTab) KeyMap() help.KeyMap {
	if h, ok := t.ed.help(); ok {
		return h
	}
	if t.table {
		k := t.keys.tabKeys
		k.Done.SetHelp("esc", "zurück")
		return keyMap{short: []key.Binding{k.Move, k.PageDown, k.Done}, full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Done}}}
	}
	k := t.keys
	row, _ := t.ed.list.selected()
	switch f, isField := t.fieldByID(row.id); {
	case isField && f.cycle != nil:
		k.Edit.SetHelp("enter", "umschalten")
	case strings.HasPrefix(row.id, costRowPartner):
		k.Edit.SetHelp("enter", "Zahlen")
	}
	_, _, clearable := t.clearRow(row.id)
	k.Clear.SetEnabled(clearable)
	k.Clear.SetHelp("Entf", "löschen")
	if strings.HasPrefix(row.id, costRowPartner) {
		k.Clear.SetHelp("Entf", "Partner löschen")
	}
	acts := []key.Binding{k.Edit, k.Clear, k.Table}
	if t.partner < 0 {
		acts = append(acts, k.Add, k.Import, k.Best)
	}
	if t.own != "" {
		acts = append(acts, k.Done) // back to the Workshop tab
	}
	return tabHelp(k.tabKeys, acts, nil)
}

func (t *costsTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	next, cmd := t.update(msg)
	return next, tea.Batch(cmd, t.pruneDrafts())
}

func (t *costsTab) update(msg tea.Msg) (tab, tea.Cmd) {
	t.frame = ""
	switch m := msg.(type) {
	case sessionLoadedMsg:
		if newer(m.sess, t.sess) {
			t.load(m.sess)
		}
		return t, nil
	case costDraftsMovedMsg:
		t.draftsMoved()
		return t, nil
	case tea.KeyMsg:
		if t.table {
			if scrollKey(&t.vp, t.keys.tabKeys, m) || key.Matches(m, t.keys.Table) {
				t.table = false
			}
			return t, nil
		}
		if !t.ed.editing() {
			if cmd, done := t.listKey(m); done {
				return t, cmd
			}
		}
	}
	before := t.ed.list.cursor
	wasOpen := t.ed.ed != nil
	cmd, c := t.ed.update(t, msg)
	if !c.Empty() {
		cmd = tea.Batch(cmd, t.commit(c))
	}
	switch {
	case t.afterAdd && t.ed.ed == nil:
		// a new partner: on to its figures, as on a paper form
		t.afterAdd = false
		t.partner = len(t.cs.Partners) - 1
		t.refreshRows()
		t.ed.list.selectID("p_schools")
		cmd = tea.Batch(cmd, t.ed.open(t))
	case wasOpen && t.ed.ed == nil && t.ed.list.cursor != before && t.mode == "":
		// enter goes on to the next number; a switch waits for enter
		if row, ok := t.ed.list.selected(); ok {
			if f, ok := t.fieldByID(row.id); ok && f.cycle == nil {
				cmd = tea.Batch(cmd, t.ed.open(t))
			}
		}
	}
	return t, cmd
}

// listKey handles the page's own keys; done is false for the keys the
// editList handles (moving, enter on a field, Entf).
func (t *costsTab) listKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	t.note = "" // a message is about the last action only
	row, ok := t.ed.list.selected()
	switch {
	case key.Matches(msg, t.keys.Done) && t.partner >= 0 && t.own == "":
		id := costRowPartner + strconv.Itoa(t.partner)
		t.partner = -1
		t.refreshRows()
		t.ed.list.selectID(id)
	case key.Matches(msg, t.keys.Table):
		t.table = true
		t.vp.SetContent(t.tableView(t.w))
		t.vp.GotoTop()
	case t.partner >= 0:
		return nil, false
	case key.Matches(msg, t.keys.Add):
		t.ed.list.selectID(costRowAdd)
		return t.ed.open(t), true
	case key.Matches(msg, t.keys.Import):
		t.ed.list.selectID(costRowImport)
		return t.ed.open(t), true
	case key.Matches(msg, t.keys.Best):
		return t.adoptBest(), true
	case ok && key.Matches(msg, t.keys.Edit) && strings.HasPrefix(row.id, costRowPartner):
		t.partner, _ = strconv.Atoi(strings.TrimPrefix(row.id, costRowPartner))
		t.refreshRows()
		t.ed.list.home()
	case ok && key.Matches(msg, t.keys.Edit):
		f, isField := t.fieldByID(row.id)
		if !isField || f.cycle == nil {
			return nil, false
		}
		next := t.cs.Clone()
		f.cycle(&next)
		return t.commit(t.change(f.label+": "+f.value(&next, 0), next)), true
	default:
		return nil, false
	}
	return nil, true
}

// change replaces the sheet with next.
func (t *costsTab) change(name string, next model.CostSharing) model.Change {
	if t.own != "" {
		return t.ownChange(name, next)
	}
	s := &model.Session{}
	if t.has {
		cur := t.cs.Clone()
		s.Costs = &cur
	}
	// per part, so that municipalities typing their rows meanwhile
	// (ikz serve) do not make this change stale
	if c, ok := model.EditCostsChange(s, "Kostenverteilung – "+name, next); ok {
		return c
	}
	return model.SetCostsChange(s, "Kostenverteilung – "+name, &next)
}

// commit shows c at once and hands it to the session's changer.
func (t *costsTab) commit(c model.Change) tea.Cmd {
	s := &model.Session{}
	cur := t.cs.Clone()
	s.Costs = &cur
	if err := t.ownGuard(); err != nil {
		return func() tea.Msg { return errMsg{err} }
	}
	if err := c.Apply(s); err != nil {
		return func() tea.Msg { return errMsg{err} }
	}
	if t.own != "" {
		t.sending(c)
	}
	t.sent.local = t.own != ""
	t.show(s.Costs)
	t.sent.local = false
	return t.d.changes.do(c)
}

// adoptBest writes the best base-fee share into the mixed key.
func (t *costsTab) adoptBest() tea.Cmd {
	s := t.cs.Sheet()
	if !s.BestFound {
		t.note = "Einen besten Grundbetrag gibt es erst mit Partnern und ihren Zahlen."
		return nil
	}
	next := t.cs.Clone()
	v := float64(s.BestBase) / 10
	next.MixedBase = &v
	t.note = "Grundbetrag " + model.FormatPercent(v) + " übernommen – z macht es rückgängig."
	return t.commit(t.change("Grundbetrag "+model.FormatPercent(v), next))
}

// --- the editor (editHost) ---

func (t *costsTab) openRow(id string) *rowEditor {
	t.forget()
	at := max(t.partner, 0)
	var text string
	switch id {
	case costRowAdd:
		t.field, t.mode = costField{id: "new", label: "Neuer Partner", help: "Name der Kommune, z. B. „Gemeinde Nordheim“. Enter legt sie an; danach folgen ihre Zahlen."}, "add"
	case costRowImport:
		if t.d.remote {
			t.note = "CSV einlesen geht nur am eigenen Rechner (nicht über ikz serve)."
			return nil
		}
		t.field, t.mode = costField{id: "import", label: "CSV-Datei einlesen",
			help: "Pfad der Datei, z. B. ~/kaemmerei/partner.csv. Spalten mit „;“: Kommune;Schulen;Schüler;Geräte;Personentage;Personalkosten heute;… – Kommunen mit gleichem Namen werden aktualisiert, neue angehängt."}, "import"
	default:
		f, ok := t.fieldByID(id)
		if !ok || f.cycle != nil {
			return nil
		}
		t.field, t.mode = f, ""
		text = f.edit(&t.cs, at)
	}
	t.fieldAt = at
	t.input = &text
	f := t.field
	return &rowEditor{
		id: id,
		fields: func(w, h int) []huh.Field {
			return []huh.Field{wizard.CostInput(f.id, f.title(), f.help, t.check, t.input)}
		},
		commit: t.commitEditor,
		check: func() error {
			if t.mode == "import" {
				return nil // the file is read on enter
			}
			return t.check(*t.input)
		},
		height: func(w int) int { return min(1+huhHeight(f.help, w)+1, max(t.h-costErrLines-4, 3)) },
		value:  t.input, // kept as a draft of this partner's field (costs_drafts.go)
	}
}

// commitEditor turns the open editor's text into a change.
func (t *costsTab) commitEditor() (model.Change, error) {
	text := strings.TrimSpace(*t.input)
	switch t.mode {
	case "import":
		return t.importChange(text)
	case "add":
		next, err := t.trial(text)
		if err != nil {
			return model.Change{}, err
		}
		t.afterAdd = true
		return t.change("Partner „"+model.SafeLine(text)+"“ angelegt", next), nil
	}
	next, err := t.trial(*t.input)
	if err != nil {
		return model.Change{}, err
	}
	v := t.field.value(&next, t.fieldAt)
	if v == t.field.value(&t.cs, t.fieldAt) {
		return model.Change{}, nil // nothing changed
	}
	name := t.field.label + ": " + v
	if t.partner >= 0 {
		name = model.SafeLine(t.cs.Partners[t.partner].Name) + ", " + name
	}
	return t.change(name, next), nil
}

// clearRow: Entf sets a number back to empty or deletes a partner, after
// asking.
func (t *costsTab) clearRow(id string) (string, model.Change, bool) {
	if i, err := strconv.Atoi(strings.TrimPrefix(id, costRowPartner)); err == nil && strings.HasPrefix(id, costRowPartner) && i < len(t.cs.Partners) {
		name := t.cs.Partners[i].Name
		next := t.cs.Clone()
		next.Partners = append(next.Partners[:i:i], next.Partners[i+1:]...)
		if next.Lead == name {
			next.Lead = ""
		}
		q := "„" + model.SafeLine(name) + "“ mit allen Zahlen löschen?"
		return q, t.change("Partner „"+model.SafeLine(name)+"“ gelöscht", next), true
	}
	f, ok := t.fieldByID(id)
	at := max(t.partner, 0)
	if !ok || f.cycle != nil || f.set == nil || f.edit(&t.cs, at) == "" || f.id == "p_name" || f.id == "years" {
		return "", model.Change{}, false
	}
	next := t.cs.Clone()
	if f.set(&next, at, "") != nil {
		return "", model.Change{}, false
	}
	return f.label + " (" + f.value(&t.cs, at) + ") löschen?", t.change(f.label+" gelöscht", next), true
}

// trialMemo remembers the last trial; any change of the sheet or of the
// open editor forgets it (forget).
type trialMemo struct {
	ok    bool
	in    string
	c     model.CostSharing
	err   error
	sheet error // t.cs.Validate()
	okCS  bool
}

func (t *costsTab) forget() { t.memo = trialMemo{} }

// trial applies s to a copy of the sheet; the error names the problem
// that s brings in (problems the sheet had before are not s's fault).
func (t *costsTab) trial(s string) (model.CostSharing, error) {
	if t.memo.ok && t.memo.in == s {
		return t.memo.c, t.memo.err
	}
	if !t.memo.okCS {
		t.memo.sheet, t.memo.okCS = t.cs.Validate(), true
	}
	c, err := t.tryText(s)
	t.memo.ok, t.memo.in, t.memo.c, t.memo.err = true, s, c, err
	return c, err
}

func (t *costsTab) tryText(s string) (model.CostSharing, error) {
	c := t.cs.Clone()
	switch t.mode {
	case "import":
		return c, nil
	case "add":
		c.Partners = append(c.Partners, model.CostPartner{Name: strings.TrimSpace(s)})
	default:
		if err := t.field.set(&c, t.fieldAt, s); err != nil {
			return c, err
		}
	}
	if err := newProblems(t.memo.sheet, c.Validate()); err != nil {
		return c, err
	}
	return c, nil
}

func (t *costsTab) check(s string) error {
	if t.mode == "import" {
		if strings.TrimSpace(s) == "" {
			return errors.New("bitte den Pfad der CSV-Datei eingeben")
		}
		return nil
	}
	_, err := t.trial(s)
	return err
}

// preview is the sheet with what is being typed, when it is valid.
func (t *costsTab) preview() model.CostSharing {
	if t.ed.ed != nil && t.input != nil && t.mode == "" {
		if c, err := t.trial(*t.input); err == nil {
			return c
		}
	}
	return t.cs
}

// newProblems is the part of after that before did not have.
func newProblems(before, after error) error {
	if after == nil {
		return nil
	}
	old := map[string]bool{}
	for _, e := range unjoin(before) {
		old[e.Error()] = true
	}
	var fresh []error
	for _, e := range unjoin(after) {
		if !old[e.Error()] {
			fresh = append(fresh, e)
		}
	}
	return errors.Join(fresh...)
}

func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// importChange reads partners from a CSV file and merges them by name:
// known ones get the file's figures, new ones are added, the others stay.
// An error keeps the editor open with the German message.
func (t *costsTab) importChange(path string) (model.Change, error) {
	if path == "" {
		return model.Change{}, errors.New("bitte den Pfad der CSV-Datei eingeben")
	}
	ps, err := readCostCSV(path, t.cs.DriverName)
	if err != nil {
		return model.Change{}, err
	}
	next := t.cs.Clone()
	updated, added := 0, 0
	for _, p := range ps {
		found := false
		for i := range next.Partners {
			if strings.EqualFold(next.Partners[i].Name, p.Name) {
				p.Name = next.Partners[i].Name
				next.Partners[i] = p
				found, updated = true, updated+1
				break
			}
		}
		if !found {
			next.Partners = append(next.Partners, p)
			added++
		}
	}
	if len(next.Partners) > maxCostPartners {
		return model.Change{}, fmt.Errorf("Zusammen wären es %d Partner – höchstens %d", len(next.Partners), maxCostPartners)
	}
	t.note = fmt.Sprintf("CSV eingelesen: %d aktualisiert, %d neu – z macht den Import rückgängig.", updated, added)
	return t.change(fmt.Sprintf("CSV „%s“ eingelesen", model.SafeLine(filepath.Base(path))), next), nil
}

// readCostCSV reads a regular file of at most model.MaxCostCSVBytes.
func readCostCSV(path, driver string) ([]model.CostPartner, error) {
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, rest)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("Die Datei %q gibt es nicht – bitte den Pfad prüfen", path)
		}
		return nil, fmt.Errorf("Die Datei lässt sich nicht öffnen: %v", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%q ist keine gewöhnliche Datei", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, model.MaxCostCSVBytes+1))
	if err != nil {
		return nil, fmt.Errorf("Die Datei lässt sich nicht lesen: %v", err)
	}
	return model.ParseCostCSV(data, driver)
}
