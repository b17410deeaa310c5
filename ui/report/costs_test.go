package report

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"ikz/model"
)

// costsData is the report fixture with the Kämmerer's cost-sharing sheet:
// a Landkreis and 8 Gemeinden (testdata/kosten_landkreis.csv), one of them
// with a name that tries to break out of Markdown and HTML.
func costsData(t *testing.T) Data {
	t.Helper()
	raw, err := os.ReadFile("../../testdata/kosten_landkreis.csv")
	if err != nil {
		t.Fatal(err)
	}
	ps, err := model.ParseCostCSV(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	ps[8].Name = "<script>x</script> | **Ilm**"
	d := fixtureData()
	d.Session.Costs = &model.CostSharing{Years: 6, StartYear: 2026, StaffFTE: 9, StaffRate: 68000, Material: 190000,
		OneOff: 240000, OverheadPercent: 8, VAT: model.VATYes, Lead: "Landkreis Musterkreis", Chosen: model.KeyEqual, Partners: ps}
	return d
}

func TestCostsSectionMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, "md", costsData(t)); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		"## Kostenverteilung",
		"- Kostenverteilung – Gewählter Schlüssel: gleiche Anteile. Alle Partner sparen mit den Schlüsseln „nach Schülerzahl“",
		"| **Gemeinsame Kosten pro Jahr** | **906.160,00 €** |",
		"### Einsparung je Partner – gleiche Anteile",
		"Der gewählte Schlüssel; in Prozent",
		"### Schlüssel im Vergleich",
		"| **gleiche Anteile** (gewählt) |",
		"### Ausgleichszahlungen",
		"19 % auf die Anteile in 5 von 6 Jahren",
		"Landkreis Musterkreis (federführend",
		"- **nach Personentagen**: Jeder zahlt die Personentage",
		`\<script\>x\</script\> \| \*\*Ilm\*\*`,
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if strings.Index(md, "## Kostenverteilung") < strings.Index(md, "## Wirtschaftlichkeit") {
		t.Error("Kostenverteilung comes before Wirtschaftlichkeit")
	}
}

func TestCostsSectionHTML(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, "html", costsData(t)); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, want := range []string{
		"<h2>Kostenverteilung</h2>",
		`<div class="fill loss" style="width: `,
		"&lt;script&gt;x&lt;/script&gt; | **Ilm**",
		"<h3>Ausgleichszahlungen</h3>",
		`<th class="num">USt</th>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(html, "<script>x") {
		t.Error("a partner name reached the HTML unescaped")
	}
}

// Without a sheet the report has no section (and no empty heading).
func TestCostsSectionOnlyWithPartners(t *testing.T) {
	d := fixtureData()
	d.Session.Costs = &model.CostSharing{Years: 5}
	var b bytes.Buffer
	if err := Render(&b, "md", d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "## Kostenverteilung") {
		t.Error("a sheet without partners got a section")
	}
}
