package ui

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
	"ikz/wizard"
)

// effField is one number of the efficiency sheet.
type effField struct {
	id    string
	label string // in the list, under its heading
	field string // the name model.Efficiency.Validate uses in its messages
	unit  string // "€/Jahr", "€", "VZÄ", "Jahre"
	help  string
	get   func(*model.Efficiency) float64
	set   func(*model.Efficiency, float64)
}

// effGroups are the headings of the sheet with their fields.
var effGroups = []struct {
	title  string
	fields []effField
}{
	{"Laufzeit", []effField{
		{"years", "Laufzeit", "Laufzeit", "Jahre",
			"Über wie viele Jahre ist die Kooperation angelegt? Einmalkosten werden auf diese Jahre verteilt.",
			func(e *model.Efficiency) float64 { return float64(e.Years) },
			func(e *model.Efficiency, v float64) { e.Years = int(v) }},
	}},
	{"Heute – ohne Kooperation", []effField{
		{"personnel_now", "Personalkosten", "Personalkosten heute", "€/Jahr",
			"Was die Schul-IT heute im Jahr an Personal kostet, in Euro.",
			func(e *model.Efficiency) float64 { return e.PersonnelNow },
			func(e *model.Efficiency, v float64) { e.PersonnelNow = v }},
		{"material_now", "Sachkosten", "Sachkosten heute", "€/Jahr",
			"Sachkosten im Jahr: Lizenzen, Wartung, Dienstleister, Ersatz von Geräten.",
			func(e *model.Efficiency) float64 { return e.MaterialNow },
			func(e *model.Efficiency, v float64) { e.MaterialNow = v }},
		{"oneoff_now", "Einmalkosten", "Einmalkosten heute", "€ gesamt",
			"Einmalige Kosten, die auch ohne Kooperation kämen (z. B. ein ohnehin geplanter Austausch) – als Summe; sie werden auf die Laufzeit verteilt.",
			func(e *model.Efficiency) float64 { return e.OneOffNow },
			func(e *model.Efficiency, v float64) { e.OneOffNow = v }},
		{"staff_now", "Personal", "Personal heute (VZÄ)", "VZÄ",
			"Stellen in Vollzeitäquivalenten – nur zur Information, sie gehen nicht in die Rechnung ein.",
			func(e *model.Efficiency) float64 { return e.StaffNow },
			func(e *model.Efficiency, v float64) { e.StaffNow = v }},
	}},
	{"Mit der Kooperation", []effField{
		{"personnel_with", "Personalkosten", "Personalkosten mit Kooperation", "€/Jahr",
			"Personalkosten im Jahr mit der Kooperation – der eigene Anteil einschließlich Umlagen an die Partner.",
			func(e *model.Efficiency) float64 { return e.PersonnelWith },
			func(e *model.Efficiency, v float64) { e.PersonnelWith = v }},
		{"material_with", "Sachkosten", "Sachkosten mit Kooperation", "€/Jahr",
			"Sachkosten im Jahr mit der Kooperation, z. B. gemeinsame Lizenzen und Rahmenverträge.",
			func(e *model.Efficiency) float64 { return e.MaterialWith },
			func(e *model.Efficiency, v float64) { e.MaterialWith = v }},
		{"oneoff_with", "Einmalkosten", "Einmalkosten mit Kooperation", "€ gesamt",
			"Einmalige Kosten für den Aufbau (z. B. Umzug der Systeme, Beratung, Vertrag) – als Summe; sie werden auf die Laufzeit verteilt.",
			func(e *model.Efficiency) float64 { return e.OneOffWith },
			func(e *model.Efficiency, v float64) { e.OneOffWith = v }},
		{"staff_with", "Personal", "Personal mit Kooperation (VZÄ)", "VZÄ",
			"Stellen in Vollzeitäquivalenten mit der Kooperation – nur zur Information.",
			func(e *model.Efficiency) float64 { return e.StaffWith },
			func(e *model.Efficiency, v float64) { e.StaffWith = v }},
	}},
}

// number is f as the editor in package wizard knows it.
func (f effField) number() wizard.EfficiencyNumber {
	return wizard.EfficiencyNumber{Key: f.id, Name: f.field, Unit: f.unit, Help: f.help, Set: f.set}
}

func effFieldByID(id string) (effField, bool) {
	for _, g := range effGroups {
		for _, f := range g.fields {
			if f.id == id {
				return f, true
			}
		}
	}
	return effField{}, false
}

