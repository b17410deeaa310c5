package ui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"ikz/model"
	"ikz/ui/report"
	"ikz/ui/wording"
	"ikz/wizard"
)

// The Review part of the accessible mode: a review with the Review tab's
// fields (wizard.ReviewFields), recorded with its snapshot like the tab
// does (recordReview), and the comparison with an earlier snapshot read
// out as sentences.

// reviewLabel is the session-menu entry.
func reviewLabel(rs []model.Review) string {
	if len(rs) == 0 {
		return "Review und Vergleich (noch kein Review)"
	}
	last := rs[0]
	for _, r := range rs {
		if !r.At.Before(last.At) {
			last = r
		}
	}
	return fmt.Sprintf("Review und Vergleich (%s, zuletzt am %s)", wording.Plural(len(rs), "Review", "Reviews"), shortDate(last.At))
}

// review offers a new review and the comparison until the user goes back.
func (a *accessible) review(sess *model.Session) (*model.Session, error) {
	return a.menu(sess, "Review: Was möchten Sie tun?", func(sess *model.Session) ([]menuEntry, error) {
		data, err := report.Load(a.st, sess.ID, a.now())
		if err != nil {
			return nil, err
		}
		a.say("Review (H 4.3): %s, %s.", wording.Plural(len(sess.Reviews), "Review", "Reviews"),
			wording.Plural(len(data.Snapshots), "Stand festgehalten", "Stände festgehalten"))
		entries := []menuEntry{{"Review durchführen", a.newReview}}
		if len(data.Snapshots) > 0 {
			entries = append(entries, menuEntry{"Vergleich mit einem früheren Stand lesen",
				func(s *model.Session) (*model.Session, error) { return s, a.compare(data) }})
		}
		return append(entries, menuEntry{choiceBack, nil}), nil
	})
}

// newReview asks the date, the participants and the four questions, then
// records the review with a snapshot of the session and reads out what
// changed since the state before.
func (a *accessible) newReview(sess *model.Session) (*model.Session, error) {
	a.say("Review durchführen: Datum, Teilnehmende und die vier Fragen aus H 4.3, jede Antwort in einer Zeile. " +
		"Nach der letzten Frage wird der Review mit dem heutigen Stand der Sitzung gespeichert; spätere Reviews vergleichen mit diesem Stand.")
	today := a.now().In(displayZone)
	key := sess.ID + "/review" // the Review tab's draft
	d := wizard.NewReviewDraft(today)
	if a.loadDraft(key, d) {
		resume, back, err := a.resumeDraft("ein Review vom "+d.Date, key, true)
		if err != nil || back {
			return sess, err
		}
		if !resume {
			d = wizard.NewReviewDraft(today)
		}
	}
	if n := len(model.EvaluationQuestions); len(d.Answers) != n {
		d.Answers = append(d.Answers, make([]string, n)...)[:n]
	}
	for _, f := range wizard.ReviewFields(d) {
		if err := a.ask(wizard.ReviewHint(f.GetKey()), f); err != nil {
			return sess, err
		}
		a.keepDraft(key, d)
		if a.in.eof {
			a.say("Der Review ist noch nicht festgehalten. Die Antworten bleiben als Entwurf und kommen beim nächsten Öffnen wieder, auch im Reiter Review.")
			return sess, io.EOF
		}
	}
	r, label, err := d.Review(wizard.NewReviewID(sess.Reviews), a.now().In(displayZone))
	if err != nil {
		a.say("Nicht gespeichert: %v. Die Antworten bleiben als Entwurf.", err)
		return sess, nil
	}
	sess, info, err := recordReview(a.st, sess.ID, r, label)
	if err != nil {
		return nil, err
	}
	a.dropDraft(key)
	a.say("Review vom %s gespeichert, Stand „%s“ festgehalten.", shortDate(r.At), info.Label)
	data, err := report.Load(a.st, sess.ID, a.now())
	if err != nil {
		return sess, err
	}
	if base, c := earlierState(data, info.ID, a.now()); base != nil {
		a.say("")
		a.say("%s", comparisonPlain(c, *base)) // ends with a blank line
		return sess, nil
	}
	a.say("Das ist der erste festgehaltene Stand. Beim nächsten Review sagt der Vergleich, was sich seitdem geändert hat.")
	a.say("")
	return sess, nil
}

// earlierState is the snapshot to compare with right after a review: as
// in the tab, the newest one that differs from today (report.LastComparison);
// if none differs, the newest one before the review's own snapshot. nil:
// the review's snapshot is the only one.
func earlierState(data report.Data, own string, now time.Time) (*report.Snapshot, model.Comparison) {
	if base := data.ComparedWith; base != nil && base.ID != own {
		return base, *data.LastComparison
	}
	for i := len(data.Snapshots) - 1; i >= 0; i-- {
		if s := data.Snapshots[i]; s.ID != own {
			return &s, model.Compare(s.Session, data.Session, now)
		}
	}
	return nil, model.Comparison{}
}

