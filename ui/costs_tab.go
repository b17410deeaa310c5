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
	Delete key.Binding
	Undo   key.Binding
	Table  key.Binding
	Import key.Binding
	Best   key.Binding
	Yes    key.Binding
	No     key.Binding
}

func defaultCostKeys() costKeys {
	k := costKeys{
		tabKeys: defaultTabKeys(),
		Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "Partner hinzufügen")),
		Delete:  key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "Partner löschen")),
		Undo:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "rückgängig"), key.WithDisabled()),
		Table:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "Tabelle je Schlüssel")),
		Import:  key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "CSV einlesen")),
		Best:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "besten Grundbetrag übernehmen")),
		Yes:     key.NewBinding(key.WithKeys("j", "J", "y", "Y"), key.WithHelp("j", "ja, löschen")),
		No:      key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "nein")),
	}
	k.Edit = key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("enter", "bearbeiten"))
	k.Done = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "abbrechen"))
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
// would need a compensation. Every valid keystroke is saved; esc in an
// editor restores the value it had when it was opened.
type costsTab struct {
	frame string // the last View, see View
	d     tabDeps
	sess  *model.Session
	keys  costKeys
	list  itemList
	saver *autosaver
	theme *huh.Theme
	w, h  int

	cs      model.CostSharing // stored sheet with queued changes on top
	partner int               // -1: the overview; else the partner whose figures the list shows

	// the one-field editor
	form    *huh.Form
	field   costField
	fieldAt int // partner index of a partner field
	input   *string
	orig    model.CostSharing // the sheet when the editor opened: esc restores it
	mode    string            // "" a field, "add" a new partner's name, "import" a file path
	errText string            // a problem found after enter (import)

	table bool // the full table per key (t)
	vp    viewport.Model

	confirm  int                // partner awaiting "really delete?", -1 none
	undo     *model.CostSharing // the sheet before the last delete, import or adoption
	undoWhat string
	note     string
}

func newCostsTab(d tabDeps, sess *model.Session) *costsTab {
	t := &costsTab{d: d, keys: defaultCostKeys(), saver: newAutosaver(d, sess.ID), theme: d.styles.HuhTheme(),
		partner: -1, confirm: -1, vp: viewport.New(0, 0)}
	if d.remote {
		t.keys.Import.SetEnabled(false) // the file would be read on the server
	}
	t.load(sess)
	return t
}

// newCostSharing is the sheet a session starts with.
func newCostSharing() model.CostSharing { return model.CostSharing{Years: 5} }

func (t *costsTab) load(sess *model.Session) {
	t.sess = sess
	if t.form != nil || t.saver.busy() {
		return // what is being typed or saved is newer
	}
	if sess.Costs != nil {
		t.cs = cloneCosts(*sess.Costs)
	} else {
		t.cs = newCostSharing()
	}
	if t.partner >= len(t.cs.Partners) {
		t.partner = -1
	}
	t.refreshRows()
}

// busy reports whether changes are queued or being saved.
func (a *autosaver) busy() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.running || len(a.order) > 0
}

func (t *costsTab) save() tea.Cmd {
	c := cloneCosts(t.cs)
	return t.saver.queue("costs", func(s *model.Session) error { s.Costs = &c; return nil })
}

