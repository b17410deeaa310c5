package wizard

import (
	"errors"
	"strings"

	"github.com/charmbracelet/huh"

	"ikz/model"
)

// DecisionDraft is the editable decision of the group: the model it
// actually chooses and why.
type DecisionDraft struct {
	Model  string
	Reason string
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
