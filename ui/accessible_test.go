package ui

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"ikz/model"
	"ikz/store"
	"ikz/ui/wording"
	"ikz/wizard"
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
	labels = append(labels, "Empfehlung", "Maßnahmen", "Wirtschaftlichkeit", "Kostenverteilung", "Review", "Entscheidung", "Bericht", "Rückgängig", "Andere", "Beenden")
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
	// Sondierung: the first group of questions (a note on the first), then
	// the quick check (the first item done); after the quick check enter
	// goes back to the session.
	ph := model.Phases[0]
	in = append(in, "2", "1", "Mehr Support für die Grundschulen")
	for range ph.Groups[0].Questions[1:] {
		in = append(in, "")
	}
	in = append(in, strconv.Itoa(len(ph.Groups)+1))
	for i := range ph.QuickItems {
		status := ""
		if i == 0 {
			status = "3" // erledigt
		}
		in = append(in, status, "")
	}
	in = append(in, "", menu("Empfehlung"), menu("Beenden"))

	var out bytes.Buffer
	if err := RunAccessible(st, in.reader(), &out, time.Now); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if strings.Contains(text, "\x1b") {
		t.Error("accessible output contains escape sequences")
	}
	noEnglish(t, text)
	for _, want := range []string{
		"Bildschirmleser-Modus", "Titel der Sitzung", "Sitzung „Barrierefrei“ angelegt und gespeichert.",
		"Was möchten Sie tun?", "Wie viele Kommunen machen mit", "gespeichert.",
		"Empfehlung", "Rangfolge:", " Punkte", wording.ScaleNote, wording.Disclaimer,
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

// accNow is the accessible runs' clock: the day of the shell tests.
func accNow() time.Time { return shStart.Add(time.Hour) }

// runAccessible runs in on st and returns the output; it must not contain
// escape sequences.
func runAccessible(t *testing.T, st *store.Store, in script) string {
	t.Helper()
	text := runAccessibleFrom(t, st, in.reader())
	if strings.Contains(text, "\x1b") {
		t.Error("accessible output contains escape sequences")
	}
	return text
}

// runAccessibleFrom runs the input of r on st and returns the output; it
// must not contain English library text.
func runAccessibleFrom(t *testing.T, st *store.Store, r io.Reader) string {
	t.Helper()
	var out bytes.Buffer
	if err := RunAccessible(st, r, &out, accNow); err != nil {
		t.Fatal(err)
	}
	noEnglish(t, out.String())
	return out.String()
}

// huhEnglish are the English texts huh v1.0.0 prints in accessible mode
// (internal/accessibility and the fields' RunAccessible, with the titles
// it falls back to when a field has none).
var huhEnglish = []string{"Enter a number", "Confirm selection", "Select up to", "Invalid:", "invalid input",
	"[y/N]", "[Y/n]", "There is only one", "Input cannot exceed", "You can't select", "Input:", "Select:",
	"Password:", "Choose", "No matches", "No file", "No files found", "Next"}

// noEnglish reports every English library text in an accessible transcript.
func noEnglish(t *testing.T, text string) {
	t.Helper()
	for _, english := range huhEnglish {
		if strings.Contains(text, english) {
			t.Errorf("accessible output has English %q", english)
		}
	}
}

// onlySession returns the one stored session.
func onlySession(t *testing.T, st *store.Store) *model.Session {
	t.Helper()
	list, err := st.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("%d sessions (err %v), want 1", len(list), err)
	}
	s, err := st.Get(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAccessibleMeasures(t *testing.T) {
	sess := rvSession()
	sess.Measures = rvMeasures()
	st := shStore(t, sess)
	text := runAccessible(t, st, script{
		"2", menu("Maßnahmen"),
		"1", // Maßnahme anlegen
		"Ticketsystem einführen", "IT-Koordination", "alle 12 Schulen angebunden",
		"31.02.2027", // impossible: the date is asked again
		"31.3.2027",
		"2", // Status laufend
		"",  // Phase: keep "keine"
		"2", // Status einer Maßnahme ändern
		"1", // the first in the list: the overdue Ticketsystem für alle Schulen
		"3", // erledigt
		"3", // Zurück
		menu("Beenden"),
	})
	containsAll(t, text, "measures",
		"3 Maßnahmen, davon 1 überfällig:",
		"1. Ticketsystem für alle Schulen einführen – überfällig seit 52 Tagen. Verantwortlich: IT-Koordination; Indikator: alle 12 Schulen melden Störungen über das Ticketsystem; fällig am 30.09.2026; Status: laufend; Phase: Realisierung.",
		"Fällig am: „31.02.2027“ gibt es nicht im Kalender – bitte Tag und Monat prüfen",
		"Maßnahme „Ticketsystem einführen“ gespeichert.",
		"„Ticketsystem für alle Schulen einführen“ ist jetzt erledigt – gespeichert.")
	if n := strings.Count(text, "Fällig am "); n != 2 {
		t.Errorf("the date was asked %d times, want 2 (once more after the error)", n)
	}
	s := onlySession(t, st)
	if len(s.Measures) != 4 {
		t.Fatalf("%d measures stored, want 4: %+v", len(s.Measures), s.Measures)
	}
	want := model.Measure{ID: "m4", Title: "Ticketsystem einführen", Responsible: "IT-Koordination",
		Indicator: "alle 12 Schulen angebunden", Due: "2027-03-31", Status: model.MeasureLaufend}
	if got := s.Measures[3]; got != want {
		t.Errorf("new measure %+v, want %+v", got, want)
	}
	if got := s.Measures[1].Status; got != model.MeasureErledigt {
		t.Errorf("status of m2 = %q, want erledigt", got)
	}
}

func TestAccessibleEfficiency(t *testing.T) {
	st := shStore(t, rvSession())
	text := runAccessible(t, st, script{
		"2", menu("Wirtschaftlichkeit"),
		"1", // all numbers in a row
		"5", "186.000", "94000 €", "", "2,5", "151000", "82.000,00",
		"zwölf", // not a number: asked again
		"45000 €", "2",
		"3", "", // Personalkosten heute: enter keeps it
		"2", "0", "4", // Laufzeit 0 is refused, 4 taken
		"11", // Zurück
		menu("Beenden"),
	})
	s := onlySession(t, st)
	want := model.Efficiency{Years: 4, PersonnelNow: 186000, MaterialNow: 94000, StaffNow: 2.5,
		PersonnelWith: 151000, MaterialWith: 82000, OneOffWith: 45000, StaffWith: 2}
	if s.Efficiency == nil || *s.Efficiency != want {
		t.Fatalf("stored sheet %+v, want %+v", s.Efficiency, want)
	}
	containsAll(t, text, "efficiency",
		"Noch keine Zahlen.",
		"Einmalkosten mit Kooperation: „zwölf“ ist keine Zahl – bitte nur Ziffern, z. B. 12.345,67",
		"Personalkosten heute: 186.000,00 € – gespeichert.",
		"Bisher: 186.000 – Enter übernimmt.",
		"Personalkosten heute: 186.000,00 € – unverändert.",
		"Laufzeit: 0 Jahre – bitte mindestens 1 Jahr angeben",
		"Laufzeit: 4 Jahre – gespeichert.",
		"Einsparung pro Jahr: 38.000,00 € (13,6 %).",
		"Mit der Kooperation: Personalkosten 151.000,00 €, Sachkosten 82.000,00 €, Einmalkosten 45.000,00 €, Personal 2 VZÄ.",
		"Hinweis: Förderprogramme einiger Länder")
}

func TestAccessibleReviewAndComparison(t *testing.T) {
	st := shStore(t, rvSession())
	id := onlySession(t, st).ID
	review := script{"2", menu("Review"), "1"}
	text := runAccessible(t, st, append(review,
		"", // the date: today
		"Landrätin, Steuerkreis", "teilweise", "", "", "Vertretung klären",
		"3", // Zurück
		menu("Beenden")))
	containsAll(t, text, "first review", "Bisher: 21.11.2026 – Enter übernimmt.",
		"Review vom 21.11.2026 gespeichert, Stand „Review 21.11.2026“ festgehalten.", "Das ist der erste festgehaltene Stand.")
	snaps, err := st.Snapshots(id)
	if err != nil || len(snaps) != 1 {
		t.Fatalf("snapshots after the first review: %+v (err %v)", snaps, err)
	}
	s := onlySession(t, st)
	wantAnswers := map[string]string{"eval.ziele": "teilweise", "eval.governance": "Vertretung klären"}
	if len(s.Reviews) != 1 || s.Reviews[0].SnapshotID != snaps[0].ID ||
		!reflect.DeepEqual(s.Reviews[0].Participants, []string{"Landrätin", "Steuerkreis"}) || !reflect.DeepEqual(s.Reviews[0].Answers, wantAnswers) {
		t.Fatalf("reviews %+v, snapshot %s", s.Reviews, snaps[0].ID)
	}

	// Later the scope widens; the second review compares with the first.
	if err := st.SetAnswer(id, "umfang", model.Answer{"gesamtbetrieb"}); err != nil {
		t.Fatal(err)
	}
	text = runAccessible(t, st, append(review,
		"32.13.2026", "22.11.2026", "20.11.2026", // an impossible and a future date are refused
		"Landrätin", "ja", "", "", "",
		"2", // Vergleich lesen
		"2", // of two states, newest first: the first review
		"3", // Zurück
		menu("Beenden")))
	changed := "Umfang der Zusammenarbeit: vorher nur Austausch, jetzt der gesamte operative Schul-IT-Betrieb."
	containsAll(t, text, "second review",
		"„32.13.2026“ gibt es nicht im Kalender",
		"Review vom 20.11.2026 gespeichert, Stand „Review 20.11.2026“ festgehalten.",
		"Mit welchem Stand vergleichen?",
		"Profil: 1 Antwort geändert:",
		"Bewertung (H 4.3):")
	// Once right after the review, once when read on request.
	if n := strings.Count(text, changed); n != 2 {
		t.Errorf("the changed answer is named %d times, want 2:\n%s", n, text)
	}
	if snaps, _ := st.Snapshots(id); len(snaps) != 2 {
		t.Errorf("%d snapshots after the second review, want 2", len(snaps))
	}
	if s := onlySession(t, st); len(s.Reviews) != 2 || s.Reviews[1].SnapshotID == "" {
		t.Errorf("second review not stored with its snapshot: %+v", s.Reviews)
	}
}

// containsAll reports each of wants that text (the output of run) lacks.
func containsAll(t *testing.T, text, run string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s: output misses %q:\n%s", run, want, text)
		}
	}
}

func TestLineReaderEndsWithBlankLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "\n"},
		{"5\n", "5\n\n"},
		{"5\n99", "5\n99\n\n"},
	} {
		l := &lineReader{r: strings.NewReader(c.in)}
		var got []byte
		buf := make([]byte, 64)
		for {
			n, err := l.Read(buf)
			got = append(got, buf[:n]...)
			if err != nil {
				break
			}
		}
		if string(got) != c.want || !l.eof {
			t.Errorf("%q read as %q (eof %v), want %q", c.in, got, l.eof, c.want)
		}
	}
}

func TestAccessibleInvalidLastAnswer(t *testing.T) {
	st := shStore(t, rvSession())
	// The input ends after a number no menu has: huh would take it
	// unchecked and fail; the default is taken instead.
	for _, in := range []string{"2\n99", "2\n99\n", "2\n" + menu("Maßnahmen") + "\n7"} {
		var out bytes.Buffer
		if err := RunAccessible(st, strings.NewReader(in), &out, accNow); err != nil {
			t.Errorf("%q: %v", in, err)
		}
		if !strings.Contains(out.String(), "Eingabe beendet.") {
			t.Errorf("%q: no note about the end of input:\n%s", in, out.String())
		}
	}
}

// The decision and the report in accessible mode, in German throughout:
// the current value is read out first, the decision needs an explicit yes.
func TestAccessibleDecisionAndReport(t *testing.T) {
	st := shStore(t, rvSession())
	dir := t.TempDir()
	path := filepath.Join(dir, "bericht.md")
	text := runAccessible(t, st, script{
		"2", menu("Entscheidung"),
		"", "Passt am besten", "Kreistag", "", "", // model as computed, reason, Gremium, date and time as proposed
		"2", // Nein, noch nicht: the draft stays
		menu("Entscheidung"),
		"",                      // continue the draft
		"", "", "", "", "", "1", // enter keeps model, reason, Gremium, date, time; Ja, festhalten
		menu("Bericht"), path,
		menu("Beenden"),
	})
	s := onlySession(t, st)
	if len(s.Decisions) != 1 || s.Decisions[0].Body != "Kreistag" || s.Decisions[0].Reason != "Passt am besten" {
		t.Fatalf("decisions %+v, want exactly one (the first was declined)", s.Decisions)
	}
	if d, err := st.Draft(s.ID + "/decision"); err != nil || len(d) != 0 {
		t.Errorf("the draft outlived the recorded decision: %q (err %v)", d, err)
	}
	containsAll(t, text, "decision draft", "Es gibt einen angefangenen Entwurf: eine Entscheidung für „",
		"Bisher: Passt am besten – Enter übernimmt.", "Bisher: Kreistag – Enter übernimmt.", "Nicht festgehalten; der Entwurf bleibt.")
	if _, err := os.Stat(path); err != nil {
		t.Errorf("no report written: %v", err)
	}
	containsAll(t, text, "decision", "Bisher ist keine Entscheidung festgehalten.", "Entscheidung so festhalten?",
		"Entscheidung festgehalten.", "Bericht gespeichert: "+path)
}

