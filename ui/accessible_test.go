package ui

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"ikz/model"
)

// script is the typed input of an accessible run, one answer per line.
type script []string

func (s script) reader() *strings.Reader { return strings.NewReader(strings.Join(s, "\n") + "\n") }

// menu returns the number of a session-menu entry.
func menu(entry string) string {
	labels := []string{"Profil"}
	for range model.Phases {
		labels = append(labels, "Phase")
	}
	labels = append(labels, "Empfehlung", "Andere", "Beenden")
	for i, l := range labels {
		if l == entry {
			return strconv.Itoa(i + 1)
		}
	}
	panic(entry)
}

func TestAccessibleWholeFlow(t *testing.T) {
	st := shStore(t)
	in := script{
		// New session (the list is empty): title, Schulträger, Land 11 = NW
		// (after "keine Angabe"), kind 3 = Landkreis, no municipalities.
		"Barrierefrei", "Kreis Test", "11", "3", "",
		menu("Profil"),
	}
	// The profile, in catalogue order; enter keeps, 0 ends a multiple choice.
	answers := map[string]string{"leistungskraft": "3", "partner_anzahl": "4", "ziele": "0", "aufgabenfelder": "0", "neue_rechtsperson": "2"}
	for _, q := range model.ProfileQuestions {
		if q.Key == "steuerung" {
			continue // hidden once neue_rechtsperson = nein
		}
		in = append(in, answers[q.Key])
	}
	// Sondierung: a note on the first question, the first quick item done.
	in = append(in, "2")
	ph := model.Phases[0]
	first := true
	for _, g := range ph.Groups {
		for range g.Questions {
			if first {
				in = append(in, "Mehr Support für die Grundschulen")
				first = false
				continue
			}
			in = append(in, "")
		}
	}
	for i := range ph.QuickItems {
		status := ""
		if i == 0 {
			status = "3" // erledigt
		}
		in = append(in, status, "")
	}
	in = append(in, menu("Empfehlung"), menu("Beenden"))

	var out bytes.Buffer
	if err := RunAccessible(st, in.reader(), &out, time.Now); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if strings.Contains(text, "\x1b") {
		t.Error("accessible output contains escape sequences")
	}
	for _, want := range []string{
		"Bildschirmleser-Modus", "Titel der Sitzung", "Sitzung „Barrierefrei“ angelegt und gespeichert.",
		"Was möchten Sie tun?", "Wie viele Kommunen machen mit", "gespeichert.",
		"Empfehlung (Orientierung, keine Rechtsberatung)", "Rangfolge:", "von 100 Punkten",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output misses %q", want)
		}
	}
	if strings.Contains(text, "Art der Steuerung") {
		t.Error("steuerung was asked although neue_rechtsperson = nein")
	}
	list, _ := st.List()
	if len(list) != 1 {
		t.Fatalf("%d sessions", len(list))
	}
	s, err := st.Get(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"bundesland": "NW", "traeger": "landkreis", "leistungskraft": "mittel", "partner_anzahl": "4", "neue_rechtsperson": "nein"} {
		if !s.Profile.Is(key, want) {
			t.Errorf("profile %s = %v, want %s", key, s.Profile[key], want)
		}
	}
	if _, ok := s.Profile["ziele"]; ok {
		t.Errorf("an empty multiple choice was stored: %v", s.Profile["ziele"])
	}
	if got := s.Notes[ph.Groups[0].Questions[0].ID]; got != "Mehr Support für die Grundschulen" {
		t.Errorf("note = %q", got)
	}
	if got := s.QuickCheck[ph.QuickItems[0].ID].Status; got != model.StatusErledigt {
		t.Errorf("quick item = %q, want erledigt", got)
	}
}

func TestAccessibleChoosesExistingSession(t *testing.T) {
	st := shStore(t, shSessions()...)
	var out bytes.Buffer
	// 1 = new session, 2 = the newest session; then leave.
	if err := RunAccessible(st, script{"2", menu("Beenden")}.reader(), &out, time.Now); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"3 Sitzungen sind gespeichert.", "Welche Sitzung?", "Neue Sitzung anlegen", "Support-Verbund Nord, Stadt Flensburg, Schleswig-Holstein, zuletzt geändert 21.11.2026, 14:05",
		"Sitzung „Medienentwicklungsplan Süd"} {
		if !strings.Contains(text, want) {
			t.Errorf("output misses %q:\n%s", want, text)
		}
	}
}

func TestAccessibleEndOfInputStops(t *testing.T) {
	st := shStore(t, shSessions()...)
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- RunAccessible(st, strings.NewReader(""), &out, time.Now) }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("end of input: %v, want a quiet end", err)
		}
		// The default choice (a new session) without a title creates nothing.
		if list, _ := st.List(); len(list) != 3 {
			t.Errorf("%d sessions after empty input", len(list))
		}
		if !strings.Contains(out.String(), "Eingabe beendet.") {
			t.Errorf("no note about the end of input:\n%s", out.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("RunAccessible loops on end of input")
	}
}
