package ui

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"ikz/model"
	"ikz/store"
)

// The harness of the crash tests (draft_crash_test.go,
// note_draft_crash_test.go): the parent re-executes this test binary as a
// child that types into a form and prints a line for every draft write the
// store acknowledged; the parent kills it with SIGKILL at a random moment,
// reopens the file and demands that everything acknowledged is there.

// crashText is what the children type, long enough to outlast every kill.
var crashText = strings.Repeat("Landrätin Müller, IT-Leitungen der 8 Gemeinden; ", 40)

// crashChild is one kind of child: the test function that plays it and the
// variable through which the parent tells it what to do.
type crashChild struct {
	test string // the name of the child's test function
	env  string // the variable that carries the child's spec
	// startOn, when set, is the prefix of the line that starts the clock:
	// a slow start of the child on a loaded machine must not leave a
	// round without typing.
	startOn string
}

// newCrashFile creates a store file with one session for the children to
// type into and closes it.
func newCrashFile(t *testing.T) (path, id string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "crash.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sess := &model.Session{Title: "Absturz", Traeger: "Kreis Test"}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path, sess.ID
}

// kill runs one child with spec for d, kills it with SIGKILL and returns
// every line it printed.
func (c crashChild) kill(t *testing.T, d time.Duration, spec ...string) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+c.test+"$", "-test.v")
	cmd.Env = append(os.Environ(), c.env+"="+strings.Join(spec, "|"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1<<16)
	started := make(chan struct{})
	if c.startOn == "" {
		close(started)
	}
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if c.startOn != "" && strings.HasPrefix(sc.Text(), c.startOn) {
				close(started)
			}
			lines <- sc.Text()
		}
	}()
	select {
	case <-started:
	case <-time.After(time.Minute):
	}
	time.Sleep(d)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	var all []string
	for l := range lines {
		all = append(all, l)
	}
	_ = cmd.Wait()
	return all
}

// lastCrashLine is the text of the last line with prefix that a child
// printed (see printCrashLine); ok is false when there was none.
func lastCrashLine(t *testing.T, lines []string, prefix string) (text string, ok bool) {
	t.Helper()
	for _, l := range lines {
		s, found := strings.CutPrefix(l, prefix+" ")
		if !found {
			continue
		}
		if err := json.Unmarshal([]byte(s), &text); err != nil {
			t.Fatalf("bad line from the child %q: %v", s, err)
		}
		ok = true
	}
	return text, ok
}

// survivesKills runs five rounds of one child each; round runs the child
// of round n and returns the text of its last acknowledged draft ("" for
// none), stored is the text of the draft in the file. Whatever was
// acknowledged must be in the file after the kill; the next child goes on
// from what is stored. what names the text in the log.
func survivesKills(t *testing.T, what string, round func(n int) string, stored func() string) {
	t.Helper()
	acked, kills := "", 0
	for n := range 5 {
		if last := round(n); last != "" {
			acked = last
		}
		got := stored()
		if !strings.HasPrefix(got, acked) {
			t.Fatalf("round %d: acknowledged %q, after the kill the store has %q", n, tail(acked), tail(got))
		}
		acked = got // the next child goes on from what is stored
		kills++
	}
	t.Logf("%d characters%s acknowledged and found over %d kills", len([]rune(acked)), what, kills)
	if len(acked) < 10 {
		t.Errorf("the children typed only %q: the test proves nothing", acked)
	}
}

func tail(s string) string {
	r := []rune(s)
	if len(r) > 30 {
		return "…" + string(r[len(r)-30:])
	}
	return s
}

// storedDraft is the draft under key in the file at path (nil when there
// is none).
func storedDraft(t *testing.T, path, key string) []byte {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return draftData(t, st, key)
}

func draftData(t testing.TB, st *store.Store, key string) []byte {
	t.Helper()
	data, err := st.Draft(key)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// childEnv is the child's side: the first part of the spec its parent
// sent and the environment of the tabs on the file and session the parent
// named. Outside a crash test the child's test is skipped.
func (c crashChild) childEnv(t *testing.T, parent string) (what string, e *tabEnv) {
	spec := os.Getenv(c.env)
	if spec == "" {
		t.Skip("only as the child of " + parent)
	}
	parts := strings.SplitN(spec, "|", 3)
	what, path, id := parts[0], parts[1], parts[2]
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d := tabDeps{store: st, styles: NewStyles(DefaultPalette()), now: time.Now}
	d.changes = newChanger(d, id)
	return what, &tabEnv{t: t, st: st, id: id, d: d}
}

var crashPrintMu sync.Mutex

// printCrashLine tells the parent text under prefix, one line of JSON (it
// may be called from several goroutines).
func printCrashLine(prefix, text string) {
	b, _ := json.Marshal(text)
	crashPrintMu.Lock()
	defer crashPrintMu.Unlock()
	fmt.Printf("%s %s\n", prefix, b)
}

// awaitKill keeps the child alive until its parent kills it.
func awaitKill() { time.Sleep(time.Minute) }
