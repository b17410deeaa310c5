package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"ikz/model"
)

// roomOf15 is a workshop of 15 municipalities in Lippe: the room is on
// "Umfang der Zusammenarbeit", which two have not answered yet; several
// questions are disputed, two decided.
func roomOf15(t *testing.T) *tabEnv {
	t.Helper()
	e := newTabEnv(t, model.Profile{"bundesland": {"NW"}, "dauer": {"unbefristet"}})
	names := []string{"Kreis Lippe", "Alte Hansestadt Lemgo", "Stadt Detmold", "Stadt Bad Salzuflen", "Stadt Lage",
		"Stadt Oerlinghausen", "Stadt Horn-Bad Meinberg", "Stadt Blomberg", "Stadt Barntrup", "Gemeinde Kalletal",
		"Gemeinde Dörentrup", "Gemeinde Extertal", "Gemeinde Augustdorf", "Gemeinde Leopoldshöhe", "Stadt Schieder-Schwalenberg"}
	umfang := []string{"aufgabenbereich", "gesamtbetrieb", "aufgabenbereich", "einzelaufgaben"}
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		s.Title, s.Traeger = "Schul-IT Lippe", "Kreis Lippe"
		for i, n := range names {
			id, err := s.AddParticipant(n)
			if err != nil {
				return err
			}
			set := func(k, v string) error { return s.SetParticipantAnswer(id, k, model.Answer{v}) }
			if err := set("bundesland", "NW"); err != nil {
				return err
			}
			if i < 13 { // two have not answered the room's question yet
				if err := set("umfang", umfang[i%len(umfang)]); err != nil {
					return err
				}
			}
			if err := set("neue_rechtsperson", []string{"nein", "ja", "offen"}[i%3]); err != nil {
				return err
			}
			if err := set("verbindlichkeit", []string{"hoch", "hoch", "mittel"}[i%3]); err != nil {
				return err
			}
			if err := set("zustaendigkeit", []string{"abgeben", "behalten"}[i%2]); err != nil {
				return err
			}
			if err := set("dauer", "unbefristet"); err != nil {
				return err
			}
			if err := s.SetParticipantAnswer(id, "ziele", model.Answer{[]string{"wirtschaftlichkeit", "servicequalitaet", "aufgabensicherung"}[i%3]}); err != nil {
				return err
			}
		}
		return s.SetCurrent("umfang")
	}); err != nil {
		t.Fatal(err)
	}
	return e
}

// Golden projector screens at the three sizes of real projectors, and the
// rankings of 15 municipalities (regenerate: go test ./ui -run
// TestPresenterGolden -update).
func TestPresenterGolden(t *testing.T) {
	cases := []struct {
		name  string
		w, h  int
		ranks bool
	}{
		{"projektor_100x30", 100, 30, false},
		{"projektor_120x35", 120, 35, false},
		{"projektor_160x45", 160, 45, false},
		{"rangfolgen15_100x30", 100, 30, true},
		{"rangfolgen15_120x35", 120, 35, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := roomOf15(t)
			d := e.d
			d.workshop, d.present = true, true
			d.join = "ssh -p 23234 IHRE-KOMMUNE@192.168.178.20 · Passwort: K7QX2M9P"
			m, _ := newSessionModel(d, e.sess())
			m.SetSize(c.w, c.h)
			if c.ranks {
				m.Update(kRunes("r"))
			}
			v := m.View()
			assertFits(t, c.name, v, c.w, c.h)
			plain := ansi.Strip(v)
			want := []string{"Mitmachen: ssh -p 23234 IHRE-KOMMUNE@192.168.178.20 · Passwort: K7QX2M9P", "FRAGE FÜR ALLE",
				"Umfang der Zusammenarbeit  · ausstehend · 13 von 15 geantwortet",
				"Noch ohne Antwort: Gemeinde Leopoldshöhe, Stadt Schieder-Schwalenberg", "STRITTIG UND FESTGELEGT", "✓ Dauer:  auf Dauer"}
			if c.ranks {
				want = []string{"Mitmachen:", "Kommune", "1. Platz", "Vorn bei den Kommunen:", model.JointName}
				// every municipality, with its top model's full name
				want = append(want, "Kreis Lippe", "Stadt Schieder-Schwalen", "Gemeinde Leopoldshöhe", "1. Öffentlich-rechtliche Vereinbarung (mandatierend)")
			}
			for _, s := range want {
				if !strings.Contains(plain, s) {
					t.Errorf("%s lacks %q:\n%s", c.name, s, plain)
				}
			}
			if strings.Contains(plain, modTestCode) {
				t.Error("the projector shows the moderator code")
			}
			golden.RequireEqual(t, v)
		})
	}
}

// The rankings of 15 municipalities scroll when the screen is short; the
// count per top model covers all of them.
func TestRankingsTableScrolls(t *testing.T) {
	e := roomOf15(t)
	w := newWorkshopTab(e.d, e.sess())
	off := 0
	lines := w.rankingsTable(e.d.styles, 100, 12, &off)
	plain := ansi.Strip(strings.Join(lines, "\n"))
	if !strings.Contains(plain, "Kommunen 1–") || !strings.Contains(plain, "von 15") {
		t.Fatalf("no scroll note at 12 lines:\n%s", plain)
	}
	off = 99
	lines = w.rankingsTable(e.d.styles, 100, 12, &off)
	if plain := ansi.Strip(strings.Join(lines, "\n")); !strings.Contains(plain, "Gemeinde Leopoldshöhe") || off == 99 {
		t.Errorf("scrolled past the end (offset %d):\n%s", off, plain)
	}
	n := 0
	for _, c := range w.cons.Rankings {
		if c.ParticipantID != "" {
			n++
		}
	}
	top := topCounts(w.cons.Rankings[:n])
	sum := 0
	for _, part := range strings.Split(strings.TrimPrefix(top, "Vorn bei den Kommunen: "), " · ") {
		var k int
		fmt.Sscanf(part[strings.LastIndex(part, " ")+1:], "%d", &k)
		sum += k
	}
	if sum != 15 {
		t.Errorf("top counts %q add up to %d, want 15", top, sum)
	}
}
