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
	"ikz/ui/wording"
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
// result previews every valid keystroke; enter stores the number (the
// editing contract of editlist.go), esc restores it.
type efficiencyTab struct {
	frame string // the last View, see View
	d     tabDeps
	sess  *model.Session
	keys  tabKeys
	ed    editList
	w, h  int

	eff model.Efficiency // stored sheet with committed changes on top
	has bool             // a sheet exists (the session has numbers)

	// The open editor's field and text (for the preview).
	field effField
	input *string
}

func newEfficiencyTab(d tabDeps, sess *model.Session) tab {
	k := defaultTabKeys()
	k.Edit.SetHelp("enter", "Zahl eingeben")
	t := &efficiencyTab{d: d, keys: k}
	t.ed = editList{keys: k, theme: d.styles.HuhTheme()}
	t.ed.keepDrafts(d, sess.ID, "wirtschaftlichkeit")
	t.load(sess)
	return t
}

func (t *efficiencyTab) load(sess *model.Session) {
	t.sess = sess
	t.has = sess.Efficiency != nil
	if t.has {
		t.eff = *sess.Efficiency
	} else {
		t.eff = model.Efficiency{}
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
	t.ed.list.setRows(rows)
}

// effValue formats a value of the sheet the German way.
func effValue(f effField, v float64) string {
	switch f.unit {
	case "Jahre":
		if v == 0 {
			return "offen"
		}
		return wording.Plural(int(v), "Jahr", "Jahre")
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

func (t *efficiencyTab) SetSize(w, h int) {
	t.frame = ""
	t.w, t.h = w, h
	lw, _ := t.columns()
	t.ed.resize(lw, max(t.h-effErrLines-4, 3)+1)
}

func (t *efficiencyTab) Capturing() bool { return t.ed.capturing() }
func (t *efficiencyTab) WantsEsc() bool  { return t.ed.editing() }

func (t *efficiencyTab) KeyMap() help.KeyMap {
	if h, ok := t.ed.help(); ok {
		return h
	}
	k := t.keys
	_, _, clearable := t.clearRow(t.selectedID())
	k.Clear.SetEnabled(clearable)
	k.Clear.SetHelp("Entf", "Zahl löschen")
	return tabHelp(k, []key.Binding{k.Edit, k.Clear}, nil)
}

func (t *efficiencyTab) selectedID() string {
	row, _ := t.ed.list.selected()
	return row.id
}

func (t *efficiencyTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	t.frame = ""
	if m, ok := msg.(sessionLoadedMsg); ok {
		if newer(m.sess, t.sess) {
			t.load(m.sess)
		}
		return t, nil
	}
	before := t.ed.list.cursor
	wasOpen := t.ed.ed != nil
	cmd, c := t.ed.update(t, msg)
	if !c.Empty() {
		cmd = tea.Batch(cmd, t.commit(c))
	}
	// enter goes on to the next number, as on a paper form
	if wasOpen && t.ed.ed == nil && t.ed.list.cursor != before {
		cmd = tea.Batch(cmd, t.ed.open(t))
	}
	return t, cmd
}

// commit shows c at once and hands it to the session's changer.
func (t *efficiencyTab) commit(c model.Change) tea.Cmd {
	s := &model.Session{}
	if t.has {
		e := t.eff
		s.Efficiency = &e
	}
	if err := c.Apply(s); err != nil {
		return func() tea.Msg { return errMsg{err} }
	}
	t.has = s.Efficiency != nil
	if t.has {
		t.eff = *s.Efficiency
	}
	t.refreshRows()
	return t.d.changes.do(c)
}

// change sets field f to v, starting a sheet when there is none.
func (t *efficiencyTab) change(f effField, v float64, name string) model.Change {
	s := &model.Session{}
	if t.has {
		e := t.eff
		s.Efficiency = &e
	}
	next := t.eff
	f.set(&next, v)
	return model.SetEfficiencyChange(s, name, &next)
}

// openRow: a number editor; the result previews every valid keystroke.
func (t *efficiencyTab) openRow(id string) *rowEditor {
	f, ok := effFieldByID(id)
	if !ok {
		return nil
	}
	t.field = f
	v := editText(f, f.get(&t.eff))
	t.input = &v
	return &rowEditor{
		id: id,
		fields: func(w, h int) []huh.Field {
			return []huh.Field{wizard.EfficiencyInput(f.number(), func() model.Efficiency { return t.eff }, t.input)}
		},
		commit: func() (model.Change, error) {
			if strings.TrimSpace(*t.input) == "" && f.get(&t.eff) != 0 {
				return model.Change{}, errors.New("Leer – die Zahl löschen Sie in der Liste mit Entf.")
			}
			n, err := f.number().Parse(t.eff, *t.input)
			if err != nil {
				return model.Change{}, err
			}
			if t.has && n == f.get(&t.eff) {
				return model.Change{}, nil
			}
			return t.change(f, n, f.field+": "+effValue(f, n)), nil
		},
		height: t.formHeight,
		value:  t.input,
	}
}

// clearRow: Entf sets a number back to empty, after asking.
func (t *efficiencyTab) clearRow(id string) (string, model.Change, bool) {
	f, ok := effFieldByID(id)
	if !ok || !t.has || f.get(&t.eff) == 0 {
		return "", model.Change{}, false
	}
	return f.field + " (" + effValue(f, f.get(&t.eff)) + ") löschen?", t.change(f, 0, f.field+" gelöscht"), true
}

// preview is the sheet with the number being typed, when it is valid.
func (t *efficiencyTab) preview() model.Efficiency {
	e := t.eff
	if t.ed.ed != nil && t.input != nil {
		if v, err := t.field.number().Parse(t.eff, *t.input); err == nil {
			t.field.set(&e, v)
		}
	}
	return e
}

// formHeight is what the one-field editor needs: title, help, input.
func (t *efficiencyTab) formHeight(w int) int {
	return min(1+huhHeight(t.field.help, w)+1, max(t.h-effErrLines-4, 3))
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
	switch {
	case t.ed.clear != nil:
		listH := max(t.h-6, 1)
		left = fit(t.ed.list.view(st, lw, listH, false), lw, listH) + "\n" +
			st.Rule.Render(strings.Repeat("─", lw)) + "\n" + t.ed.paneView(st, lw)
	case t.ed.ed != nil:
		// the list stays in sight above the editor, so the row being
		// typed into keeps its heading
		errs := t.errorLines(lw)
		note := t.ed.draftNote(st, lw) // a draft brought back
		listH := max(t.h-t.formHeight(lw)-lineCount(errs)-lineCount(note)-1, 1)
		left = fit(t.ed.list.view(st, lw, listH, false), lw, listH) + "\n" +
			st.Rule.Render(strings.Repeat("─", lw))
		if note != "" {
			left += "\n" + note
		}
		if errs != "" {
			left += "\n" + errs
		}
		left += "\n" + t.ed.form.View()
	default:
		left = t.ed.list.view(st, lw, t.h, true)
	}
	return lay.join(st, left, t.resultView(pw, t.h), t.w, t.h)
}

// resultView is the computed sheet in w×h cells.
func (t *efficiencyTab) resultView(w, h int) string {
	st := t.d.styles
	eff := t.preview()
	if !t.has && t.ed.ed == nil {
		return strings.Join([]string{
			st.Title.Render("Wirtschaftlichkeit"),
			para(st.Text, "Tragen Sie links ein, was die Schul-IT heute im Jahr kostet und was sie mit der Kooperation kosten würde. Hier erscheinen dann die Einsparung in Euro und Prozent und ob Förderschwellen erreicht sind.", w),
			"",
			para(st.Faint, model.EfficiencyContext, w),
		}, "\n")
	}
	sh := eff.Sheet()
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

	sw := savingsWords(sh, eff.Years)
	label, savings := sw.yearLabel, sw.year
	style := st.Good
	if sw.more {
		style = st.Warn
	}
	if sh.TotalNow == 0 || sh.TotalWith == 0 {
		missing := "Kosten mit der Kooperation"
		if sh.TotalNow == 0 {
			missing = "Kosten heute"
		}
		lines = append(lines, "", para(st.Muted, "Für die Einsparung fehlen noch die "+missing+".", w))
		return strings.Join(lines, "\n")
	}
	type pair struct {
		k, v  string
		style func(...string) string
	}
	pairs := []pair{{label, savings, style.Render}}
	if eff.Years > 0 {
		pairs = append(pairs, pair{sw.termLabel, sw.term, st.Text.Render})
	} else {
		pairs = append(pairs, pair{"Laufzeit", "noch offen – bitte eintragen", st.Warn.Render})
	}
	if sh.StaffNow != 0 || sh.StaffWith != 0 {
		pairs = append(pairs, pair{"Personal", wording.Staff(sh.StaffNow, sh.StaffWith), st.Text.Render})
	}
	// The labels share one column as wide as the longest ("Einsparung über
	// 10 Jahre:"); when a value would not fit beside it, every value goes
	// under its label instead of touching it.
	kw, vw := 0, 0
	for _, p := range pairs {
		kw, vw = max(kw, displayWidth(p.k)+2), max(vw, displayWidth(p.v))
	}
	lines = append(lines, "")
	for _, p := range pairs {
		if kw+vw > w {
			lines = append(lines, st.Muted.Render(truncate(p.k+":", w)), p.style(truncate("  "+p.v, w)))
			continue
		}
		lines = append(lines, st.Muted.Render(padRight(p.k+":", kw))+p.style(p.v))
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
		lines = append(lines, "", para(st.Good, "✓ "+wording.FundingMet, w))
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
	errs := t.ed.form.Errors()
	if t.ed.err != "" {
		errs = append(errs, errors.New(t.ed.err))
	}
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

// savingsText is the result of the sheet in one sign convention: the word
// says which way (Einsparung or Mehrkosten), every number after it is
// positive – never "Mehrkosten 11.960 € (-10,0 %)" next to "-59.800 €".
type savingsText struct {
	more            bool // the cooperation costs more
	yearLabel, year string
	termLabel, term string
}

func savingsWords(sh model.EfficiencySheet, years int) savingsText {
	w := wording.NewSavings(sh, years) // the words of every output
	return savingsText{more: w.More, yearLabel: w.YearLabel, year: w.Year, termLabel: w.TermLabel, term: w.Term}
}
