package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// The decision history is append-only: the group's choice is advice turned
// into a record, and a later choice supersedes an earlier one without
// erasing it (domain.md §7).

// CurrentDecision returns the decision in force (the last one recorded).
func (s *Session) CurrentDecision() (Decision, bool) {
	if s == nil || len(s.Decisions) == 0 {
		return Decision{}, false
	}
	return s.Decisions[len(s.Decisions)-1], true
}

// ValidateDecision checks a decision before it is recorded.
func ValidateDecision(d Decision) error {
	var errs []error
	if !knownModel(d.Model) {
		errs = append(errs, &FieldError{"Gewähltes Modell", fmt.Sprintf("%q ist unbekannt; erlaubt sind: %s", d.Model, modelIDList())})
	}
	if strings.TrimSpace(d.Reason) == "" {
		errs = append(errs, &FieldError{"Begründung", "fehlt – bitte kurz festhalten, warum sich die Gruppe so entscheidet"})
	}
	if d.At.IsZero() {
		errs = append(errs, &FieldError{"Datum", "fehlt – der Zeitpunkt der Entscheidung muss gesetzt sein"})
	}
	if d.Computed != "" && !knownModel(d.Computed) {
		errs = append(errs, &FieldError{"Berechnete Empfehlung", fmt.Sprintf("%q ist unbekannt", d.Computed)})
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
	s.Decisions = append(s.Decisions, d)
	return nil
}

// DecisionEntry is one decision of the history as shown to users.
type DecisionEntry struct {
	Decision
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
	out := make([]DecisionEntry, 0, n)
	for i := n - 1; i >= 0; i-- {
		e := DecisionEntry{Decision: s.Decisions[i], Current: i == n-1}
		if i < n-1 {
			e.SupersededAt = s.Decisions[i+1].At
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
