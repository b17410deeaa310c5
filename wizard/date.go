package wizard

import (
	"errors"

	"ikz/model"
)

// ValidateDateAs checks a date like model.ValidateDue but names the field
// it belongs to: the model's message says "Fällig am", which is right for a
// measure and wrong for the date of a review or a decision.
func ValidateDateAs(field string) func(string) error {
	return func(s string) error {
		err := model.ValidateDue(s)
		var fe *model.FieldError
		if errors.As(err, &fe) {
			return &model.FieldError{Field: field, Msg: fe.Msg}
		}
		return err
	}
}
