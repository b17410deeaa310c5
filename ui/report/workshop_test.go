package report

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"ikz/model"
	"ikz/ui/wording"
)

func TestWorkshopMarkdownReport(t *testing.T) {
	golden.RequireEqual(t, render(t, "md", workshopData()))
}

func TestWorkshopHTMLReport(t *testing.T) {
	golden.RequireEqual(t, render(t, "html", workshopData()))
}

// TestWorkshopContent checks the workshop section in both formats,
// independent of the goldens: levels with the Workshop tab's marks, option
// labels instead of raw values, who said what, who did not answer, and the
// rankings side by side.
func TestWorkshopContent(t *testing.T) {
	want := []string{
		"Workshop: Antworten der Kommunen",
		"= Einigkeit", "≈ teilweise", "≠ Dissens",
		"3× Nordrhein-Westfalen (Stadt Lindenhagen, Gemeinde Birkenfelde, Stadt Auental-Nord)",
		"2× ja (Stadt Lindenhagen, Gemeinde Birkenfelde)",
		"1× nein (Stadt Auental-Nord)",
		"1× nur Austausch (Stadt Lindenhagen)",
		"2× Kosten senken, wirtschaftlicher arbeiten; besseren Service für die Schulen (Stadt Lindenhagen, Stadt Auental-Nord)",
		"ohne Antwort: Stadt Auental-Nord",
		"ohne Antwort: Gemeinde Birkenfelde, Stadt Auental-Nord", // qc.s2, rated by one
		"2× erledigt (Stadt Lindenhagen, Gemeinde Birkenfelde)",
		"1× in Arbeit (Stadt Lindenhagen)",
		"noch keine",
		"Gemeinsam",
		"Vereinb.", // short model names
	}
	for _, format := range Formats {
		out := render(t, format, workshopData())
		if format == "html" {
			out = textOf(t, out)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s report lacks %q", format, w)
			}
		}
		for _, raw := range []string{"(austausch)", "× true", "× NW", "in_arbeit"} {
			if strings.Contains(out, raw) {
				t.Errorf("%s report shows a raw value %q", format, raw)
			}
		}
		// after the recommendation, before the decisions
		rec, ws, dec := strings.Index(out, "Empfehlung"), strings.Index(out, "Workshop: Antworten"), strings.Index(out, "Entscheidungen")
		if !(rec < ws && ws < dec) {
			t.Errorf("%s: section order Empfehlung %d, Workshop %d, Entscheidungen %d", format, rec, ws, dec)
		}
		// disputed first: "Umfang" (Dissens) before "Bundesland" (Einigkeit) in the table
		sec := out[ws:]
		if u, b := strings.Index(sec, "Umfang der Zusammenarbeit"), strings.Index(sec, "Bundesland"); u < 0 || b < 0 || u > b {
			t.Errorf("%s: Dissens not listed before Einigkeit (Umfang %d, Bundesland %d)", format, u, b)
		}
		// only rated quick-check items: qc.s3 was rated by nobody
		it, _, _ := model.QuickItemByID("qc.s3")
		if end := strings.Index(sec, "Entscheidungen"); strings.Contains(sec[:end], it.Text) {
			t.Errorf("%s: unrated quick-check item %q listed in the workshop section", format, it.Text)
		}
	}
}

func TestWorkshopRankings(t *testing.T) {
	s := workshopSession()
	w := wording.NewWorkshop(s)
	if len(w.Rankings) != len(s.Participants)+1 {
		t.Fatalf("%d ranking rows, want one per participant plus the joint one", len(w.Rankings))
	}
	for i, r := range w.Rankings {
		var res model.Result
		if i < len(s.Participants) {
			if r.Joint || r.Name != s.Participants[i].Name {
				t.Errorf("row %d = %q (joint %v), want %q", i, r.Name, r.Joint, s.Participants[i].Name)
			}
			res = model.Score(s.Participants[i].Profile)
		} else {
			if !r.Joint || r.Name != model.JointName {
				t.Errorf("last row = %q (joint %v), want the joint ranking", r.Name, r.Joint)
			}
			res = model.Score(s.Profile)
		}
		places := model.Places(res.Ranking)
		if len(r.Top) != 3 {
			t.Fatalf("row %q shows %d models, want 3", r.Name, len(r.Top))
		}
		for j, p := range r.Top {
			m, _ := model.ModelByID(res.Ranking[j].Model)
			if p.Name != m.Short || p.Score != res.Ranking[j].Score || p.Place != places[j] {
				t.Errorf("row %q place %d = %+v, want %d. %s %d", r.Name, j, p, places[j], m.Short, res.Ranking[j].Score)
			}
		}
		if r.Open != len(res.Unanswered) {
			t.Errorf("row %q: %d open, want %d", r.Name, r.Open, len(res.Unanswered))
		}
	}
}

func TestNoWorkshopSectionWithoutParticipants(t *testing.T) {
	d := workshopData()
	d.Session.Participants = nil
	for _, format := range Formats {
		if out := render(t, format, d); strings.Contains(out, "Workshop: Antworten") {
			t.Errorf("%s report of a session without participants has a workshop section", format)
		}
	}
}

func TestWorkshopNobodyAnsweredYet(t *testing.T) {
	d := workshopData()
	for i := range d.Session.Participants {
		d.Session.Participants[i].Profile, d.Session.Participants[i].QuickCheck = nil, nil
	}
	for _, format := range Formats {
		out := render(t, format, d)
		if !strings.Contains(out, "Noch hat keine Kommune eigene Antworten gegeben.") || strings.Contains(out, "Rangfolgen nebeneinander") {
			t.Errorf("%s report without any participant answers should only say so", format)
		}
	}
}
