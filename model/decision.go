package model

import (
	"errors"
	"strings"
	"time"
)

// The decision history is append-only: the group's choice is advice turned
// into a record, and a later choice supersedes an earlier one without
// erasing it (domain.md §7).

// CurrentDecision returns the decision in force: the last one recorded
// that is not marked "irrtümlich erfasst".
func (s *Session) CurrentDecision() (Decision, bool) {
	if s == nil {
		return Decision{}, false
	}
	for i := len(s.Decisions) - 1; i >= 0; i-- {
		if !s.Decisions[i].Void {
			return s.Decisions[i], true
		}
	}
	return Decision{}, false
}

// CurrentDecisionIndex is the index of the decision in force, -1 if none.
func (s *Session) CurrentDecisionIndex() int {
	if s == nil {
		return -1
	}
	for i := len(s.Decisions) - 1; i >= 0; i-- {
		if !s.Decisions[i].Void {
			return i
		}
	}
	return -1
}

// ValidateDecision checks a decision before it is recorded.
func ValidateDecision(d Decision) error {
	var errs []error
	if !knownModel(d.Model) {
		errs = append(errs, &FieldError{"Gewähltes Modell", germanf("%q ist unbekannt; erlaubt sind: %s", d.Model, modelIDList())})
	}
	if strings.TrimSpace(d.Reason) == "" {
		errs = append(errs, &FieldError{"Begründung", "fehlt – bitte kurz festhalten, warum sich die Gruppe so entscheidet"})
	}
	if d.At.IsZero() {
		errs = append(errs, &FieldError{"Datum", "fehlt – der Zeitpunkt der Entscheidung muss gesetzt sein"})
	}
	if d.Computed != "" && !knownModel(d.Computed) {
		errs = append(errs, &FieldError{"Berechnete Empfehlung", germanf("%q ist unbekannt", d.Computed)})
	}
	return errors.Join(errs...)
}

// AddDecision validates d and appends it; the previous decision stays in
// the history as superseded.
func (s *Session) AddDecision(d Decision) error {
	if err := ValidateDecision(d); err != nil {
		return err
	}
	d.Reason = strings.TrimSpace(d.Reason)
	d.Body = strings.TrimSpace(d.Body)
	s.Decisions = append(s.Decisions, d)
	return nil
}

// DecisionEntry is one decision of the history as shown to users.
type DecisionEntry struct {
	Decision
	Index        int // in Session.Decisions
	Current      bool
	SupersededAt time.Time // when the next decision was recorded; zero for the current one
}

// DecisionHistory lists the decisions newest first, each marked current or
// superseded.
func (s *Session) DecisionHistory() []DecisionEntry {
	if s == nil {
		return nil
	}
	n := len(s.Decisions)
	cur := s.CurrentDecisionIndex()
	out := make([]DecisionEntry, 0, n)
	var next time.Time // the next valid decision after i
	for i := n - 1; i >= 0; i-- {
		d := s.Decisions[i]
		e := DecisionEntry{Decision: d, Index: i, Current: i == cur}
		if !d.Void {
			e.SupersededAt = next
			next = d.At
		}
		out = append(out, e)
	}
	return out
}

func knownModel(id ModelID) bool {
	for _, m := range ModelIDs {
		if m == id {
			return true
		}
	}
	return false
}

func modelIDList() string {
	ids := make([]string, len(ModelIDs))
	for i, m := range ModelIDs {
		ids[i] = string(m)
	}
	return strings.Join(ids, ", ")
}
