package wizard

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"ikz/model"
)

// UnitYears is the unit of the term; every other number of the sheet is
// an amount (€/Jahr, € gesamt) or staff (VZÄ).
const UnitYears = "Jahre"

// EfficiencyNumber is one number of the efficiency sheet as its editor
// sees it.
type EfficiencyNumber struct {
	Key  string                           // the field's key
	Name string                           // as model.Efficiency.Validate names it, e.g. "Sachkosten heute"
	Unit string                           // "€/Jahr", "€ gesamt", "VZÄ" or UnitYears
	Help string                           // what to enter, shown under the title
	Set  func(*model.Efficiency, float64) // writes the number into a sheet
}

// Title is the editor's title: the name and its unit.
func (n EfficiencyNumber) Title() string {
	if strings.Contains(n.Name, n.Unit) {
		return n.Name
	}
	return n.Name + " (" + n.Unit + ")"
}

// Parse reads s as typed – German digits ("12.345,67"), optionally with
// the unit or "€" – and checks the number against the rest of sheet. The
// messages are German and name the field.
func (n EfficiencyNumber) Parse(sheet model.Efficiency, s string) (float64, error) {
	var v float64
	if n.Unit == UnitYears {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), UnitYears))
		y, err := strconv.Atoi(s)
		if err != nil {
			return 0, &model.FieldError{Field: n.Name, Msg: fmt.Sprintf("%q ist keine ganze Zahl – bitte die Jahre angeben, z. B. 5", s)}
		}
		v = float64(y)
	} else {
		a, err := model.ParseAmount(n.Name, strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), n.Unit)))
		if err != nil {
			return 0, err
		}
		v = a
	}
	n.Set(&sheet, v)
	if err := fieldProblem(sheet.Validate(), n.Name); err != nil {
		return 0, err
	}
	return v, nil
}

// fieldProblem picks the problem of one field from a joined error.
func fieldProblem(err error, field string) error {
	if err == nil {
		return nil
	}
	var list interface{ Unwrap() []error }
	errs := []error{err}
	if errors.As(err, &list) {
		errs = list.Unwrap()
	}
	for _, e := range errs {
		var fe *model.FieldError
		if errors.As(e, &fe) && fe.Field == field {
			return fe
		}
	}
	return nil
}

// EfficiencyInput builds the one-field editor of n bound to value. sheet
// returns the sheet the number is checked against; it is asked at every
// check, as other numbers may change while the field is open.
func EfficiencyInput(n EfficiencyNumber, sheet func() model.Efficiency, value *string) *huh.Input {
	return huh.NewInput().Key(n.Key).
		Title(n.Title()).
		Description(n.Help).
		Validate(func(s string) error { _, err := n.Parse(sheet(), s); return err }).
		Value(value)
}
