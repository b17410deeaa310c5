package wording

import (
	"fmt"
	"strings"

	"ikz/model"
)

// Result is a scored profile in words: the headline, the ranking rows, the
// reasons per model, what is open, the flip point and the Land's law.
type Result struct {
	Top      model.ModelID // the leading model; "" when none leads
	Headline string        // "Am besten passt: Zweckverband."
	// Tied: the leaders share the first place, so nothing is recommended
	// yet; Headline says so and Top is "".
	Tied      bool
	CityState string // why the ranking applies only roughly (city-states)
	Rows      []Row
	Details   []ModelDetail // one per row, same order
	RunnerUp  *Row          // the best model after the leader, nil if none
	// Unanswered are the labels of the visible profile questions without an
	// answer (UnansweredKeys their keys); OpenNote says what that means.
	Unanswered     []string
	UnansweredKeys []string
	OpenNote       string
	Ignored        []string // labels of answered but hidden questions
	Flip           string   // the flip point, "" without a leader
	Legal          *Legal   // nil without a Land
	// Contradictions are answers that do not fit together, each with what
	// to check (they change no points).
	Contradictions []Contradiction
}

// Contradiction is a pair of answers that pull in opposite directions.
type Contradiction struct {
	Text, Check, Source string
}

// ContradictionsTitle heads the contradictions in every output.
const ContradictionsTitle = "Passt nicht zusammen"

// Line is the contradiction in running text: what and what to check.
func (c Contradiction) Line() string {
	s := c.Text + " " + c.Check
	if c.Source != "" {
		s += " (" + Source(c.Source) + ")"
	}
	return s
}

// Row is one line of the ranking.
type Row struct {
	Model           model.ModelID
	Name, Short     string
	Place           int    // shared by equal points; 0 when excluded
	PlaceText       string // "1." or "–"
	Score           int    // 0–100
	ScoreText       string // "72" or "ausgeschlossen"
	Excluded        bool
	Exclusion       string // why, when Excluded
	ExclusionSource string
	Top             bool
	// Marker is the warning on the row itself: "bitte prüfen" when the
	// model's legal basis in the Land is unverified or differs, else "".
	Marker string
}

// ModelDetail is everything said about one model.
type ModelDetail struct {
	Row
	Description, DescriptionSource string
	Pros, Cons                     []Reason
	// Warnings are the model's caveats that the Land block does not show
	// already (each sentence appears once).
	Warnings   []Warning
	Governance *Governance
	Checklist  []Item
}

// Reason is one rule that gave or took points.
type Reason struct {
	Points     int
	PointsText string // "+3", "−2"
	Text       string
	Answer     string // the answer that fired it: "Träger: Landkreis"
	Source     string
}

// Warning is a caveat to check ("bitte prüfen").
type Warning struct {
	Text, Source string
}

// Governance is the steering template of a model.
type Governance struct {
	Title  string
	Bodies []string // "Steuerkreis – … (zweimal im Jahr)"
	Source string
}

// Item is one point of a checklist.
type Item struct {
	Text, Source string
}

// Headlines and notes of a result.
const (
	NoModel    = "Kein Modell kommt nach den bisherigen Antworten in Frage."
	NoLandNote = "Noch kein Bundesland angegeben – die Rechtsgrundlage erscheint, sobald es im Profil beantwortet ist."
	RobustFlip = "Keine einzelne andere Antwort würde die Empfehlung ändern – sie ist robust."
	NoPros     = "keine Pluspunkte aus den bisherigen Antworten"
	NoCons     = "keine Minuspunkte aus den bisherigen Antworten"
)

// Headline is the one sentence that names the leader.
func Headline(name string) string { return "Am besten passt: " + name + "." }

// CheckedHeadline names the leader whose legal basis is to be checked.
func CheckedHeadline(name string) string {
	return "Am besten passt: " + name + " (Rechtsgrundlage im Land " + model.MarkerCheck + ")."
}

// TiedHeadline says that nothing separates the leaders yet.
func TiedHeadline(names []string) string {
	return "Noch keine Empfehlung: " + List(names) + " liegen gleichauf."
}

// NewResult words a result.
func NewResult(r model.Result) Result { return newResult(r, false) }

// NewSessionResult words the result of session s: in a workshop (s has
// participants) the answers read as the room was asked them, as in
// NewSessionProfile.
func NewSessionResult(s *model.Session, r model.Result) Result {
	return newResult(r, len(s.Participants) > 0)
}

