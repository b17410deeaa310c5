package ui

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
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

const noteCrashChildEnv = "IKZ_NOTE_DRAFT_CRASH_CHILD"

func TestNoteDraftSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	for _, mode := range []string{"each key", "burst"} {
		t.Run(mode, func(t *testing.T) { noteCrashTest(t, mode) })
	}
}

func noteCrashTest(t *testing.T, mode string) {
	path := filepath.Join(t.TempDir(), "crash.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sess := &model.Session{Title: "Absturz", Traeger: "Kreis Test"}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	st.Close()
	rng := rand.New(rand.NewPCG(3, 11))
	acked, kills := "", 0
	for round := range 5 {
		before := storedNoteDraft(t, path, sess.ID)
		res := noteCrashRound(t, path, sess.ID, mode, time.Duration(20+rng.IntN(400))*time.Millisecond)
		if !res.opened {
			t.Fatalf("round %d: the child never opened the note", round)
		}
		if res.restored != before {
			t.Fatalf("round %d: the store held %q, the reopened editor showed %q", round, tail(before), tail(res.restored))
		}
		if res.last != "" {
			acked = res.last
		}
		got := storedNoteDraft(t, path, sess.ID)
		if !strings.HasPrefix(got, acked) {
			t.Fatalf("round %d: acknowledged %q, after the kill the store has %q", round, tail(acked), tail(got))
		}
		acked = got // the next child goes on from what is stored
		kills++
	}
	t.Logf("%d characters of a phase note acknowledged and found over %d kills", len([]rune(acked)), kills)
	if len(acked) < 10 {
		t.Errorf("the children typed only %q: the test proves nothing", acked)
	}
	// What was typed is a draft, not a note: nothing reached the session.
	st, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Notes) != 0 {
		t.Errorf("the session has notes %v: a draft was stored without enter", s.Notes)
	}
}

// noteRound is what one child reported before it was killed.
type noteRound struct {
	opened   bool
	restored string // the note in the editor when it opened
	last     string // the text of the last acknowledged draft
}

// noteCrashRound runs one child for d and kills it.
func noteCrashRound(t *testing.T, path, id, mode string, d time.Duration) noteRound {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestNoteDraftCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), noteCrashChildEnv+"="+mode+"|"+path+"|"+id)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1<<16)
	opened := make(chan struct{})
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "OPENED ") {
				close(opened)
			}
			lines <- sc.Text()
		}
	}()
	// The clock starts when the editor is open: a slow start of the
	// child on a loaded machine must not leave a round without typing.
	select {
	case <-opened:
	case <-time.After(time.Minute):
	}
	time.Sleep(d)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	var res noteRound
	unquote := func(s string) string {
		var v string
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Fatalf("bad line from the child %q: %v", s, err)
		}
		return v
	}
	for l := range lines {
		if s, ok := strings.CutPrefix(l, "OPENED "); ok {
			res.opened, res.restored = true, unquote(s)
		}
		if s, ok := strings.CutPrefix(l, "ACK "); ok {
			res.last = unquote(s)
		}
	}
	_ = cmd.Wait()
	return res
}

// storedNoteDraft is the note in the draft of the first Sondierung
// question in the file ("" when there is none).
func storedNoteDraft(t *testing.T, path, id string) string {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	data, err := st.Draft(firstNoteKey(id))
	if err != nil {
		t.Fatal(err)
	}
	if data == nil {
		return ""
	}
	return rowDraftNote(t, data)
}

func firstNoteKey(id string) string {
	p, _ := model.PhaseByID(model.PhaseSondierung)
	return id + "/rows/phase-" + string(p.ID) + "/" + p.Groups[0].Questions[0].ID
}

func rowDraftNote(t testing.TB, data []byte) string {
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
	spec := os.Getenv(noteCrashChildEnv)
	if spec == "" {
		t.Skip("only as the child of TestNoteDraftSurvivesKill")
	}
	parts := strings.SplitN(spec, "|", 3)
	mode, path, id := parts[0], parts[1], parts[2]
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d := tabDeps{store: st, styles: NewStyles(DefaultPalette()), now: time.Now}
	d.changes = newChanger(d, id)
	e := &tabEnv{t: t, st: st, id: id, d: d}
	key := firstNoteKey(id)
	var mu sync.Mutex
	ack := func(msg tea.Msg) {
		if m, ok := msg.(formDraftSavedMsg); ok && m.key == key && m.data != nil {
			b, _ := json.Marshal(rowDraftNote(t, m.data))
			mu.Lock()
			fmt.Printf("ACK %s\n", b)
			mu.Unlock()
		}
	}
	e.onMsg = ack
	tb := newPhaseTab(d, e.sess(), model.PhaseSondierung)
	tb.SetSize(100, 30)
	tb = e.send(tb, kEnter) // the first question
	x := tb.(*phaseTab)
	if !tb.Capturing() || x.ed.ed == nil {
		t.Fatal("the note did not open")
	}
	have := *x.ed.ed.value.(*string)
	b, _ := json.Marshal(have)
	fmt.Printf("OPENED %s\n", b)
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
	time.Sleep(time.Minute) // wait for the kill
}
