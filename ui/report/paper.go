package report

import (
	"fmt"
	"strings"
	"time"

	"ikz/model"
	"ikz/ui/wording"
)

// paper is the decision paper ("Entscheidungsvorlage"), the first one or
// two pages of the report, in the order a council reads a Beschlussvorlage:
// occasion, recommendation and decision, reasons, alternative, law, money,
// open points, proposed resolution. Everything comes from the same parts
// as the appendix; the paper only selects.
type paper struct {
	Occasion    []pair
	Headline    string
	Decision    string // the group's decision, or that it has not decided yet
	DiffersNote string
	About       string // the model the reasons are about
	AboutWhy    string
	Pros, Cons  []wording.Reason
	Alternative string
	Flip        string
	Assumptions []wording.ProfileAnswer
	LegalTitle  string
	Legal       []wording.LegalLine
	Warnings    []wording.Warning
	Costs       []string
	Open        []string
	Resolution  []string // the numbered points
}

type pair struct{ Label, Value string }

// paperReasons is how many reasons for and against the paper names; the
// appendix has all of them.
const paperReasons = 3

// Fixed sentences of the paper.
const (
	paperTitle        = "Entscheidungsvorlage"
	noDecisionYet     = "Die Gruppe hat noch nicht entschieden."
	resolutionIntro   = "Der [Kreistag / Rat] beschließt:"
	resolutionNote    = "Vorschlag zur Anpassung durch die Verwaltung; Angaben in eckigen Klammern ergänzen."
	noCosts           = "Noch keine Zahlen zur Wirtschaftlichkeit erfasst."
	appendixTitle     = "Anhang"
	assumptionsHeadIn = "Diese Antworten der Gruppe liegen der Berechnung zugrunde"
)

func buildPaper(v view, s *model.Session, now time.Time) paper {
	r := v.Result
	p := paper{Headline: r.Headline, Decision: noDecisionYet, Flip: r.Flip}
	p.Occasion = []pair{
		{"Gegenstand", v.Title},
		{"Schulträger", orDash(v.Traeger)},
		{"Bundesland", v.Land},
		{"Beteiligte Kommunen", orDash(v.Municipalities)},
	}
	if v.Participants != "" {
		p.Occasion = append(p.Occasion, pair{"Teilnehmende im Workshop", v.Participants})
	}
	p.Occasion = append(p.Occasion, pair{"Stand der Sitzung", v.Updated}, pair{"Bericht erstellt", v.Generated})
	if v.Decision.Has {
		p.Decision = v.Decision.Line() + " – Begründung: " + v.Decision.Reason
		p.DiffersNote = v.Decision.DiffersNote
	}
	if v.Chosen != nil {
		c := v.Chosen
		p.About, p.AboutWhy = c.Name, v.ChosenWhy
		p.Pros = c.Pros[:min(len(c.Pros), paperReasons)]
		p.Cons = c.Cons[:min(len(c.Cons), paperReasons)]
		p.LegalTitle, p.Legal = r.ModelLegal(c.Model)
		p.Warnings = c.Warnings
	}
	p.Alternative = alternative(v)
	p.Assumptions = wording.Scored(v.Profile)
	p.Costs = paperCosts(v.Efficiency)
	p.Costs = append(p.Costs, paperCostSharing(v.Costs)...) // costs.go
	p.Open = openPoints(v, s)
	p.Resolution = resolution(v)
	return p
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return noEntry
	}
	return s
}

// alternative names the model that would come next: the recommended one
// when the group chose another, else the runner-up.
func alternative(v view) string {
	r := v.Result
	if v.Decision.Has && v.Decision.Differs && r.Top != "" {
		return fmt.Sprintf("Berechnet am besten passt %s (%d Punkte); die Gruppe hat %s gewählt.",
			wording.ModelName(r.Top), r.Rows[0].Score, v.Decision.Name)
	}
	if r.Tied {
		return "Die führenden Modelle liegen gleichauf; welches passt, entscheiden die offenen Fragen und die Gruppe."
	}
	if r.RunnerUp == nil {
		return "Kein anderes Modell kommt in Frage."
	}
	return fmt.Sprintf("Zweitplatziert ist %s mit %d Punkten (%s: %d Punkte).",
		r.RunnerUp.Name, r.RunnerUp.Score, r.Rows[0].Name, r.Rows[0].Score)
}

func paperCosts(e *wording.Efficiency) []string {
	if e == nil {
		return []string{noCosts}
	}
	out := []string{e.SavingsLine()}
	if e.Staff != "" {
		out = append(out, "Personal: "+e.Staff+".")
	}
	if e.Invalid != "" {
		out = append(out, "Angaben unvollständig: "+e.Invalid)
	}
	out = append(out, e.Hints...)
	if e.FundingMet != "" {
		out = append(out, e.FundingMet)
	}
	return out
}

