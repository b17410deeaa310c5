// Package wording turns the domain's results into worded parts: the
// German sentences, labels and numbers every output shows. The Empfehlung
// tab, the accessible mode, `ikz score` and both report formats only lay
// these parts out, so one result reads the same everywhere (issue 14).
//
// The package is pure: it knows the model, no terminal, no HTML. Strings
// hold raw text, including user text; each output escapes or sanitises it
// for its medium. Terms follow the glossary in README.md ("Begriffe").
package wording

import (
	"strconv"
	"strings"
	"time"

	"ikz/model"
)

// Terms used across the product, one per concept (README "Begriffe").
const (
	// QuickCheck is the list of success factors per phase (H 5); one entry
	// is a QuickCheckItem.
	QuickCheck     = "Quick-Check"
	QuickCheckItem = "Quick-Check-Punkt"
	// FlipPoint is the smallest change of one answer that changes the lead.
	FlipPoint = "Kipppunkt"
	// GroupDecision is what the group chose; Recommendation what was computed.
	GroupDecision  = "Entscheidung der Gruppe"
	Recommendation = "Empfehlung"
)

// Disclaimer is said once with every result.
const Disclaimer = model.Disclaimer

// CheckNote marks every legal fact that is not confirmed; the same words
// on every screen and in every file.
const CheckNote = model.CheckText

// ScaleNote says what the points mean: they compare the models with each
// other, relative to what the answered questions allow.
const ScaleNote = "Punkte von 0 bis 100 vergleichen die Modelle untereinander: 100 sind so viele Punkte, " +
	"wie ein Modell mit den bisher beantworteten Fragen höchstens erreichen kann, 0 so wenige wie möglich. " +
	"Sie sind kein Prozentsatz der Eignung."

// ScaleShort is the scale in a few words, for a column head or a list row.
const ScaleShort = "Punkte (0–100, relativ)"

// NoEntry stands where there is nothing to show.
const NoEntry = "–"

// Fact is a statement that may need checking.
type Fact struct {
	Text  string
	Check bool // not confirmed: show CheckNote with it
}

// String is the fact in running text, with the check note in brackets.
func (f Fact) String() string {
	if !f.Check || f.Text == "" {
		return f.Text
	}
	return f.Text + " [" + CheckNote + "]"
}

func fact(f model.Fact) Fact {
	return Fact{Text: f.Text, Check: f.Text != "" && !f.Confidence.Certain()}
}

// ModelName is the German name of a cooperation model ("–" for none).
func ModelName(id model.ModelID) string {
	if id == "" {
		return NoEntry
	}
	if m, ok := model.ModelByID(id); ok {
		return m.Name
	}
	return string(id)
}

// ModelShort is the short name for narrow columns and bars.
func ModelShort(id model.ModelID) string {
	if m, ok := model.ModelByID(id); ok && m.Short != "" {
		return m.Short
	}
	return ModelName(id)
}

// Points is a contribution's points with its sign: "+3", "−2" (a real
// minus sign, as in print).
func Points(n int) string {
	if n < 0 {
		return "−" + strconv.Itoa(-n)
	}
	return "+" + strconv.Itoa(n)
}

// ScoreText is a model's points on the 0–100 scale, or "ausgeschlossen".
func ScoreText(score int, excluded bool) string {
	if excluded {
		return Excluded
	}
	return strconv.Itoa(clamp(score))
}

// Excluded is the word for a model that cannot be chosen.
const Excluded = "ausgeschlossen"

func clamp(n int) int { return max(0, min(100, n)) }

// Staff is a staff figure with one decimal everywhere: "3,5 → 3,0 VZÄ".
func Staff(now, with float64) string {
	return model.FormatNumber(now, 1) + " → " + model.FormatNumber(with, 1) + " VZÄ"
}

// Source is a source reference in brackets, "" without one.
func Source(src string) string {
	if src == "" {
		return ""
	}
	return "Quelle: " + src
}

// AnswerLabel is the question and the given answer, "Träger: Landkreis".
func AnswerLabel(key, value string) string {
	q, ok := model.ProfileQuestionByKey(key)
	if !ok {
		return key
	}
	if value == "" {
		return q.Label
	}
	return q.Label + ": " + q.OptionLabel(value)
}

// QuestionLabels are the labels of profile keys, in the given order.
func QuestionLabels(keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if q, ok := model.ProfileQuestionByKey(k); ok {
			out = append(out, q.Label)
		} else {
			out = append(out, k)
		}
	}
	return out
}

// List joins items for running text: "a, b und c".
func List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " und " + items[len(items)-1]
}

// Plural is "1 Frage" or "3 Fragen"; the forms come in the case the
// sentence needs ("mit 3 Ständen"). The rule is model.Plural, which the
// model's own texts use too.
func Plural(n int, one, many string) string { return model.Plural(n, one, many) }

// Date is a date in German format, "21.11.2026" ("–" for none).
func Date(t time.Time) string {
	if t.IsZero() {
		return NoEntry
	}
	return t.Format(model.GermanDateLayout)
}
