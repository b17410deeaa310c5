package ui

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/huh"

	"ikz/model"
	"ikz/ui/wording"
	"ikz/wizard"
)

// The phase part of the accessible mode: the guiding questions of one
// group, or the quick-check items, one question at a time. Before each
// question the stored note or status is read out; every answer is stored
// at once as one change (the same changes the phase tab makes), so a user
// who stops midway keeps everything answered so far.

// backWord, typed alone into a note, leaves the part.
const backWord = "zurück"

// quickBack is the status select's value for leaving the part.
const quickBack = "\x00zurück"

// phase offers the parts of a phase – each group of guiding questions and
// the quick check – until the user goes back.
func (a *accessible) phase(sess *model.Session, ph model.Phase) (*model.Session, error) {
	a.say("%s (%s). %s", ph.Title, ph.Source, ph.Summary)
	next := 0
	for {
		labels := make([]string, 0, len(ph.Groups)+2)
		for _, g := range ph.Groups {
			labels = append(labels, fmt.Sprintf("Leitfragen „%s“ (%d von %d notiert)", g.Title, notesDone(sess, g), len(g.Questions)))
		}
		quick := len(ph.Groups)
		if len(ph.QuickItems) > 0 {
			labels = append(labels, fmt.Sprintf("Quick-Check (%d von %d Punkten erledigt)", model.Progress(sess)[phaseIndex(ph.ID)].QuickDone, len(ph.QuickItems)))
		}
		labels = append(labels, "Zurück zur Sitzung")
		def := min(next, len(labels)-1)
		i, err := a.chooseFrom(fmt.Sprintf("Welchen Teil der Phase bearbeiten? Enter wählt %d.", def+1), labels, def)
		if err != nil || i == len(labels)-1 {
			return sess, err
		}
		var left bool
		if i < quick {
			sess, left, err = a.guidingQuestions(sess, ph.Groups[i])
		} else {
			sess, left, err = a.quickCheck(sess, ph)
		}
		if err != nil {
			return sess, err
		}
		next = i + 1 // finished: the next part is proposed
		if left {
			next = len(labels) - 1 // left midway: enter goes back to the session
		}
	}
}

func phaseIndex(id model.PhaseID) int {
	for i, p := range model.Phases {
		if p.ID == id {
			return i
		}
	}
	return 0
}

func notesDone(sess *model.Session, g model.QuestionGroup) int {
	n := 0
	for _, q := range g.Questions {
		if strings.TrimSpace(sess.Notes[q.ID]) != "" {
			n++
		}
	}
	return n
}

// guidingQuestions asks for the note of each question of g. left reports
// that the user typed backWord.
func (a *accessible) guidingQuestions(sess *model.Session, g model.QuestionGroup) (_ *model.Session, left bool, err error) {
	a.say("Leitfragen „%s“ (%s): %s.", g.Title, g.Source, wording.Plural(len(g.Questions), "Frage", "Fragen"))
	a.say("Vor jeder Frage steht die bisherige Notiz. Enter übernimmt sie, ein neuer Text ersetzt sie, " +
		"ein Pluszeichen am Anfang hängt den Text an, ein Minuszeichen allein löscht sie, „zurück“ verlässt diesen Teil. " +
		"Jede Antwort wird sofort gespeichert.")
	a.say("")
	for k, q := range g.Questions {
		a.say("Frage %d von %d: %s", k+1, len(g.Questions), q.Text)
		a.tabDraftNotice(sess.ID, q.ID)
		cur := sess.Notes[q.ID]
		var typed string
		note, back, err := a.askNote(cur, wizard.NoteField(q, &typed, 0), &typed)
		if err != nil || back {
			return sess, back, err
		}
		var saved bool
		if sess, saved, err = a.apply(sess, model.SetNoteChange(sess, q.ID, note)); err != nil {
			return sess, false, err
		}
		if saved {
			a.say("%s", noteOutcome(cur, note))
		}
		a.say("")
		if a.in.eof {
			return sess, false, io.EOF
		}
	}
	return sess, false, nil
}

// quickCheck asks status and note of each quick-check item of ph.
func (a *accessible) quickCheck(sess *model.Session, ph model.Phase) (_ *model.Session, left bool, err error) {
	a.say("Quick-Check „%s“: %s.", ph.Title, wording.Plural(len(ph.QuickItems), "Punkt", "Punkte"))
	a.say("Vor jedem Punkt stehen der bisherige Status und die bisherige Notiz; Enter übernimmt sie. " +
		"Bei der Notiz ersetzt ein neuer Text sie, ein Pluszeichen am Anfang hängt den Text an, ein Minuszeichen allein löscht sie. " +
		"Die letzte Nummer beim Status oder „zurück“ bei der Notiz verlässt diesen Teil. Jede Antwort wird sofort gespeichert.")
	a.say("")
	for k, it := range ph.QuickItems {
		a.say("Punkt %d von %d: %s", k+1, len(ph.QuickItems), it.Text)
		if it.Hint != "" {
			a.say("Hinweis: %s", it.Hint)
		}
		a.tabDraftNotice(sess.ID, it.ID)
		stored, ok := sess.QuickCheck[it.ID]
		d := wizard.NewQuickDraft(stored, ok)
		before := d.Entry()
		a.say("Status bisher: %s – Enter übernimmt.", wizard.StatusLabel(before.Status))
		status, noteField := wizard.QuickFields(it, d, 0)
		opts := append(wizard.QuickStatusOptions(), huh.NewOption("Zurück (diesen Teil verlassen)", quickBack))
		if err := a.run(status.Title("Status:").Options(opts...)); err != nil {
			return sess, false, err
		}
		if d.Status == quickBack {
			a.say("")
			a.say("Teil verlassen; alle Antworten bis hier sind gespeichert.")
			a.say("")
			return sess, true, nil
		}
		after := model.QuickEntry{Status: model.QuickStatus(d.Status), Note: before.Note}
		var saved bool
		if sess, saved, err = a.apply(sess, model.SetQuickChange(sess, it.ID, after)); err != nil {
			return sess, false, err
		}
		switch {
		case !saved: // changed meanwhile elsewhere: its note is not asked over it
			a.say("")
			continue
		case after.Status == before.Status:
			a.say("Status: %s – unverändert.", wizard.StatusLabel(after.Status))
		default:
			a.say("Status: %s – gespeichert.", wizard.StatusLabel(after.Status))
		}
		if a.in.eof {
			return sess, false, io.EOF
		}

		note, back, err := a.askNote(before.Note, noteField, &d.Note)
		if err != nil || back {
			return sess, back, err
		}
		after.Note = note
		if sess, saved, err = a.apply(sess, model.SetQuickChange(sess, it.ID, after)); err != nil {
			return sess, false, err
		}
		if saved {
			a.say("%s", noteOutcome(before.Note, note))
		}
		a.say("")
		if a.in.eof {
			return sess, false, io.EOF
		}
	}
	return sess, false, nil
}

