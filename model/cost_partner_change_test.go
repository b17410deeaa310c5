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
