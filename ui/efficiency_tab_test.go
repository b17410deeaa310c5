package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

func newTestEfficiencyTab(e *tabEnv, w, h int) tab {
	tb := newEfficiencyTab(e.d, e.sess())
	tb.SetSize(w, h)
	return tb
}

func TestEfficiencyEnterSheet(t *testing.T) {
	e := rvEnv(t, rvSession())
	tb := newTestEfficiencyTab(e, 100, 20)
	if v := plain(tb); !strings.Contains(v, "Tragen Sie links ein") {
		t.Fatalf("an empty sheet does not explain itself:\n%s", v)
	}
	// enter opens Laufzeit; every enter takes the number and opens the next.
	msgs := []tea.Msg{kEnter}
	for _, v := range []string{"5", "186.000", "94000", "", "2,5", "151000", "82.000,00", "45000 €", "2"} {
		msgs = append(msgs, kRunes(v), kEnter)
	}
	tb = e.send(tb, msgs...)
	if tb.Capturing() {
		t.Fatal("the editor is still open after the last field")
	}
	want := model.Efficiency{Years: 5, PersonnelNow: 186000, MaterialNow: 94000, StaffNow: 2.5,
		PersonnelWith: 151000, MaterialWith: 82000, OneOffWith: 45000, StaffWith: 2}
	if got := e.sess().Efficiency; got == nil || *got != want {
		t.Fatalf("stored sheet %+v, want %+v", got, want)
	}
	v := plain(tb)
	for _, s := range []string{"186.000,00 €", "38.000,00 € (13,6 %)", "190.000,00 €", "9.000,00 €", "2,5 → 2,0 VZÄ", "Förderrichtlinie prüfen"} {
		if !strings.Contains(v, s) {
			t.Errorf("result lacks %q:\n%s", s, v)
		}
	}
}

func TestEfficiencyValidation(t *testing.T) {
	sess := rvSession()
	sess.Efficiency = &model.Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 80000}
	e := rvEnv(t, sess)
	cases := []struct {
		row, input, msg string
	}{
		{"personnel_now", "-5", "darf nicht negativ sein"},
		{"material_with", "zwölf", "ist keine Zahl"},
		{"years", "0", "mindestens 1 Jahr"},
		{"years", "2,5", "keine ganze Zahl"},
		{"staff_now", "1e300", "ist keine Zahl"},
		{"material_now", "999.999.999.999", "unplausibel"},
	}
	for _, c := range cases {
		t.Run(c.row+" "+c.input, func(t *testing.T) {
			tb := newTestEfficiencyTab(e, 100, 20)
			tb.(*efficiencyTab).ed.list.selectID(c.row)
			tb = e.send(tb, kEnter)
			tb = e.send(tb, repeat(kBackspace, 12)...) // an empty field counts as 0 and is saved
			before := *e.sess().Efficiency
			tb = e.send(tb, kRunes(c.input), kEnter)
			if v := plain(tb); !strings.Contains(v, c.msg) {
				t.Errorf("no %q for %q:\n%s", c.msg, c.input, v)
			}
			if !tb.Capturing() {
				t.Error("enter moved on from an invalid value")
			}
			if got := e.sess().Efficiency; *got != before {
				t.Errorf("an invalid value was saved: %+v", got)
			}
		})
	}
}

func TestEfficiencyFundingHint(t *testing.T) {
	cases := []struct {
		name     string
		eff      model.Efficiency
		hint, ok bool
	}{
		{"15 % over 5 years", model.Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 85000}, false, true},
		{"below 15 %", model.Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 86000}, true, false},
		{"term too short", model.Efficiency{Years: 4, PersonnelNow: 100000, PersonnelWith: 50000}, true, false},
		{"costs more", model.Efficiency{Years: 8, PersonnelNow: 100000, PersonnelWith: 120000}, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sess := rvSession()
			eff := c.eff
			sess.Efficiency = &eff
			e := rvEnv(t, sess)
			v := plain(newTestEfficiencyTab(e, 120, 30))
			if got := strings.Contains(v, "Förderrichtlinie prüfen"); got != c.hint {
				t.Errorf("hint shown = %v, want %v:\n%s", got, c.hint, v)
			}
			if got := strings.Contains(v, "Förderschwellen") && strings.Contains(v, "erreicht"); got != c.ok {
				t.Errorf("thresholds-met line = %v, want %v:\n%s", got, c.ok, v)
			}
		})
	}
}