// efficiencyTab is the Wirtschaftlichkeit tab: the numbers of the sheet in
// a list, the result (savings in € and %, funding hint) next to it. The
// result follows every valid keystroke; every valid value is saved.
type efficiencyTab struct {
	frame string // the last View, see View
	d     tabDeps
	sess  *model.Session
	keys  tabKeys
	list  itemList
	saver *autosaver
	theme *huh.Theme
	w, h  int

	eff model.Efficiency // stored sheet with queued changes on top
	has bool             // a sheet exists (the session has numbers)

	form  *huh.Form
	field effField
	input *string
}

func newEfficiencyTab(d tabDeps, sess *model.Session) tab {
	k := defaultTabKeys()
	k.Edit.SetHelp("enter", "Zahl eingeben")
	k.Done.SetHelp("esc", "fertig")
	t := &efficiencyTab{d: d, keys: k, saver: newAutosaver(d, sess.ID), theme: d.styles.HuhTheme()}
	t.load(sess)
	return t
}

func (t *efficiencyTab) load(sess *model.Session) {
	t.sess = sess
	keep := t.form != nil && t.has
	cur := t.eff
	t.has = sess.Efficiency != nil
	if t.has {
		t.eff = *sess.Efficiency
	} else {
		t.eff = model.Efficiency{}
	}
	if keep { // a save may still be under way: keep what is being typed
		if v, err := t.parse(*t.input); err == nil {
			t.field.set(&t.eff, v)
		} else {
			t.field.set(&t.eff, t.field.get(&cur))
		}
		t.has = true
	}
	t.refreshRows()
}

func (t *efficiencyTab) refreshRows() {
	var rows []listRow
	for _, g := range effGroups {
		rows = append(rows, listRow{label: g.title})
		for _, f := range g.fields {
			r := listRow{id: f.id, label: f.label, mark: markOpen, value: "–"}
			if t.has {
				r.value = effValue(f, f.get(&t.eff))
				if f.get(&t.eff) != 0 {
					r.mark = markDone
				}
			}
			rows = append(rows, r)
		}
	}
	t.list.setRows(rows)
}

// effValue formats a value of the sheet the German way.
func effValue(f effField, v float64) string {
	switch f.unit {
	case "Jahre":
		if v == 0 {
			return "offen"
		}
		return plural(int(v), "Jahr", "Jahre")
	case "VZÄ":
		return trimZeros(model.FormatNumber(v, 2)) + " VZÄ"
	}
	return model.FormatEuro(v)
}

// trimZeros shortens "2,50" to "2,5" and "2,00" to "2".
func trimZeros(s string) string {
	if !strings.Contains(s, ",") {
		return s
	}
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ",")
}

// editText is the value as the editor shows it: no unit, German digits.
func editText(f effField, v float64) string {
	switch {
	case v == 0:
		return ""
	case f.unit == "Jahre":
		return strconv.Itoa(int(v))
	case v == math.Trunc(v):
		return model.FormatNumber(v, 0)
	}
	return trimZeros(model.FormatNumber(v, 2))
}

// parse reads the editor's text for the open field and checks it against
// the rules of the sheet.
func (t *efficiencyTab) parse(s string) (float64, error) {
	return t.field.number().Parse(t.eff, s)
}

func (t *efficiencyTab) SetSize(w, h int) {
	t.frame = ""
	t.w, t.h = w, h
	if t.form != nil {
		lw, _ := t.columns()
		t.form = t.form.WithWidth(max(lw, 10)).WithHeight(t.formHeight(lw))
	}
}

func (t *efficiencyTab) Capturing() bool { return formCapturing(t.form) }
func (t *efficiencyTab) WantsEsc() bool  { return t.form != nil }

func (t *efficiencyTab) KeyMap() help.KeyMap {
	if t.form != nil {
		return tabHelp(t.keys, nil, t.form)
	}
	return tabHelp(t.keys, []key.Binding{t.keys.Edit}, nil)
}

func (t *efficiencyTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	t.frame = ""
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		if newer(msg.sess, t.sess) {
			t.load(msg.sess)
		}
		return t, nil
	case tea.KeyMsg:
		if t.form == nil {
			return t, t.listKey(msg)
		}
		if key.Matches(msg, t.keys.Done) {
			t.form = nil
			return t, nil
		}
	}
	if t.form == nil {
		return t, nil
	}
	cmd := updateForm(t.form, msg)
	return t, tea.Batch(cmd, t.afterEdit())
}

func (t *efficiencyTab) listKey(msg tea.KeyMsg) tea.Cmd {
	if t.list.navigate(t.keys, msg) {
		return nil
	}
	if key.Matches(msg, t.keys.Edit) {
		return t.openEditor()
	}
	return nil
}