// fields are the editable rows of the current list.
func (t *costsTab) fields() []costField {
	if t.partner >= 0 {
		return costPartnerFields(&t.cs)
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
	var rows []listRow
	at := max(t.partner, 0)
	add := func(fs []costField) {
		for _, f := range fs {
			rows = append(rows, listRow{id: f.id, label: f.label, value: f.value(&t.cs, at), mark: " "})
		}
	}
	if t.partner >= 0 {
		rows = append(rows, listRow{label: "Partner: " + model.SafeLine(t.cs.Partners[t.partner].Name), value: "esc: zur Übersicht"})
		add(costPartnerFields(&t.cs))
		t.list.setRows(rows)
		return
	}
	rows = append(rows, listRow{label: "Gemeinsame Kosten"})
	add(costSheetFields)
	rows = append(rows, listRow{label: "Schlüssel"})
	add(costKeyFields)
	rows = append(rows, listRow{label: fmt.Sprintf("Partner (%d)", len(t.cs.Partners)), value: "enter: Zahlen"})
	for i, p := range t.cs.Partners {
		v := "heute " + model.FormatEuro(p.TodayTotal())
		if p.TodayTotal() == 0 {
			v = "Zahlen fehlen"
		}
		rows = append(rows, listRow{id: costRowPartner + strconv.Itoa(i), label: model.SafeLine(p.Name), value: v, mark: partnerMark(p)})
	}
	rows = append(rows, listRow{id: costRowAdd, label: "+ Partner hinzufügen", mark: " "})
	imp := listRow{id: costRowImport, label: "CSV-Datei einlesen …", value: "Kommune;Schulen;Schüler;…", mark: " "}
	if t.d.remote {
		imp.value, imp.dim = "nur am eigenen Rechner", true
	}
	rows = append(rows, imp)
	t.list.setRows(rows)
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
	if t.form != nil {
		fw, fh := t.editorBox()
		t.form = t.form.WithWidth(max(fw, 10)).WithHeight(fh)
	}
	t.vp.Width, t.vp.Height = w, max(h-1, 1)
	if t.table {
		t.vp.SetContent(t.tableView(w))
	}
}

func (t *costsTab) Capturing() bool { return formCapturing(t.form) }
func (t *costsTab) WantsEsc() bool {
	return t.form != nil || t.partner >= 0 || t.table || t.confirm >= 0
}

func (t *costsTab) KeyMap() help.KeyMap {
	switch {
	case t.form != nil:
		return tabHelp(t.keys.tabKeys, nil, t.form)
	case t.confirm >= 0:
		return keyMap{short: []key.Binding{t.keys.Yes, t.keys.No}, full: [][]key.Binding{{t.keys.Yes, t.keys.No}}}
	case t.table:
		k := t.keys.tabKeys
		k.Done.SetHelp("esc", "zurück")
		return keyMap{short: []key.Binding{k.Move, k.PageDown, k.Done}, full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Done}}}
	}
	t.keys.Undo.SetEnabled(t.undo != nil)
	edit := t.keys.Edit
	if row, ok := t.list.selected(); ok {
		switch f, isField := t.fieldByID(row.id); {
		case isField && f.cycle != nil:
			edit.SetHelp("enter", "umschalten")
		case strings.HasPrefix(row.id, costRowPartner):
			edit.SetHelp("enter", "Zahlen")
		}
	}
	acts := []key.Binding{edit, t.keys.Table, t.keys.Undo}
	if t.partner < 0 {
		acts = append(acts, t.keys.Add, t.keys.Delete, t.keys.Import, t.keys.Best)
	}
	return tabHelp(t.keys.tabKeys, acts, nil)
}

func (t *costsTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	t.frame = ""
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		if newer(msg.sess, t.sess) {
			t.load(msg.sess)
		}
		return t, nil
	case tea.KeyMsg:
		switch {
		case t.form != nil:
			if key.Matches(msg, t.keys.Done) {
				return t, t.cancelEditor()
			}
		case t.confirm >= 0:
			return t, t.confirmKey(msg)
		case t.table:
			if scrollKey(&t.vp, t.keys.tabKeys, msg) || key.Matches(msg, t.keys.Table) {
				t.table = false
			}
			return t, nil
		default:
			return t, t.listKey(msg)
		}
	}
	if t.form == nil {
		return t, nil
	}
	cmd := updateForm(t.form, msg)
	return t, tea.Batch(cmd, t.afterEdit())
}

func (t *costsTab) listKey(msg tea.KeyMsg) tea.Cmd {
	t.note = "" // a message is about the last action only
	if t.list.navigate(t.keys.tabKeys, msg) {
		return nil
	}
	t.keys.Undo.SetEnabled(t.undo != nil) // a disabled binding never matches
	row, ok := t.list.selected()
	switch {
	case key.Matches(msg, t.keys.Done) && t.partner >= 0:
		id := costRowPartner + strconv.Itoa(t.partner)
		t.partner = -1
		t.refreshRows()
		t.list.selectID(id)
	case key.Matches(msg, t.keys.Table):
		t.table = true
		t.vp.SetContent(t.tableView(t.w))
		t.vp.GotoTop()
	case key.Matches(msg, t.keys.Undo) && t.undo != nil:
		t.cs, t.undo = *t.undo, nil
		t.note = t.undoWhat + " rückgängig gemacht."
		t.partner = -1
		t.refreshRows()
		return t.save()
	case t.partner >= 0:
		if ok && key.Matches(msg, t.keys.Edit) {
			return t.openField(row.id)
		}
	case key.Matches(msg, t.keys.Add) || ok && row.id == costRowAdd && key.Matches(msg, t.keys.Edit):
		return t.openAdd()
	case key.Matches(msg, t.keys.Import) || ok && row.id == costRowImport && key.Matches(msg, t.keys.Edit):
		if t.d.remote {
			t.note = "CSV einlesen geht nur am eigenen Rechner (nicht über ikz serve)."
			return nil
		}
		return t.openImport("")
	case key.Matches(msg, t.keys.Best):
		return t.adoptBest()
	case ok && strings.HasPrefix(row.id, costRowPartner):
		i, _ := strconv.Atoi(strings.TrimPrefix(row.id, costRowPartner))
		switch {
		case key.Matches(msg, t.keys.Delete):
			t.confirm = i
		case key.Matches(msg, t.keys.Edit):
			t.partner = i
			t.refreshRows()
			t.list.home()
		}
	case ok && key.Matches(msg, t.keys.Edit):
		return t.openField(row.id)
	}
	return nil
}

