package wording

import (
	"ikz/model"
)

// ProfileAnswer is one profile question with the group's answer: the
// assumptions a recommendation rests on.
type ProfileAnswer struct {
	Key, Label, Answer string
	// Scored: answered and counted. Unanswered questions count for no
	// model; answered questions that an earlier answer made irrelevant are
	// kept but not counted.
	Scored bool
	Status string // "", NotAnswered or NotCounted
}

// Statuses of a profile answer that does not count.
const (
	NotAnswered = "noch nicht beantwortet"
	NotCounted  = "nicht gewertet (Frage entfällt nach einer anderen Antwort)"
)

// NewProfile lists every profile question in catalogue order.
func NewProfile(p model.Profile) []ProfileAnswer { return newProfile(p, false) }

// NewSessionProfile is NewProfile for the joint profile of s: in a workshop
// (s has participants) the answers read as the room was asked them,
// phrased for the group ("geht auf einen Partner über", model.GroupWording).
func NewSessionProfile(s *model.Session) []ProfileAnswer {
	return newProfile(s.Profile, len(s.Participants) > 0)
}

func newProfile(p model.Profile, group bool) []ProfileAnswer {
	var out []ProfileAnswer
	for _, q := range model.ProfileQuestions {
		if group {
			q = model.GroupWording(q)
		}
		a, answered := p[q.Key]
		row := ProfileAnswer{Key: q.Key, Label: q.Label}
		switch visible := p.Visible(q); {
		case answered && visible:
			row.Answer, row.Scored = q.AnswerText(a), true
		case answered:
			row.Answer, row.Status = q.AnswerText(a), NotCounted
		case visible:
			row.Status = NotAnswered
		default:
			continue // hidden and unanswered: not a question for this group
		}
		out = append(out, row)
	}
	return out
}

// Scored returns the answers that went into the score.
func Scored(answers []ProfileAnswer) []ProfileAnswer {
	var out []ProfileAnswer
	for _, a := range answers {
		if a.Scored {
			out = append(out, a)
		}
	}
	return out
}
