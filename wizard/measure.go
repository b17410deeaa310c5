package wizard

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"ikz/model"
)

// Field keys of the measure form.
const (
	MeasureTitle       = "title"
	MeasureResponsible = "responsible"
	MeasureIndicator   = "indicator"
	MeasureDue         = "due"
	MeasureStatus      = "status"
	MeasurePhase       = "phase"
)

// measureHints are the examples the empty fields show (placeholders).
var measureHints = map[string]string{
	MeasureTitle:       "Was wird getan? z. B. Ticketsystem für alle Schulen einführen",
	MeasureResponsible: "z. B. IT-Koordination des Kreises",
	MeasureIndicator:   "z. B. alle 12 Schulen melden Störungen über das Ticketsystem",
	MeasureDue:         "TT.MM.JJJJ, z. B. 31.03.2027",
}

// MeasureHint is the example for the measure field with key ("" for the
// selects); the accessible mode reads it out before the question, where
// huh shows no placeholder.
func MeasureHint(key string) string { return measureHints[key] }

// MeasureDraft is what the measure form edits; Due as typed (ISO or
// German). The form writes through pointers: keep the draft on the heap
// for as long as the form lives.
type MeasureDraft struct {
	Title, Responsible, Indicator, Due string
	Status, Phase                      string
}

// NewMeasureDraft is the draft of a stored measure, its date the German way.
func NewMeasureDraft(m model.Measure) *MeasureDraft {
	return &MeasureDraft{
		Title: m.Title, Responsible: m.Responsible, Indicator: m.Indicator,
		Due: model.GermanDate(m.Due), Status: string(m.Status), Phase: string(m.Phase),
	}
}

// Measure returns the measure with the date stored as ISO, or the first
// problem that keeps it from being saved.
func (d *MeasureDraft) Measure(id string) (model.Measure, error) {
	m := model.Measure{
		ID: id, Title: strings.TrimSpace(d.Title), Responsible: strings.TrimSpace(d.Responsible),
		Indicator: strings.TrimSpace(d.Indicator), Status: model.MeasureStatus(d.Status), Phase: model.PhaseID(d.Phase),
	}
	due, err := model.NormalizeDate(d.Due)
	if err != nil {
		return m, err
	}
	m.Due = due
	return m, m.Validate()
}

// MeasureFields builds the fields of a SMART measure (H 4.2.2) bound to d:
// title, responsible role, indicator, due date, status and phase. Title,
// indicator and date are validated with the model's German messages.
func MeasureFields(d *MeasureDraft) []huh.Field {
	phaseOpts := []huh.Option[string]{huh.NewOption("keine", "")}
	for _, p := range model.Phases {
		phaseOpts = append(phaseOpts, huh.NewOption(p.Short, string(p.ID)))
	}
	return []huh.Field{
		huh.NewInput().Key(MeasureTitle).Title("Maßnahme").Placeholder(measureHints[MeasureTitle]).
			Validate(model.ValidateMeasureTitle).Value(&d.Title),
		huh.NewInput().Key(MeasureResponsible).Title("Verantwortlich (Rolle)").
			Placeholder(measureHints[MeasureResponsible]).Value(&d.Responsible),
		huh.NewInput().Key(MeasureIndicator).Title("Indikator – woran ist sie erreicht?").
			Placeholder(measureHints[MeasureIndicator]).
			Validate(model.ValidateIndicator).Value(&d.Indicator),
		huh.NewInput().Key(MeasureDue).Title("Fällig am").Placeholder(measureHints[MeasureDue]).
			Validate(model.ValidateDue).Value(&d.Due),
		MeasureStatusField(&d.Status),
		huh.NewSelect[string]().Key(MeasurePhase).Title("Phase").Inline(true).Options(phaseOpts...).Value(&d.Phase),
	}
}

// MeasureStatusField is the status choice of a measure (geplant, laufend,
// erledigt, verworfen) bound to value.
func MeasureStatusField(value *string) *huh.Select[string] {
	opts := make([]huh.Option[string], len(model.MeasureStatuses))
	for i, o := range model.MeasureStatuses {
		opts[i] = huh.NewOption(o.Label, o.Value)
	}
	return huh.NewSelect[string]().Key(MeasureStatus).Title("Status").Inline(true).Options(opts...).Value(value)
}

// FreeID returns prefix followed by the first number from on that used
// does not hold ("m4", "r2").
func FreeID(prefix string, from int, used map[string]bool) string {
	for n := from; ; n++ {
		if id := prefix + strconv.Itoa(n); !used[id] {
			return id
		}
	}
}

// NewMeasureID returns an ID no measure in ms has.
func NewMeasureID(ms []model.Measure) string {
	used := make(map[string]bool, len(ms))
	for _, m := range ms {
		used[m.ID] = true
	}
	return FreeID("m", len(ms)+1, used)
}
