package ui

import (
	"encoding/json"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// roomEnv is the Workshop tab on three municipalities with answers and a
// comment; Stadt Lemgoo is a typo of Stadt Lemgo.
func roomEnv(t *testing.T) (*tabEnv, tab) {
	t.Helper()
	e := newTabEnv(t, model.Profile{})
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		for _, n := range []string{"Stadt Lemgo", "Gemeinde Dörentrup", "Stadt Lemgoo"} {
			if _, err := s.AddParticipant(n); err != nil {
				return err
			}
		}
		for _, a := range []struct{ p, k, v string }{{"p1", "bundesland", "NW"}, {"p2", "bundesland", "NW"},
			{"p3", "bundesland", "NW"}, {"p3", "leistungskraft", "hoch"}} {
			if err := s.SetParticipantAnswer(a.p, a.k, model.Answer{a.v}); err != nil {
				return err
			}
		}
		return s.SetParticipantComment("p3", "leistungskraft", "kleines Team")
	}); err != nil {
		t.Fatal(err)
	}
	tb := workshopFor(e.d, e.sess())
	tb.SetSize(120, 30)
	return e, tb
}

func participantsJSON(t *testing.T, s *model.Session) string {
	t.Helper()
	b, err := json.Marshal(s.Participants)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// step runs a z or Z of the session screen and returns what it reported.
func step(e *tabEnv, tb tab, cmd tea.Cmd) (tab, tea.Msg) {
	e.t.Helper()
	msg := cmd()
	if m, ok := msg.(savedMsg); ok {
		tb = e.send(tb, sessionLoadedMsg{m.sess})
	}
	return tb, msg
}

// answerForLemgo opens the Workshop tab of e as Stadt Lemgo (p1) and
// answers the kind of Träger with the first choice.
func answerForLemgo(t *testing.T, e *tabEnv) tab {
	t.Helper()
	w := newWorkshopTab(e.d, e.sess())
	w.SetSize(120, 30)
	var tb tab = w
	w.chooseAs("p1")
	selectRow(t, tb, rowKeyPrefix+"traeger")
	tb = e.send(tb, kEnter, kEnter) // the first kind of Träger
	if _, ok := e.sess().Participant("p1").Profile["traeger"]; !ok {
		t.Fatal("the answer was not stored")
	}
	return tb
}

// refusedUndo presses z on tb and returns what it reported and the text of
// the refusal ("" when it was none); a refused undo must leave the
// participants as they were.
func refusedUndo(t *testing.T, e *tabEnv, tb tab) (msg tea.Msg, refusal string) {
	t.Helper()
	before := participantsJSON(t, e.sess())
	_, msg = step(e, tb, e.d.changes.undo())
	m, ok := msg.(errMsg)
	if !ok {
		return msg, ""
	}
	if got := participantsJSON(t, e.sess()); got != before {
		t.Errorf("the refused undo changed the session:\n%s\nwant\n%s", got, before)
	}
	return msg, m.err.Error()
}

// The facilitator removes and merges municipalities in the tab; z brings
// back exactly what was there (in its place, with its answers), Z does it
// again, and the status line names each step in German.
func TestWorkshopUndoRemoveAndMerge(t *testing.T) {
	for _, c := range []struct {
		name  string
		keys  []tea.Msg
		row   string
		named string
	}{
		{"remove", []tea.Msg{kRunes("d"), kEnter}, "p2", "„Gemeinde Dörentrup“ entfernt"},
		{"merge", []tea.Msg{kRunes("u"), kEnter}, "p3", "„Stadt Lemgoo“ mit „Stadt Lemgo“ zusammengeführt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, tb := roomEnv(t)
			before := participantsJSON(t, e.sess())
			selectRow(t, tb, rowAsPrefix+c.row)
			tb = e.send(tb, c.keys...)
			after := e.sess()
			if after.Participant(c.row) != nil {
				t.Fatalf("%s did not take %s out: %s", c.name, c.row, participantsJSON(t, after))
			}
			if c.name == "merge" && !after.Participant("p1").Profile.Is("leistungskraft", "hoch") {
				t.Fatalf("the merge did not fill Lemgo's gap: %v", after.Participant("p1").Profile)
			}
			changed := participantsJSON(t, after)

			tb, msg := step(e, tb, e.d.changes.undo())
			if got := participantsJSON(t, e.sess()); got != before {
				t.Errorf("z:\n%s\nwant\n%s", got, before)
			}
			if m, ok := msg.(savedMsg); !ok || m.what != "rückgängig: "+c.named+" (Z stellt wieder her)" {
				t.Errorf("status after z: %#v", msg)
			}
			if !strings.Contains(plain(tb), e.sess().Participant(c.row).Name) {
				t.Errorf("the tab does not show the municipality again:\n%s", plain(tb))
			}
			_, msg = step(e, tb, e.d.changes.redo())
			if got := participantsJSON(t, e.sess()); got != changed {
				t.Errorf("Z:\n%s\nwant\n%s", got, changed)
			}
			if m, ok := msg.(savedMsg); !ok || m.what != "wiederhergestellt: "+c.named {
				t.Errorf("status after Z: %#v", msg)
			}
		})
	}
}

