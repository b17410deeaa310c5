package store

import (
	"errors"
	"fmt"
	"strings"

	"ikz/model"
)

// validate checks what every write must keep true: a title, and answers
// that fit the current catalogue. (Stored sessions are upgraded on read, so
// this only fails for a caller's mistake.)
func validate(sess *model.Session) error {
	if strings.TrimSpace(sess.Title) == "" {
		return &model.FieldError{Field: "Titel", Msg: "fehlt – bitte der Sitzung einen Namen geben"}
	}
	if err := sess.Profile.Validate(); err != nil {
		return err
	}
	for id := range sess.Notes {
		if _, _, ok := model.GuidingQuestionByID(id); !ok {
			return &model.FieldError{Field: "Notizen", Msg: fmt.Sprintf("unbekannte Leitfrage %q", id)}
		}
	}
	for id, e := range sess.QuickCheck {
		if err := checkQuick(id, e.Status); err != nil {
			return err
		}
	}
	for _, p := range sess.Participants {
		if err := p.Profile.Validate(); err != nil {
			return fmt.Errorf("Teilnehmer %q: %w", p.Name, err)
		}
		for id, st := range p.QuickCheck {
			if err := checkQuick(id, st); err != nil {
				return fmt.Errorf("Teilnehmer %q: %w", p.Name, err)
			}
		}
	}
	return nil
}

func checkQuick(id string, st model.QuickStatus) error {
	if _, _, ok := model.QuickItemByID(id); !ok {
		return &model.FieldError{Field: "Quick-Check", Msg: fmt.Sprintf("unbekannter Punkt %q", id)}
	}
	switch st {
	case model.StatusOffen, model.StatusInArbeit, model.StatusErledigt, model.StatusNichtRelev:
		return nil
	}
	return &model.FieldError{Field: "Quick-Check " + id, Msg: fmt.Sprintf("unbekannter Status %q; erlaubt sind: offen, in_arbeit, erledigt, nicht_relevant", st)}
}

// validateImport also checks what comes from outside: measures, decisions
// and retired answers, and that the catalogue is not newer than ours.
func validateImport(sess *model.Session) error {
	if sess.CatalogueVersion > model.CatalogueVersion {
		return fmt.Errorf("mit einer neueren ikz-Version erstellt (Fragenkatalog %d, diese Version kennt bis %d) – bitte ikz aktualisieren",
			sess.CatalogueVersion, model.CatalogueVersion)
	}
	errs := []error{validate(sess)}
	for i, m := range sess.Measures {
		if err := m.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("Maßnahme %d (%q): %w", i+1, m.Title, err))
		}
	}
	for i, d := range sess.Decisions {
		if err := model.ValidateDecision(d); err != nil {
			errs = append(errs, fmt.Errorf("Entscheidung %d: %w", i+1, err))
		}
	}
	if sess.Costs != nil {
		if err := sess.Costs.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("Kostenverteilung: %w", err))
		}
	}
	if sess.Efficiency != nil {
		if err := sess.Efficiency.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("Wirtschaftlichkeit: %w", err))
		}
	}
	errs = append(errs,
		uniqueIDs("Teilnehmer", sess.Participants, func(p model.Participant) string { return p.ID }),
		uniqueIDs("Maßnahme", sess.Measures, func(m model.Measure) string { return m.ID }),
		uniqueIDs("Review", sess.Reviews, func(r model.Review) string { return r.ID }))
	for k, r := range sess.Retired {
		switch r.Kind {
		case model.RetiredProfile, model.RetiredNote, model.RetiredQuick:
		default:
			errs = append(errs, fmt.Errorf("ausgemusterte Antwort %q: unbekannte Art %q (erlaubt: profile, note, quick)", k, r.Kind))
		}
	}
	return errors.Join(errs...)
}

// uniqueIDs refuses two entries with one ID: edits, undo and the links of
// reviews to their snapshots find entries by ID, and the second would be
// unreachable or taken for the first.
func uniqueIDs[T any](what string, items []T, id func(T) string) error {
	seen := map[string]int{}
	for i, it := range items {
		k := id(it)
		if k == "" {
			continue
		}
		if j, dup := seen[k]; dup {
			return fmt.Errorf("%s %d und %d haben dieselbe ID %q – jede ID darf nur einmal vorkommen", what, j+1, i+1, k)
		}
		seen[k] = i
	}
	return nil
}
