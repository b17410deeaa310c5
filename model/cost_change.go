package model

import "slices"

// The cost-sharing sheet is one slot of a Change (FieldCosts): every edit
// of the Kostenverteilung page – a number, a switch, a partner added,
// deleted or read from a CSV file – replaces the whole sheet, so z undoes
// it as one step.

// Clone is a deep copy of the sheet (partners and the base share).
func (c CostSharing) Clone() CostSharing {
	c.Partners = slices.Clone(c.Partners)
	if c.MixedBase != nil {
		v := *c.MixedBase
		c.MixedBase = &v
	}
	return c
}

func costsSlot(s *Session) Value {
	if s.Costs == nil {
		return Value{}
	}
	return Value{Set: true, Costs: s.Costs.Clone()}
}

func setCostsSlot(s *Session, v Value) {
	if !v.Set {
		s.Costs = nil
		return
	}
	c := v.Costs.Clone()
	s.Costs = &c
}

// SetCostsChange replaces the cost-sharing sheet (nil: no sheet); name
// says what changed, for the status line and the undo history.
func SetCostsChange(s *Session, name string, c *CostSharing) Change {
	after := Value{}
	if c != nil {
		after = Value{Set: true, Costs: c.Clone()}
	}
	return Change{Name: name, Edits: []Edit{{Field: FieldCosts, Before: costsSlot(s), After: after}}}
}