// An undo after someone else changed the same thing is refused with a
// German message and changes nothing: Lemgo answered the question the
// merge had filled in.
func TestWorkshopUndoRefusedAfterOtherChange(t *testing.T) {
	e, tb := roomEnv(t)
	selectRow(t, tb, rowAsPrefix+"p3")
	tb = e.send(tb, kRunes("u"), kEnter)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		return s.SetParticipantAnswer("p1", "leistungskraft", model.Answer{"gering"})
	}); err != nil {
		t.Fatal(err)
	}
	msg, refusal := refusedUndo(t, e, tb)
	if !strings.HasPrefix(refusal, "Nicht rückgängig gemacht: inzwischen anders geändert – der Schritt entfällt") || !strings.Contains(refusal, "zusammengeführt") {
		t.Fatalf("undo over a newer answer: %#v, want a refusal", msg)
	}
}

// Under ikz serve an undo is re-checked against the claim in the store's
// transaction: after another connection took Lemgo over, z on an answer
// given for Lemgo is refused and the new holder's answer stays.
func TestWorkshopUndoAfterTakeoverRefused(t *testing.T) {
	e, _ := roomEnv(t)
	claims := NewClaims(nil)
	e.d.claims, e.d.conn = claims, claims.Connect("lemgo")
	e.d.changes = newChanger(e.d, e.id)
	tb := answerForLemgo(t, e)
	other := claims.Connect("lemgo-laptop")
	claims.Claim(e.id, "p1", other, true)
	msg, refusal := refusedUndo(t, e, tb)
	if !strings.Contains(refusal, "Nicht rückgängig gemacht") || !strings.Contains(refusal, "andere Verbindung") {
		t.Fatalf("undo after a takeover: %#v, want a refusal", msg)
	}
	// The refused step is gone for good: back with the claim, z has
	// nothing left to take back, and the answer stays.
	claims.Claim(e.id, "p1", e.d.conn, true)
	if _, msg := step(e, tb, e.d.changes.undo()); msg != (statusMsg{"Nichts rückgängig zu machen."}) {
		t.Fatalf("z after the refused step: %#v", msg)
	}
	if _, ok := e.sess().Participant("p1").Profile["traeger"]; !ok {
		t.Error("the answer is gone")
	}
}

// Every other step of the facilitator that changes stored data goes back
// with z: absent, rename, add, blind mode, reveal, lock, a reason, adopting
// the unanimous answers.
func TestWorkshopUndoFacilitation(t *testing.T) {
	for _, c := range []struct {
		name string
		row  string
		keys []tea.Msg
	}{
		{"absent", rowAsPrefix + "p2", []tea.Msg{kRunes("w")}},
		{"rename", rowAsPrefix + "p3", append(append([]tea.Msg{kRunes("r")}, typed(" Nord")...), kEnter)},
		{"add", rowAdd, append(append([]tea.Msg{kEnter}, typed("Stadt Blomberg")...), kEnter)},
		{"blind", rowKeyPrefix + "bundesland", []tea.Msg{kRunes("b")}},
		{"lock", rowKeyPrefix + "bundesland", []tea.Msg{kRunes("s")}},
		{"reason", rowKeyPrefix + "bundesland", append(append([]tea.Msg{kRunes("c")}, typed("alle gleich")...), kEnter)},
		{"adopt all", rowKeyPrefix + "bundesland", []tea.Msg{kRunes("M")}},
		{"reveal", rowKeyPrefix + "bundesland", []tea.Msg{kRunes("v")}},
		{"joint rating", rowQuickPrefix + "qc.s1", []tea.Msg{kSpace}},
		{"joint answer by majority", rowKeyPrefix + "leistungskraft", []tea.Msg{kRunes("m")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, tb := roomEnv(t)
			if c.name == "reveal" {
				if _, err := e.st.Update(e.id, func(s *model.Session) error { s.SetBlind(true); return nil }); err != nil {
					t.Fatal(err)
				}
				tb = e.send(tb, sessionLoadedMsg{e.sess()})
			}
			state := func() string {
				s := e.sess()
				b, _ := json.Marshal([]any{s.Participants, s.Workshop, s.Profile, s.QuickCheck})
				return string(b)
			}
			before := state()
			selectRow(t, tb, c.row)
			tb = e.send(tb, c.keys...)
			changed := state()
			if changed == before {
				t.Fatalf("%s changed nothing", c.name)
			}
			tb, msg := step(e, tb, e.d.changes.undo())
			if got := state(); got != before {
				t.Errorf("z: %#v\n%s\nwant\n%s", msg, got, before)
			}
			step(e, tb, e.d.changes.redo())
			if got := state(); got != changed {
				t.Errorf("Z:\n%s\nwant\n%s", got, changed)
			}
		})
	}
}

