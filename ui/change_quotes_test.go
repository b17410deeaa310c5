package ui

import (
	"errors"
	"testing"

	"ikz/model"
)

// Every change kind's name, and every status or error text built around
// it — saved, undone, redone, refused for each reason, a conflict, the
// model's own StaleChangeError — quotes what it names once: never a quote
// inside a quote („Notiz „…““).
func TestChangeTextsNeverNestQuotes(t *testing.T) {
	locked := contractSession()
	if err := locked.Lock("traeger", true); err != nil {
		t.Fatal(err)
	}
	lockErr := model.SetParticipantAnswerChange(locked, "p1", "traeger", model.Answer{"kreis"}).Apply(locked)
	if !errors.As(lockErr, new(*model.LockedError)) {
		t.Fatalf("a change to a locked question: %v, want a LockedError", lockErr)
	}
	for _, c := range everyChangeKind(t) {
		texts := []string{
			c.Name,
			(&model.StaleChangeError{Name: c.Name}).Error(),
			conflictError(c).Error(),
			lockErr.Error(),
		}
		for _, k := range []changeKind{changeDo, changeUndo, changeRedo} {
			q := queuedChange{c: c, kind: k}
			texts = append(texts, changeStatus(q))
			for _, err := range []error{
				&model.StaleChangeError{Name: c.Name},
				lockErr,
				&notClaimedError{name: "Stadt Lemgo"},
				errors.New("kaputt"),
			} {
				texts = append(texts, changeError(q, err, true).Error(), changeError(q, err, false).Error())
			}
		}
		for _, s := range texts {
			if err := quotesNested(s); err != "" {
				t.Errorf("%s: %q", err, s)
			}
		}
	}
}

func TestQuotesNestedFindsNesting(t *testing.T) {
	for s, bad := range map[string]bool{
		"Notiz „A“ und „B“": false, "„Notiz „A““": true, "„A": true, "A“": true, "ohne": false,
	} {
		if got := quotesNested(s) != ""; got != bad {
			t.Errorf("quotesNested(%q) = %v, want %v", s, got, bad)
		}
	}
}

// quotesNested says what is wrong with the German quotes of s, "" if
// nothing.
func quotesNested(s string) string {
	depth := 0
	for _, r := range s {
		switch r {
		case '„':
			if depth++; depth > 1 {
				return "quote inside a quote"
			}
		case '“':
			if depth--; depth < 0 {
				return "closing quote without an opening one"
			}
		}
	}
	if depth != 0 {
		return "quote not closed"
	}
	return ""
}

// everyChangeKind builds one change of each constructor the screens use.
func everyChangeKind(t *testing.T) []model.Change {
	t.Helper()
	s := contractSession()
	s.Measures = []model.Measure{{ID: "m1", Title: "Ticketsystem", Status: model.MeasureGeplant}}
	s.Decisions = []model.Decision{{Model: "zweckverband", Reason: "weil", At: tabClock}}
	eff := model.Efficiency{Years: 5, PersonnelNow: 1}
	costs := s.Costs.Clone()
	costs.StaffFTE = 3
	must := func(c model.Change, err error) model.Change {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	adopted, _ := model.AdoptUnanimousChange(s)
	edited, _ := model.EditCostsChange(s, "Kostenverteilung – Stellen", costs)
	return []model.Change{
		model.SetAnswerChange(s, "bundesland", model.Answer{"HE"}),
		model.SetAnswerChange(s, "bundesland", nil),
		model.SetNoteChange(s, "s.bedarf.aufgaben", "neu"),
		model.SetNoteChange(s, "s.bedarf.aufgaben", ""),
		model.SetQuickChange(s, "qc.s1", model.QuickEntry{Status: model.StatusErledigt}),
		model.PutMeasureChange(s, model.Measure{ID: "m1", Title: "Ticketsystem neu"}),
		model.PutMeasureChange(s, model.Measure{ID: "m2", Title: "Schulung"}),
		model.DeleteMeasureChange(s, "m1"),
		model.SetEfficiencyChange(s, "Personalkosten heute", &eff),
		model.AddReviewChange(model.Review{ID: "r1"}, "Review 2027"),
		model.AddDecisionChange(s, model.Decision{Model: "aoer", Reason: "x", At: tabClock}),
		model.VoidDecisionChange(s, 0, true),
		model.VoidDecisionChange(s, 0, false),
		model.SetTextChange(s, model.FieldTitle, "Titel", "Neu"),
		model.SetMunicipalitiesChange(s, []string{"Gemeinde A"}),
		model.SessionDataChange(s, "Neu", "Kreis Test", []string{"Gemeinde A"}),
		model.SetParticipantAnswerChange(s, "p1", "traeger", model.Answer{"kreis"}),
		model.SetParticipantQuickChange(s, "p1", "qc.s1", model.StatusErledigt),
		model.SetParticipantCommentChange(s, "p1", "bundesland", "neu"),
		must(model.AddParticipantChange(s, "Stadt Blomberg")),
		must(model.RenameParticipantChange(s, "p1", "Stadt Lemgo (Lippe)")),
		model.SetAbsentChange(s, "p1", true),
		must(model.RemoveParticipantChange(s, "p2")),
		must(model.MergeParticipantChange(s, "p2", "p1")),
		model.SetBlindChange(s, true),
		model.RevealChange(s, "bundesland", true),
		model.LockChange(s, "bundesland", true),
		must(model.SetReasonChange(s, "bundesland", "weil")),
		adopted,
		model.SetQuickAgreedChange(s, "qc.s1", model.StatusErledigt),
		model.SetCostsChange(s, "Kostenverteilung – Stellen", &costs),
		model.SetCostPartnerChange(s, "Eigene Kostenzahlen – Schulen", costs.Partners[1]),
		edited,
	}
}
