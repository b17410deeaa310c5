package model

import (
	"fmt"
	"slices"
	"strings"
)

// A participant of a workshop (ikz serve) enters its own figures: one
// partner row of the cost-sharing sheet (FieldCostPartner, keyed by the
// partner's name, matched without regard to case as the CSV import
// does). A change of one row leaves every other row as it is stored, so
// two municipalities typing at once both keep their figures; stored
// strict, it is refused when the row itself changed meanwhile.

// NewCostSharing is the sheet a session starts with.
func NewCostSharing() CostSharing { return CostSharing{Years: 5} }

// CostPartnerIndex is the index of the partner called name, or -1.
func (c CostSharing) CostPartnerIndex(name string) int {
	name = strings.TrimSpace(name)
	return slices.IndexFunc(c.Partners, func(p CostPartner) bool { return strings.EqualFold(strings.TrimSpace(p.Name), name) })
}

func costPartnerSlot(s *Session, key string) Value {
	if s.Costs == nil {
		return Value{}
	}
	i := s.Costs.CostPartnerIndex(key)
	if i < 0 {
		return Value{}
	}
	return Value{Set: true, CostPartner: s.Costs.Partners[i]}
}

// setCostPartnerSlot replaces, adds or deletes the row; a first row
// creates the sheet.
func setCostPartnerSlot(s *Session, key string, v Value) error {
	i := -1
	if s.Costs != nil {
		i = s.Costs.CostPartnerIndex(key)
	}
	switch {
	case !v.Set && i >= 0:
		c := s.Costs.Clone()
		c.Partners = slices.Delete(c.Partners, i, i+1)
		s.Costs = &c
	case !v.Set:
	case !v.CostPartner.plausible():
		return v.CostPartner.validate(SafeLine(key))
	case !strings.EqualFold(strings.TrimSpace(v.CostPartner.Name), strings.TrimSpace(key)):
		return fmt.Errorf("Kostenzahlen für „%s“ tragen einen anderen Namen", SafeLine(key))
	case i >= 0:
		c := s.Costs.Clone()
		v.CostPartner.Name = c.Partners[i].Name // the stored spelling stays
		c.Partners[i] = v.CostPartner
		s.Costs = &c
	default:
		c := NewCostSharing()
		if s.Costs != nil {
			c = s.Costs.Clone()
		}
		if len(c.Partners) >= maxCostPartners {
			return fmt.Errorf("Höchstens %d Partner", maxCostPartners)
		}
		c.Partners = append(c.Partners, v.CostPartner)
		s.Costs = &c
	}
	return nil
}

// SetCostPartnerChange writes the row of partner p.Name (created if
// missing); name says what changed.
func SetCostPartnerChange(s *Session, name string, p CostPartner) Change {
	before := costPartnerSlot(s, p.Name)
	if before.Set {
		p.Name = before.CostPartner.Name
	}
	return Change{Name: name, Edits: []Edit{{Field: FieldCostPartner, Key: p.Name, Before: before, After: Value{Set: true, CostPartner: p}}}}
}

// The facilitator's page edits the same sheet while municipalities type
// their rows: its edits are stored per part too – the head of the sheet
// (FieldCostHead: everything but the partners) and the rows it changes –
// so a participant's row and the facilitator's Laufzeit never conflict.
// Structural edits (a partner renamed, deleted or reordered, a CSV that
// does that) stay whole-sheet changes.

func costHeadSlot(s *Session) Value {
	if s.Costs == nil {
		return Value{}
	}
	h := *s.Costs
	h.Partners = nil
	if h.MixedBase != nil {
		v := *h.MixedBase
		h.MixedBase = &v
	}
	return Value{Set: true, Costs: h}
}

func setCostHeadSlot(s *Session, v Value) error {
	if !v.Set {
		return fmt.Errorf("Kostenverteilung: der Kopf des Blatts lässt sich nicht allein löschen")
	}
	h := v.Costs.Clone()
	if s.Costs != nil {
		h.Partners = slices.Clone(s.Costs.Partners)
	}
	h.Partners = slices.Clip(h.Partners)
	s.Costs = &h
	return nil
}

// EditCostsChange is the change from the session's sheet to next, per
// part where it can be: the head when it changed, and one row edit per
// changed or appended partner. ok is false for structural edits (and
// when there is no sheet yet): then SetCostsChange replaces the sheet.
func EditCostsChange(s *Session, name string, next CostSharing) (Change, bool) {
	if s.Costs == nil {
		return Change{}, false
	}
	old := s.Costs.Partners
	if len(next.Partners) < len(old) {
		return Change{}, false
	}
	seen := map[string]bool{}
	for i, p := range next.Partners {
		k := strings.ToLower(strings.TrimSpace(p.Name))
		if k == "" || seen[k] || (i < len(old) && !strings.EqualFold(strings.TrimSpace(old[i].Name), strings.TrimSpace(p.Name))) {
			return Change{}, false
		}
		seen[k] = true
	}
	c := Change{Name: name}
	after := Value{Set: true, Costs: next.Clone()}
	after.Costs.Partners = nil
	if before := costHeadSlot(s); !sameValue(before, after) {
		c.Edits = append(c.Edits, Edit{Field: FieldCostHead, Before: before, After: after})
	}
	for i, p := range next.Partners {
		if i < len(old) {
			if old[i] == p {
				continue
			}
			p.Name = old[i].Name
			c.Edits = append(c.Edits, Edit{Field: FieldCostPartner, Key: p.Name, Before: Value{Set: true, CostPartner: old[i]}, After: Value{Set: true, CostPartner: p}})
			continue
		}
		if costPartnerSlot(s, p.Name).Set {
			return Change{}, false
		}
		c.Edits = append(c.Edits, Edit{Field: FieldCostPartner, Key: p.Name, After: Value{Set: true, CostPartner: p}})
	}
	return c, true
}
