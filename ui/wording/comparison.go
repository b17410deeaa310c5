package wording

import (
	"fmt"
	"time"

	"ikz/model"
)

// Comparison is what changed between an earlier state and now.
type Comparison struct {
	From, To   string // "Review 2026 (01.03.2026)", "heute (21.11.2026)"
	Unchanged  bool
	TopLine    string // "Die Empfehlung ist gleich geblieben: …" or "… hat gewechselt: A → B"
	TopMoved   bool
	Ranking    []RankChange
	Profile    []Change
	Quick      []Change
	Done       []string
	Overdue    []string
	Added      []string
	Decision   string // "A (01.03.2026) → B (21.11.2026)", "" when unchanged
	Evaluation []EvalChange
}

// RankChange is one model before and after; every column one unit.
type RankChange struct {
	Name                    string
	BeforeScore, AfterScore int    // 0–100, for bars
	BeforeText, AfterText   string // points, or "ausgeschlossen"
	BeforePlace, AfterPlace string // "2.", "–" (excluded), "neu"
	Move                    string // "▲ 2", "▼ 1", "=", "" when excluded before or after
	Changed                 bool
	Excluded                bool // excluded now
}

// Change is one answer or status that moved.
type Change struct {
	Label, From, To string
}

// EvalChange is one evaluation question with the answers then and now.
type EvalChange struct {
	Question, Before, After string
}

// Column heads of the comparison.
const (
	ColPointsBefore = "Punkte vorher"
	ColPointsAfter  = "Punkte jetzt"
	ColPlaceBefore  = "Platz vorher"
	ColPlaceAfter   = "Platz jetzt"
	ColMove         = "Bewegung"
	NothingChanged  = NothingSince
)

// NewComparison words a comparison; from names the earlier state.
func NewComparison(c model.Comparison, from string, now time.Time) Comparison {
	out := Comparison{From: from, To: "heute (" + Date(now) + ")", Unchanged: !c.Changed(),
		TopMoved: c.TopBefore != c.TopAfter || c.TieBefore != c.TieAfter, TopLine: TopLine(c)}
	for _, r := range c.Ranking {
		row := RankChange{Name: r.Name, BeforeScore: clamp(r.BeforeScore), AfterScore: clamp(r.AfterScore),
			BeforeText: ScoreText(r.BeforeScore, r.BeforeExcluded), AfterText: ScoreText(r.AfterScore, r.AfterExcluded),
			BeforePlace: place(r.BeforeRank, r.BeforeExcluded), AfterPlace: place(r.AfterRank, r.AfterExcluded),
			Changed: r.Changed(), Excluded: r.AfterExcluded}
		if r.BeforeRank == 0 {
			row.BeforePlace, row.BeforeText = "neu", NoEntry
		}
		if r.BeforeExcluded {
			row.BeforeScore = 0 // no bar for an excluded state
		}
		if r.AfterExcluded {
			row.AfterScore = 0
		}
		row.Move = Move(r)
		out.Ranking = append(out.Ranking, row)
	}
	for _, p := range c.Profile {
		out.Profile = append(out.Profile, Change{Label: p.Label, From: p.FromLabel, To: p.ToLabel})
	}
	for _, q := range c.Quick {
		out.Quick = append(out.Quick, Change{Label: q.Text, From: q.FromLabel, To: q.ToLabel})
	}
	titles := func(ms []model.Measure, due bool) []string {
		var t []string
		for _, m := range ms {
			s := m.Title
			if due {
				s += " (fällig " + model.GermanDate(m.Due) + ")"
			}
			t = append(t, s)
		}
		return t
	}
	out.Done = titles(c.MeasuresDone, false)
	out.Overdue = titles(c.MeasuresOverdue, true)
	out.Added = titles(c.MeasuresAdded, true)
	if c.DecisionChanged() {
		out.Decision = decisionShort(c.DecisionBefore) + " → " + decisionShort(c.DecisionAfter)
	}
	for _, e := range c.Evaluation {
		if e.Before != "" || e.After != "" {
			out.Evaluation = append(out.Evaluation, EvalChange{Question: e.Question, Before: e.Before, After: e.After})
		}
	}
	return out
}

// TopLine says whether the recommendation changed between two states, in
// one sentence shared by the Review tab, the accessible mode and the report.
func TopLine(c model.Comparison) string {
	before, after := topName(c.TopBefore, c.TieBefore), topName(c.TopAfter, c.TieAfter)
	switch {
	case before != after:
		return "Die Empfehlung hat gewechselt: " + before + " → " + after + "."
	case c.TopAfter != "":
		return "Die Empfehlung ist gleich geblieben: " + after + "."
	case c.TieAfter:
		return "Vorher wie heute gibt es " + model.NoRecommendation + ": Die ersten Modelle liegen gleichauf."
	}
	return "Vorher wie heute kommt kein Modell in Frage."
}

// TopShort is TopLine for a screen with one short line for it.
func TopShort(c model.Comparison) string {
	before, after := topName(c.TopBefore, c.TieBefore), topName(c.TopAfter, c.TieAfter)
	switch {
	case before != after:
		return before + " → " + after
	case c.TopAfter != "":
		return "gleich geblieben: " + after
	case c.TieAfter:
		return "vorher wie heute: " + model.NoRecommendation + " (Gleichstand)"
	}
	return "vorher wie heute: kein Modell kommt in Frage"
}

// NothingSince is said when a state and today do not differ.
const NothingSince = "Seit diesem Stand hat sich nichts geändert."

func place(rank int, excluded bool) string {
	if excluded || rank == 0 {
		return NoEntry
	}
	return fmt.Sprintf("%d.", rank)
}

func topName(id model.ModelID, tie bool) string {
	switch {
	case id == "" && tie:
		return model.NoRecommendation + " (Gleichstand)"
	case id == "":
		return "keins (alle ausgeschlossen)"
	}
	return ModelName(id)
}

func decisionShort(d *model.Decision) string {
	if d == nil {
		return "keine"
	}
	return ModelName(d.Model) + " (" + Date(d.At) + ")"
}

// Move is how a model moved between two rankings, in places only: "▲ 2",
// "▼ 1" or "=". A model that is new or excluded before or after has no
// place to move from or to: "".
func Move(r model.RankChange) string {
	if r.BeforeRank == 0 || r.BeforeExcluded || r.AfterExcluded {
		return ""
	}
	switch m := r.Moved(); {
	case m > 0:
		return fmt.Sprintf("▲ %d", m)
	case m < 0:
		return fmt.Sprintf("▼ %d", -m)
	}
	return "="
}
