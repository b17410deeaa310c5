package model

import (
	"strings"
	"testing"
)

// threePartners: a Landkreis and two Gemeinden; every figure below is
// computed by hand in the comments of TestCostKeysHandComputed.
func threePartners() CostSharing {
	return CostSharing{
		Years: 5, StaffFTE: 5, StaffRate: 70000, Material: 150000, OneOff: 100000, OverheadPercent: 10,
		VAT: VATNo,
		Partners: []CostPartner{
			{Name: "Landkreis", Schools: 10, Pupils: 6000, Devices: 3000, PersonDays: 200, PersonnelNow: 300000, MaterialNow: 100000, ContractsNow: 50000},
			{Name: "Gemeinde B", Schools: 4, Pupils: 2000, Devices: 900, PersonDays: 60, PersonnelNow: 120000, MaterialNow: 40000, ContractsNow: 10000},
			{Name: "Gemeinde C", Schools: 1, Pupils: 300, Devices: 150, PersonDays: 15, PersonnelNow: 40000, MaterialNow: 8000, ContractsNow: 2000},
		},
	}
}

func TestCostJointHandComputed(t *testing.T) {
	j := threePartners().Joint()
	// 5 VZÄ × 70.000 € = 350.000 €; 100.000 € / 5 years; 10 % of 500.000 €
	want := JointCost{Staff: 35_000_000, Material: 15_000_000, OneOffPerYear: 2_000_000, Overhead: 5_000_000, Total: 57_000_000}
	if j != want {
		t.Fatalf("Joint = %+v, want %+v", j, want)
	}
}

func TestCostKeysHandComputed(t *testing.T) {
	fixed50 := 50.0
	tests := []struct {
		name  string
		key   CostKey
		base  *float64
		share []int64 // cents per year
	}{
		// 57.000.000 ct / 3
		{"equal", KeyEqual, nil, []int64{19_000_000, 19_000_000, 19_000_000}},
		// 10, 4, 1 of 15 schools divide evenly
		{"schools", KeySchools, nil, []int64{38_000_000, 15_200_000, 3_800_000}},
		// of 8.300 pupils: 41.204.819,28 / 13.734.939,76 / 2.060.240,96 →
		// two cents left, to the largest remainders (C ,96 and B ,76)
		{"pupils", KeyPupils, nil, []int64{41_204_819, 13_734_940, 2_060_241}},
		// of 4.050 devices: 42.222.222,22 / 12.666.666,67 / 2.111.111,11 → one cent to B
		{"devices", KeyDevices, nil, []int64{42_222_222, 12_666_667, 2_111_111}},
		// of 275 person-days: 41.454.545,45 / 12.436.363,64 / 3.109.090,91 → C, B
		{"usage", KeyUsage, nil, []int64{41_454_545, 12_436_364, 3_109_091}},
		// half equal, half by pupils: 30.102.409,64 / 16.367.469,88 / 10.530.120,48 → B, A
		{"mixed 50 %", KeyMixed, &fixed50, []int64{30_102_410, 16_367_470, 10_530_120}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := threePartners()
			c.MixedBase = tt.base
			r, ok := c.Sheet().Key(tt.key)
			if !ok || r.Unusable != "" {
				t.Fatalf("key %s unusable: %q", tt.key, r.Unusable)
			}
			var sum int64
			for i, p := range r.Partners {
				if p.Share != tt.share[i] {
					t.Errorf("%s: share %d, want %d", p.Name, p.Share, tt.share[i])
				}
				sum += p.Share
			}
			if sum != 57_000_000 {
				t.Errorf("shares add up to %d, want 57.000.000", sum)
			}
		})
	}
}

func TestCostSavingsByPupils(t *testing.T) {
	r, _ := threePartners().Sheet().Key(KeyPupils)
	want := []struct {
		saving int64
		pct    string
		meets  bool
	}{
		{45_000_000 - 41_204_819, "8,4 %", false},
		{17_000_000 - 13_734_940, "19,2 %", true},
		{5_000_000 - 2_060_241, "58,8 %", true},
	}
	for i, p := range r.Partners {
		if p.Saving != want[i].saving || FormatPercent(p.SavingPct) != want[i].pct || p.MeetsFunding != want[i].meets {
			t.Errorf("%s: saving %d %s meets %v, want %d %s %v", p.Name, p.Saving, FormatPercent(p.SavingPct), p.MeetsFunding, want[i].saving, want[i].pct, want[i].meets)
		}
		if p.SavingTerm != 5*p.Saving {
			t.Errorf("%s: term %d, want 5 × %d", p.Name, p.SavingTerm, p.Saving)
		}
	}
	if !r.AllSave || r.Losers != 0 {
		t.Errorf("AllSave %v Losers %d, want true 0", r.AllSave, r.Losers)
	}
}

func TestCostEqualCentGoesToFirst(t *testing.T) {
	c := CostSharing{Years: 5, Material: 100, Partners: []CostPartner{{Name: "A"}, {Name: "B"}, {Name: "C"}}}
	r, _ := c.Sheet().Key(KeyEqual)
	got := []int64{r.Partners[0].Share, r.Partners[1].Share, r.Partners[2].Share}
	if got[0] != 3334 || got[1] != 3333 || got[2] != 3333 {
		t.Fatalf("100 € in three: %v, want 3334 3333 3333", got)
	}
}