func newResult(r model.Result, group bool) Result {
	out := Result{CityState: r.CityState, UnansweredKeys: r.Unanswered}
	places := model.Places(r.Ranking)
	var leaders []string
	for i, ms := range r.Ranking {
		if !ms.Excluded && places[i] == 1 {
			leaders = append(leaders, ModelName(ms.Model))
		}
	}
	switch {
	case len(leaders) == 0:
		out.Headline = NoModel
	case len(leaders) > 1:
		out.Tied, out.Headline = true, TiedHeadline(leaders)
	default:
		out.Top, out.Headline = r.Top(), Headline(leaders[0])
		if r.Ranking[0].Marker() == model.MarkerCheck {
			out.Headline = CheckedHeadline(leaders[0])
		}
	}
	if r.Land != nil {
		out.Legal = NewLegal(*r.Land, r.Ranking)
	}
	for i, ms := range r.Ranking {
		row := Row{Model: ms.Model, Name: ModelName(ms.Model), Short: ModelShort(ms.Model), Place: places[i],
			PlaceText: NoEntry, Score: clamp(ms.Score), ScoreText: ScoreText(ms.Score, ms.Excluded),
			Excluded: ms.Excluded, Exclusion: ms.Exclusion, ExclusionSource: ms.ExclusionSrc,
			Top: out.Top != "" && ms.Model == out.Top}
		if !ms.Excluded {
			row.Marker = ms.Marker()
		}
		if places[i] > 0 {
			row.PlaceText = fmt.Sprintf("%d.", places[i])
		}
		out.Rows = append(out.Rows, row)
		out.Details = append(out.Details, newDetail(row, ms, out.Legal))
	}
	for i := range out.Rows {
		if r := out.Rows[i]; !r.Excluded && r.Place > 1 && (out.Top != "" || out.Tied) {
			out.RunnerUp = &out.Rows[i]
			break
		}
	}
	if out.Tied {
		out.RunnerUp = nil // the tied leaders are the alternatives
	}
	out.Unanswered = QuestionLabels(r.Unanswered)
	if n := len(r.Unanswered); n > 0 {
		out.OpenNote = Plural(n, "Profilfrage ist", "Profilfragen sind") + " noch unbeantwortet und zählen bei keinem Modell mit."
	}
	out.Ignored = QuestionLabels(r.Ignored)
	for _, c := range r.Contradictions {
		out.Contradictions = append(out.Contradictions, Contradiction{Text: c.Text, Check: c.Check, Source: c.Source})
	}
	if len(leaders) > 0 {
		out.Flip = FlipSentence(r.Sensitivity, out.Top, group)
	}
	return out
}

// Detail returns the detail of one model.
func (r Result) Detail(id model.ModelID) (ModelDetail, bool) {
	for _, d := range r.Details {
		if d.Model == id {
			return d, true
		}
	}
	return ModelDetail{}, false
}

func newDetail(row Row, ms model.ModelScore, legal *Legal) ModelDetail {
	d := ModelDetail{Row: row}
	if cm, ok := model.ModelByID(ms.Model); ok {
		d.Description, d.DescriptionSource = cm.Description, cm.Source
		if g := cm.Governance; g.Title != "" {
			gov := &Governance{Title: g.Title, Source: g.Source}
			for _, b := range g.Bodies {
				text := b.Name + " – " + b.Purpose
				if b.Rhythm != "" {
					text += " (" + b.Rhythm + ")"
				}
				gov.Bodies = append(gov.Bodies, text)
			}
			d.Governance = gov
		}
		for _, c := range cm.Checklist {
			d.Checklist = append(d.Checklist, Item{Text: c.Text, Source: c.Source})
		}
	}
	for _, c := range ms.Pros() {
		d.Pros = append(d.Pros, reason(c))
	}
	for _, c := range ms.Cons() {
		d.Cons = append(d.Cons, reason(c))
	}
	var form *Form
	if legal != nil {
		form = legal.Form(ms.Model)
	}
	for _, f := range ms.Flags {
		if form != nil && form.Says(f.Text) {
			continue // the Land block shows it with its check note
		}
		d.Warnings = append(d.Warnings, Warning{Text: f.Text, Source: f.Source})
	}
	return d
}

func reason(c model.Contribution) Reason {
	return Reason{Points: c.Points, PointsText: Points(c.Points), Text: c.Reason, Answer: AnswerLabel(c.Key, c.Value), Source: c.Source}
}

// Line is a reason in one line of running text: "+3 Text (Quelle: H 3.2)".
func (r Reason) Line() string {
	s := r.PointsText + " " + r.Text
	if r.Source != "" {
		s += " (" + Source(r.Source) + ")"
	}
	return s
}

// Line is a warning in running text.
func (w Warning) Line() string {
	if w.Source == "" {
		return w.Text
	}
	return w.Text + " (" + Source(w.Source) + ")"
}

// RankLine is one ranking row in running text, for reading aloud and for
// plain files: "1. Zweckverband – 72 Punkte" or "–. AöR – ausgeschlossen: …".
func (r Row) RankLine() string {
	if r.Excluded {
		return r.PlaceText + " " + r.Name + " – " + Excluded + ": " + r.Exclusion
	}
	if r.Marker != "" {
		return r.PlaceText + " " + r.Name + " – " + r.ScoreText + " Punkte – ⚠ " + r.Marker
	}
	return r.PlaceText + " " + r.Name + " – " + r.ScoreText + " Punkte"
}

// trimDot drops a final full stop, so that sentences can be compared.
func trimDot(s string) string { return strings.TrimSuffix(strings.TrimSpace(s), ".") }
