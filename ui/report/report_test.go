package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"golang.org/x/net/html"

	"ikz/model"
)

// Regenerate the goldens with: go test ./ui/report -run Report -update
// They depend on the catalogue and the scoring weights, so a change there
// shows up here as a diff to review.

func render(t testing.TB, format string, d Data) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, format, d); err != nil {
		t.Fatalf("Render(%s): %v", format, err)
	}
	return b.String()
}

func TestMarkdownReport(t *testing.T) {
	golden.RequireEqual(t, render(t, "md", fixtureData()))
}

func TestHTMLReport(t *testing.T) {
	golden.RequireEqual(t, render(t, "html", fixtureData()))
}

func TestRenderUnknownFormat(t *testing.T) {
	err := Render(&bytes.Buffer{}, "pdf", fixtureData())
	if err == nil || !strings.Contains(err.Error(), "md oder html") {
		t.Fatalf("Render(pdf) = %v, want a German error naming the formats", err)
	}
}

// TestReportContent checks what the issue asks the report to contain, in
// both formats, independent of the goldens.
func TestReportContent(t *testing.T) {
	d := fixtureData()
	top := d.Result.Top()
	topModel, _ := model.ModelByID(top)
	want := []string{
		"Schul-IT-Verbund Kreis Auental", // header
		"Nordrhein-Westfalen",            // Land
		topModel.Name,                    // recommendation
		"Kipppunkt",                      // flip point
		"Rechtsgrundlage in Nordrhein-Westfalen",
		"bitte",                       // [P]/[U] facts
		"abgelöst am 10.03.2026",      // decision history
		"Erst Erfahrungen sammeln",    // superseded reason kept
		"Personalübergang noch offen", // quick-check note
		"Steuerkreis zweimal im Jahr", // guiding-question note
		"überfällig",                  // overdue measure
		"Rahmenvertrag Endgeräte ausschreiben",
		"38.000,00 €",              // savings per year
		"13,6 %",                   // savings in percent
		model.FundingHint,          // below 15 %
		"Review am 15.03.2027",     // review history
		"Review 2026 (10.03.2026)", // compared with the review before
		"Koordinationsstelle braucht eine Vertretung.",
	}
	for _, format := range Formats {
		out := render(t, format, d)
		if format == "html" {
			out = textOf(t, out)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s report lacks %q", format, w)
			}
		}
	}
	if d.ComparedWith == nil || d.ComparedWith.ID != "snap2" {
		t.Fatalf("compared with %+v, want snap2 (snap3 equals today)", d.ComparedWith)
	}
}

func TestOverdueMarkedPerMeasure(t *testing.T) {
	md := render(t, "md", fixtureData())
	for _, tt := range []struct {
		title   string
		overdue bool
	}{
		{"Rahmenvertrag Endgeräte ausschreiben", true},        // laufend, due 31.01.2027
		{"Agenda der jährlichen Überprüfung festlegen", true}, // geplant, due 15.12.2026
		{"Gemeinsames Ticketsystem für alle Schulen einführen", false},
		{"Entwurf der delegierenden Vereinbarung abstimmen", false},
		{"Serverräume zusammenlegen", false}, // verworfen
	} {
		var row string
		for _, l := range strings.Split(md, "\n") {
			if strings.HasPrefix(l, "| "+tt.title+" |") {
				row = l
			}
		}
		if row == "" {
			t.Errorf("no table row for %q", tt.title)
			continue
		}
		if got := strings.Contains(row, "überfällig"); got != tt.overdue {
			t.Errorf("%q marked overdue = %v, want %v: %s", tt.title, got, tt.overdue, row)
		}
	}
	if !strings.Contains(md, "**2 überfällig.**") {
		t.Error("overdue count missing")
	}
}

func TestEmptySession(t *testing.T) {
	d := Data{Session: &model.Session{Title: "Leer"}, Result: model.Score(nil), Generated: fixedNow}
	for _, format := range Formats {
		out := render(t, format, d)
		for _, w := range []string{"Noch keine Maßnahmen erfasst.", noCosts, "Noch kein Review durchgeführt.", "Noch keine Entscheidung festgehalten."} {
			if !strings.Contains(out, w) {
				t.Errorf("%s report of an empty session lacks %q", format, w)
			}
		}
	}
}

func TestLastComparison(t *testing.T) {
	s := fixtureSession()
	snaps := fixtureSnapshots()
	tests := []struct {
		name  string
		snaps []Snapshot
		want  string // snapshot ID, "" for none
	}{
		{"newest differs", snaps[:2], "snap2"},
		{"newest equals today: take the one before", snaps, "snap2"},
		{"only an equal one", snaps[2:], "snap3"},
		{"none", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, c := LastComparison(s, tt.snaps, fixedNow)
			if tt.want == "" {
				if base != nil || c != nil {
					t.Fatalf("got %v, want none", base)
				}
				return
			}
			if base == nil || base.ID != tt.want || c == nil {
				t.Fatalf("got %v, want %s", base, tt.want)
			}
			if tt.want == "snap3" && c.Changed() {
				t.Errorf("comparison with an equal snapshot reports changes: %+v", c)
			}
		})
	}
}

// textOf returns the visible text of an HTML document.
func textOf(t testing.TB, doc string) string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("HTML does not parse: %v", err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

func TestReportFlagsUnansweredCityStateRetired(t *testing.T) {
	s := &model.Session{Title: "Bezirk", Profile: model.Profile{"bundesland": {"BE"}},
		Retired: map[string]model.RetiredAnswer{"s.alt": {Kind: model.RetiredNote, Value: "alte Notiz", Reason: "Die Frage gibt es nicht mehr."}}}
	r := model.Result{
		Ranking: []model.ModelScore{
			{Model: model.AoeR, Score: 81, Flags: []model.Flag{{Text: "Ob das Land eine gemeinsame Anstalt kennt, ist nicht belegt.", Source: "land_law.md"}}},
			{Model: model.Zweckverband, Score: 0, Excluded: true, Exclusion: "passt nicht zu Teilaufgaben", ExclusionSrc: "H 3.2"},
		},
		Unanswered: []string{"ressourcen", "dauer"},
		CityState:  "Berlin ist ein Stadtstaat.",
	}
	d := Data{Session: s, Result: r, Generated: fixedNow}
	for _, format := range Formats {
		out := render(t, format, d)
		if format == "html" {
			out = textOf(t, out)
		}
		for _, w := range []string{"Stadtstaat", "Berlin ist ein Stadtstaat.", "⚠ Ob das Land eine gemeinsame Anstalt kennt, ist nicht belegt.", "Ressourcen für den Aufbau, Dauer", "passt nicht zu Teilaufgaben", "Nicht mehr im Katalog", "alte Notiz"} {
			if !strings.Contains(out, w) {
				t.Errorf("%s report lacks %q", format, w)
			}
		}
	}
}
