package wording

import (
	"slices"

	"ikz/model"
)

// The flip point (Kipppunkt) in one sentence a council member can follow:
// which answer, changed how, puts which model first. The model finds the
// change (model.Sensitivity); the sentence is built here only, so the
// tab, accessible mode, `ikz score` (text and JSON) and the report say
// the same. In a workshop the answers read as the room was asked them
// (model.GroupWording), as in the profile table of the same report.

// FlipSentence words the flip point s. leader is the model recommended
// now ("" when several lead together: then no model is "replaced");
// group words the answers for a workshop. "" when s says nothing.
func FlipSentence(s model.Sensitivity, leader model.ModelID, group bool) string {
	if s.Robust {
		return RobustFlip
	}
	q, ok := model.ProfileQuestionByKey(s.Key)
	if !ok || s.NewTop == "" {
		return ""
	}
	if group {
		q = model.GroupWording(q)
	}
	return flipCondition(q, s.From, s.To) + ", " + flipOutcome(s, leader) + "."
}

// flipCondition is the "if" half: "Lautet die Antwort auf „Zuständigkeit“
// „bleibt bei uns“ statt „geht auf einen Partner über“".
func flipCondition(q model.ProfileQuestion, from, to model.Answer) string {
	label := "„" + q.Label + "“"
	if from == nil {
		return "Wird die noch offene Frage " + label + " mit „" + q.AnswerText(to) + "“ beantwortet"
	}
	if q.Kind == model.Multi {
		// one option toggled: name it, not the whole list twice
		for _, v := range to {
			if !slices.Contains(from, v) {
				return "Kommt bei " + label + " „" + q.OptionLabel(v) + "“ hinzu"
			}
		}
		for _, v := range from {
			if !slices.Contains(to, v) {
				return "Fällt bei " + label + " „" + q.OptionLabel(v) + "“ weg"
			}
		}
	}
	return "Lautet die Antwort auf " + label + " „" + q.AnswerText(to) + "“ statt „" + q.AnswerText(from) + "“"
}

// flipOutcome is the "then" half. The model that leads today is not
// named again: the headline next to every Kipppunkt names it, and the
// sentence has to stay short enough for the two-page decision paper.
func flipOutcome(s model.Sensitivity, leader model.ModelID) string {
	next := "„" + ModelName(s.NewTop) + "“"
	switch {
	case s.Lead == 0:
		return "liegt " + next + " gleichauf an der Spitze – eine klare Empfehlung gäbe es dann nicht"
	case leader == "":
		return "passt " + next + " am besten – heute liegen mehrere Modelle gleichauf"
	}
	return "passt " + next + " am besten"
}