func TestEfficiencyIncompleteSheetClaimsNoSavings(t *testing.T) {
	sess := rvSession()
	sess.Efficiency = &model.Efficiency{Years: 5, PersonnelNow: 100000}
	e := rvEnv(t, sess)
	v := plain(newTestEfficiencyTab(e, 100, 20))
	if strings.Contains(v, "100,0 %") || !strings.Contains(v, "fehlen noch die Kosten mit der") {
		t.Errorf("a sheet without the costs with the cooperation shows a saving:\n%s", v)
	}
}

func TestEfficiencyViewFits(t *testing.T) {
	sess := rvSession()
	sess.Efficiency = &model.Efficiency{Years: 3, PersonnelNow: 1234567.89, PersonnelWith: 999999, MaterialNow: 5e9, OneOffWith: 12e6}
	e := rvEnv(t, sess)
	tb := newEfficiencyTab(e.d, e.sess())
	for _, sz := range boxSizes {
		tb.SetSize(sz[0], sz[1])
		assertFits(t, "sheet", tb.View(), sz[0], sz[1])
	}
	tb = e.send(tb, kEnter, kRunes("x"))
	for _, sz := range boxSizes {
		tb.SetSize(sz[0], sz[1])
		assertFits(t, "editor", tb.View(), sz[0], sz[1])
	}
}

func TestEffValueAndEditText(t *testing.T) {
	years, _ := effFieldByID("years")
	staff, _ := effFieldByID("staff_now")
	money, _ := effFieldByID("personnel_now")
	cases := []struct {
		f          effField
		v          float64
		shown, edt string
	}{
		{years, 0, "offen", ""},
		{years, 5, "5 Jahre", "5"},
		{years, 1, "1 Jahr", "1"},
		{staff, 2.5, "2,5 VZÄ", "2,5"},
		{staff, 2, "2 VZÄ", "2"},
		{money, 186000, "186.000,00 €", "186.000"},
		{money, 1234.5, "1.234,50 €", "1.234,5"},
	}
	for _, c := range cases {
		if got := effValue(c.f, c.v); got != c.shown {
			t.Errorf("effValue(%s, %v) = %q, want %q", c.f.id, c.v, got, c.shown)
		}
		if got := editText(c.f, c.v); got != c.edt {
			t.Errorf("editText(%s, %v) = %q, want %q", c.f.id, c.v, got, c.edt)
		}
	}
}

// One sign convention: the word says which way, the numbers are positive.
func TestEfficiencySignConvention(t *testing.T) {
	sess := rvSession()
	sess.Efficiency = &model.Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 111960, MaterialNow: 19600, MaterialWith: 19600}
	e := rvEnv(t, sess)
	v := plain(newTestEfficiencyTab(e, 120, 24))
	for _, want := range []string{"Mehrkosten pro Jahr:", "11.960,00 € (10,0 %)", "Mehrkosten über 5 Jahre:", "59.800,00 €"} {
		if !strings.Contains(v, want) {
			t.Errorf("result lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "-59.800") || strings.Contains(v, "(-") {
		t.Errorf("a minus next to Mehrkosten:\n%s", v)
	}
}

// A long label never touches its value ("Einsparung über 5 Jahre:929.997,50
// €" was seen at 80 columns): beside it with a space, or under it.
func TestEfficiencyResultLabelsKeepApart(t *testing.T) {
	sess := rvSession()
	sess.Efficiency = &model.Efficiency{Years: 5, PersonnelNow: 1240000, MaterialNow: 310000, StaffNow: 14.5,
		PersonnelWith: 1050000, MaterialWith: 290000.5, OneOffWith: 120000, StaffWith: 12.5}
	e := rvEnv(t, sess)
	for _, w := range []int{80, 100, 160} {
		v := plain(newTestEfficiencyTab(e, w, 45))
		if !strings.Contains(v, "929.997,50 €") {
			t.Fatalf("%d cols: the five-year saving is missing:\n%s", w, v)
		}
		for _, label := range []string{"Einsparung pro Jahr:", "Einsparung über 5 Jahre:", "Personal:"} {
			i := strings.Index(v, label)
			if i < 0 {
				t.Fatalf("%d cols: %q missing:\n%s", w, label, v)
			}
			if next := v[i+len(label):]; next == "" || (next[0] != ' ' && next[0] != '\n') {
				t.Errorf("%d cols: %q touches its value:\n%s", w, label, v)
			}
		}
	}
}
