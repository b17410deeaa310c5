package model

import (
	"math"
	"strings"
	"testing"
)

func TestFormatEuro(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{12345.67, "12.345,67 €"},
		{0, "0,00 €"},
		{0.5, "0,50 €"},
		{999.999, "1.000,00 €"},
		{1234567.891, "1.234.567,89 €"},
		{100, "100,00 €"},
		{1000, "1.000,00 €"},
		{-2500.5, "-2.500,50 €"},
		{-0.001, "0,00 €"},
		{math.NaN(), "– €"},
	}
	for _, tt := range tests {
		if got := FormatEuro(tt.in); got != tt.want {
			t.Errorf("FormatEuro(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatPercent(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{12.5, "12,5 %"},
		{15, "15,0 %"},
		{14.96, "15,0 %"},
		{-3.25, "-3,3 %"},
		{100, "100,0 %"},
		{1234.5, "1.234,5 %"},
	}
	for _, tt := range tests {
		if got := FormatPercent(tt.in); got != tt.want {
			t.Errorf("FormatPercent(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		wantErr bool
	}{
		{"12.345,67", 12345.67, false},
		{"12345,67", 12345.67, false},
		{"12.345,67 €", 12345.67, false},
		{"1.200", 1200, false},
		{"1.200.000", 1200000, false},
		{"99.5", 0, true}, // no German reading: 99,5 meant?
		{"99.50", 0, true},
		{"94,000.50", 0, true}, // English grouping
		{"1,000", 0, true},     // 1 or 1.000
		{"80 000", 80000, false},
		{"", 0, false},
		{"0", 0, false},
		{"-5", 0, true},
		{"zwölf", 0, true},
		{"1e9", 0, true},
		{"NaN", 0, true},
		{"Inf", 0, true},
		{"0x1p4", 0, true},
		{"1,2,3", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseAmount("Sachkosten heute", tt.in)
		if tt.wantErr {
			if err == nil || !strings.HasPrefix(err.Error(), "Sachkosten heute: ") {
				t.Errorf("ParseAmount(%q) = %v, %v; want an error naming the field", tt.in, got, err)
			}
			continue
		}
		if err != nil || math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestEfficiencyValidate(t *testing.T) {
	ok := Efficiency{Years: 5, PersonnelNow: 1, PersonnelWith: 1}
	tests := []struct {
		name   string
		edit   func(*Efficiency)
		fields []string
	}{
		{"valid", func(*Efficiency) {}, nil},
		{"all zero but years", func(e *Efficiency) { *e = Efficiency{Years: 1} }, nil},
		{"years zero", func(e *Efficiency) { e.Years = 0 }, []string{"Laufzeit"}},
		{"years negative", func(e *Efficiency) { e.Years = -3 }, []string{"Laufzeit"}},
		{"years absurd", func(e *Efficiency) { e.Years = 500 }, []string{"Laufzeit"}},
		{"negative personnel", func(e *Efficiency) { e.PersonnelNow = -1 }, []string{"Personalkosten heute"}},
		{"negative staff", func(e *Efficiency) { e.StaffWith = -0.5 }, []string{"Personal mit Kooperation (VZÄ)"}},
		{"NaN material", func(e *Efficiency) { e.MaterialWith = math.NaN() }, []string{"Sachkosten mit Kooperation"}},
		{"infinite one-off", func(e *Efficiency) { e.OneOffWith = math.Inf(1) }, []string{"Einmalkosten mit Kooperation"}},
		{"absurd amount", func(e *Efficiency) { e.OneOffNow = 1e15 }, []string{"Einmalkosten heute"}},
		{"two at once", func(e *Efficiency) { e.Years = 0; e.MaterialNow = -2 }, []string{"Laufzeit", "Sachkosten heute"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ok
			tt.edit(&e)
			err := e.Validate()
			if len(tt.fields) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate() = nil, want errors for %v", tt.fields)
			}
			for _, f := range tt.fields {
				if !strings.Contains(err.Error(), f+": ") {
					t.Errorf("error %q does not name %q", err, f)
				}
			}
			if n := strings.Count(err.Error(), "\n") + 1; n != len(tt.fields) {
				t.Errorf("got %d messages, want %d: %q", n, len(tt.fields), err)
			}
		})
	}
}

func TestEfficiencySheet(t *testing.T) {
	tests := []struct {
		name        string
		in          Efficiency
		totalNow    float64
		totalWith   float64
		savings     float64
		percent     float64
		hasPercent  bool
		term        float64
		fundingHint bool
		costlier    bool
	}{
		{
			name:     "meets funding",
			in:       Efficiency{Years: 5, PersonnelNow: 180000, PersonnelWith: 140000, MaterialNow: 60000, MaterialWith: 50000, OneOffWith: 25000},
			totalNow: 240000, totalWith: 195000, savings: 45000, percent: 18.75, hasPercent: true, term: 225000,
		},
		{
			name:     "exactly 15 % over 5 years passes",
			in:       Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 85000},
			totalNow: 100000, totalWith: 85000, savings: 15000, percent: 15, hasPercent: true, term: 75000,
		},
		{
			name:     "below 15 %",
			in:       Efficiency{Years: 6, PersonnelNow: 100000, PersonnelWith: 90000},
			totalNow: 100000, totalWith: 90000, savings: 10000, percent: 10, hasPercent: true, term: 60000, fundingHint: true,
		},
		{
			name:     "term too short",
			in:       Efficiency{Years: 4, PersonnelNow: 100000, PersonnelWith: 50000},
			totalNow: 100000, totalWith: 50000, savings: 50000, percent: 50, hasPercent: true, term: 200000, fundingHint: true,
		},
		{
			name:     "one-off costs on both sides are spread",
			in:       Efficiency{Years: 4, MaterialNow: 10000, MaterialWith: 10000, OneOffNow: 40000, OneOffWith: 8000},
			totalNow: 20000, totalWith: 12000, savings: 8000, percent: 40, hasPercent: true, term: 32000, fundingHint: true,
		},
		{
			name:     "costlier with cooperation",
			in:       Efficiency{Years: 10, PersonnelNow: 50000, PersonnelWith: 60000},
			totalNow: 50000, totalWith: 60000, savings: -10000, percent: -20, hasPercent: true, term: -100000, fundingHint: true, costlier: true,
		},
		{
			name:     "nothing today: no percentage",
			in:       Efficiency{Years: 5, OneOffWith: 5000},
			totalNow: 0, totalWith: 1000, savings: -1000, hasPercent: false, term: -5000, fundingHint: true, costlier: true,
		},
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.in.Validate(); err != nil {
				t.Fatalf("fixture invalid: %v", err)
			}
			s := tt.in.Sheet()
			if !near(s.TotalNow, tt.totalNow) || !near(s.TotalWith, tt.totalWith) || !near(s.Savings, tt.savings) {
				t.Errorf("totals %v / %v, savings %v; want %v / %v, %v", s.TotalNow, s.TotalWith, s.Savings, tt.totalNow, tt.totalWith, tt.savings)
			}
			if s.HasPercent != tt.hasPercent || (tt.hasPercent && !near(s.SavingsPercent, tt.percent)) {
				t.Errorf("percent %v (has %v), want %v (has %v)", s.SavingsPercent, s.HasPercent, tt.percent, tt.hasPercent)
			}
			if !near(s.SavingsTerm, tt.term) {
				t.Errorf("term savings %v, want %v", s.SavingsTerm, tt.term)
			}
			if s.MeetsFunding() == tt.fundingHint {
				t.Errorf("MeetsFunding() = %v, want %v (hints %q)", s.MeetsFunding(), !tt.fundingHint, s.Hints)
			}
			gotCostlier := false
			for _, h := range s.Hints {
				if strings.Contains(h, "höhere Kosten") {
					gotCostlier = true
				}
			}
			if gotCostlier != tt.costlier {
				t.Errorf("costlier hint = %v, want %v (hints %q)", gotCostlier, tt.costlier, s.Hints)
			}
			if len(s.Rows) != 3 {
				t.Fatalf("want 3 cost rows, got %d", len(s.Rows))
			}
			sumNow, sumWith := 0.0, 0.0
			for _, r := range s.Rows {
				sumNow += r.Now
				sumWith += r.With
			}
			if !near(sumNow, s.TotalNow) || !near(sumWith, s.TotalWith) {
				t.Errorf("rows do not add up to the totals")
			}
		})
	}
}

func TestFundingHintWording(t *testing.T) {
	// the hint is quoted in the issue; keep the thresholds and the text in step
	for _, part := range []string{FormatPercent(FundingMinSavingsPercent)[:2] + " %", "5 Jahre", "Förderrichtlinie prüfen"} {
		if !strings.Contains(FundingHint, part) {
			t.Errorf("FundingHint lacks %q", part)
		}
	}
}

// A 15 % saving can vanish when non-deductible VAT is due from 1.1.2027
// (domain.md §8, § 2b UStG): the sheet says so with the worst case.
func TestEfficiencyVATHint_S8(t *testing.T) {
	e := Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 85000}
	s := e.Sheet()
	var hint string
	for _, h := range s.Hints {
		if strings.HasPrefix(h, "Umsatzsteuer prüfen") {
			hint = h
		}
	}
	// 100000 − 85000 × 1.19 = −1150 € (−1,2 %): the saving is gone, said
	// in words with a positive number (one sign convention).
	if !strings.Contains(hint, VATDate) || !strings.Contains(hint, "entstünden Mehrkosten von 1.150,00 € im Jahr (1,2 %)") {
		t.Errorf("VAT hint %q", hint)
	}
	// 100000 − 80000 × 1.19 = 4800 €: a smaller saving remains.
	for _, h := range (Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 80000}).Sheet().Hints {
		if strings.HasPrefix(h, "Umsatzsteuer prüfen") && !strings.Contains(h, "bliebe eine Einsparung von 4.800,00 € im Jahr (4,8 %)") {
			t.Errorf("VAT hint %q", h)
		}
	}
	for _, h := range append(s.Hints, hint) {
		if strings.Contains(h, "-") || strings.Contains(h, "−") {
			t.Errorf("a hint with a minus sign: %q", h)
		}
	}
	if h, ok := (Efficiency{Years: 5, PersonnelNow: 100, PersonnelWith: 120}).Sheet().vatHint(); ok {
		t.Errorf("no saving, but a VAT hint: %q", h)
	}
}