// compare reads out the comparison of today with a snapshot; with several
// it asks which one, proposing the one the report compares with.
func (a *accessible) compare(data report.Data) error {
	snaps := data.Snapshots
	if len(snaps) == 0 {
		return nil
	}
	snap := snaps[0]
	if len(snaps) > 1 {
		var labels []string
		def := 0
		for i := len(snaps) - 1; i >= 0; i-- { // newest first
			s := snaps[i]
			if data.ComparedWith != nil && s.ID == data.ComparedWith.ID {
				def = len(labels)
			}
			labels = append(labels, s.Label+", festgehalten am "+germanDate(s.At)+" Uhr")
		}
		a.say("Enter wählt Nummer %d, den Stand, mit dem auch der Bericht vergleicht.", def+1)
		i, err := a.chooseFrom("Mit welchem Stand vergleichen?", labels, def)
		if err != nil {
			return err
		}
		snap = snaps[len(snaps)-1-i]
	}
	a.say("%s", comparisonPlain(model.Compare(snap.Session, data.Session, a.now()), snap))
	return nil
}

// comparisonPlain says what changed between snap and today, in sentences
// for a screen reader: the Review tab's comparison (comparisonText)
// without its bars and columns.
func comparisonPlain(c model.Comparison, snap report.Snapshot) string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("Vergleich: %s (Stand vom %s Uhr) mit heute, %s Uhr.", snap.Label, germanDate(snap.At), germanDate(c.AfterAt))
	if !c.Changed() {
		line("%s", wording.NothingSince)
	}
	line("%s", wording.TopLine(c))
	line("Rangfolge heute:")
	for _, r := range c.Ranking {
		line("%s", rankSentence(r))
	}
	if len(c.Profile) > 0 {
		line("Profil: %s:", wording.Plural(len(c.Profile), "Antwort geändert", "Antworten geändert"))
		for _, p := range c.Profile {
			line("%s: vorher %s, jetzt %s.", p.Label, p.FromLabel, p.ToLabel)
		}
	}
	if len(c.Quick) > 0 {
		line("Quick-Check: %s:", wording.Plural(len(c.Quick), "Punkt bewegt", "Punkte bewegt"))
		for _, q := range c.Quick {
			line("%s, %s: vorher %s, jetzt %s.", phaseLabel(q.Phase, false), q.Text, q.FromLabel, q.ToLabel)
		}
	}
	measureLines(c, line)
	if c.DecisionChanged() {
		line("Entscheidung der Gruppe: vorher %s; heute %s.", decisionText(c.DecisionBefore), decisionText(c.DecisionAfter))
	}
	heading := false
	for _, e := range c.Evaluation {
		if e.Before == "" && e.After == "" {
			continue
		}
		if !heading {
			line("Bewertung (H 4.3):")
			heading = true
		}
		line("%s", e.Question)
		if e.Before == e.After {
			line("unverändert: %s", e.After)
			continue
		}
		line("vorher: %s", orDash(e.Before))
		line("heute: %s", orDash(e.After))
	}
	return b.String()
}

// measureLines names each measure done, newly overdue or added since the
// snapshot once, with all that happened to it.
func measureLines(c model.Comparison, line func(string, ...any)) {
	what := map[string][]string{}
	var order []model.Measure
	tag := func(ms []model.Measure, word string) {
		for _, m := range ms {
			if what[m.ID] == nil {
				order = append(order, m)
			}
			what[m.ID] = append(what[m.ID], word)
		}
	}
	tag(c.MeasuresDone, "erledigt")
	tag(c.MeasuresOverdue, "überfällig geworden")
	tag(c.MeasuresAdded, "neu")
	if len(order) > 0 {
		line("Maßnahmen:")
	}
	for _, m := range order {
		line("%s: %s, fällig am %s.", strings.Join(what[m.ID], " und "), m.Title, model.GermanDate(m.Due))
	}
}

// rankSentence is one model of the ranking today, with its place before.
func rankSentence(r model.RankChange) string {
	now := fmt.Sprintf("%d. %s: %d von 100 Punkten", r.AfterRank, r.Name, r.AfterScore)
	if r.AfterExcluded {
		now = "Ausgeschlossen: " + r.Name
	}
	switch {
	case r.BeforeRank == 0:
		return now + ", vorher nicht bewertet."
	case r.BeforeExcluded:
		return now + ", vorher ausgeschlossen."
	case !r.Changed():
		return now + ", unverändert."
	}
	return fmt.Sprintf("%s, vorher Platz %d mit %d Punkten.", now, r.BeforeRank, r.BeforeScore)
}
