package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"ikz/model"
)

func newTestCostsTab(e *tabEnv, w, h int) *costsTab {
	tb := newCostsTab(e.d, e.sess())
	tb.SetSize(w, h)
	return tb
}

// fixtureCSV is the Kämmerer's file: a Landkreis and 8 Gemeinden.
const fixtureCSV = "../testdata/kosten_landkreis.csv"

func costsSession() *model.Session {
	s := rvSession()
	s.Costs = &model.CostSharing{Years: 6, StartYear: 2026, StaffFTE: 9, StaffRate: 68000, Material: 190000, OneOff: 240000, OverheadPercent: 8}
	return s
}

func TestCostsAddPartnerAndFigures(t *testing.T) {
	e := rvEnv(t, rvSession())
	tb := newTestCostsTab(e, 120, 30)
	if v := plain(tb); !strings.Contains(v, "Wer zahlt was?") {
		t.Fatalf("an empty sheet does not explain itself:\n%s", v)
	}
	// a, the name, enter: the partner's figures follow, one enter each
	msgs := []tea.Msg{kRunes("a"), kRunes("Gemeinde Nordheim"), kEnter}
	for _, v := range []string{"3", "1.250", "600", "40", "0,8", "52.000", "18.500,50", "9000", "1.000"} {
		msgs = append(msgs, kRunes(v), kEnter)
	}
	var x tab = tb
	x = e.send(x, msgs...)
	if x.Capturing() {
		t.Fatal("the editor is still open after the last field")
	}
	got := e.sess().Costs
	want := model.CostPartner{Name: "Gemeinde Nordheim", Schools: 3, Pupils: 1250, Devices: 600, PersonDays: 40, StaffNow: 0.8,
		PersonnelNow: 52000, MaterialNow: 18500.5, ContractsNow: 9000, RemainingWith: 1000}
	if got == nil || len(got.Partners) != 1 || got.Partners[0] != want {
		t.Fatalf("stored %+v, want one partner %+v", got, want)
	}
	if v := plain(x); !strings.Contains(v, "Gemeinde Nordheim: heute 79.500,50 €") {
		t.Errorf("the partner's page does not show its cost today:\n%s", v)
	}
}

func TestCostsEscDropsEnterCommitsZUndoes(t *testing.T) {
	e := rvEnv(t, costsSession())
	tb := newTestCostsTab(e, 120, 30)
	tb.ed.list.selectID("staff_rate")
	var x tab = tb
	x = e.send(x, kEnter)
	x = e.send(x, repeat(kBackspace, 10)...)
	x = e.send(x, kRunes("75000"))
	if got := e.sess().Costs.StaffRate; got != 68000 {
		t.Fatalf("typing stored the rate before enter: %v", got)
	}
	if v := plain(x); !strings.Contains(v, "Gemeinsame Kosten") {
		t.Fatalf("no preview while typing:\n%s", v)
	}
	x = e.send(x, kEsc)
	if got := e.sess().Costs.StaffRate; got != 68000 || tb.cs.StaffRate != 68000 {
		t.Fatalf("esc kept the typed rate: stored %v, shown %v", got, tb.cs.StaffRate)
	}
	tb.ed.list.selectID("staff_rate")
	x = e.send(x, kEnter, repeat(kBackspace, 10)[0])
	x = e.send(x, repeat(kBackspace, 10)...)
	x = e.send(x, kRunes("75.000"), kEnter, kEsc)
	if got := e.sess().Costs.StaffRate; got != 75000 {
		t.Fatalf("enter did not store the rate: %v", got)
	}
	x = undo(e, x)
	if got := e.sess().Costs.StaffRate; got != 68000 {
		t.Fatalf("z did not undo the rate: %v", got)
	}
	// an invalid value is explained while typing and never stored
	tb.ed.list.selectID("overhead")
	x = e.send(x, kEnter, kBackspace, kRunes("140"))
	if v := plain(x); !strings.Contains(v, "unplausibel groß") {
		t.Errorf("140 %% not explained:\n%s", v)
	}
	x = e.send(x, kEnter)
	if !x.Capturing() {
		t.Error("enter closed the editor on an invalid value")
	}
	if got := e.sess().Costs.OverheadPercent; got != 8 {
		t.Errorf("overhead %v stored, want 8", got)
	}
}