// Key presses queued faster than the disk are stored in one transaction;
// one refused change in the burst costs only itself, and z still takes
// the others back one by one.
func TestChangerBurst(t *testing.T) {
	e, _ := roomEnv(t)
	shown := e.sess()
	a := model.SetParticipantQuickChange(shown, "p1", "qc.s1", model.StatusOffen)
	b := model.SetParticipantAnswerChange(shown, "p1", "bundesland", model.Answer{"BY"})
	c := model.SetParticipantQuickChange(shown, "p1", "qc.s2", model.StatusOffen)
	if _, err := e.st.Update(e.id, func(s *model.Session) error { // someone else answers first
		return s.SetParticipantAnswer("p1", "bundesland", model.Answer{"HE"})
	}); err != nil {
		t.Fatal(err)
	}
	run := e.d.changes.do(a)
	if e.d.changes.do(b) != nil || e.d.changes.do(c) != nil {
		t.Fatal("a second run started while one was due")
	}
	msgs := e.run(nil, run)
	got := e.sess().Participant("p1")
	if len(got.QuickCheck) != 2 || !got.Profile.Is("bundesland", "HE") {
		t.Fatalf("after the burst: quick %v, bundesland %v", got.QuickCheck, got.Profile["bundesland"])
	}
	if len(msgs) != 1 {
		t.Fatalf("messages %#v", msgs)
	}
	for range 2 {
		if _, ok := e.d.changes.undo()().(savedMsg); !ok {
			t.Fatal("undo failed")
		}
	}
	if got := e.sess().Participant("p1"); len(got.QuickCheck) != 0 {
		t.Errorf("two undos left %v", got.QuickCheck)
	}
}

// The room's other editors keep the contract too: the merge choice and
// the name of a new municipality change nothing while browsing or typing,
// and esc leaves everything as it was; so does "nein" to a removal.
func TestWorkshopRoomEditorsEscChangeNothing(t *testing.T) {
	for _, c := range []struct {
		name string
		row  string
		keys []tea.Msg
	}{
		{"merge", rowAsPrefix + "p3", []tea.Msg{kRunes("u"), kDown, kUp, kDown, kRunes("q"), kEsc}},
		{"add", rowAdd, append(append([]tea.Msg{kEnter}, typed("Stadt Blomberg q")...), kEsc)},
		{"rename", rowAsPrefix + "p1", append(append([]tea.Msg{kRunes("r")}, typed(" Nord")...), kEsc)},
		{"remove, no", rowAsPrefix + "p2", []tea.Msg{kRunes("d"), kRunes("q"), kRunes("n")}},
		{"remove, esc", rowAsPrefix + "p2", []tea.Msg{kRunes("d"), kEsc}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, tb := roomEnv(t)
			before := participantsJSON(t, e.sess())
			selectRow(t, tb, c.row)
			tb = e.send(tb, c.keys[0])
			if !tb.Capturing() {
				t.Fatal("the open editor or question does not have the keyboard")
			}
			tb = e.send(tb, c.keys[1:]...)
			if got := participantsJSON(t, e.sess()); got != before || e.saves != 0 {
				t.Errorf("changed (%d saves):\n%s\nwant\n%s", e.saves, got, before)
			}
			if tb.Capturing() {
				t.Error("esc/n did not close it")
			}
		})
	}
}