func (t *costsTab) confirmKey(msg tea.KeyMsg) tea.Cmd {
	i := t.confirm
	switch {
	case key.Matches(msg, t.keys.Yes):
		t.confirm = -1
		if i >= len(t.cs.Partners) {
			return nil
		}
		name := t.cs.Partners[i].Name
		t.remember("Löschen von „" + model.SafeLine(name) + "“")
		t.cs.Partners = append(t.cs.Partners[:i:i], t.cs.Partners[i+1:]...)
		if t.cs.Lead == name {
			t.cs.Lead = ""
		}
		t.note = "„" + model.SafeLine(name) + "“ gelöscht – u macht es rückgängig."
		t.refreshRows()
		return t.save()
	case key.Matches(msg, t.keys.No):
		t.confirm = -1
	}
	return nil
}

// remember keeps the sheet before a change that u can undo.
func (t *costsTab) remember(what string) {
	c := cloneCosts(t.cs)
	t.undo, t.undoWhat = &c, what
}

// adoptBest writes the best base-fee share into the mixed key.
func (t *costsTab) adoptBest() tea.Cmd {
	s := t.cs.Sheet()
	if !s.BestFound {
		t.note = "Einen besten Grundbetrag gibt es erst mit Partnern und ihren Zahlen."
		return nil
	}
	t.remember("Übernahme des Grundbetrags")
	v := float64(s.BestBase) / 10
	t.cs.MixedBase = &v
	t.note = "Grundbetrag " + model.FormatPercent(v) + " übernommen – u macht es rückgängig."
	t.refreshRows()
	return t.save()
}

// --- the editor ---

// editorBox is the room of the one-field editor.
func (t *costsTab) editorBox() (int, int) {
	lay := splitBox(t.w, t.h, len(t.list.rows), true)
	w := lay.listW
	help := t.field.help
	return w, min(1+huhHeight(help, w)+1, max(t.h-costErrLines-4, 3))
}

const costErrLines = 3

// maxCostPartners is the limit model.CostSharing.Validate enforces.
const maxCostPartners = 200

func (t *costsTab) openField(id string) tea.Cmd {
	f, ok := t.fieldByID(id)
	if !ok {
		return nil
	}
	at := max(t.partner, 0)
	if f.cycle != nil {
		f.cycle(&t.cs)
		t.refreshRows()
		return t.save()
	}
	return t.openEditor(f, at, "", f.edit(&t.cs, at))
}

func (t *costsTab) openAdd() tea.Cmd {
	f := costField{id: "new", label: "Neuer Partner", help: "Name der Kommune, z. B. „Gemeinde Nordheim“. Enter legt sie an; danach folgen ihre Zahlen."}
	return t.openEditor(f, 0, "add", "")
}

func (t *costsTab) openImport(path string) tea.Cmd {
	f := costField{id: "import", label: "CSV-Datei einlesen",
		help: "Pfad der Datei, z. B. ~/kaemmerei/partner.csv. Spalten mit „;“: Kommune;Schulen;Schüler;Geräte;Personentage;Personalkosten heute;… – Kommunen mit gleichem Namen werden aktualisiert, neue angehängt."}
	return t.openEditor(f, 0, "import", path)
}