// undo plays z of the session screen.
func undo(e *tabEnv, x tab) tab {
	return e.settle(x, e.run(x, e.d.changes.undo()))
}

func TestCostsImportCSVAndUndo(t *testing.T) {
	e := rvEnv(t, costsSession())
	tb := newTestCostsTab(e, 160, 45)
	var x tab = tb
	x = e.send(x, kRunes("i"), kRunes(fixtureCSV), kEnter)
	got := e.sess().Costs
	if got == nil || len(got.Partners) != 9 {
		t.Fatalf("import stored %+v", got)
	}
	v := plain(x)
	for _, want := range []string{"9 neu", "Gemeinsame Kosten 906.160,00 € im Jahr", "Alle Partner sparen mit den Schlüsseln",
		"Einsparung je Partner", "Landkreis Musterkreis", "Bester Grundbetrag: 6,9 %"} {
		if !strings.Contains(v, want) {
			t.Errorf("after the import the page lacks %q:\n%s", want, v)
		}
	}
	assertFits(t, "costs 160x45", x.View(), 160, 45)
	undo(e, x)
	if n := len(e.sess().Costs.Partners); n != 0 {
		t.Fatalf("z left %d partners", n)
	}
}

func TestCostsImportRefusesHostileFile(t *testing.T) {
	e := rvEnv(t, costsSession())
	path := filepath.Join(t.TempDir(), "excel.csv")
	if err := os.WriteFile(path, []byte("Kommune,Schulen\nA,1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var x tab = newTestCostsTab(e, 120, 30)
	x = e.send(x, kRunes("i"), kRunes(path), kEnter)
	if v := plain(x); !strings.Contains(v, "mit Kommas getrennt") || !x.Capturing() {
		t.Errorf("a comma file was not refused in the open editor:\n%s", v)
	}
	if n := len(e.sess().Costs.Partners); n != 0 {
		t.Errorf("%d partners stored from a refused file", n)
	}
}

func TestCostsDeleteConfirmAndUndo(t *testing.T) {
	sess := costsSession()
	sess.Costs.Partners = []model.CostPartner{{Name: "A", Schools: 1}, {Name: "B", Schools: 2}}
	sess.Costs.Lead = "A"
	e := rvEnv(t, sess)
	tb := newTestCostsTab(e, 120, 30)
	tb.ed.list.selectID(costRowPartner + "0")
	var x tab = tb
	x = e.send(x, kDelete)
	if v := plain(x); !strings.Contains(v, "„A“ mit allen Zahlen löschen?") {
		t.Fatalf("no question before deleting:\n%s", v)
	}
	x = e.send(x, kRunes("n"))
	if n := len(e.sess().Costs.Partners); n != 2 {
		t.Fatalf("n deleted: %d partners", n)
	}
	x = e.send(x, kDelete, kRunes("j"))
	if c := e.sess().Costs; len(c.Partners) != 1 || c.Lead != "" {
		t.Fatalf("after delete: %+v", c)
	}
	undo(e, x)
	if c := e.sess().Costs; len(c.Partners) != 2 || c.Lead != "A" {
		t.Fatalf("z did not bring A back: %+v", c)
	}
}

func TestCostsSwitchesAndBest(t *testing.T) {
	e := rvEnv(t, costsSession())
	tb := newTestCostsTab(e, 160, 45)
	var x tab = tb
	x = e.send(x, kRunes("i"), kRunes(fixtureCSV), kEnter)
	tb.ed.list.selectID("vat")
	x = e.send(x, kEnter)
	if got := e.sess().Costs.VAT; got != model.VATYes {
		t.Fatalf("enter on Umsatzsteuer: %q, want ja", got)
	}
	x = e.send(x, kRunes("b"))
	if got := e.sess().Costs.MixedBase; got == nil {
		t.Fatal("b did not adopt the best base share")
	}
	tb.ed.list.selectID("chosen")
	x = e.send(x, kEnter)
	if got := e.sess().Costs.Chosen; got != model.KeyEqual {
		t.Fatalf("chosen %q, want gleich", got)
	}
	if v := plain(x); !strings.Contains(v, "Ausgleich") {
		t.Errorf("equal shares leave partners worse off, but no compensation is shown:\n%s", v)
	}
}

func TestCostsTableView(t *testing.T) {
	e := rvEnv(t, costsSession())
	var x tab = newTestCostsTab(e, 80, 20)
	x = e.send(x, kRunes("i"), kRunes(fixtureCSV), kEnter, kRunes("t"))
	v := plain(x)
	for _, want := range []string{"Kostenverteilung je Schlüssel", "Gemeinsame Kosten pro Jahr", "906.160,00 €"} {
		if !strings.Contains(v, want) {
			t.Errorf("table lacks %q:\n%s", want, v)
		}
	}
	assertFits(t, "table 80x20", v, 80, 20)
	x = e.send(x, repeat(kRunes("j"), 200)...)
	if v := plain(x); !strings.Contains(v, "Jeder zahlt die Personentage") {
		t.Errorf("the end of the table does not explain the keys:\n%s", v)
	}
	x = e.send(x, kEsc)
	if strings.Contains(plain(x), "↑/↓ blättern") {
		t.Error("esc did not leave the table")
	}
}

func TestCostsFitNarrowAndWide(t *testing.T) {
	e := rvEnv(t, costsSession())
	for _, sz := range [][2]int{{80, 15}, {100, 20}, {160, 38}} {
		var x tab = newTestCostsTab(e, sz[0], sz[1])
		x = e.send(x, kRunes("i"), kRunes(fixtureCSV), kEnter)
		assertFits(t, "costs", x.View(), sz[0], sz[1])
		_ = undo(e, x)
	}
}

func TestEconomyTabSwitchesPages(t *testing.T) {
	e := rvEnv(t, costsSession())
	var x tab = newEconomyTab(e.d, e.sess())
	x.SetSize(100, 30)
	if v := plain(x); !strings.Contains(v, "[Gesamtrechnung]") {
		t.Fatalf("the tab does not start on the efficiency sheet:\n%s", v)
	}
	x = e.send(x, kRunes("v"))
	if v := plain(x); !strings.Contains(v, "[Kostenverteilung je Partner]") {
		t.Fatalf("v does not switch:\n%s", v)
	}
	// typed into an editor, v is a letter
	e.send(x, kRunes("a"), kRunes("Verbandsgemeinde"), kEnter)
	if c := e.sess().Costs; len(c.Partners) != 1 || c.Partners[0].Name != "Verbandsgemeinde" {
		t.Fatalf("name with v: %+v", c.Partners)
	}
}

// ink paints exactly as lipgloss renders, in colour too.
func TestInkMatchesLipgloss(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	s := r.NewStyle().Foreground(lipgloss.Color("#ff0000")).Bold(true)
	if got, want := inkOf(s).paint("12,3 %"), s.Render("12,3 %"); got != want {
		t.Fatalf("ink %q, lipgloss %q", got, want)
	}
}

// The accessible mode reads the sheet out in the page's words.
func TestAccessibleCosts(t *testing.T) {
	raw, err := os.ReadFile(fixtureCSV)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := model.ParseCostCSV(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	sess := costsSession()
	sess.Costs.Partners = ps
	st := shStore(t, sess)
	text := runAccessible(t, st, script{"2", menu("Kostenverteilung"), menu("Beenden")})
	containsAll(t, text, "costs",
		"Kostenverteilung je Partner vorlesen (9 Partner)",
		"Gemeinsame Kosten: 906.160,00 € im Jahr.",
		"Alle Partner sparen mit den Schlüsseln",
		"Schlüssel gleiche Anteile: 6 Partner zahlen mehr als heute; kleinste Einsparung -455,4 % (Gemeinde Hohenau).",
		"Je Partner beim Schlüssel nach Personentagen",
		"  Landkreis Musterkreis: Anteil 466.240,00 €, Kosten heute 585.000,00 €, Einsparung 93.760,00 € im Jahr (16,0 %), erreicht 15 % über 5 Jahre.")
}

// The export hint names this session's ID, ready to copy (not "SITZUNG").
func TestCostsExportHintNamesTheSession(t *testing.T) {
	sess := rvSession()
	e := rvEnv(t, sess)
	tb := newTestCostsTab(e, 120, 30)
	want := "ikz kosten " + e.sess().ID + " -o kosten.csv"
	if v := plain(tb); !strings.Contains(v, want) || strings.Contains(v, "SITZUNG") {
		t.Errorf("the export hint does not name the session (%q):\n%s", want, v)
	}
}
