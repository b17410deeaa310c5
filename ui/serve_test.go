package ui

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"ikz/model"
	"ikz/store"
)

const testCode = "K7QX2M"

// serveEnv starts a server on 127.0.0.1:0 over a fresh store with one
// workshop session ("Workshop Lippe", participants p1, p2).
func serveEnv(t testing.TB, o ServeOptions) (*Server, *store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "sessions.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sess := &model.Session{Title: "Workshop Lippe", Traeger: "Kreis Lippe"}
	if _, err := sess.AddParticipant("Stadt Lemgo"); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.AddParticipant("Gemeinde Dörentrup"); err != nil {
		t.Fatal(err)
	}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	o.Listen = "127.0.0.1:0"
	if o.Code == "" {
		o.Code = testCode
	}
	srv, err := Serve(st, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, st, sess.ID
}

// term is one SSH client with a PTY; it records everything the server
// draws, with escape sequences removed.
type term struct {
	t      testing.TB
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser

	mu      sync.Mutex
	out     bytes.Buffer
	changed chan struct{}
}

func dial(t testing.TB, addr, code string) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "teilnehmer",
		Auth:            []gossh.AuthMethod{gossh.Password(code)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // a test server with a fresh key
		Timeout:         5 * time.Second,
	})
}

func connect(t testing.TB, addr string, w, h int) *term {
	t.Helper()
	c, err := dial(t, addr, testCode)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, client: c, sess: s, changed: make(chan struct{}, 1)}
	if tm.in, err = s.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := s.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				tm.mu.Lock()
				tm.out.Write(buf[:n])
				tm.mu.Unlock()
				select {
				case tm.changed <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(tm.close)
	return tm
}

func (tm *term) close() {
	tm.sess.Close()
	tm.client.Close()
}

// mark is the current end of the recorded output.
func (tm *term) mark() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.Len()
}

// since returns what was drawn after mark, without escape sequences.
func (tm *term) since(mark int) string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(string(tm.out.Bytes()[min(mark, tm.out.Len()):]))
}

// send types keys.
func (tm *term) send(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(tm.in, k); err != nil {
			tm.t.Fatal(err)
		}
		time.Sleep(15 * time.Millisecond) // one key per read, as typed
	}
}

// waitFor waits until text was drawn after mark and returns when.
func (tm *term) waitFor(mark int, text string, timeout time.Duration) (time.Time, bool) {
	deadline := time.After(timeout)
	for {
		if strings.Contains(tm.since(mark), text) {
			return time.Now(), true
		}
		select {
		case <-tm.changed:
		case <-deadline:
			return time.Time{}, false
		}
	}
}

