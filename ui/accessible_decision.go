package ui

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/huh"

	"ikz/model"
	"ikz/ui/wording"
	"ikz/wizard"
)

// decisionLabel names the decision entry with the decision in force.
func decisionLabel(sess *model.Session) string {
	if d, ok := sess.CurrentDecision(); ok {
		return "Entscheidung der Gruppe (gilt: " + coopName(d.Model) + ")"
	}
	return "Entscheidung der Gruppe festhalten (noch keine)"
}

// decide records the group's decision as the tab does: model, reason,
// Gremium, date and time, then an explicit "Ja, festhalten". The decision
// in force can be marked "irrtümlich erfasst".
func (a *accessible) decide(sess *model.Session) (*model.Session, error) {
	r := model.Score(sess.Profile)
	if d := wording.NewDecision(sess, wording.NewResult(r)); d.Has {
		a.say("Bisher: %s", d.Line())
		i, err := a.chooseFrom("Was möchten Sie tun?", []string{"Neue Entscheidung festhalten (die bisherige bleibt in der Geschichte)",
			"Die geltende Entscheidung als „irrtümlich erfasst“ markieren", choiceBack}, 0)
		if err != nil || i == 2 {
			return sess, err
		}
		if i == 1 {
			return a.voidDecision(sess)
		}
	} else {
		a.say("Bisher ist keine Entscheidung festgehalten.")
	}
	now := a.now().In(displayZone)
	key := sess.ID + "/decision" // the Empfehlung tab's draft
	fresh := func() *wizard.DecisionDraft {
		d := &wizard.DecisionDraft{Model: string(r.Top()), Date: now.Format(model.GermanDateLayout), Time: now.Format("15:04")}
		if cur, ok := sess.CurrentDecision(); ok {
			d.Body = cur.Body
		}
		return d
	}
	d := fresh()
	if a.loadDraft(key, d) {
		resume, back, err := a.resumeDraft("eine Entscheidung für „"+model.SafeLine(coopName(model.ModelID(d.Model)))+"“", key, true)
		if err != nil || back {
			return sess, err
		}
		if !resume {
			d = fresh()
		}
	}
	d.Confirm = false
	names := make([]string, len(model.Models))
	def := 0
	for i, m := range model.Models {
		names[i] = m.Name
		if m.ID == r.Top() {
			names[i] += " (berechnet am besten)"
		}
		if string(m.ID) == d.Model {
			def = i
		}
	}
	i, err := a.chooseFrom("Gewähltes Modell – Enter übernimmt „"+model.Models[def].Name+"“", names, def)
	if err != nil {
		return sess, err
	}
	d.Model = string(model.Models[i].ID)
	a.keepDraft(key, d)
	reason := huh.NewInput().Title("Begründung: Warum passt dieses Modell für Sie?").Validate(wizard.ValidateReason).Value(&d.Reason)
	fields := append([]huh.Field{reason}, wizard.DecisionRecordFields(d)[:3]...)
	hints := []string{"", "Gremium, das entschieden hat, z. B. Kreistag oder Lenkungsgruppe.", "Datum als TT.MM.JJJJ.", "Uhrzeit als SS:MM."}
	for k, f := range fields {
		if err := a.ask(hints[k], f); err != nil {
			return sess, err
		}
		a.keepDraft(key, d)
		if a.in.eof {
			a.say("Die Entscheidung ist noch nicht festgehalten. Was Sie eingegeben haben, bleibt als Entwurf und kommt beim nächsten Öffnen wieder, auch im Reiter Empfehlung.")
			return sess, io.EOF
		}
	}
	at, err := d.At(displayZone)
	if err != nil {
		a.say("Nicht festgehalten: %v. Der Entwurf bleibt.", err)
		return sess, nil
	}
	a.say("%s, Gremium %s, %s um %s Uhr. Begründung: %s", model.Models[i].Name, model.SafeLine(d.Body), d.Date, d.Time, model.SafeLine(d.Reason))
	yes, err := a.chooseFrom("Entscheidung so festhalten?", []string{"Ja, festhalten", "Nein, noch nicht (der Entwurf bleibt)"}, 1)
	if err != nil || yes != 0 {
		a.say("Nicht festgehalten; der Entwurf bleibt.")
		return sess, err
	}
	dec := model.Decision{Model: model.Models[i].ID, Reason: strings.TrimSpace(d.Reason), Body: strings.TrimSpace(d.Body), At: at.UTC(), Computed: r.Top()}
	saved := false
	if sess, saved, err = a.apply(sess, model.AddDecisionChange(sess, dec)); err != nil || !saved {
		return sess, err
	}
	a.dropDraft(key)
	a.say("Entscheidung festgehalten.")
	a.say("")
	return sess, nil
}

func (a *accessible) voidDecision(sess *model.Session) (*model.Session, error) {
	i := sess.CurrentDecisionIndex()
	yes, err := a.chooseFrom("Wirklich als irrtümlich erfasst markieren? Sie bleibt in der Geschichte, gilt aber nicht mehr.",
		[]string{"Ja, markieren", "Nein"}, 1)
	if err != nil || yes != 0 || i < 0 {
		return sess, err
	}
	saved := false
	if sess, saved, err = a.apply(sess, model.VoidDecisionChange(sess, i, true)); err != nil || !saved {
		return sess, err
	}
	a.say("Markiert: irrtümlich erfasst.")
	a.say("")
	return sess, nil
}

// report writes the report like x in the program: the file name decides
// the format (.html or .md); an existing file is replaced only on request.
func (a *accessible) report(sess *model.Session) (*model.Session, error) {
	dir, _ := os.Getwd()
	path := filepath.Join(dir, defaultExportName(sess.Title, a.now().Format(model.DateLayout)))
	f := huh.NewInput().Title("Dateiname des Berichts").Value(&path)
	if err := a.ask("Endung .html für eine Webseite, .md für Markdown.", f); err != nil {
		return sess, err
	}
	d := tabDeps{store: a.st, now: a.now}
	err := writeReport(d, sess.ID, path, false)
	if errors.Is(err, fs.ErrExist) || (err != nil && strings.Contains(err.Error(), "gibt es")) {
		if _, statErr := os.Stat(path); statErr == nil {
			i, cerr := a.chooseFrom("Die Datei gibt es schon. Ersetzen?", []string{"Ja, ersetzen", "Nein"}, 1)
			if cerr != nil || i != 0 {
				a.say("Bericht nicht geschrieben.")
				return sess, cerr
			}
			err = writeReport(d, sess.ID, path, true)
		}
	}
	if err != nil {
		a.say("%v", err)
		return sess, nil
	}
	a.say("Bericht gespeichert: %s", path)
	a.say("")
	return sess, nil
}
