package wording

import (
	"ikz/model"
)

// Decision is the group's decision set against the recommendation: they
// may differ, and every output says so in the same words.
type Decision struct {
	Has    bool
	Model  model.ModelID
	Name   string
	Date   string
	Reason string
	Body   string // the body that decided ("Kreistag"), "" when not given
	// Computed is what was recommended when the group decided.
	Computed string
	// Differs: the group chose another model than the one recommended
	// today; DiffersNote says so.
	Differs     bool
	DiffersNote string
	History     []DecisionRow // newest first
}

// DecisionRow is one decision of the history.
type DecisionRow struct {
	Date, Model, Reason, Computed, Body string
	Status                              string // "gilt", "abgelöst am …" or "irrtümlich erfasst"
	Current                             bool
	Void                                bool // recorded by mistake: kept, struck through
}

// Sentences about the decision.
const (
	NoDecision     = "Noch keine Entscheidung festgehalten."
	DecisionInvite = "Die Berechnung ist eine Orientierung – entscheiden muss die Gruppe."
	StatusCurrent  = "gilt"
	StatusVoid     = "irrtümlich erfasst"
)

// NewDecision words the decision history of s against the result r.
func NewDecision(s *model.Session, r Result) Decision {
	var out Decision
	for _, e := range s.DecisionHistory() {
		row := DecisionRow{Date: Date(e.At), Model: ModelName(e.Model), Reason: e.Reason, Body: e.Body,
			Computed: ModelName(e.Computed), Current: e.Current, Status: StatusCurrent, Void: e.Void}
		switch {
		case e.Void:
			row.Status = StatusVoid
		case !e.Current && !e.SupersededAt.IsZero():
			row.Status = "abgelöst am " + Date(e.SupersededAt)
		case !e.Current:
			row.Status = "abgelöst"
		}
		out.History = append(out.History, row)
	}
	cur, ok := s.CurrentDecision()
	if !ok {
		return out
	}
	out.Has, out.Model, out.Name, out.Date, out.Reason, out.Body = true, cur.Model, ModelName(cur.Model), Date(cur.At), cur.Reason, cur.Body
	out.Computed = ModelName(cur.Computed)
	if cur.Model != r.Top {
		out.Differs = true
		switch {
		case r.Top != "":
			out.DiffersNote = "Die Gruppe hat anders entschieden als berechnet: empfohlen ist heute " + ModelName(r.Top) + "."
		case r.Tied:
			out.DiffersNote = "Die Berechnung sieht heute keinen klaren Vorsprung; die Gruppe hat sich festgelegt."
		default:
			out.DiffersNote = "Nach den heutigen Antworten kommt kein Modell in Frage – bitte die Entscheidung prüfen."
		}
	}
	return out
}

// Line is the decision in one line: "Entscheidung der Gruppe (Kreistag,
// 21.11.2026): Zweckverband".
func (d Decision) Line() string {
	if !d.Has {
		return GroupDecision + ": " + NoDecision
	}
	when := d.Date
	if d.Body != "" {
		when = d.Body + ", " + d.Date
	}
	return GroupDecision + " (" + when + "): " + d.Name
}

// Chosen is the model the checklist and the paper are about: the group's
// choice when there is one, else the leader ("" when neither). Why names it.
func (d Decision) Chosen(r Result) (id model.ModelID, why string) {
	if d.Has {
		return d.Model, "das von der Gruppe gewählte Modell"
	}
	return r.Top, "das am besten passende Modell"
}
