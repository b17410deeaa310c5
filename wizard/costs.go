package wizard

import "github.com/charmbracelet/huh"

// CostInput builds a one-field editor of the cost-sharing sheet bound to
// value; check reads the typed text and returns the German problem, if
// any (it is asked at every check, as the sheet may change meanwhile).
func CostInput(key, title, help string, check func(string) error, value *string) *huh.Input {
	return huh.NewInput().Key(key).
		Title(title).
		Description(help).
		Validate(check).
		Value(value)
}
