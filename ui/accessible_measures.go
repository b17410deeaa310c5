package ui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"ikz/model"
	"ikz/ui/wording"
	"ikz/wizard"
)

// The Maßnahmen part of the accessible mode: the measures read out as
// lines, then adding one or changing a status, with the Maßnahmen tab's
// fields and validation (wizard.MeasureFields).

const choiceBack = "Zurück"

// measuresLabel is the session-menu entry with the count of measures.
func measuresLabel(ms []model.Measure, now time.Time) string {
	switch n := model.CountOverdue(ms, now); {
	case len(ms) == 0:
		return "Maßnahmen (noch keine)"
	case n > 0:
		return fmt.Sprintf("Maßnahmen (%d, davon %d überfällig)", len(ms), n)
	}
	return fmt.Sprintf("Maßnahmen (%d)", len(ms))
}

// measures reads the measures out and offers to add one or change a
// status until the user goes back.
func (a *accessible) measures(sess *model.Session) (*model.Session, error) {
	return a.menu(sess, "Maßnahmen: Was möchten Sie tun?", func(sess *model.Session) ([]menuEntry, error) {
		a.say("%s", measuresText(sess.Measures, a.now()))
		entries := []menuEntry{{"Maßnahme anlegen", a.addMeasure}}
		if len(sess.Measures) > 0 {
			entries = append(entries, menuEntry{"Status einer Maßnahme ändern", a.measureStatus})
		}
		return append(entries, menuEntry{choiceBack, nil}), nil
	})
}

// measuresText is the list of measures in the tab's order, one line each;
// an overdue one says so right after its title.
func measuresText(ms []model.Measure, now time.Time) string {
	if len(ms) == 0 {
		return "Noch keine Maßnahmen. Eine gute Maßnahme ist SMART: konkret beschrieben, mit einem messbaren Indikator, einer verantwortlichen Rolle und einem Termin (H 4.2.2)."
	}
	var b strings.Builder
	head := wording.Plural(len(ms), "Maßnahme", "Maßnahmen")
	if n := model.CountOverdue(ms, now); n > 0 {
		head += fmt.Sprintf(", davon %d überfällig", n)
	}
	fmt.Fprintf(&b, "%s:\n", head)
	for i, m := range sortedMeasures(ms) {
		title := fmt.Sprintf("%d. %s", i+1, m.Title)
		if m.Overdue(now) {
			title += " – überfällig seit " + daysText(overdueDays(m.Due, now))
		}
		parts := []string{
			"Verantwortlich: " + orDash(m.Responsible),
			"Indikator: " + orDash(m.Indicator),
			"fällig am " + model.GermanDate(m.Due),
			"Status: " + model.MeasureStatusLabel(m.Status),
		}
		if _, ok := model.PhaseByID(m.Phase); ok {
			parts = append(parts, "Phase: "+phaseLabel(m.Phase, false))
		}
		fmt.Fprintf(&b, "%s. %s.\n", title, strings.Join(parts, "; "))
	}
	return b.String()
}

// addMeasure asks the fields of a new measure one by one. Like the tab it
// saves the measure as soon as title, indicator and date are valid, and
// again after every later change.
func (a *accessible) addMeasure(sess *model.Session) (*model.Session, error) {
	a.say("Neue Maßnahme (SMART, H 4.2.2). Pflicht sind Maßnahme, Indikator und Datum; gespeichert wird, sobald alle drei gültig sind.")
	key := sess.ID + "/measure/new" // the Maßnahmen tab's draft of a new measure
	d := &wizard.MeasureDraft{Status: string(model.MeasureGeplant)}
	if a.loadDraft(key, d) {
		resume, back, err := a.resumeDraft("eine neue Maßnahme „"+model.SafeLine(d.Title)+"“", key, true)
		if err != nil || back {
			return sess, err
		}
		if !resume {
			d = &wizard.MeasureDraft{Status: string(model.MeasureGeplant)}
		}
	}
	id := wizard.NewMeasureID(sess.Measures)
	var saved *model.Measure
	for _, f := range wizard.MeasureFields(d) {
		if err := a.ask(wizard.MeasureHint(f.GetKey()), f); err != nil {
			return sess, err
		}
		if saved == nil {
			// Until the measure is stored, what is typed is the draft;
			// afterwards every answer is a change of the stored measure.
			a.keepDraft(key, d)
		}
		if m, err := d.Measure(id); err == nil && (saved == nil || m != *saved) {
			var ok bool
			if sess, ok, err = a.apply(sess, model.PutMeasureChange(sess, m)); err != nil {
				return nil, err
			}
			switch {
			case !ok:
			case saved == nil:
				a.dropDraft(key)
				a.say("Maßnahme „%s“ gespeichert.", model.SafeLine(m.Title))
			default:
				a.say("gespeichert.")
			}
			if ok {
				saved = &m
			}
		}
		if a.in.eof {
			if saved == nil {
				a.say("Die Maßnahme ist noch nicht angelegt. Was Sie eingegeben haben, bleibt als Entwurf und kommt beim nächsten Anlegen wieder, auch im Reiter Maßnahmen.")
			}
			return sess, io.EOF
		}
	}
	if saved == nil {
		a.say("Die Maßnahme wurde noch nicht angelegt – dafür braucht sie Maßnahme, Indikator und ein gültiges Datum. Was Sie eingegeben haben, bleibt als Entwurf.")
	}
	a.say("")
	return sess, nil
}

// measureStatus sets the status of one measure.
func (a *accessible) measureStatus(sess *model.Session) (*model.Session, error) {
	ms := sortedMeasures(sess.Measures)
	labels := make([]string, len(ms))
	for i, m := range ms {
		labels[i] = m.Title + " (" + model.MeasureStatusLabel(m.Status) + ")"
	}
	labels = append(labels, choiceBack)
	i, err := a.choose("Welche Maßnahme?", labels)
	if err != nil || i == len(ms) {
		return sess, err
	}
	m := ms[i]
	status := string(m.Status)
	a.say("Status bisher: %s – Enter übernimmt.", model.MeasureStatusLabel(m.Status))
	if err := a.ask("", wizard.MeasureStatusField(&status)); err != nil {
		return sess, err
	}
	if a.in.eof {
		return sess, io.EOF
	}
	if status == string(m.Status) {
		a.say("Status unverändert: %s.", model.MeasureStatusLabel(m.Status))
		a.say("")
		return sess, nil
	}
	m.Status = model.MeasureStatus(status)
	var saved bool
	if sess, saved, err = a.apply(sess, model.PutMeasureChange(sess, m)); err != nil {
		return nil, err
	}
	if saved {
		a.say("„%s“ ist jetzt %s – gespeichert.", m.Title, model.MeasureStatusLabel(m.Status))
	}
	a.say("")
	return sess, nil
}
