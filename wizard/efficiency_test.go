package wizard

import (
	"bytes"
	"strings"
	"testing"

	"ikz/model"
)

var (
	years = EfficiencyNumber{Key: "years", Name: "Laufzeit", Unit: UnitYears,
		Set: func(e *model.Efficiency, v float64) { e.Years = int(v) }}
	personnel = EfficiencyNumber{Key: "personnel_now", Name: "Personalkosten heute", Unit: "€/Jahr",
		Set: func(e *model.Efficiency, v float64) { e.PersonnelNow = v }}
	staff = EfficiencyNumber{Key: "staff_now", Name: "Personal heute (VZÄ)", Unit: "VZÄ",
		Set: func(e *model.Efficiency, v float64) { e.StaffNow = v }}
)

func TestEfficiencyParse(t *testing.T) {
	sheet := model.Efficiency{Years: 5}
	cases := []struct {
		n    EfficiencyNumber
		in   string
		want float64
		err  string
	}{
		{personnel, "186.000", 186000, ""},
		{personnel, "12.345,67 €", 12345.67, ""},
		{personnel, "45000 €/Jahr", 45000, ""},
		{personnel, "", 0, ""},
		{personnel, "zwölf", 0, "Personalkosten heute: „zwölf“ ist keine Zahl"},
		{personnel, "-5", 0, "darf nicht negativ sein"},
		{personnel, "999.999.999.999", 0, "unplausibel"},
		{staff, "2,5 VZÄ", 2.5, ""},
		{years, "7 Jahre", 7, ""},
		{years, "2,5", 0, "keine ganze Zahl"},
		{years, "0", 0, "mindestens 1 Jahr"},
	}
	for _, c := range cases {
		got, err := c.n.Parse(sheet, c.in)
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%s %q = %v, %v; want %v", c.n.Key, c.in, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s %q: error %v, want %q", c.n.Key, c.in, err, c.err)
		}
	}
	// Only the field's own problem counts: the sheet has no term yet.
	if v, err := personnel.Parse(model.Efficiency{}, "100"); err != nil || v != 100 {
		t.Errorf("an amount is refused for another field's problem: %v", err)
	}
}

func TestEfficiencyTitle(t *testing.T) {
	if got := personnel.Title(); got != "Personalkosten heute (€/Jahr)" {
		t.Errorf("title %q", got)
	}
	if got := staff.Title(); got != "Personal heute (VZÄ)" {
		t.Errorf("title %q: the unit is in the name already", got)
	}
}

func TestEfficiencyInputAccessible(t *testing.T) {
	sheet := model.Efficiency{Years: 5}
	value := ""
	in := EfficiencyInput(years, func() model.Efficiency { return sheet }, &value)
	var out bytes.Buffer
	in.Init()
	if err := in.RunAccessible(&out, oneLine{strings.NewReader("101\n8\n")}); err != nil {
		t.Fatal(err)
	}
	if value != "8" || !strings.Contains(out.String(), "Laufzeit: 101 Jahre ist unplausibel") || !strings.Contains(out.String(), "Laufzeit (Jahre)") {
		t.Errorf("value %q, output:\n%s", value, out.String())
	}
}