// The phase part: question by question, the stored note or status read
// out before each question, every answer stored at once as a change.

var (
	accPhase = model.Phases[0]
	accGroup = accPhase.Groups[0] // three guiding questions
	accQ     = [3]string{accGroup.Questions[0].ID, accGroup.Questions[1].ID, accGroup.Questions[2].ID}
	accItem  = [3]string{accPhase.QuickItems[0].ID, accPhase.QuickItems[1].ID, accPhase.QuickItems[2].ID}
)

// phaseSession has notes on two questions of the first group (one of two
// lines) and a status on two quick-check items of Sondierung.
func phaseSession() *model.Session {
	s := rvSession()
	s.Notes = map[string]string{accQ[0]: "Support entlasten", accQ[1]: "Zeile eins\nZeile zwei"}
	s.QuickCheck = map[string]model.QuickEntry{
		accItem[0]: {Status: model.StatusInArbeit, Note: "Termin steht"},
		accItem[1]: {Status: model.StatusErledigt},
	}
	return s
}

// Script steps: the session (2), the phase (menu "Phase" of Sondierung is
// entry 2), then the part.
var (
	toGroup = script{"2", "2", "1"}
	toQuick = script{"2", "2", strconv.Itoa(len(accPhase.Groups) + 1)}
	back    = strconv.Itoa(len(accPhase.Groups) + 2) // the phase menu's "Zurück zur Sitzung"
)