// openPoints is what the council should know is not settled yet.
func openPoints(v view, s *model.Session) []string {
	var out []string
	if !v.Decision.Has {
		out = append(out, noDecisionYet)
	}
	for _, c := range v.Result.Contradictions {
		out = append(out, wording.ContradictionsTitle+": "+c.Text+" "+c.Check)
	}
	if n := len(v.Result.Unanswered); n > 0 {
		out = append(out, wording.Plural(n, "Profilfrage", "Profilfragen")+" noch unbeantwortet: "+strings.Join(v.Result.Unanswered, ", ")+".")
	}
	if v.Chosen != nil {
		_, lines := v.Result.ModelLegal(v.Chosen.Model)
		checks := 0
		for _, l := range lines {
			if l.Fact.Check {
				checks++
			}
		}
		if checks > 0 {
			out = append(out, wording.Plural(checks, "rechtliche Angabe", "rechtliche Angaben")+" zu "+v.Chosen.Name+" "+wording.CheckNote+".")
		}
		if n := len(v.Chosen.Checklist); n > 0 {
			out = append(out, fmt.Sprintf("Prüfliste für %s: %s vor einer verbindlichen Entscheidung klären (Anhang).",
				v.Chosen.Name, wording.Plural(n, "Punkt", "Punkte")))
		}
	}
	if v.Efficiency == nil {
		out = append(out, noCosts)
	}
	open := 0
	for _, p := range model.Progress(s) {
		open += p.QuickTotal - p.QuickDone
	}
	if open > 0 {
		out = append(out, wording.Plural(open, wording.QuickCheckItem+" ist", wording.QuickCheckItem+"e sind")+" noch offen.")
	}
	if v.OverdueCount > 0 {
		out = append(out, wording.Plural(v.OverdueCount, "Maßnahme ist", "Maßnahmen sind")+" überfällig.")
	}
	if w := v.Workshop; w != nil && w.Answered {
		out = append(out, "Workshop: "+w.Disputed+".")
	}
	return out
}

// resolutionSteps is the first task for the administration per model.
var resolutionSteps = map[model.ModelID]string{
	model.Informell:                "eine schriftliche Kooperationsabsprache (Ziele, Ansprechpersonen, Treffen, Austausch) mit den Partnern abzustimmen",
	model.VereinbarungMandatierend: "den Entwurf einer öffentlich-rechtlichen Vereinbarung mit den Partnern zu erarbeiten",
	model.VereinbarungDelegierend:  "den Entwurf einer öffentlich-rechtlichen Vereinbarung mit den Partnern zu erarbeiten",
	model.Zweckverband:             "den Entwurf einer Verbandssatzung mit den Partnern zu erarbeiten",
	model.AoeR:                     "den Entwurf einer Anstaltssatzung mit den Partnern zu erarbeiten",
}

// resolution is a proposed resolution the administration can adapt.
func resolution(v view) []string {
	traeger := orBracket(v.Traeger, "Schulträger")
	partners := orBracket(partnerList(v.Traeger, v.Municipalities), "Partner")
	if v.Chosen == nil {
		return []string{
			fmt.Sprintf("%s prüft eine interkommunale Zusammenarbeit in der Schul-IT mit %s.", traeger, partners),
			"Die Verwaltung wird beauftragt, die offenen Punkte zu klären und bis [Datum] erneut zu berichten.",
		}
	}
	c := v.Chosen
	form := c.Name
	if f := v.Result.Legal.Form(c.Model); f != nil && f.Available && f.Name != "" {
		if f.Paras.Check || f.Paras.Text == "" {
			form += " („" + f.Name + "“)" // no paragraph a council might cite unchecked
		} else {
			form += " („" + f.Name + "“ nach " + legalAbbrev(f) + ")"
		}
	}
	out := []string{
		fmt.Sprintf("%s strebt eine interkommunale Zusammenarbeit in der Schul-IT mit %s in der Form %s an.", traeger, partners, form),
		"Die Verwaltung wird beauftragt, " + resolutionSteps[c.Model] + ", die Prüfliste abzuarbeiten und das Ergebnis mit der Rechtsaufsicht abzustimmen.",
	}
	if v.Efficiency != nil {
		out = append(out, "Mit dem Entwurf legt die Verwaltung eine Wirtschaftlichkeitsbetrachtung und den Schlüssel für die Kostenverteilung vor.")
	} else {
		out = append(out, "Mit dem Entwurf legt die Verwaltung eine Wirtschaftlichkeitsbetrachtung vor.")
	}
	return append(out, "Über den Stand wird bis [Datum] berichtet; die Entscheidung über die Gründung oder den Abschluss bleibt dem [Kreistag / Rat] vorbehalten.")
}

func orBracket(s, what string) string {
	if strings.TrimSpace(s) == "" {
		return "[" + what + "]"
	}
	return s
}

// legalAbbrev is the paragraphs of a form without their explanation in
// brackets: "§§ 23–26 GkG NRW".
func legalAbbrev(f *wording.Form) string {
	p := f.Paras.Text
	if i := strings.Index(p, " ("); i > 0 {
		p = p[:i]
	}
	return p
}

// partnerList is the participating municipalities without the Träger
// itself, which the resolution names already.
func partnerList(traeger, municipalities string) string {
	var out []string
	for _, m := range strings.Split(municipalities, ", ") {
		if m = strings.TrimSpace(m); m != "" && !strings.EqualFold(m, strings.TrimSpace(traeger)) {
			out = append(out, m)
		}
	}
	return wording.List(out)
}
