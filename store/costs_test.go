package store

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"ikz/model"
)

// costSheet is a small cost-sharing sheet with every kind of field set.
func costSheet() *model.CostSharing {
	base := 37.5
	return &model.CostSharing{
		Years: 6, StartYear: 2026, StaffFTE: 3.5, StaffRate: 72000, Material: 80000, OneOff: 45000,
		OverheadPercent: 8, VAT: model.VATYes, Lead: "Landkreis", DriverName: "Räume",
		MixedBase: &base, MixedDriver: model.KeySchools, Chosen: model.KeyMixed,
		Partners: []model.CostPartner{
			{Name: "Landkreis", Schools: 9, Pupils: 5400, Devices: 2100, PersonDays: 180.5, StaffNow: 3, PersonnelNow: 210000, MaterialNow: 60000, ContractsNow: 12000.5},
			{Name: "Gemeinde A", Schools: 2, Pupils: 480, Devices: 190, PersonDays: 20, PersonnelNow: 30000, RemainingWith: 1500},
		},
	}
}

// The cost-sharing sheet survives a write, a reopen of the real file and
// an export/import.
func TestCostsPersist(t *testing.T) {
	c := newClock()
	s, _ := openTemp(t, c)
	sess := &model.Session{Title: "Kosten", Traeger: "Landkreis"}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(sess.ID, func(x *model.Session) error { x.Costs = costSheet(); return nil }); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, c)
	got, err := s.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Costs, costSheet()) {
		t.Fatalf("after reopen:\n got %+v\nwant %+v", got.Costs, costSheet())
	}
	exp, err := s.Export(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteExport(&buf, exp); err != nil {
		t.Fatal(err)
	}
	docs, err := ParseExport(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(docs[0].Session.Costs, costSheet()) {
		t.Fatalf("after export/import:\n got %+v\nwant %+v", docs[0].Session.Costs, costSheet())
	}
}

// An imported file with an invalid cost sheet is refused with the field named.
func TestCostsImportValidated(t *testing.T) {
	sess := &model.Session{Title: "Kosten", Costs: costSheet()}
	sess.Costs.Partners[1].Pupils = -4
	err := validateImport(sess)
	if err == nil || !strings.Contains(err.Error(), "Kostenverteilung") || !strings.Contains(err.Error(), "Schüler") {
		t.Fatalf("error %v, want the cost sheet's field", err)
	}
}