func (t *efficiencyTab) openEditor() tea.Cmd {
	row, ok := t.list.selected()
	if !ok {
		return nil
	}
	f, ok := effFieldByID(row.id)
	if !ok {
		return nil
	}
	t.field = f
	v := editText(f, f.get(&t.eff))
	t.input = &v
	lw, _ := t.columns()
	in := wizard.EfficiencyInput(f.number(), func() model.Efficiency { return t.eff }, t.input)
	t.form = huh.NewForm(huh.NewGroup(in)).
		WithShowHelp(false).
		WithShowErrors(false). // shown above the field, see View
		WithTheme(t.theme).
		WithKeyMap(efficiencyKeys()).
		WithWidth(max(lw, 10)).
		WithHeight(t.formHeight(lw))
	return t.form.Init()
}

// formHeight is what the one-field editor needs: title, help, input.
func (t *efficiencyTab) formHeight(w int) int {
	return min(1+huhHeight(t.field.help, w)+1, max(t.h-effErrLines-4, 3))
}

// efficiencyKeys: enter takes the number and goes on to the next one.
func efficiencyKeys() *huh.KeyMap {
	k := measureFormKeys()
	k.Input.Submit.SetHelp("enter", "weiter")
	return k
}

// afterEdit saves a valid value at once; enter goes on to the next field.
func (t *efficiencyTab) afterEdit() tea.Cmd {
	if t.form == nil {
		return nil
	}
	var cmd tea.Cmd
	if v, err := t.parse(*t.input); err == nil && (!t.has || v != t.field.get(&t.eff)) {
		t.field.set(&t.eff, v)
		t.has = true
		t.refreshRows()
		cmd = t.saver.queue("efficiency:"+t.field.id, setEfficiency(t.field.set, v))
	}
	switch t.form.State {
	case huh.StateCompleted:
		t.form = nil
		before := t.list.cursor
		t.list.move(1)
		if t.list.cursor != before {
			return tea.Batch(cmd, t.openEditor())
		}
	case huh.StateAborted:
		t.form = nil
	}
	return cmd
}

// setEfficiency is the store update that writes v with set, starting a
// sheet if the session has none.
func setEfficiency(set func(*model.Efficiency, float64), v float64) func(*model.Session) error {
	return func(s *model.Session) error {
		if s.Efficiency == nil {
			s.Efficiency = &model.Efficiency{}
		}
		set(s.Efficiency, v)
		return nil
	}
}

// --- view ---

// columns splits the box: the list (or the editor) on the left, the
// result on the right.
func (t *efficiencyTab) columns() (list, pane int) {
	lw := min(max(t.w*2/5, 34), 48)
	return lw, max(t.w-lw-3, 10)
}

// View is cached: every change of state passes through Update or
// SetSize, which drop the frame.
func (t *efficiencyTab) View() string {
	if t.frame == "" {
		t.frame = t.render()
	}
	return t.frame
}

func (t *efficiencyTab) render() string {
	if t.w <= 0 || t.h <= 0 {
		return ""
	}
	st := t.d.styles
	lw, pw := t.columns()
	lay := layout{wide: true, listW: lw, listH: t.h, paneW: pw, paneH: t.h}
	var left string
	if t.form != nil {
		// the list stays in sight above the editor, so the row being
		// typed into keeps its heading
		errs := t.errorLines(lw)
		listH := max(t.h-t.formHeight(lw)-lineCount(errs)-1, 1)
		left = fit(t.list.view(st, lw, listH, false), lw, listH) + "\n" +
			st.Rule.Render(strings.Repeat("─", lw))
		if errs != "" {
			left += "\n" + errs
		}
		left += "\n" + t.form.View()
	} else {
		left = t.list.view(st, lw, t.h, true)
	}
	return lay.join(st, left, t.resultView(pw, t.h), t.w, t.h)
}

