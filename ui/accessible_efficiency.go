package ui

import (
	"fmt"
	"io"
	"strings"

	"ikz/model"
	"ikz/ui/wording"
	"ikz/wizard"
)

// The Wirtschaftlichkeit part of the accessible mode: the numbers and the
// result read out as sentences, then entering numbers with the tab's
// editor (wizard.EfficiencyInput), one at a time or all in a row.

// efficiencyLabel is the session-menu entry.
func efficiencyLabel(e *model.Efficiency) string {
	if e == nil {
		return "Wirtschaftlichkeit (noch keine Zahlen)"
	}
	return "Wirtschaftlichkeit (Zahlen eingetragen)"
}

// effFields are the numbers of the sheet in the tab's order.
func effFields() []effField {
	var out []effField
	for _, g := range effGroups {
		out = append(out, g.fields...)
	}
	return out
}

// efficiency reads the sheet out and asks for numbers until the user goes
// back.
func (a *accessible) efficiency(sess *model.Session) (*model.Session, error) {
	return a.menu(sess, "Wirtschaftlichkeit: Welche Zahl möchten Sie eingeben?", func(sess *model.Session) ([]menuEntry, error) {
		a.say("%s", efficiencyText(sess.Efficiency))
		entries := []menuEntry{{"Alle Zahlen nacheinander eingeben", a.allNumbers}}
		for _, f := range effFields() {
			value := "–"
			if sess.Efficiency != nil {
				value = effValue(f, f.get(sess.Efficiency))
			}
			entries = append(entries, menuEntry{f.field + ": " + value,
				func(s *model.Session) (*model.Session, error) { return a.effNumber(s, f) }})
		}
		return append(entries, menuEntry{choiceBack, nil}), nil
	})
}

// allNumbers asks every number of the sheet in the tab's order.
func (a *accessible) allNumbers(sess *model.Session) (*model.Session, error) {
	a.say("Enter übernimmt die bisherige Zahl, 0 löscht sie.")
	var err error
	for _, f := range effFields() {
		if sess, err = a.effNumber(sess, f); err != nil {
			return sess, err
		}
	}
	return sess, nil
}

// effNumber asks for one number and saves it when it is valid and new,
// as the tab does after every keystroke.
func (a *accessible) effNumber(sess *model.Session, f effField) (*model.Session, error) {
	var eff model.Efficiency
	has := sess.Efficiency != nil
	if has {
		eff = *sess.Efficiency
	}
	typed := editText(f, f.get(&eff))
	n := f.number()
	hint := f.help
	if typed == "" { // a number there is read out by the field itself (accessible.run)
		hint = strings.TrimSpace(hint + "\nBisher keine Zahl.")
	}
	if err := a.ask(hint, wizard.EfficiencyInput(n, func() model.Efficiency { return eff }, &typed)); err != nil {
		return sess, err
	}
	v, err := n.Parse(eff, typed)
	switch {
	case err != nil: // only when the input ended: huh asks again otherwise
		a.say("Nicht gespeichert: %v", err)
	case has && v == f.get(&eff):
		a.say("%s: %s – unverändert.", f.field, effValue(f, v))
	default:
		next := eff
		f.set(&next, v)
		var saved bool
		if sess, saved, err = a.apply(sess, model.SetEfficiencyChange(sess, f.field+": "+effValue(f, v), &next)); err != nil {
			return nil, err
		}
		if saved {
			a.say("%s: %s – gespeichert.", f.field, effValue(f, v))
		}
	}
	if a.in.eof {
		return sess, io.EOF
	}
	return sess, nil
}

// efficiencyText is the sheet as sentences: the numbers as entered, the
// yearly costs today and with the cooperation, the savings and the hints.
func efficiencyText(e *model.Efficiency) string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("Wirtschaftlichkeit")
	if e == nil {
		line("Noch keine Zahlen. Tragen Sie ein, was die Schul-IT heute im Jahr kostet und was sie mit der Kooperation kosten würde; dann folgen die Einsparung in Euro und Prozent und ob Förderschwellen erreicht sind.")
		line("%s", model.EfficiencyContext)
		return b.String()
	}
	for _, g := range effGroups {
		parts := make([]string, len(g.fields))
		for i, f := range g.fields {
			parts[i] = effValue(f, f.get(e))
			if f.label != g.title {
				parts[i] = f.label + " " + parts[i]
			}
		}
		line("%s: %s.", g.title, strings.Join(parts, ", "))
	}
	sh := e.Sheet()
	line("Kosten pro Jahr:")
	for _, r := range sh.Rows {
		label := r.Label
		if r.Note != "" {
			label += " (" + r.Note + ")"
		}
		line("%s: heute %s, mit Kooperation %s.", label, model.FormatEuro(r.Now), model.FormatEuro(r.With))
	}
	line("Summe: heute %s, mit Kooperation %s.", model.FormatEuro(sh.TotalNow), model.FormatEuro(sh.TotalWith))
	if sh.TotalNow == 0 || sh.TotalWith == 0 {
		missing := "Kosten mit der Kooperation"
		if sh.TotalNow == 0 {
			missing = "Kosten heute"
		}
		line("Für die Einsparung fehlen noch die %s.", missing)
		return b.String()
	}
	sw := savingsWords(sh, e.Years)
	line("%s: %s.", sw.yearLabel, sw.year)
	if e.Years > 0 {
		line("%s: %s.", sw.termLabel, sw.term)
	} else {
		line("Laufzeit: noch offen – bitte eintragen.")
	}
	for _, h := range sh.Hints {
		line("Hinweis: %s", h)
	}
	if sh.MeetsFunding() {
		line("%s", wording.FundingMet)
	}
	line("%s", model.EfficiencyContext)
	return b.String()
}
