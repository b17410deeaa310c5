package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"ikz/model"
)

// costsDB holds one session with the Kämmerer's sheet (testdata fixture)
// and one without.
func costsDB(t *testing.T) (db, with, without string) {
	t.Helper()
	raw, err := os.ReadFile("../../testdata/kosten_landkreis.csv")
	if err != nil {
		t.Fatal(err)
	}
	ps, err := model.ParseCostCSV(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	db = tempDB(t)
	ids := seed(t, db,
		&model.Session{Title: "Schul-IT Musterkreis", Costs: &model.CostSharing{Years: 6, StaffFTE: 9, StaffRate: 68000, Material: 190000, OneOff: 240000, OverheadPercent: 8, Partners: ps}},
		&model.Session{Title: "Ohne Zahlen"})
	return db, ids[0], ids[1]
}

func TestKostenShowsTheSheet(t *testing.T) {
	db, id, _ := costsDB(t)
	code, out, errOut := runCmd(t, db, "kosten", id)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"## Kostenverteilung", "906.160,00 €", "### Schlüssel im Vergleich", "Bester Grundbetrag"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestKostenCSVFileReadsBack(t *testing.T) {
	db, id, _ := costsDB(t)
	path := filepath.Join(t.TempDir(), "kosten.csv")
	if code, _, errOut := runCmd(t, db, "kosten", id, "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "Kommune;Schulen;Schüler;") || !strings.Contains(string(data), ";534961,93;") {
		t.Errorf("not the Kämmerei's CSV:\n%s", data)
	}
	got, err := model.ParseCostCSV(data, "")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile("../../testdata/kosten_landkreis.csv")
	want, _ := model.ParseCostCSV(raw, "")
	if !reflect.DeepEqual(got, want) {
		t.Error("the exported partners differ from the imported ones")
	}
	// the same file through ikz export
	path2 := filepath.Join(t.TempDir(), "export.csv")
	if code, _, errOut := runCmd(t, db, "export", id, "-o", path2); code != 0 {
		t.Fatalf("export exit %d: %s", code, errOut)
	}
	if data2, _ := os.ReadFile(path2); !bytes.Equal(data, data2) {
		t.Error("ikz export -o x.csv and ikz kosten -o x.csv differ")
	}
}

func TestKostenRefusals(t *testing.T) {
	db, id, without := costsDB(t)
	if code, _, errOut := runCmd(t, db, "kosten", without); code != 1 || !strings.Contains(errOut, "noch keine Kostenverteilung") {
		t.Errorf("a session without sheet: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, db, "kosten", id, "-o", filepath.Join(t.TempDir(), "k.xlsx")); code != 2 || !strings.Contains(errOut, ".csv") {
		t.Errorf("-o k.xlsx: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, db, "kosten", id, "-o", db); code != 2 || errOut == "" {
		t.Errorf("-o the database: exit %d, %q", code, errOut)
	}
	if code, _, _ := runCmd(t, db, "kosten"); code != 2 {
		t.Errorf("no ID: exit %d", code)
	}
}