func steps(parts ...script) script {
	var out script
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// lineAfter is the line that follows the first line containing marker.
func lineAfter(text, marker string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.Contains(l, marker) && i+1 < len(lines) {
			return lines[i+1]
		}
	}
	return ""
}

func TestAccessiblePhaseReadsBackBeforeEachQuestion(t *testing.T) {
	st := shStore(t, phaseSession())
	before := onlySession(t, st)
	// Enter on every question keeps every value.
	text := runAccessible(t, st, steps(toGroup, script{"", "", "", "5"},
		script{"", "", "", "", "", "", "", "", "", ""}, script{"", menu("Beenden")}))
	for _, c := range []struct{ question, readBack string }{
		{"Frage 1 von 3: " + accGroup.Questions[0].Text, "Bisher: Support entlasten – Enter übernimmt."},
		{"Frage 2 von 3: " + accGroup.Questions[1].Text, "Bisher (2 Zeilen) – Enter übernimmt:"},
		{"Frage 3 von 3: " + accGroup.Questions[2].Text, "Bisher keine Notiz."},
		{"Punkt 1 von 5: " + accPhase.QuickItems[0].Text, "Hinweis: " + accPhase.QuickItems[0].Hint},
		{"Hinweis: " + accPhase.QuickItems[0].Hint, "Status bisher: in Arbeit – Enter übernimmt."},
		{"Hinweis: " + accPhase.QuickItems[1].Hint, "Status bisher: erledigt – Enter übernimmt."},
		{"Hinweis: " + accPhase.QuickItems[2].Hint, "Status bisher: offen – Enter übernimmt."},
		{"Status: in Arbeit – unverändert.", "Bisher: Termin steht – Enter übernimmt."},
		{"Status: erledigt – unverändert.", "Bisher keine Notiz."},
	} {
		if got := lineAfter(text, c.question); got != c.readBack {
			t.Errorf("after %q comes %q, want %q", c.question, got, c.readBack)
		}
	}
	// One read-back per question: 3 notes, then status and note of 5 items.
	if n, m, k := strings.Count(text, "Notiz: "), strings.Count(text, "Bisher"), strings.Count(text, "Status bisher: "); n != 3+5 || m != 3+5 || k != 5 {
		t.Errorf("%d note prompts, %d note and %d status read-backs, want 8, 8 and 5:\n%s", n, m, k, text)
	}
	containsAll(t, text, "enter keeps", "  Zeile eins\n  Zeile zwei\n", "Notiz unverändert.")
	after := onlySession(t, st)
	if !reflect.DeepEqual(after.Notes, before.Notes) || !reflect.DeepEqual(after.QuickCheck, before.QuickCheck) {
		t.Errorf("enter changed data: notes %v, quick %v", after.Notes, after.QuickCheck)
	}
}