func TestCostVATDateRule(t *testing.T) {
	tests := []struct {
		vat         VATMode
		start, want int
	}{
		{VATAsk, 2026, 0},
		{VATNo, 2028, 0},
		{VATYes, 0, 5},    // start unknown: every year
		{VATYes, 2025, 3}, // 2027, 2028, 2029
		{VATYes, 2026, 4},
		{VATYes, 2027, 5},
		{VATYes, 2020, 0}, // ends before 2027
	}
	for _, tt := range tests {
		c := CostSharing{Years: 5, VAT: tt.vat, StartYear: tt.start}
		if got := c.TaxedYears(); got != tt.want {
			t.Errorf("VAT %q start %d: %d taxed years, want %d", tt.vat, tt.start, got, tt.want)
		}
	}
}

func TestCostVATOnSharesExceptLead(t *testing.T) {
	c := threePartners()
	c.VAT, c.StartYear, c.Lead = VATYes, 2026, "Landkreis"
	r, _ := c.Sheet().Key(KeySchools)
	a, b := r.Partners[0], r.Partners[1]
	if a.VAT != 0 {
		t.Errorf("lead pays VAT %d, want 0", a.VAT)
	}
	// 19 % of 152.000 € = 28.880 €; 170.000 − 180.880 = −10.880 € in a
	// year with VAT, +18.000 € in 2026: 4 × −10.880 + 18.000 = −25.520 €
	if b.VAT != 2_888_000 || b.Saving != -1_088_000 || b.SavingTerm != -2_552_000 {
		t.Errorf("B: VAT %d saving %d term %d, want 2888000 -1088000 -2552000", b.VAT, b.Saving, b.SavingTerm)
	}
}

func TestCostCompensationWhenNobodyElseGains(t *testing.T) {
	c := threePartners()
	c.Chosen = KeyEqual
	s := c.Sheet()
	if s.Reference != KeyEqual {
		t.Fatalf("reference %s, want the chosen key", s.Reference)
	}
	// equal: A saves 260.000 €, B pays 20.000 € more, C 140.000 € more
	want := []Compensation{{"Landkreis", -16_000_000}, {"Gemeinde B", 2_000_000}, {"Gemeinde C", 14_000_000}}
	if len(s.Compensation) != 3 {
		t.Fatalf("compensation %+v, want %+v", s.Compensation, want)
	}
	for i, w := range want {
		if s.Compensation[i] != w {
			t.Errorf("compensation %d = %+v, want %+v", i, s.Compensation[i], w)
		}
	}
}

func TestCostCompensationSplitBySavings(t *testing.T) {
	// A saves 300 €, B 100 €, C pays 101 € more: A pays 3/4, B 1/4
	c := CostSharing{Years: 5, Material: 300, Chosen: KeyEqual, Partners: []CostPartner{
		{Name: "A", MaterialNow: 400}, {Name: "B", MaterialNow: 200}, {Name: "C", RemainingWith: 1}, // no own cost today, 1 € stays: 101 € more
	}}
	s := c.Sheet()
	var sum int64
	for _, p := range s.Compensation {
		sum += p.Amount
	}
	if sum != 0 || len(s.Compensation) != 3 {
		t.Fatalf("compensation %+v does not add up to 0", s.Compensation)
	}
	if s.Compensation[0].Amount != -7575 || s.Compensation[1].Amount != -2525 || s.Compensation[2].Amount != 10100 {
		t.Errorf("compensation %+v, want A −75,75, B −25,25, C +101,00", s.Compensation)
	}
}

func TestCostShortfallWhenCooperationCostsMore(t *testing.T) {
	c := CostSharing{Years: 5, Material: 1000, Partners: []CostPartner{{Name: "A", MaterialNow: 300}, {Name: "B", MaterialNow: 300}}}
	s := c.Sheet()
	if s.Shortfall != 40000 || len(s.AllSaveKeys) != 0 {
		t.Fatalf("shortfall %d, all-save keys %v; want 400 € and none", s.Shortfall, s.AllSaveKeys)
	}
	if !strings.Contains(strings.Join(s.Hints, " "), "Kein Schlüssel") {
		t.Errorf("hints %q do not say that no key helps", s.Hints)
	}
}

func TestCostUnusableKeyNamesMissingFigures(t *testing.T) {
	c := CostSharing{Years: 5, Material: 1000, Partners: []CostPartner{{Name: "A", Schools: 2}, {Name: "B", Schools: 1}}}
	s := c.Sheet()
	for _, k := range []CostKey{KeyPupils, KeyMixed, KeyUsage} {
		r, _ := s.Key(k)
		if r.Unusable == "" || len(r.Partners) != 0 {
			t.Errorf("%s usable without figures: %+v", k, r)
		}
	}
	if r, _ := s.Key(KeyPupils); !strings.Contains(r.Unusable, "Schülerzahlen") {
		t.Errorf("pupils: %q does not name what is missing", r.Unusable)
	}
}

func TestCostValidate(t *testing.T) {
	bad := threePartners()
	bad.Years = 0
	bad.Partners[1].Pupils = -3
	bad.Partners[2].Name = "Gemeinde B"
	bad.Lead = "Niemand"
	bad.OverheadPercent = 140
	err := bad.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"Laufzeit", "Schüler", "doppelt", "Federführung", "Gemeinkosten"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if err := threePartners().Validate(); err != nil {
		t.Errorf("valid sheet: %v", err)
	}
}

func TestFormatCents(t *testing.T) {
	for c, want := range map[int64]string{0: "0,00 €", 5: "0,05 €", -5: "-0,05 €", 123456789: "1.234.567,89 €", -100: "-1,00 €"} {
		if got := FormatCents(c); got != want {
			t.Errorf("FormatCents(%d) = %q, want %q", c, got, want)
		}
	}
}