func (t *costsTab) openEditor(f costField, at int, mode, text string) tea.Cmd {
	t.field, t.fieldAt, t.mode = f, at, mode
	t.orig = cloneCosts(t.cs)
	t.input = &text
	w, h := t.editorBox()
	in := wizard.CostInput(f.id, f.title(), f.help, t.check, t.input)
	t.form = newItemForm(t.theme, w, h, in).WithKeyMap(efficiencyKeys())
	return t.form.Init()
}

// trial applies s to a copy of the sheet; the error names the problem
// that s brings in (problems the sheet had before are not s's fault).
func (t *costsTab) trial(s string) (model.CostSharing, error) {
	c := cloneCosts(t.orig)
	switch t.mode {
	case "import":
		if strings.TrimSpace(s) == "" {
			return c, errors.New("bitte den Pfad der CSV-Datei eingeben")
		}
		return c, nil
	case "add":
		c.Partners = append(c.Partners, model.CostPartner{Name: strings.TrimSpace(s)})
	default:
		if err := t.field.set(&c, t.fieldAt, s); err != nil {
			return c, err
		}
	}
	if err := newProblems(t.orig.Validate(), c.Validate()); err != nil {
		return c, err
	}
	return c, nil
}

func (t *costsTab) check(s string) error { _, err := t.trial(s); return err }

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

// afterEdit saves a valid value at once; enter goes on to the next field.
func (t *costsTab) afterEdit() tea.Cmd {
	if t.form == nil {
		return nil
	}
	var cmd tea.Cmd
	if t.mode == "" {
		if c, err := t.trial(*t.input); err == nil && t.field.value(&c, t.fieldAt) != t.field.value(&t.cs, t.fieldAt) {
			t.cs = c
			t.refreshRows()
			cmd = t.save()
		}
	}
	switch t.form.State {
	case huh.StateCompleted:
		t.form = nil
		switch t.mode {
		case "add":
			return tea.Batch(cmd, t.addPartner(strings.TrimSpace(*t.input)))
		case "import":
			return tea.Batch(cmd, t.importFile(strings.TrimSpace(*t.input)))
		}
		t.errText = ""
		before := t.list.cursor
		t.list.move(1)
		if row, ok := t.list.selected(); ok && t.list.cursor != before {
			if f, ok := t.fieldByID(row.id); ok && f.cycle == nil {
				return tea.Batch(cmd, t.openField(row.id))
			}
		}
	case huh.StateAborted:
		return tea.Batch(cmd, t.cancelEditor())
	}
	return cmd
}

// cancelEditor closes the editor and restores the value it had.
func (t *costsTab) cancelEditor() tea.Cmd {
	t.form, t.errText = nil, ""
	if t.mode != "" {
		return nil
	}
	changed := t.field.value(&t.orig, t.fieldAt) != t.field.value(&t.cs, t.fieldAt)
	t.cs = cloneCosts(t.orig)
	t.refreshRows()
	if changed {
		return t.save()
	}
	return nil
}

func (t *costsTab) addPartner(name string) tea.Cmd {
	t.cs.Partners = append(t.cs.Partners, model.CostPartner{Name: name})
	t.partner = len(t.cs.Partners) - 1
	t.refreshRows()
	t.list.selectID("p_schools")
	return tea.Batch(t.save(), t.openField("p_schools"))
}

// importFile reads partners from a CSV file and merges them by name:
// known ones get the file's figures, new ones are added, the others stay.
func (t *costsTab) importFile(path string) tea.Cmd {
	ps, err := readCostCSV(path, t.cs.DriverName)
	if err != nil {
		cmd := t.openImport(path)
		t.errText = err.Error()
		return cmd
	}
	t.remember("Import")
	updated, added := 0, 0
	for _, p := range ps {
		found := false
		for i := range t.cs.Partners {
			if strings.EqualFold(t.cs.Partners[i].Name, p.Name) {
				p.Name = t.cs.Partners[i].Name
				t.cs.Partners[i] = p
				found = true
				updated++
				break
			}
		}
		if !found {
			t.cs.Partners = append(t.cs.Partners, p)
			added++
		}
	}
	if len(t.cs.Partners) > maxCostPartners {
		t.cs, t.undo = *t.undo, nil
		t.note = fmt.Sprintf("Nicht eingelesen: zusammen wären es mehr als %d Partner.", maxCostPartners)
		return nil
	}
	t.note = fmt.Sprintf("CSV eingelesen: %d aktualisiert, %d neu – u macht den Import rückgängig.", updated, added)
	t.refreshRows()
	return t.save()
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
