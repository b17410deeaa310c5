package model

import (
	"reflect"
	"testing"
)

// A change of the cost-sharing sheet and its inverse restore the sheet
// exactly, and the inverse refuses to overwrite a newer sheet.
func TestCostsChangeInverse(t *testing.T) {
	base := 25.0
	old := threePartners()
	s := &Session{Costs: &old}
	next := old.Clone()
	next.MixedBase = &base
	next.Partners = next.Partners[:2]
	c := SetCostsChange(s, "Partner gelöscht", &next)
	if err := c.Apply(s); err != nil {
		t.Fatal(err)
	}
	if len(s.Costs.Partners) != 2 || *s.Costs.MixedBase != 25 {
		t.Fatalf("after the change: %+v", s.Costs)
	}
	if err := c.Inverse().Apply(s); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*s.Costs, threePartners()) {
		t.Fatalf("undo: %+v", s.Costs)
	}
	s.Costs.Years = 9 // someone else changed the sheet meanwhile
	if err := c.Inverse().Apply(s); err == nil {
		t.Fatal("a stale undo overwrote a newer sheet")
	}
	// a first sheet: its undo leaves the session without one
	none := SetCostsChange(&Session{}, "neu", &next)
	s2 := &Session{Costs: &next}
	if err := none.Inverse().Apply(s2); err != nil || s2.Costs != nil {
		t.Fatalf("undo of the first sheet: %v, %+v", err, s2.Costs)
	}
}
