package model

import (
	"time"
)

// Comparison says what changed between two states of a session, e.g. the
// snapshot of the last review and today (H 4.3, domain.md §7).
type Comparison struct {
	BeforeAt time.Time // the earlier state (before.Updated)
	AfterAt  time.Time // the moment of comparison (now)

	Profile []AnswerChange // changed profile answers, catalogue order
	Quick   []QuickChange  // quick-check items whose status moved, catalogue order
	Ranking []RankChange   // every model, in the order of the later ranking

	// TopBefore and TopAfter are the leading models; "" when none leads,
	// either because every model is excluded or because the leaders tie
	// (TieBefore/TieAfter): a tie is no recommendation (domain.md §8).
	TopBefore, TopAfter ModelID
	TieBefore, TieAfter bool

	DecisionBefore, DecisionAfter *Decision // current decision then and now (nil: none)

	MeasuresAdded   []Measure // in after only
	MeasuresDone    []Measure // erledigt now, not erledigt (or not there) before
	MeasuresOverdue []Measure // overdue now, not overdue (or not there) before

	// Evaluation holds the four H 4.3 questions with the answers of the
	// latest review in each state.
	Evaluation []EvaluationAnswer
	Review     *Review // the latest review of the later state, nil if none
}

// AnswerChange is one changed profile answer with German labels.
type AnswerChange struct {
	Key, Label         string
	From, To           Answer // nil: unanswered
	FromLabel, ToLabel string
}

// QuickChange is one quick-check item whose status moved.
type QuickChange struct {
	ItemID, Text       string
	Phase              PhaseID
	From, To           QuickStatus
	FromLabel, ToLabel string
}

// RankChange is the position and score of one model before and after.
type RankChange struct {
	Model                         ModelID
	Name                          string
	BeforeScore, AfterScore       int
	BeforeRank, AfterRank         int // 1-based
	BeforeExcluded, AfterExcluded bool
}

// Moved is the number of places the model climbed (negative: fell).
func (r RankChange) Moved() int { return r.BeforeRank - r.AfterRank }

// Changed reports whether rank, score or exclusion differ.
func (r RankChange) Changed() bool {
	return r.BeforeRank != r.AfterRank || r.BeforeScore != r.AfterScore || r.BeforeExcluded != r.AfterExcluded
}

// EvaluationAnswer is one H 4.3 evaluation question with the answers given
// at the latest review before and after ("" when not answered).
type EvaluationAnswer struct {
	QuestionID, Question string
	Before, After        string
}

// Compare compares an earlier state of a session with a later one. now
// decides which measures are overdue in the later state; the earlier state
// is judged at before.Updated.
func Compare(before, after *Session, now time.Time) Comparison {
	if before == nil {
		before = &Session{}
	}
	if after == nil {
		after = &Session{}
	}
	c := Comparison{BeforeAt: before.Updated, AfterAt: now}
	// a workshop's answers read as the room was asked them (GroupWording)
	c.Profile = compareProfile(before.Profile, after.Profile, len(after.Participants) > 0)
	c.Quick = compareQuick(before.QuickCheck, after.QuickCheck)
	rb, ra := Score(before.Profile), Score(after.Profile)
	c.TopBefore, c.TieBefore = leaderOrTie(rb)
	c.TopAfter, c.TieAfter = leaderOrTie(ra)
	c.Ranking = compareRanking(rb, ra)
	if d, ok := before.CurrentDecision(); ok {
		c.DecisionBefore = &d
	}
	if d, ok := after.CurrentDecision(); ok {
		c.DecisionAfter = &d
	}
	c.MeasuresAdded, c.MeasuresDone, c.MeasuresOverdue = compareMeasures(before, after, now)
	rvBefore, rvAfter := LatestReview(before), LatestReview(after)
	c.Review = rvAfter
	for _, q := range EvaluationQuestions {
		e := EvaluationAnswer{QuestionID: q.ID, Question: q.Text}
		if rvBefore != nil {
			e.Before = rvBefore.Answers[q.ID]
		}
		if rvAfter != nil {
			e.After = rvAfter.Answers[q.ID]
		}
		c.Evaluation = append(c.Evaluation, e)
	}
	return c
}

// Changed reports whether anything but the evaluation answers differs.
func (c Comparison) Changed() bool {
	if len(c.Profile)+len(c.Quick)+len(c.MeasuresAdded)+len(c.MeasuresDone)+len(c.MeasuresOverdue) > 0 {
		return true
	}
	if c.TopBefore != c.TopAfter || c.TieBefore != c.TieAfter || c.DecisionChanged() {
		return true
	}
	for _, r := range c.Ranking {
		if r.Changed() {
			return true
		}
	}
	return false
}

