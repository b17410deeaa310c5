package ui

import (
	"fmt"
	"testing"

	"ikz/model"
)

// BenchmarkCostsKeystroke50 is one keystroke in a number of the
// Kostenverteilung page with 50 partners at 160x45: the preview sheet (six
// keys, the best base share, compensation), its wording and the frame.
func BenchmarkCostsKeystroke50(b *testing.B) {
	e := newTabEnv(b, model.Profile{})
	c := model.CostSharing{Years: 6, StartYear: 2026, StaffFTE: 40, StaffRate: 68000, Material: 900000, OneOff: 1e6, OverheadPercent: 8, VAT: model.VATYes}
	for i := range 50 {
		n := 1 + i%7
		c.Partners = append(c.Partners, model.CostPartner{Name: fmt.Sprintf("Gemeinde %02d", i), Schools: n, Pupils: n * 310, Devices: n * 140,
			PersonDays: float64(n * 20), PersonnelNow: float64(n * 45000), MaterialNow: float64(n * 16000), ContractsNow: float64(n * 5000)})
	}
	if _, err := e.st.Update(e.id, func(s *model.Session) error { s.Costs = &c; return nil }); err != nil {
		b.Fatal(err)
	}
	tb := newCostsTab(e.d, e.sess())
	tb.SetSize(160, 45)
	tb.ed.list.selectID("material")
	var x tab = tb
	x, _ = x.Update(kEnter)
	keys := []any{kRunes("1"), kBackspace}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		x, _ = x.Update(keys[i%2])
		_ = x.View()
	}
}
