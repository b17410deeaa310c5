package ui

import (
	"testing"

	"ikz/model"
)

// A re-read session that lags behind the own figures just written (another
// municipality's save came first) keeps them on screen while saves are
// under way; once they are stored or refused, the store is right.
func TestOwnSentReconcile(t *testing.T) {
	row := func(schools int) model.CostPartner { return model.CostPartner{Name: "Stadt Lemgo", Schools: schools} }
	sheet := func(rows ...model.CostPartner) model.CostSharing {
		c := model.NewCostSharing()
		c.Partners = append([]model.CostPartner{{Name: "Gemeinde Dörentrup", Pupils: 9}}, rows...)
		return c
	}
	for _, tc := range []struct {
		name   string
		from   *model.CostPartner
		wrote  []model.CostPartner
		stored model.CostSharing
		busy   bool
		keep   bool
	}{
		{"no row stored yet, save under way", nil, []model.CostPartner{row(7)}, sheet(), true, true},
		{"the first of two writes stored", nil, []model.CostPartner{row(7), row(8)}, sheet(row(7)), true, true},
		{"the row before the first write", ptr(row(1)), []model.CostPartner{row(7)}, sheet(row(1)), true, true},
		{"in step", nil, []model.CostPartner{row(7)}, sheet(row(7)), true, false},
		{"changed by the facilitator", nil, []model.CostPartner{row(7)}, sheet(row(3)), true, false},
		{"everything saved or refused", nil, []model.CostPartner{row(7)}, sheet(), false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var o ownSent
			for _, r := range tc.wrote {
				o.write(tc.from, r)
			}
			got, keep := o.reconcile(tc.stored, "stadt lemgo", tc.busy)
			if keep != tc.keep || (keep && got != tc.wrote[len(tc.wrote)-1]) {
				t.Fatalf("keep = %v (%+v), want %v", keep, got, tc.keep)
			}
			if !keep && len(o.rows) != 0 {
				t.Fatal("the written rows were not forgotten")
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
