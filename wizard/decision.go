package wizard

import (
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/huh"

	"ikz/model"
)

// DecisionDraft is the editable decision of the group: the model it
// actually chooses and why.
type DecisionDraft struct {
	Model  string
	Reason string
	Body   string // the body that decided ("Gremium")
	Date   string // TT.MM.JJJJ
	Time   string // HH:MM
	// Confirm is the explicit last step: only "ja" records the decision.
	Confirm bool
}

// ValidateTime accepts a time of day as 14:30 (or 14.30).
func ValidateTime(s string) error {
	if _, err := ParseClock(s); err != nil {
		return err
	}
	return nil
}

// ParseClock reads "14:30" or "14.30" as hours and minutes.
func ParseClock(s string) (time.Duration, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", ":")
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, errors.New("Bitte die Uhrzeit als SS:MM angeben, z. B. 18:30.")
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

// ValidateBody asks for the body that decided.
func ValidateBody(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("Bitte das Gremium nennen, das entschieden hat (z. B. Kreistag, Lenkungsgruppe).")
	}
	return nil
}

// At is the moment of the decision in zone loc.
func (d *DecisionDraft) At(loc *time.Location) (time.Time, error) {
	day, err := model.ParseDate(d.Date)
	if err != nil {
		return time.Time{}, err
	}
	clock, err := ParseClock(d.Time)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc).Add(clock), nil
}

// DecisionRecordFields are the fields after model and reason: the body,
// date and time, and the explicit confirmation.
func DecisionRecordFields(d *DecisionDraft) []huh.Field {
	return []huh.Field{
		huh.NewInput().Key("decision.body").Title("Gremium").
			Placeholder("z. B. Kreistag, Lenkungsgruppe IKZ").Validate(ValidateBody).Value(&d.Body),
		huh.NewInput().Key("decision.date").Title("Datum der Entscheidung").
			Placeholder("TT.MM.JJJJ").Validate(ValidateDateAs("Datum der Entscheidung")).Value(&d.Date),
		huh.NewInput().Key("decision.time").Title("Uhrzeit").
			Placeholder("SS:MM").Validate(ValidateTime).Value(&d.Time),
		huh.NewConfirm().Key("decision.confirm").
			TitleFunc(d.ConfirmTitle, d).
			Description("Festgehaltene Entscheidungen bleiben in der Geschichte; eine versehentliche lässt sich als „irrtümlich erfasst“ markieren.").
			Affirmative("Ja, festhalten").Negative("Nein, noch nicht").Value(&d.Confirm),
	}
}

// ConfirmTitle names what the last step records, because at 24 lines the
// model and the body have scrolled out of sight by then.
func (d *DecisionDraft) ConfirmTitle() string {
	name := d.Model
	if m, ok := model.ModelByID(model.ModelID(d.Model)); ok {
		name = m.Name
	}
	title := model.Quote(name)
	if body := strings.TrimSpace(d.Body); body != "" {
		title += " – " + model.SafeLine(body)
	}
	return title + ", " + model.SafeLine(strings.TrimSpace(d.Date)+" "+strings.TrimSpace(d.Time)) + " – so festhalten?"
}

// Valid reports whether the draft can be recorded (a known model and a
// reason).
func (d *DecisionDraft) Valid() bool {
	_, ok := model.ModelByID(model.ModelID(d.Model))
	return ok && strings.TrimSpace(d.Reason) != ""
}

// Same reports whether the draft says what decision dec says.
func (d *DecisionDraft) Same(dec model.Decision) bool {
	return model.ModelID(d.Model) == dec.Model && strings.TrimSpace(d.Reason) == strings.TrimSpace(dec.Reason)
}

// ValidateReason asks for a reason before a decision can be recorded.
func ValidateReason(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("Bitte kurz begründen, warum sich die Gruppe so entscheidet.")
	}
	return nil
}

// DecisionFields builds the model choice (inline, ←/→) and the reason,
// both bound to d. computed is the model the scoring puts first ("" if
// none); excluded models are marked. lines is the height of the reason.
func DecisionFields(d *DecisionDraft, computed model.ModelID, excluded map[model.ModelID]bool, lines int) (*huh.Select[string], *huh.Text) {
	opts := make([]huh.Option[string], 0, len(model.Models))
	for _, m := range model.Models {
		label := m.Name
		if excluded[m.ID] {
			label += " (ausgeschlossen)"
		}
		opts = append(opts, huh.NewOption(label, string(m.ID)))
	}
	desc := "Die Gruppe entscheidet – die Berechnung ist nur eine Orientierung."
	if cm, ok := model.ModelByID(computed); ok {
		desc = "Berechnet wurde: " + cm.Name + ". Die Gruppe darf anders entscheiden."
	}
	choice := huh.NewSelect[string]().
		Key("decision.model").
		Title("Gewähltes Modell").
		Description(desc).
		Filtering(false).
		Inline(true).
		Options(opts...).
		Value(&d.Model)
	reason := huh.NewText().
		Key("decision.reason").
		Title("Begründung").
		Placeholder("Warum passt dieses Modell für Sie?").
		CharLimit(0).
		ExternalEditor(false).
		Validate(ValidateReason).
		Value(&d.Reason)
	if lines > 0 {
		reason.Lines(lines)
	}
	return choice, reason
}