func TestAccessiblePhaseAnswers(t *testing.T) {
	orig := phaseSession()
	tests := []struct {
		name       string
		in         script
		notes      map[string]string
		quick      map[string]model.QuickEntry
		transcript []string
	}{
		{"replace, append, delete",
			steps(toGroup, script{"-", "+ Zeile drei", "Neue Notiz", back, menu("Beenden")}),
			map[string]string{accQ[1]: "Zeile eins\nZeile zwei\nZeile drei", accQ[2]: "Neue Notiz"}, orig.QuickCheck,
			[]string{"Notiz gelöscht.", "Notiz gespeichert."}},
		{"zurück leaves midway, the answers before it stay",
			steps(toGroup, script{"Geändert", "zurück", "", menu("Beenden")}),
			map[string]string{accQ[0]: "Geändert", accQ[1]: orig.Notes[accQ[1]]}, orig.QuickCheck,
			[]string{"Teil verlassen; alle Antworten bis hier sind gespeichert."}},
		{"the input ends midway: what was answered is stored",
			steps(toGroup, script{"Geändert", "+ und mehr"}),
			map[string]string{accQ[0]: "Geändert", accQ[1]: orig.Notes[accQ[1]] + "\nund mehr"}, orig.QuickCheck,
			[]string{"Eingabe beendet."}},
		{"the last line without a newline is stored too",
			steps(toGroup, script{"Geändert"}),
			map[string]string{accQ[0]: "Geändert", accQ[1]: orig.Notes[accQ[1]]}, orig.QuickCheck,
			nil},
		{"quick check: status and note each stored, the last number leaves",
			steps(toQuick, script{"3", "", "", "Geprüft", "5", "", menu("Beenden")}),
			orig.Notes, map[string]model.QuickEntry{
				accItem[0]: {Status: model.StatusErledigt, Note: "Termin steht"},
				accItem[1]: {Status: model.StatusErledigt, Note: "Geprüft"},
			},
			[]string{"Status: erledigt – gespeichert.", "Status: erledigt – unverändert.", "Teil verlassen"}},
		{"quick check: back to offen without a note removes the entry; zurück in a note leaves",
			steps(toQuick, script{"1", "-", "4", "zurück", "", menu("Beenden")}),
			orig.Notes, map[string]model.QuickEntry{accItem[1]: {Status: model.StatusNichtRelev}},
			[]string{"Status: offen – gespeichert.", "Notiz gelöscht.", "Status: nicht relevant – gespeichert."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := shStore(t, phaseSession())
			in := tt.in
			if tt.name == "the last line without a newline is stored too" {
				var out bytes.Buffer
				if err := RunAccessible(st, strings.NewReader(strings.Join(in, "\n")), &out, accNow); err != nil {
					t.Fatal(err)
				}
			} else {
				containsAll(t, runAccessible(t, st, in), tt.name, tt.transcript...)
			}
			s := onlySession(t, st)
			if !reflect.DeepEqual(s.Notes, tt.notes) {
				t.Errorf("notes %q, want %q", s.Notes, tt.notes)
			}
			if !reflect.DeepEqual(s.QuickCheck, tt.quick) {
				t.Errorf("quick check %+v, want %+v", s.QuickCheck, tt.quick)
			}
		})
	}
}

// Every answer is a change of its own: the session menu's undo entry
// takes them back one by one, newest first, and makes them again.
func TestAccessiblePhaseUndo(t *testing.T) {
	st := shStore(t, phaseSession())
	orig := onlySession(t, st)
	text := runAccessible(t, st, steps(
		toGroup, script{"Neu", "", ""},
		script{strconv.Itoa(len(accPhase.Groups) + 1), "3", "", "5", ""}, // quick item 1 erledigt, then leave
		script{menu("Rückgängig"), "1", "1", "1", "3"},                   // undo quick, undo note, redo note, back
		script{menu("Beenden")}))
	containsAll(t, text, "undo",
		"Rückgängig machen (zuletzt: Quick-Check-Punkt „",
		"Rückgängig gemacht: Quick-Check-Punkt „",
		"Rückgängig gemacht: Notiz „",
		"Wiederhergestellt: Notiz „")
	s := onlySession(t, st)
	if s.Notes[accQ[0]] != "Neu" {
		t.Errorf("note after undo and redo = %q, want Neu", s.Notes[accQ[0]])
	}
	if !reflect.DeepEqual(s.QuickCheck, orig.QuickCheck) {
		t.Errorf("quick check after undo = %+v, want %+v", s.QuickCheck, orig.QuickCheck)
	}
}

// The change the accessible mode stores is the tab's change: the store
// applies it and its inverse (what undo in either place applies) in one
// transaction each.
func TestAccessibleNoteChangeUndoesInStore(t *testing.T) {
	st := shStore(t, phaseSession())
	sess := onlySession(t, st)
	c := model.SetNoteChange(sess, accQ[0], "Neu")
	a := &accessible{st: st, in: &lineReader{r: strings.NewReader("")}, out: &bytes.Buffer{}, now: accNow}
	after, saved, err := a.apply(sess, c)
	if err != nil || !saved || after.Notes[accQ[0]] != "Neu" {
		t.Fatalf("apply: saved %v, err %v, note %q", saved, err, after.Notes[accQ[0]])
	}
	inv, ok := a.history(after).Undo()
	if !ok {
		t.Fatal("the change is not in the undo history")
	}
	back, err := st.Apply(sess.ID, inv)
	if err != nil || back.Notes[accQ[0]] != "Support entlasten" {
		t.Fatalf("undo in the store: err %v, note %q", err, back.Notes[accQ[0]])
	}
}

// hookReader hands out lines like script and runs hooks[i] just before
// line i is read: another connection changing the session meanwhile.
type hookReader struct {
	lines []string
	hooks map[int]func()
	i     int
	rest  []byte
}

func (h *hookReader) Read(p []byte) (int, error) {
	if len(h.rest) == 0 {
		if h.i >= len(h.lines) {
			return 0, io.EOF
		}
		if f := h.hooks[h.i]; f != nil {
			f()
		}
		h.rest = []byte(h.lines[h.i] + "\n")
		h.i++
	}
	n := copy(p, h.rest)
	h.rest = h.rest[n:]
	return n, nil
}

