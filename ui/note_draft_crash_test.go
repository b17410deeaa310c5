package ui

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/store"
)

// The crash test of the open row editor (editlist_draft.go), as
// draft_crash_test.go does it for the review and measure forms: a child
// process (this test binary, re-executed) opens the first guiding question
// of Sondierung, types its note one key at a time and prints every draft
// write the store acknowledged. The parent kills it with SIGKILL at a
// random moment, reopens the file and demands that everything acknowledged
// is there; the next child reopens the row (the draft must come back into
// the editor, it says what it found) and types on. "each key" waits for
// every write as a slow typist would; "burst" types as fast as the program
// takes keys, so writes are coalesced (the newest text wins) as in a paste.
// The harness is crash_harness_test.go.

var noteCrashChild = crashChild{
	test:    "TestNoteDraftCrashChild",
	env:     "IKZ_NOTE_DRAFT_CRASH_CHILD",
	startOn: "OPENED ", // the clock starts when the editor is open
}

func TestNoteDraftSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	for _, mode := range []string{"each key", "burst"} {
		t.Run(mode, func(t *testing.T) { noteCrashTest(t, mode) })
	}
}

func noteCrashTest(t *testing.T, mode string) {
	path, id := newCrashFile(t)
	stored := func() string { return rowDraftNote(t, storedDraft(t, path, firstNoteKey(id))) }
	rng := rand.New(rand.NewPCG(3, 11))
	survivesKills(t, " of a phase note", func(round int) string {
		before := stored()
		lines := noteCrashChild.kill(t, time.Duration(20+rng.IntN(400))*time.Millisecond, mode, path, id)
		restored, opened := lastCrashLine(t, lines, "OPENED")
		if !opened {
			t.Fatalf("round %d: the child never opened the note", round)
		}
		if restored != before {
			t.Fatalf("round %d: the store held %q, the reopened editor showed %q", round, tail(before), tail(restored))
		}
		last, _ := lastCrashLine(t, lines, "ACK")
		return last
	}, stored)
	// What was typed is a draft, not a note: nothing reached the session.
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Notes) != 0 {
		t.Errorf("the session has notes %v: a draft was stored without enter", s.Notes)
	}
}

func firstNoteKey(id string) string {
	p, _ := model.PhaseByID(model.PhaseSondierung)
	return id + "/rows/phase-" + string(p.ID) + "/" + p.Groups[0].Questions[0].ID
}

// rowDraftNote is the note in a row draft ("" for no draft).
func rowDraftNote(t testing.TB, data []byte) string {
	if data == nil {
		return ""
	}
	var d rowDraft
	var note string
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(d.Value, &note); err != nil {
		t.Fatal(err)
	}
	return note
}

// TestNoteDraftCrashChild is the child: it types until it is killed.
func TestNoteDraftCrashChild(t *testing.T) {
	mode, e := noteCrashChild.childEnv(t, "TestNoteDraftSurvivesKill")
	key := firstNoteKey(e.id)
	ack := func(msg tea.Msg) {
		if m, ok := msg.(formDraftSavedMsg); ok && m.key == key && m.data != nil {
			printCrashLine("ACK", rowDraftNote(t, m.data))
		}
	}
	e.onMsg = ack
	tb := newPhaseTab(e.d, e.sess(), model.PhaseSondierung)
	tb.SetSize(100, 30)
	tb = e.send(tb, kEnter) // the first question
	x := tb.(*phaseTab)
	if !tb.Capturing() || x.ed.ed == nil {
		t.Fatal("the note did not open")
	}
	have := *x.ed.ed.value.(*string)
	printCrashLine("OPENED", have)
	for _, r := range strings.TrimPrefix(crashText, have) {
		if mode != "burst" {
			tb = e.send(tb, kRunes(string(r)))
			continue
		}
		// as the program does: the writes run beside the typing
		var cmd tea.Cmd
		tb, cmd = tb.Update(kRunes(string(r)))
		go func(tb tab) {
			for _, m := range e.run(tb, cmd) {
				ack(m)
			}
		}(tb)
	}
	awaitKill()
}
