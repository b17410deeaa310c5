package model

// Contribution is one rule that fired: the points an answer gave (Points > 0,
// pro) or took (Points < 0, contra) from a model, with reason and source.
type Contribution struct {
	RuleID string
	Key    string // profile key
	Value  string // the answer value that matched
	Points int
	Reason string // German
	Source string // e.g. "H 3.2"
}

// Flag is a caveat that does not exclude a model but must be checked
// ("bitte prüfen"), e.g. an unverified legal basis.
type Flag struct {
	Kind   FlagKind
	Text   string
	Source string
}

// FlagKind says why a model's row carries a warning.
type FlagKind string

const (
	// FlagUnverified: the legal basis or the approval rule of the form in
	// this Land is not (fully) confirmed.
	FlagUnverified FlagKind = "recht_ungeklaert"
	// FlagDifferent: the Land's form differs from the usual one (e.g. the
	// mandate in NI must observe procurement law).
	FlagDifferent FlagKind = "recht_abweichend"
)

// Row markers shown on the ranking row itself (issue 10, item 3).
const (
	MarkerCheck    = "bitte prüfen"
	MarkerExcluded = "ausgeschlossen"
)

// Marker is the short warning shown on the model's own ranking row: "" when
// nothing is to check.
func (m ModelScore) Marker() string {
	switch {
	case m.Excluded:
		return MarkerExcluded
	case len(m.Flags) > 0:
		return MarkerCheck
	}
	return ""
}

// ModelScore is the result for one model.
type ModelScore struct {
	Model         ModelID
	Score         int // 0–100 fit
	Raw           int // sum of points before scaling
	Contributions []Contribution
	Excluded      bool
	Exclusion     string // German reason, set when Excluded
	ExclusionSrc  string
	Flags         []Flag
}

// Pros returns the contributions with positive points, largest first.
func (m ModelScore) Pros() []Contribution { return filterContrib(m.Contributions, true) }

// Cons returns the contributions with negative points, most negative first.
func (m ModelScore) Cons() []Contribution { return filterContrib(m.Contributions, false) }

func filterContrib(cs []Contribution, pro bool) []Contribution {
	var out []Contribution
	for _, c := range cs {
		if (c.Points > 0) == pro && c.Points != 0 {
			out = append(out, c)
		}
	}
	// stable insertion sort by magnitude, descending
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && abs(out[j].Points) > abs(out[j-1].Points); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Sensitivity is the flip point: the smallest change of one answer that
// changes the top model, or Robust when no single change does.
type Sensitivity struct {
	Robust bool
	Key    string  // the profile key to change
	From   Answer  // current answer (nil: unanswered)
	To     Answer  // the changed answer (nil: unanswered)
	NewTop ModelID // the model that would lead after the change
	// Lead is NewTop's lead in points after the change (0: it only ties
	// at the top). The sentence is the presentation layer's
	// (ui/wording.FlipSentence), one wording for every output.
	Lead int
}

// Result is the explainable outcome of Score.
type Result struct {
	Ranking     []ModelScore // best first; excluded models last
	Unanswered  []string     // visible profile keys without answer, catalogue order
	Ignored     []string     // answered keys that are hidden (HideIf) and so not scored, catalogue order
	Land        *LandLaw     // nil when bundesland is unanswered
	CityState   string       // non-empty for BE, HH, HB: why the ranking does not apply as is
	Sensitivity Sensitivity
	// Contradictions are answers that do not fit together, each with what
	// to check; they change no points.
	Contradictions []Contradiction
}

// Top returns the leading model ("" if every model is excluded).
func (r Result) Top() ModelID {
	if len(r.Ranking) == 0 || r.Ranking[0].Excluded {
		return ""
	}
	return r.Ranking[0].Model
}

// NoRecommendation is said instead of a model name when nothing separates
// the leading models (domain.md §8: ties are ties everywhere).
const NoRecommendation = "noch keine Empfehlung"

// Leader returns the top model only when it leads on points: with a tie at
// the top (e.g. nothing but the Land answered) there is no recommendation.
func (r Result) Leader() (ModelID, bool) {
	top := r.Top()
	if top == "" {
		return "", false
	}
	if len(r.Ranking) > 1 && !r.Ranking[1].Excluded && r.Ranking[1].Raw == r.Ranking[0].Raw {
		return "", false
	}
	return top, true
}

// Tied lists the models that share the first place (one model when it leads
// alone; none when every model is excluded).
func (r Result) Tied() []ModelID {
	var out []ModelID
	for _, m := range r.Ranking {
		if m.Excluded || m.Raw != r.Ranking[0].Raw {
			break
		}
		out = append(out, m.Model)
	}
	return out
}

// ByModel returns the score of one model.
func (r Result) ByModel(id ModelID) (ModelScore, bool) {
	for _, m := range r.Ranking {
		if m.Model == id {
			return m, true
		}
	}
	return ModelScore{}, false
}

// Places numbers a ranking for display: models with equal points share a
// place (1, 1, 3) — within a tie the order is only the catalogue's, and a
// room should not read more into it. Excluded models get 0 (shown as –).
func Places(ranking []ModelScore) []int {
	out := make([]int, len(ranking))
	for i, ms := range ranking {
		switch {
		case ms.Excluded:
		case i > 0 && !ranking[i-1].Excluded && ranking[i-1].Raw == ms.Raw:
			out[i] = out[i-1]
		default:
			out[i] = i + 1
		}
	}
	return out
}