// A note changed elsewhere (a workshop connection) while the question was
// open is not overwritten: the answer is refused with a message, the other
// note stays, and the next question reads the session as it is now.
func TestAccessiblePhaseDoesNotOverwriteANewerNote(t *testing.T) {
	st := shStore(t, phaseSession())
	id := onlySession(t, st).ID
	in := steps(toGroup, script{"Mein Text", "+ dazu", "", back, menu("Beenden")})
	h := &hookReader{lines: in, hooks: map[int]func(){
		len(toGroup): func() { // the answer to question 1
			if err := st.SetNote(id, accQ[0], "Von anderswo"); err != nil {
				t.Error(err)
			}
		},
		len(toGroup) + 1: func() { // the answer to question 2
			if err := st.SetNote(id, accQ[1], "Auch neu"); err != nil {
				t.Error(err)
			}
		},
	}}
	text := runAccessibleFrom(t, st, h)
	containsAll(t, text, "stale", "Nicht gespeichert: Notiz „", "wurde inzwischen anders geändert – nicht überschrieben.")
	s := onlySession(t, st)
	if s.Notes[accQ[0]] != "Von anderswo" {
		t.Errorf("the other note was overwritten: %q", s.Notes[accQ[0]])
	}
	if s.Notes[accQ[1]] != "Auch neu" {
		t.Errorf("note 2 = %q, want the other connection's (the append was made on the old one)", s.Notes[accQ[1]])
	}
}

// Every entry of the session menu once, with wrong input on the way: the
// whole transcript is German (no English library text) and every question
// that edits something first reads out what is there.
func TestAccessibleEveryEntryInGerman(t *testing.T) {
	sess := phaseSession()
	sess.Measures = rvMeasures()
	st := shStore(t, sess)
	report := filepath.Join(t.TempDir(), "bericht.html")
	in := script{"2", "abc", "99", menu("Profil")}
	for _, q := range model.ProfileQuestions {
		if !sess.Profile.Visible(q) {
			continue
		}
		if q.Kind == model.Multi {
			in = append(in, "0") // 0: fertig
			continue
		}
		in = append(in, "") // enter keeps
	}
	for i, ph := range model.Phases {
		in = append(in, strconv.Itoa(2+i), strconv.Itoa(len(ph.Groups)+2)) // the phase, then back
	}
	in = append(in,
		menu("Empfehlung"),
		menu("Maßnahmen"), "3",
		menu("Wirtschaftlichkeit"), "11",
		menu("Kostenverteilung"),
		menu("Review"), "2",
		menu("Entscheidung"), "", "Passt", "Kreistag", "", "", "2", // declined at the end
		menu("Bericht"), report,
		menu("Rückgängig"),
		menu("Andere"), "2", menu("Beenden"))
	text := runAccessible(t, st, in)
	containsAll(t, text, "every entry", "Ungültig: bitte eine Nummer von 1 bis 14", "Bisher: ",
		"Welchen Teil der Phase bearbeiten?", "Bericht gespeichert: "+report,
		"In diesem Durchgang gibt es noch nichts rückgängig zu machen.", "Nicht festgehalten; der Entwurf bleibt.")
	if after := onlySession(t, st); !reflect.DeepEqual(after.Notes, sess.Notes) || !reflect.DeepEqual(after.Profile, sess.Profile) {
		t.Errorf("a walk with enter changed data: notes %v, profile %v", after.Notes, after.Profile)
	}
}

// A review typed in accessible mode is kept as the Review tab's draft
// after every answer: stopping midway loses nothing, and the next time
// (here or in the tab) it continues, each answer read out first.
func TestAccessibleReviewDraft(t *testing.T) {
	st := shStore(t, rvSession())
	id := onlySession(t, st).ID
	key := id + "/review"
	start := script{"2", menu("Review"), "1"}
	text := runAccessible(t, st, append(start, "", "Landrätin, Steuerkreis", "teilweise")) // the input ends here
	containsAll(t, text, "interrupted", "Die Antworten bleiben als Entwurf")
	d := wizard.NewReviewDraft(accNow())
	if _, found := openDraft(st, key, d); !found || d.Participants != "Landrätin, Steuerkreis" || d.Answers[0] != "teilweise" {
		t.Fatalf("draft after the interruption: found %v, %+v", found, d)
	}
	if s := onlySession(t, st); len(s.Reviews) != 0 {
		t.Fatalf("a review was recorded from half the answers: %+v", s.Reviews)
	}

	// Discarding asks first; "Nein" continues.
	text = runAccessible(t, st, append(start, "2", "2", // verwerfen? nein
		"", "", "", "Neu dazu", "", "", "3", menu("Beenden")))
	containsAll(t, text, "resumed", "Es gibt einen angefangenen Entwurf: ein Review vom 21.11.2026.",
		"Entwurf wirklich verwerfen?", "Bisher: Landrätin, Steuerkreis – Enter übernimmt.", "Bisher: teilweise – Enter übernimmt.",
		"Review vom 21.11.2026 gespeichert")
	s := onlySession(t, st)
	if len(s.Reviews) != 1 || s.Reviews[0].Answers[model.EvaluationQuestions[0].ID] != "teilweise" ||
		s.Reviews[0].Answers[model.EvaluationQuestions[1].ID] != "Neu dazu" {
		t.Fatalf("review from the draft: %+v", s.Reviews)
	}
	if data, err := st.Draft(key); err != nil || len(data) != 0 {
		t.Errorf("the draft outlived the recorded review: %q (err %v)", data, err)
	}

	// A draft discarded on request is gone; the form starts empty.
	runAccessible(t, st, append(start, "", "Jemand")) // a new draft
	text = runAccessible(t, st, append(start, "2", "1", "", "", "", "", "", "", "3", menu("Beenden")))
	containsAll(t, text, "discarded", "Entwurf verworfen.")
	if strings.Contains(text, "Bisher: Jemand") {
		t.Error("the discarded draft was read out")
	}
}