func (tm *term) mustSee(mark int, text string) {
	tm.t.Helper()
	if _, ok := tm.waitFor(mark, text, 5*time.Second); !ok {
		tm.t.Fatalf("screen never showed %q; last output:\n%s", text, lastLines(tm.since(0), 40))
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// Keys as a terminal sends them.
const (
	keyEnter    = "\r"
	keyDown     = "\x1b[B"
	keyShiftTab = "\x1b[Z"
)

// openWorkshop opens the only session and goes to its Workshop tab (the
// last one, so shift+tab from the first).
func (tm *term) openWorkshop() {
	tm.t.Helper()
	tm.mustSee(0, "Workshop Lippe")
	m := tm.mark()
	tm.send(keyEnter)
	tm.mustSee(m, "Profil")
	m = tm.mark()
	tm.send(keyShiftTab)
	tm.mustSee(m, "antworten als")
}

func TestServeTwoClientsSeeEachOther(t *testing.T) {
	srv, st, id := serveEnv(t, ServeOptions{})
	addr := srv.Addr().String()
	a := connect(t, addr, 100, 30)
	b := connect(t, addr, 100, 30)
	a.openWorkshop()
	b.openWorkshop()

	// B watches bundesland: the first key row (nothing answered yet),
	// four rows below Moderation (Lemgo, Dörentrup, +, Rangfolgen).
	m := b.mark()
	b.send(keyDown, keyDown, keyDown, keyDown, keyDown)
	b.mustSee(m, "Noch keine gemeinsame Antwort")

	// A answers as Stadt Lemgo: choose her, go to bundesland, pick the
	// first Land.
	a.send(keyDown, keyEnter)
	a.mustSee(0, "antworten als: Stadt Lemgo")
	a.send(keyDown, keyDown, keyDown, keyDown, keyEnter)
	q, _ := model.ProfileQuestionByKey("bundesland")
	first := q.Options[0]
	m = b.mark()
	a.send(keyDown, keyEnter)

	b.mustSee(m, "1× "+first.Label)
	b.mustSee(m, "Stadt Lemgo")
	sess, err := st.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if got := sess.Participant("p1").Profile["bundesland"]; !slices.Equal(got, model.Answer{first.Value}) {
		t.Errorf("stored answer = %v, want [%s]", got, first.Value)
	}
}

func TestServeRefusesWrongCode(t *testing.T) {
	srv, _, _ := serveEnv(t, ServeOptions{})
	if c, err := dial(t, srv.Addr().String(), "FALSCH"); err == nil {
		c.Close()
		t.Fatal("wrong code accepted")
	}
	c, err := dial(t, srv.Addr().String(), strings.ToLower(testCode))
	if err != nil {
		t.Fatalf("the right code in lower case refused: %v", err)
	}
	c.Close()
}

func TestServeHostKeyOnceAndPrivate(t *testing.T) {
	srv, st, _ := serveEnv(t, ServeOptions{})
	path := filepath.Join(filepath.Dir(st.Path()), HostKeyName)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode = %v, want 0600", fi.Mode().Perm())
	}
	before, _ := os.ReadFile(path)
	srv.Close()
	srv2, err := Serve(st, ServeOptions{Listen: "127.0.0.1:0", Code: testCode})
	if err != nil {
		t.Fatal(err)
	}
	defer srv2.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("host key changed on the second start")
	}
}

