package model

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestCostCSVRoundTrip(t *testing.T) {
	c := threePartners()
	c.Partners[0].StaffNow = 4.5
	c.Partners[1].RemainingWith = 1234.56
	c.Partners[2].PersonDays = 15.25
	c.Partners[2].Name = `=HYPERLINK("x");Gemeinde "C"`
	var buf bytes.Buffer
	if err := WriteCostCSV(&buf, c, c.Sheet()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "Kommune;Schulen;Schüler;Geräte;Personentage;") {
		t.Errorf("header: %q", strings.SplitN(out, "\n", 2)[0])
	}
	for _, want := range []string{"'=HYPERLINK", "412048,19", "1234,56", "\r\nSumme;15;8300;"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	got, err := ParseCostCSV(buf.Bytes(), "")
	if err != nil {
		t.Fatalf("export does not read back: %v\n%s", err, out)
	}
	if !reflect.DeepEqual(got, c.Partners) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, c.Partners)
	}
}

func TestCostCSVImportKaemmereiFile(t *testing.T) {
	// as a German Excel saves it: Windows-1252, CRLF, "." thousands, "€"
	in := "Kommune;Schulen;Schüler;Endgeräte;Personalkosten heute;Sachkosten heute;Verträge heute\r\n" +
		"Landkreis Nordheide;12;7.450;3.100;412.500,00 €;96.000;18.250,50\r\n" +
		";;;;;;\r\n" +
		"Gemeinde Öhringen;2;610;240;58.000;12.400,5;0\r\n"
	cp := bytes.ReplaceAll([]byte(in), []byte("ü"), []byte{0xfc})
	cp = bytes.ReplaceAll(cp, []byte("ä"), []byte{0xe4})
	cp = bytes.ReplaceAll(cp, []byte("Ö"), []byte{0xd6})
	cp = bytes.ReplaceAll(cp, []byte("€"), []byte{0x80})
	got, err := ParseCostCSV(cp, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []CostPartner{
		{Name: "Landkreis Nordheide", Schools: 12, Pupils: 7450, Devices: 3100, PersonnelNow: 412500, MaterialNow: 96000, ContractsNow: 18250.5},
		{Name: "Gemeinde Öhringen", Schools: 2, Pupils: 610, Devices: 240, PersonnelNow: 58000, MaterialNow: 12400.5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %+v\nwant %+v", got, want)
	}
}

func TestCostCSVHostileRefused(t *testing.T) {
	head := "Kommune;Schulen;Schüler;Personalkosten heute\n"
	tests := []struct {
		name, in, want string
	}{
		{"comma separator", "Kommune,Schulen,Schüler\nA,1,2\n", "mit Kommas getrennt"},
		{"tab separator", "Kommune\tSchulen\nA\t1\n", "Tabulatoren"},
		{"english decimals", head + "A;1;200;1234.56\n", "englisch gelesen 1234,56"},
		{"english thousands", head + "A;1;200;1,234,567.00\n", "englisch geschrieben"},
		{"reads two ways", head + "A;1;200;1,500\n", "mehrdeutig"},
		{"huge value", head + "A;1;200;99999999999999999999\n", "zu viele Stellen"},
		{"implausible value", head + "A;1;200;999.999.999.999,00\n", "unplausibel groß"},
		{"huge count", head + "A;1;2.000.000.000;0\n", "unplausibel groß"},
		{"negative", head + "A;1;200;-5\n", "negativ"},
		{"decimal schools", head + "A;1,5;200;0\n", "ganze Zahl"},
		{"scientific", head + "A;1;200;1e9\n", "keine Zahl"},
		{"unknown column", "Kommune;Schulen;Einwohner\nA;1;2\n", "Unbekannte Spalte „Einwohner“"},
		{"no name column", "Schulen;Schüler\n1;2\n", "„Kommune“ fehlt"},
		{"column count", head + "A;1;200\n", "hat 3 Spalten"},
		{"open quote", head + "\"A;1;200;0\n", "Anführungszeichen"},
		{"duplicate", head + "A;1;1;0\na;2;2;0\n", "schon in Zeile 2"},
		{"control chars", head + "A\x1b[31m;1;1;0\n", "Steuerzeichen"},
		{"null bytes", head + "A\x00;1;1;0\n", "Nullbytes"},
		{"empty", "", "kein „;“"},
		{"header only", head, "keine Kommunen"},
		{"too large", head + strings.Repeat("A;1;1;0\n", MaxCostCSVBytes/8+1), "zu groß"},
		{"long cell", head + "A;1;1;" + strings.Repeat("1", 300) + "\n", "mehr als 200 Zeichen"},
		{"missing name", head + ";1;1;0\n", "Name der Kommune fehlt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCostCSV([]byte(tt.in), "")
			if err == nil {
				t.Fatalf("accepted %q", tt.in)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestCostCSVTooManyPartners(t *testing.T) {
	var b strings.Builder
	b.WriteString("Kommune;Schulen\n")
	for i := range maxCostPartners + 1 {
		b.WriteString("K" + strings.Repeat("x", i%5) + string(rune('A'+i%26)) + FormatNumber(float64(i), 0) + ";1\n")
	}
	if _, err := ParseCostCSV([]byte(b.String()), ""); err == nil || !strings.Contains(err.Error(), "Mehr als 200 Partner") {
		t.Fatalf("error %v, want a limit", err)
	}
}

func TestCostCSVOwnDriverColumn(t *testing.T) {
	got, err := ParseCostCSV([]byte("Kommune;Räume\nA;12\n"), "Räume")
	if err != nil || len(got) != 1 || got[0].Devices != 12 {
		t.Fatalf("got %+v, %v", got, err)
	}
}

// FuzzParseCostCSV: the parser never panics, what it accepts is valid and
// survives an export and a second import unchanged.
func FuzzParseCostCSV(f *testing.F) {
	f.Add([]byte("Kommune;Schulen;Schüler;Geräte;Personalkosten heute\nA;1;2;3;4,5\nB;0;1.000;2;1.234,56 €\n"))
	f.Add([]byte("Kommune;Personentage;Verbleibende Kosten\n'=A;1,25;3\n\"B;\"\"x\"\"\";2;0\n"))
	f.Add([]byte("Kommune,Schulen\nA,1\n"))
	f.Add([]byte("\xef\xbb\xbfKommune;Schulen\r\n\x80;1\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := ParseCostCSV(data, "")
		if err != nil {
			if !utf8Valid(err.Error()) {
				t.Fatalf("error message is not UTF-8: %q", err)
			}
			return
		}
		c := CostSharing{Years: 5, Material: 1000, Partners: ps}
		if err := c.Validate(); err != nil {
			t.Fatalf("parser accepted an invalid sheet: %v", err)
		}
		var buf bytes.Buffer
		if err := WriteCostCSV(&buf, c, c.Sheet()); err != nil {
			t.Fatal(err)
		}
		again, err := ParseCostCSV(buf.Bytes(), "")
		if err != nil {
			t.Fatalf("export does not read back: %v\n%s", err, buf.String())
		}
		if !reflect.DeepEqual(again, ps) {
			t.Fatalf("round trip changed the partners:\n%+v\n%+v", ps, again)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\ufffd") == s }