// askNote reads the stored note cur out, asks f (bound to typed, which
// starts empty: enter keeps cur) and reads the answer (noteAnswer). back:
// the user left the part.
func (a *accessible) askNote(cur string, f *huh.Text, typed *string) (note string, back bool, err error) {
	a.readNote(cur)
	*typed = ""
	if err := a.run(f.Title("Notiz:")); err != nil {
		return cur, false, err
	}
	if note, back = noteAnswer(cur, *typed); back {
		a.say("Teil verlassen; alle Antworten bis hier sind gespeichert.")
		a.say("")
	}
	return note, back, nil
}

// readNote reads a stored note out before its question, one line per
// line of the note.
func (a *accessible) readNote(note string) {
	lines := noteLines(note)
	switch len(lines) {
	case 0:
		a.say("Bisher keine Notiz.")
	case 1:
		a.say("Bisher: %s – Enter übernimmt.", lines[0])
	default:
		a.say("Bisher (%d Zeilen) – Enter übernimmt:", len(lines))
		for _, l := range lines {
			a.say("  %s", l)
		}
	}
}

// noteLines are the non-blank lines of a note, safe for the terminal.
func noteLines(note string) []string {
	var out []string
	for _, l := range strings.Split(model.SafeText(note), "\n") {
		if l = strings.TrimSpace(model.SafeLine(l)); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// noteAnswer reads a typed line against the stored note cur: blank keeps
// it, "-" clears it, "+ text" appends a line, backWord leaves (back), any
// other text replaces it.
func noteAnswer(cur, typed string) (note string, back bool) {
	t := strings.TrimSpace(typed)
	switch {
	case t == "":
		return cur, false
	case strings.EqualFold(t, backWord) || strings.EqualFold(t, "zurueck"):
		return cur, true
	case t == "-":
		return "", false
	case strings.HasPrefix(t, "+"):
		add := strings.TrimSpace(strings.TrimPrefix(t, "+"))
		if add == "" {
			return cur, false
		}
		if strings.TrimSpace(cur) == "" {
			return add, false
		}
		return strings.TrimRight(cur, " \t\n") + "\n" + add, false
	}
	return t, false
}

// noteOutcome says what happened to a note.
func noteOutcome(before, after string) string {
	switch {
	case before == "" && after == "":
		return "Weiter ohne Notiz."
	case before == after:
		return "Notiz unverändert."
	case after == "":
		return "Notiz gelöscht."
	}
	return "Notiz gespeichert."
}

// tabDraftNotice says that a phase tab left a draft for row (a note or a
// quick-check item typed there and not yet stored, editlist_draft.go). It
// stays for the tab: only the user discards a draft.
func (a *accessible) tabDraftNotice(sessID, row string) {
	_, ph, ok := model.GuidingQuestionByID(row)
	if !ok {
		_, ph, ok = model.QuickItemByID(row)
	}
	if !ok {
		return
	}
	data, err := a.st.Draft(sessID + "/rows/phase-" + string(ph) + "/" + row)
	var dr rowDraft
	if err != nil || len(data) == 0 || json.Unmarshal(data, &dr) != nil {
		return
	}
	var what string
	var note string
	var quick wizard.QuickDraft
	switch {
	case json.Unmarshal(dr.Value, &note) == nil:
		note = model.SafeText(note)
		what = "keine Notiz"
		if lines := noteLines(note); len(lines) > 0 {
			what = "„" + strings.Join(lines, " / ") + "“"
		}
	case json.Unmarshal(dr.Value, &quick) == nil:
		model.CleanValue(&quick)
		what = "Status " + wizard.StatusLabel(model.QuickStatus(quick.Status))
		if lines := noteLines(quick.Note); len(lines) > 0 {
			what += ", Notiz „" + strings.Join(lines, " / ") + "“"
		}
	default:
		return
	}
	a.say("Im Reiter wartet dazu ein nicht gespeicherter Entwurf von %s: %s. Er bleibt dort; was Sie hier antworten, wird gespeichert.",
		dr.At.In(displayZone).Format("02.01.2006, 15:04"), model.SafeLine(what))
}