// A new measure is the Maßnahmen tab's draft until it is complete enough
// to store: an interruption keeps what was typed, the next "anlegen"
// continues it, and once stored the draft is gone (the tab would otherwise
// store it a second time).
func TestAccessibleMeasureDraft(t *testing.T) {
	st := shStore(t, rvSession())
	id := onlySession(t, st).ID
	key := id + "/measure/new"
	start := script{"2", menu("Maßnahmen"), "1"}
	text := runAccessible(t, st, append(start, "Ticketsystem einführen", "IT-Koordination")) // the input ends
	containsAll(t, text, "interrupted", "bleibt als Entwurf")
	var d wizard.MeasureDraft
	if _, found := openDraft(st, key, &d); !found || d.Title != "Ticketsystem einführen" || d.Responsible != "IT-Koordination" {
		t.Fatalf("draft after the interruption: found %v, %+v", found, d)
	}
	text = runAccessible(t, st, append(start, "", // continue the draft
		"", "", "alle Schulen angebunden", "31.3.2027", "", "", "3", menu("Beenden")))
	containsAll(t, text, "resumed", "Es gibt einen angefangenen Entwurf: eine neue Maßnahme „Ticketsystem einführen“.",
		"Bisher: Ticketsystem einführen – Enter übernimmt.", "Bisher: IT-Koordination – Enter übernimmt.",
		"Maßnahme „Ticketsystem einführen“ gespeichert.")
	s := onlySession(t, st)
	if len(s.Measures) != 1 || s.Measures[0].Title != "Ticketsystem einführen" || s.Measures[0].Responsible != "IT-Koordination" {
		t.Fatalf("measures %+v", s.Measures)
	}
	if data, err := st.Draft(key); err != nil || len(data) != 0 {
		t.Errorf("the draft outlived the stored measure: %q (err %v)", data, err)
	}
}

func TestNoteAnswer(t *testing.T) {
	for _, c := range []struct {
		cur, typed, want string
		back             bool
	}{
		{"alt", "", "alt", false},
		{"alt", "   ", "alt", false},
		{"alt", "neu", "neu", false},
		{"alt", "  neu  ", "neu", false},
		{"alt", "-", "", false},
		{"", "-", "", false},
		{"alt", "- nicht löschen", "- nicht löschen", false},
		{"alt", "+ dazu", "alt\ndazu", false},
		{"alt\n", "+dazu", "alt\ndazu", false},
		{"", "+ dazu", "dazu", false},
		{"alt", "+", "alt", false},
		{"alt", "zurück", "alt", true},
		{"alt", " Zurück ", "alt", true},
		{"alt", "zurueck", "alt", true},
		{"alt", "zurück zur Planung", "zurück zur Planung", false},
	} {
		got, back := noteAnswer(c.cur, c.typed)
		if got != c.want || back != c.back {
			t.Errorf("noteAnswer(%q, %q) = %q, %v; want %q, %v", c.cur, c.typed, got, back, c.want, c.back)
		}
	}
}

// Drafts are stored as typed (not cleaned like sessions): what is read
// back from one still passes the one sanitising rule.
func TestAccessibleDraftReadBackIsSanitised(t *testing.T) {
	st := shStore(t, rvSession())
	id := onlySession(t, st).ID
	evil := `{"Date":"21.11.2026","Participants":"Rat\u001b]0;pwned\u0007 \u202eSchule","Answers":["a\u001b[2Jb\nzweite\u001b[31m Zeile","","",""]}`
	if err := st.PutDraft(id+"/review", []byte(evil)); err != nil {
		t.Fatal(err)
	}
	// runAccessible fails on any escape sequence in the transcript.
	text := runAccessible(t, st, script{"2", menu("Review"), "1", "", "", "", "", "", "", "", "3", menu("Beenden")})
	// The controls go; the harmless rest stays readable text.
	containsAll(t, text, "sanitised", "Bisher: Rat]0;pwned Schule – Enter übernimmt.", "Bisher (2 Zeilen) – Enter übernimmt:\n  a[2Jb\n  zweite[31m Zeile")
	if strings.ContainsAny(text, "\a\u202e") {
		t.Error("a control or bidi character reached the output")
	}
}