func TestServeMaxConns(t *testing.T) {
	srv, _, _ := serveEnv(t, ServeOptions{MaxConns: 1})
	a := connect(t, srv.Addr().String(), 100, 30)
	a.mustSee(0, "Workshop Lippe")
	b := connect(t, srv.Addr().String(), 100, 30)
	b.mustSee(0, "Der Workshop ist voll")
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:23234": true, "localhost:1": true, "[::1]:2": true,
		"0.0.0.0:23234": false, ":23234": false, "192.168.1.5:22": false, "nonsense": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestWorkshopCode(t *testing.T) {
	seen := map[string]bool{}
	for range 50 {
		c, err := NewWorkshopCode()
		if err != nil {
			t.Fatal(err)
		}
		if len(c) != 6 || strings.Trim(c, codeAlphabet) != "" {
			t.Fatalf("code %q: want 6 characters from %s", c, codeAlphabet)
		}
		seen[c] = true
	}
	if len(seen) < 45 {
		t.Errorf("only %d different codes in 50", len(seen))
	}
}

// TestServeLoad: 30 SSH clients with the TUI open on the workshop (each
// re-reads and redraws on every change), while 30 writers — one per
// participant — each save 20 answers through the store the server uses,
// exactly as the tab's autosave does (Update + SetParticipantAnswer /
// SetParticipantQuick). All 600 must be stored, none lost or duplicated.
func TestServeLoad(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("load test: not with -short or -race")
	}
	const clients, answers = 30, 20
	srv, st, _ := serveEnv(t, ServeOptions{MaxConns: clients})
	sess := &model.Session{Title: "Lasttest"}
	var ids []string
	for i := range clients {
		id, err := sess.AddParticipant(fmt.Sprintf("Kommune %02d", i+1))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	var terms []*term
	for range clients {
		terms = append(terms, connect(t, srv.Addr().String(), 100, 30))
	}
	for _, tm := range terms {
		tm.mustSee(0, "Lasttest")
		tm.send(keyEnter) // the newest session is first
	}
	writes := loadAnswers(answers)
	var wg sync.WaitGroup
	errs := make(chan error, clients*answers)
	for i, pid := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j, w := range writes {
				_, err := st.Update(sess.ID, func(s *model.Session) error {
					if w.quick != "" {
						return s.SetParticipantQuick(pid, w.quick, model.QuickStatus(model.QuickStatuses[(i+j)%4].Value))
					}
					return s.SetParticipantAnswer(pid, w.key, w.answer)
				})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got, err := st.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Participants) != clients {
		t.Fatalf("participants = %d, want %d", len(got.Participants), clients)
	}
	total := 0
	for i, p := range got.Participants {
		n := len(p.Profile) + len(p.QuickCheck)
		total += n
		if n != answers {
			t.Errorf("%s: %d answers stored, want %d", p.Name, n, answers)
		}
		for j, w := range writes {
			if w.quick != "" {
				if want := model.QuickStatus(model.QuickStatuses[(i+j)%4].Value); p.QuickCheck[w.quick] != want {
					t.Errorf("%s %s = %q, want %q", p.Name, w.quick, p.QuickCheck[w.quick], want)
				}
			} else if !slices.Equal(p.Profile[w.key], w.answer) {
				t.Errorf("%s %s = %v, want %v", p.Name, w.key, p.Profile[w.key], w.answer)
			}
		}
	}
	if total != clients*answers {
		t.Errorf("%d answers stored, want %d", total, clients*answers)
	}
	if srv.Conns() != clients {
		t.Errorf("%d connections open during the test, want %d", srv.Conns(), clients)
	}
}

type loadWrite struct {
	key    string
	answer model.Answer
	quick  string
}

// loadAnswers is n distinct answers: every profile question with its first
// allowed value, then quick-check items.
func loadAnswers(n int) []loadWrite {
	var out []loadWrite
	for _, q := range model.ProfileQuestions {
		if len(out) == n {
			return out
		}
		a := model.Answer{strconv.Itoa(q.Min)}
		if q.Kind != model.Number {
			a = model.Answer{q.Options[0].Value}
		}
		out = append(out, loadWrite{key: q.Key, answer: a})
	}
	for _, ph := range model.Phases {
		for _, it := range ph.QuickItems {
			if len(out) == n {
				return out
			}
			out = append(out, loadWrite{quick: it.ID})
		}
	}
	return out
}

// BenchmarkServeKeyToScreen measures the time from a keypress on one SSH
// client (space: the next quick-check status as Moderation) to the moment
// the other clients' screens show it, and reports p50 and p95.
func BenchmarkServeKeyToScreen(b *testing.B) {
	const watchers = 4
	srv, _, _ := serveEnv(b, ServeOptions{})
	addr := srv.Addr().String()
	actor := connect(b, addr, 100, 30)
	var others []*term
	for range watchers {
		others = append(others, connect(b, addr, 100, 30))
	}
	for _, tm := range append([]*term{actor}, others...) {
		tm.openWorkshop()
		m := tm.mark()
		tm.send("G") // the last quick-check item, the same row for everyone
		tm.mustSee(m, "Noch kein gemeinsamer Stand")
	}
	labels := model.QuickStatuses
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		want := "Gemeinsamer Stand: " + labels[i%len(labels)].Label
		marks := make([]int, len(others))
		for j, tm := range others {
			marks[j] = tm.mark()
		}
		t0 := time.Now()
		if _, err := io.WriteString(actor.in, " "); err != nil {
			b.Fatal(err)
		}
		for j, tm := range others {
			at, ok := tm.waitFor(marks[j], want, 5*time.Second)
			if !ok {
				b.Fatalf("watcher %d never showed %q", j, want)
			}
			lat = append(lat, at.Sub(t0))
		}
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
}
