package model

import (
	"errors"
	"reflect"
	"testing"
)

// Two partners editing their own rows from the same starting point both
// keep their figures; a stale edit of the same row is refused; undo
// restores exactly the row.
func TestCostPartnerChangeRows(t *testing.T) {
	base := threePartners()
	stored := &Session{Costs: &base}

	seenB := &Session{Costs: ptr(threePartners().Clone())}
	seenC := &Session{Costs: ptr(threePartners().Clone())}
	b := seenB.Costs.Partners[1]
	b.Pupils = 2100
	cRow := seenC.Costs.Partners[2]
	cRow.Name = "gemeinde c" // matched without regard to case
	cRow.ContractsNow = 3000
	chB := SetCostPartnerChange(seenB, "B", b)
	chC := SetCostPartnerChange(seenC, "C", cRow)
	chB.Strict, chC.Strict = true, true
	if err := chB.Apply(stored); err != nil {
		t.Fatal(err)
	}
	if err := chC.Apply(stored); err != nil {
		t.Fatalf("the second municipality's edit was refused: %v", err)
	}
	if stored.Costs.Partners[1].Pupils != 2100 || stored.Costs.Partners[2].ContractsNow != 3000 || stored.Costs.Partners[2].Name != "Gemeinde C" {
		t.Fatalf("both rows must survive with the stored spelling: %+v", stored.Costs.Partners)
	}
	stale := SetCostPartnerChange(seenB, "B again", seenB.Costs.Partners[1])
	stale.Strict = true
	var se *StaleChangeError
	if err := stale.Apply(stored); !errors.As(err, &se) {
		t.Fatalf("a stale edit of the same row: %v", err)
	}
	if err := chB.Inverse().Apply(stored); err != nil {
		t.Fatal(err)
	}
	want := threePartners()
	want.Partners[2].ContractsNow = 3000
	if !reflect.DeepEqual(*stored.Costs, want) {
		t.Fatalf("undo of B: %+v", stored.Costs.Partners)
	}
}

// A participant's first figures create its row, and the sheet when there
// is none; undo removes the row again.
func TestCostPartnerChangeCreates(t *testing.T) {
	s := &Session{}
	c := SetCostPartnerChange(s, "neu", CostPartner{Name: "Gemeinde D", Schools: 2})
	if err := c.Apply(s); err != nil {
		t.Fatal(err)
	}
	if s.Costs == nil || s.Costs.Years != 5 || len(s.Costs.Partners) != 1 || s.Costs.Partners[0].Schools != 2 {
		t.Fatalf("first row: %+v", s.Costs)
	}
	if err := c.Inverse().Apply(s); err != nil || len(s.Costs.Partners) != 0 {
		t.Fatalf("undo: %v %+v", err, s.Costs)
	}
	bad := Change{Edits: []Edit{{Field: FieldCostPartner, Key: "Gemeinde D", After: Value{Set: true, CostPartner: CostPartner{Name: "Landkreis"}}}}}
	if err := bad.Apply(s); err == nil {
		t.Fatal("a row written under another partner's name")
	}
}

func ptr[T any](v T) *T { return &v }

// The facilitator's edits are stored per part: its Laufzeit and a
// participant's row, made from the same sheet, both survive; an added
// partner is a row of its own; a rename replaces the sheet.
func TestEditCostsChangePerPart(t *testing.T) {
	base := threePartners()
	stored := &Session{Costs: ptr(base.Clone())}
	seen := &Session{Costs: ptr(base.Clone())}

	head := seen.Costs.Clone()
	head.Years = 8
	head.Partners[0].Pupils = 6100 // the facilitator corrects the Landkreis too
	fac, ok := EditCostsChange(seen, "Laufzeit", head)
	if !ok || len(fac.Edits) != 2 || fac.Edits[0].Field != FieldCostHead || fac.Edits[1].Field != FieldCostPartner {
		t.Fatalf("facilitator's change: ok=%v %+v", ok, fac.Edits)
	}
	row := seen.Costs.Partners[2]
	row.MaterialNow = 9000
	part := SetCostPartnerChange(seen, "C", row)
	for _, c := range []Change{part, fac} {
		c.Strict = true
		if err := c.Apply(stored); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
	}
	if stored.Costs.Years != 8 || stored.Costs.Partners[0].Pupils != 6100 || stored.Costs.Partners[2].MaterialNow != 9000 {
		t.Fatalf("both edits must survive: %+v", stored.Costs)
	}
	if err := fac.Inverse().Apply(stored); err != nil || stored.Costs.Years != 5 || stored.Costs.Partners[2].MaterialNow != 9000 {
		t.Fatalf("undo of the facilitator's edit: %v %+v", err, stored.Costs)
	}

	added := stored.Costs.Clone()
	added.Partners = append(added.Partners, CostPartner{Name: "Gemeinde E"})
	if c, ok := EditCostsChange(stored, "neu", added); !ok || len(c.Edits) != 1 || c.Edits[0].Key != "Gemeinde E" || c.Edits[0].Before.Set {
		t.Fatalf("an appended partner: ok=%v %+v", ok, c.Edits)
	}
	renamed := stored.Costs.Clone()
	renamed.Partners[1].Name = "Stadt B"
	if _, ok := EditCostsChange(stored, "umbenannt", renamed); ok {
		t.Fatal("a rename must replace the sheet")
	}
	deleted := stored.Costs.Clone()
	deleted.Partners = deleted.Partners[:2]
	if _, ok := EditCostsChange(stored, "gelöscht", deleted); ok {
		t.Fatal("a deletion must replace the sheet")
	}
	if _, ok := EditCostsChange(&Session{}, "erstes Blatt", added); ok {
		t.Fatal("the first sheet must be a whole-sheet change")
	}
}