// The new session is asked field by field with the form's hints, kept as
// the new-session form's draft after every answer, and created in one
// transaction with removing the draft.
func TestAccessibleNewSessionDraft(t *testing.T) {
	st := shStore(t)
	text := runAccessible(t, st, script{"Barrierefrei", "Kreis Test"}) // the input ends
	containsAll(t, text, "interrupted", "Zum Wiederfinden in der Liste", "bleibt als Entwurf")
	var stored newSessionDraft
	if _, found := openDraft(st, newSessionDraftKey, &stored); !found || stored.Form.Title != "Barrierefrei" || stored.Form.Traeger != "Kreis Test" {
		t.Fatalf("draft after the interruption: found %v, %+v", found, stored)
	}
	if list, _ := st.List(); len(list) != 0 {
		t.Fatalf("a session was created from half a form: %+v", list)
	}
	text = runAccessible(t, st, script{"", "", "", "11", "3", "", menu("Beenden")})
	containsAll(t, text, "resumed", "Es gibt einen angefangenen Entwurf: eine neue Sitzung „Barrierefrei“.",
		"Bisher: Barrierefrei – Enter übernimmt.", "Bisher: Kreis Test – Enter übernimmt.",
		"Das Land bestimmt die Rechtsgrundlage", "Bisher: keine Angabe – Enter übernimmt.",
		"Sitzung „Barrierefrei“ angelegt und gespeichert.")
	s := onlySession(t, st)
	if s.Title != "Barrierefrei" || s.Traeger != "Kreis Test" || !s.Profile.Is("bundesland", "NW") || !s.Profile.Is("traeger", "landkreis") {
		t.Fatalf("created session %+v", s)
	}
	if data, err := st.Draft(newSessionDraftKey); err != nil || len(data) != 0 {
		t.Errorf("the draft outlived the created session: %q (err %v)", data, err)
	}
}

// BenchmarkAccessiblePhaseGroup walks one group of guiding questions (three
// new notes, each one store transaction) and back, as a user does.
func BenchmarkAccessiblePhaseGroup(b *testing.B) {
	st := shStore(b, phaseSession())
	for i := range b.N {
		n := strconv.Itoa(i)
		in := steps(toGroup, script{"a" + n, "b" + n, "c" + n, back, menu("Beenden")})
		if err := RunAccessible(st, in.reader(), io.Discard, accNow); err != nil {
			b.Fatal(err)
		}
	}
}

// A note or quick-check item typed in a phase tab and not stored (the
// tab's row draft) is mentioned before its question; the draft stays for
// the tab.
func TestAccessiblePhaseMentionsTabDraft(t *testing.T) {
	st := shStore(t, phaseSession())
	id := onlySession(t, st).ID
	at := time.Date(2026, 11, 21, 13, 5, 0, 0, time.UTC)
	put := func(row string, v any) string {
		val, _ := json.Marshal(v)
		data, _ := json.Marshal(rowDraft{At: at, Value: val})
		key := id + "/rows/phase-" + string(accPhase.ID) + "/" + row
		if err := st.PutDraft(key, data); err != nil {
			t.Fatal(err)
		}
		return key
	}
	noteKey := put(accQ[1], "Im Reiter\nangefangen")
	quickKey := put(accItem[0], wizard.QuickDraft{Status: string(model.StatusErledigt), Note: "fast fertig"})
	text := runAccessible(t, st, steps(toGroup, script{"", "", ""}, toQuick[2:], script{"", "", "5", "", menu("Beenden")}))
	containsAll(t, text, "tab drafts",
		"Im Reiter wartet dazu ein nicht gespeicherter Entwurf von 21.11.2026, "+at.In(displayZone).Format("15:04")+": „Im Reiter / angefangen“.",
		"Im Reiter wartet dazu ein nicht gespeicherter Entwurf von 21.11.2026, "+at.In(displayZone).Format("15:04")+": Status erledigt, Notiz „fast fertig“.")
	if n := strings.Count(text, "Im Reiter wartet"); n != 2 {
		t.Errorf("%d draft notices, want 2", n)
	}
	for _, key := range []string{noteKey, quickKey} {
		if data, err := st.Draft(key); err != nil || len(data) == 0 {
			t.Errorf("the tab's draft %s is gone (err %v)", key, err)
		}
	}
}