// DecisionChanged reports whether the decision in force differs.
func (c Comparison) DecisionChanged() bool {
	b, a := c.DecisionBefore, c.DecisionAfter
	if b == nil || a == nil {
		return b != a
	}
	return b.Model != a.Model || b.Reason != a.Reason || !b.At.Equal(a.At)
}

// LatestReview returns the review with the latest date (nil if none).
func LatestReview(s *Session) *Review {
	var out *Review
	for i := range s.Reviews {
		if out == nil || !s.Reviews[i].At.Before(out.At) {
			out = &s.Reviews[i]
		}
	}
	return out
}

func compareProfile(before, after Profile, group bool) []AnswerChange {
	var out []AnswerChange
	for _, q := range ProfileQuestions {
		if group {
			q = GroupWording(q)
		}
		b, a := before[q.Key], after[q.Key]
		if sameAnswer(b, a) {
			continue
		}
		out = append(out, AnswerChange{Key: q.Key, Label: q.Label, From: b, To: a,
			FromLabel: compareAnswerText(q, b), ToLabel: compareAnswerText(q, a)})
	}
	return out
}

// sameAnswer treats nil (unanswered) and empty (answered "none") as different.
func sameAnswer(a, b Answer) bool {
	if (a == nil) != (b == nil) || len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func compareQuick(before, after map[string]QuickEntry) []QuickChange {
	var out []QuickChange
	for _, ph := range Phases {
		for _, it := range ph.QuickItems {
			b, a := quickStatus(before, it.ID), quickStatus(after, it.ID)
			if b == a {
				continue
			}
			out = append(out, QuickChange{ItemID: it.ID, Text: it.Text, Phase: ph.ID, From: b, To: a,
				FromLabel: QuickStatusLabel(b), ToLabel: QuickStatusLabel(a)})
		}
	}
	return out
}

// quickStatus reads a status; an item never touched is "offen".
func quickStatus(m map[string]QuickEntry, id string) QuickStatus {
	if st := m[id].Status; st != "" {
		return st
	}
	return StatusOffen
}

// QuickStatusLabel returns the German label of a quick-check status.
func QuickStatusLabel(s QuickStatus) string {
	for _, o := range QuickStatuses {
		if o.Value == string(s) {
			return o.Label
		}
	}
	return string(s)
}

func compareRanking(before, after Result) []RankChange {
	// Ranks are places: equal points share one (model.Places), so a tie
	// never reads as a move.
	pos := map[ModelID]int{}
	for i, m := range before.Ranking {
		pos[m.Model] = i
	}
	placesBefore, placesAfter := Places(before.Ranking), Places(after.Ranking)
	out := make([]RankChange, 0, len(after.Ranking))
	for i, m := range after.Ranking {
		r := RankChange{Model: m.Model, Name: string(m.Model), AfterScore: m.Score, AfterRank: rankAt(placesAfter, i), AfterExcluded: m.Excluded}
		if cm, ok := ModelByID(m.Model); ok {
			r.Name = cm.Name
		}
		if j, ok := pos[m.Model]; ok {
			b := before.Ranking[j]
			r.BeforeScore, r.BeforeRank, r.BeforeExcluded = b.Score, rankAt(placesBefore, j), b.Excluded
		}
		out = append(out, r)
	}
	return out
}

func compareMeasures(before, after *Session, now time.Time) (added, done, overdue []Measure) {
	old := make(map[string]Measure, len(before.Measures))
	for _, m := range before.Measures {
		old[m.ID] = m
	}
	for _, m := range after.Measures {
		b, existed := old[m.ID]
		if !existed {
			added = append(added, m)
		}
		if m.Status == MeasureErledigt && (!existed || b.Status != MeasureErledigt) {
			done = append(done, m)
		}
		if m.Overdue(now) && (!existed || !b.Overdue(before.Updated)) {
			overdue = append(overdue, m)
		}
	}
	return added, done, overdue
}

// compareAnswerText renders an answer with its German option labels for the
// comparison ("nicht beantwortet" when there is none).
func compareAnswerText(q ProfileQuestion, a Answer) string {
	if a == nil {
		return "nicht beantwortet"
	}
	return q.AnswerText(a)
}

// leaderOrTie is the model that leads alone, or "" and whether that is
// because the first place is shared.
func leaderOrTie(r Result) (ModelID, bool) {
	if m, ok := r.Leader(); ok {
		return m, false
	}
	return "", r.Top() != ""
}

// rankAt is the shared place of position i; an excluded model (no place)
// keeps its position so that 0 still means "not there before".
func rankAt(places []int, i int) int {
	if places[i] == 0 {
		return i + 1
	}
	return places[i]
}