// resultView is the computed sheet in w×h cells.
func (t *efficiencyTab) resultView(w, h int) string {
	st := t.d.styles
	if !t.has {
		return strings.Join([]string{
			st.Title.Render("Wirtschaftlichkeit"),
			para(st.Text, "Tragen Sie links ein, was die Schul-IT heute im Jahr kostet und was sie mit der Kooperation kosten würde. Hier erscheinen dann die Einsparung in Euro und Prozent und ob Förderschwellen erreicht sind.", w),
			"",
			para(st.Faint, model.EfficiencyContext, w),
		}, "\n")
	}
	sh := t.eff.Sheet()
	amounts := []string{"heute", "mit Koop."}
	for _, r := range sh.Rows {
		amounts = append(amounts, model.FormatEuro(r.Now), model.FormatEuro(r.With))
	}
	amounts = append(amounts, model.FormatEuro(sh.TotalNow), model.FormatEuro(sh.TotalWith))
	aw := 0
	for _, a := range amounts {
		aw = max(aw, plainWidth(a))
	}
	lw := min(max(w-2*(aw+1), 8), 24) // wide panes: keep the numbers near their labels
	row := func(style func(string) string, label, now, with string) string {
		return style(padRight(truncate(label, lw), lw)) + " " + padLeft(now, aw) + " " + padLeft(with, aw)
	}
	text := func(s string) string { return st.Text.Render(s) }
	title := func(s string) string { return st.Title.Render(s) }
	lines := []string{row(title, "Kosten pro Jahr", "heute", "mit Koop.")}
	for _, r := range sh.Rows {
		label := r.Label
		if r.Note != "" {
			label += "¹"
		}
		lines = append(lines, row(text, label, model.FormatEuro(r.Now), model.FormatEuro(r.With)))
	}
	lines = append(lines, st.Rule.Render(strings.Repeat("─", min(w, lw+2*aw+2))))
	lines = append(lines, row(title, "Summe", model.FormatEuro(sh.TotalNow), model.FormatEuro(sh.TotalWith)))

	savings := model.FormatEuro(sh.Savings)
	if sh.HasPercent {
		savings += " (" + model.FormatPercent(sh.SavingsPercent) + ")"
	}
	label := "Einsparung pro Jahr"
	style := st.Good
	if sh.Savings < 0 {
		label, style = "Mehrkosten pro Jahr", st.Warn
		savings = strings.TrimPrefix(savings, "-")
	}
	kv := func(k, v string, vs func(...string) string) string {
		return st.Muted.Render(padRight(k+":", 22)) + vs(truncate(v, max(w-22, 1)))
	}
	if sh.TotalNow == 0 || sh.TotalWith == 0 {
		missing := "Kosten mit der Kooperation"
		if sh.TotalNow == 0 {
			missing = "Kosten heute"
		}
		lines = append(lines, "", para(st.Muted, "Für die Einsparung fehlen noch die "+missing+".", w))
		return strings.Join(lines, "\n")
	}
	lines = append(lines, "", kv(label, savings, style.Render))
	if t.eff.Years > 0 {
		lines = append(lines, kv("Über "+plural(t.eff.Years, "Jahr", "Jahre"), model.FormatEuro(sh.SavingsTerm), st.Text.Render))
	} else {
		lines = append(lines, kv("Laufzeit", "noch offen – bitte eintragen", st.Warn.Render))
	}
	if sh.StaffNow != 0 || sh.StaffWith != 0 {
		lines = append(lines, kv("Personal", trimZeros(model.FormatNumber(sh.StaffNow, 2))+" → "+trimZeros(model.FormatNumber(sh.StaffWith, 2))+" VZÄ", st.Text.Render))
	}
	for _, r := range sh.Rows {
		if r.Note != "" {
			lines = append(lines, st.Faint.Render(truncate("¹ "+r.Note, w)))
		}
	}
	for _, hint := range sh.Hints {
		lines = append(lines, "", hintPara(st, hint, w))
	}
	if sh.MeetsFunding() {
		lines = append(lines, "", para(st.Good, "✓ Die üblichen Förderschwellen (15 % pro Jahr, 5 Jahre) sind erreicht.", w))
	}
	out := strings.Join(lines, "\n")
	if ctx := para(st.Faint, model.EfficiencyContext, w); lineCount(out)+1+lineCount(ctx) <= h {
		out += "\n\n" + ctx
	}
	return out
}

// effErrLines is the room for a validation message in the narrow column.
const effErrLines = 3

// errorLines shows the editor's problem without the field name (the
// field's title is right below); "" when there is none.
func (t *efficiencyTab) errorLines(w int) string {
	errs := t.form.Errors()
	if len(errs) == 0 {
		return ""
	}
	msg := errs[0].Error()
	var fe *model.FieldError
	if errors.As(errs[0], &fe) {
		msg = fe.Msg
	}
	return fit(para(t.d.styles.Error, "✗ "+msg, w), w, effErrLines)
}

// hintPara renders a warning with a hanging ⚠.
func hintPara(st *Styles, text string, w int) string {
	text = strings.ReplaceAll(text, " %", "\u00a0%") // keep "15 %" on one line
	lines := strings.Split(wrapText(text, max(w-2, 10)), "\n")
	for i, l := range lines {
		p := "  "
		if i == 0 {
			p = "⚠ "
		}
		lines[i] = st.Warn.Render(p + l)
	}
	return strings.Join(lines, "\n")
}
