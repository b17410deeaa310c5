package ui

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"ikz/model"
	"ikz/store"
)

const testCode = "K7QX2M9P"

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
	return dialUser(addr, "teilnehmer", code)
}

// dialUser logs in as an SSH user name (ssh brake@host).
func dialUser(addr, user, code string) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.Password(code)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // a test server with a fresh key
		Timeout:         5 * time.Second,
	})
}

func connect(t testing.TB, addr string, w, h int) *term {
	t.Helper()
	return connectAs(t, addr, testCode, w, h)
}

// connectAs logs in with code (workshop or moderator code).
func connectAs(t testing.TB, addr, code string, w, h int) *term {
	t.Helper()
	return connectUser(t, addr, "teilnehmer", code, w, h)
}

// connectUser logs in as SSH user name user with code.
func connectUser(t testing.TB, addr, user, code string, w, h int) *term {
	t.Helper()
	c, err := dialUser(addr, user, code)
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
				answerQueries(tm.in, buf[:n])
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

// answerQueries answers the terminal queries the server sends at the start
// (background colour, device attributes) as a dark xterm would; the server
// waits for them before the app starts.
func answerQueries(in io.Writer, out []byte) {
	if bytes.Contains(out, []byte("\x1b]11;?")) {
		io.WriteString(in, "\x1b]11;rgb:0000/0000/0000\x1b\\")
	}
	if bytes.Contains(out, []byte("\x1b[c")) {
		io.WriteString(in, "\x1b[?62;22c")
	}
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

// waitForRe is waitFor with a pattern.
func (tm *term) waitForRe(mark int, re *regexp.Regexp, timeout time.Duration) (time.Time, bool) {
	deadline := time.After(timeout)
	for {
		if re.MatchString(tm.since(mark)) {
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
	keyEnter = "\r"
	keyDown  = "\x1b[B"
)

// openWorkshop opens the only session; with participants it opens on the
// Workshop tab.
func (tm *term) openWorkshop() {
	tm.t.Helper()
	tm.mustSee(0, "Workshop Lippe")
	m := tm.mark()
	tm.send(keyEnter)
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

	// A answers as Stadt Lemgo: choosing her leads to her first open
	// question, bundesland; pick the first Land.
	a.send(keyDown, keyEnter)
	a.mustSee(0, "antworten als: Stadt Lemgo")
	a.send(keyEnter)
	q, _ := model.ProfileQuestionByKey("bundesland")
	first := q.Options[0]
	m = b.mark()
	a.send(keyEnter) // the list starts on the first Land

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
		if len(c) != CodeLen || strings.Trim(c, codeAlphabet) != "" {
			t.Fatalf("code %q: want %d characters from %s", c, CodeLen, codeAlphabet)
		}
		seen[c] = true
	}
	if len(seen) < 45 {
		t.Errorf("only %d different codes in 50", len(seen))
	}
}

// TestServeLoad: 30 SSH clients with PTYs and the full TUI, each a
// participant logged in under its town's user name, which claims its
// municipality. The workshop runs blind; every client follows the room's
// question, answers 9 profile questions through the editor, then follows
// the facilitator to the quick check and rates 11 items with the space
// key — 20 answers per client, 600 in all, while every screen re-reads and
// redraws on every change. Afterwards the database holds exactly these
// 600 answers, each under the right municipality, and no client saw
// another's answer.
func TestServeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: not with -short")
	}
	clients := 30
	if raceEnabled {
		// The race detector makes 30 redrawing clients take about a
		// minute; 10 check the same paths for races. .ci/run runs the
		// full 30 once more without it.
		clients = 10
	}
	srv, st, _ := serveEnv(t, ServeOptions{MaxConns: clients, ModeratorCode: modTestCode})
	plan := newLoadPlan()
	sess := &model.Session{Title: "Lasttest"}
	for i := range clients {
		if _, err := sess.AddParticipant(loadName(i)); err != nil {
			t.Fatal(err)
		}
	}
	sess.SetBlind(true)
	if err := sess.SetCurrent(plan.keys[0].q.Key); err != nil {
		t.Fatal(err)
	}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	// The facilitator shows the quick check once everyone answered the
	// profile questions.
	profileDone := make(chan struct{})
	var doneOnce sync.WaitGroup
	doneOnce.Add(clients)
	go func() { doneOnce.Wait(); close(profileDone) }()
	if n := len(plan.keys) + len(plan.quick); n != 20 {
		t.Fatalf("load plan has %d answers, want 20", n)
	}
	var terms []*term
	for i := range clients {
		terms = append(terms, connectUser(t, srv.Addr().String(), loadUser(i), testCode, 100, 30))
	}
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i, tm := range terms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := tm.answerAs(i, plan, doneOnce.Done, profileDone); err != nil {
				errs <- fmt.Errorf("client %d: %w\nlast screen:\n%s", i+1, err, lastLines(tm.since(0), 30))
			}
		}()
	}
	go func() {
		<-profileDone
		st.Update(sess.ID, func(s *model.Session) error { return s.SetCurrent(plan.quick[len(plan.quick)-1]) })
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		t.FailNow()
	}
	if srv.Conns() != clients {
		t.Errorf("%d connections open during the test, want %d", srv.Conns(), clients)
	}

	// The last quick-check save of each client may still be in flight.
	var got *model.Session
	deadline := time.Now().Add(20 * time.Second)
	for {
		var err error
		if got, err = st.Get(sess.ID); err != nil {
			t.Fatal(err)
		}
		if countAnswers(got) >= clients*20 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := countAnswers(got); n != clients*20 {
		t.Errorf("%d answers stored, want %d", n, clients*20)
	}
	if len(got.Participants) != clients {
		t.Fatalf("participants = %d, want %d", len(got.Participants), clients)
	}
	for i, p := range got.Participants {
		if p.Name != loadName(i) {
			t.Fatalf("participant %d is %q, want %q", i, p.Name, loadName(i))
		}
		if len(p.Profile) != len(plan.keys) || len(p.QuickCheck) != len(plan.quick) {
			t.Errorf("%s: %d profile answers and %d quick-check ratings, want %d and %d",
				p.Name, len(p.Profile), len(p.QuickCheck), len(plan.keys), len(plan.quick))
		}
		for _, k := range plan.keys {
			if want := (model.Answer{k.q.Options[loadOption(i)].Value}); !slices.Equal(p.Profile[k.q.Key], want) {
				t.Errorf("%s %s = %v, want %v", p.Name, k.q.Key, p.Profile[k.q.Key], want)
			}
		}
		for _, id := range plan.quick {
			if p.QuickCheck[id] != model.StatusOffen {
				t.Errorf("%s %s = %q, want %q", p.Name, id, p.QuickCheck[id], model.StatusOffen)
			}
		}
	}
	if len(got.Profile) != 0 || len(got.QuickCheck) != 0 {
		t.Errorf("joint answers written by participants: profile %v, quick check %v", got.Profile, got.QuickCheck)
	}
	// Blind: nobody saw a spread, an agreement or a joint answer.
	for i, tm := range terms {
		for _, leak := range []string{"1× ", "Dissens", "Einigkeit", "Gemeinsame Antwort"} {
			if strings.Contains(tm.since(0), leak) {
				t.Errorf("client %d saw %q in blind mode", i+1, leak)
			}
		}
	}
}

func loadName(i int) string { return fmt.Sprintf("Kommune %02d", i+1) }

// loadUser is the SSH user name that names municipality i.
func loadUser(i int) string { return fmt.Sprintf("kommune%02d", i+1) }

// loadOption is the option client i picks: neighbours differ, so answers
// stored under the wrong municipality show.
func loadOption(i int) int { return i % 2 }

func countAnswers(s *model.Session) int {
	n := 0
	for _, p := range s.Participants {
		n += len(p.Profile) + len(p.QuickCheck)
	}
	return n
}

// loadPlan is what every client answers: single-choice profile questions
// (with their row among the profile questions, which a participant sees
// in catalogue order) and every quick-check item.
type loadPlan struct {
	keys []struct {
		q   model.ProfileQuestion
		row int
	}
	quick []string
}

// newLoadPlan takes the first nine single-choice questions that no other
// answer can hide (hiding would shift the rows), and the eleven items.
func newLoadPlan() loadPlan {
	var p loadPlan
	for i, q := range model.ProfileQuestions {
		if q.Kind != model.Single || q.HideIf != nil || controlsVisibility(q.Key) || len(p.keys) == 9 {
			continue
		}
		p.keys = append(p.keys, struct {
			q   model.ProfileQuestion
			row int
		}{q, i})
	}
	for _, ph := range model.Phases {
		for _, it := range ph.QuickItems {
			p.quick = append(p.quick, it.ID)
		}
	}
	return p
}

func controlsVisibility(key string) bool {
	for _, q := range model.ProfileQuestions {
		if q.HideIf != nil && q.HideIf.Key == key {
			return true
		}
	}
	return false
}

// keys types keys like send, but returns the error (for goroutines).
func (tm *term) keys(ks ...string) error {
	for _, k := range ks {
		if _, err := io.WriteString(tm.in, k); err != nil {
			return err
		}
		time.Sleep(15 * time.Millisecond)
	}
	return nil
}

func (tm *term) expect(mark int, text string) error {
	if _, ok := tm.waitFor(mark, text, 20*time.Second); !ok {
		return fmt.Errorf("screen never showed %q", text)
	}
	return nil
}

// answerAs is one participant's work: open the workshop session (the
// user name has claimed municipality i), follow the room's question (the
// first of the plan), answer the plan's questions, report done, and once
// the facilitator moves the room to the last quick-check item, rate every
// item from the bottom up.
func (tm *term) answerAs(i int, plan loadPlan, done func(), quick <-chan struct{}) error {
	if err := tm.expect(0, "Lasttest"); err != nil {
		return err
	}
	m := tm.mark()
	if err := tm.keys(keyEnter); err != nil { // the newest session is first
		return err
	}
	if err := tm.expect(m, "antworten als: "+loadName(i)); err != nil {
		return err
	}
	m = tm.mark()
	if err := tm.keys("f"); err != nil { // follow the room
		return err
	}
	if _, ok := tm.waitForRe(m, regexp.MustCompile(`› \S » `+regexp.QuoteMeta(plan.keys[0].q.Label)), 20*time.Second); !ok {
		return fmt.Errorf("following did not lead to %q", plan.keys[0].q.Label)
	}
	row := plan.keys[0].row
	for _, k := range plan.keys {
		if err := tm.keys(keysN(keyDown, k.row-row)...); err != nil {
			return err
		}
		// enter opens the editor; its list starts on the first option
		// (there is no "no answer" to wrap into), so option n is n down;
		// enter closes it and moves to the next row.
		if err := tm.keys(append([]string{keyEnter}, keysN(keyDown, loadOption(i))...)...); err != nil {
			return err
		}
		m = tm.mark()
		if err := tm.keys(keyEnter); err != nil {
			return err
		}
		// Once the editor closed, the cursor (›) is on the next question.
		next := []rune(model.ProfileQuestions[k.row+1].Label)
		re := regexp.MustCompile(`› \S ` + regexp.QuoteMeta(string(next[:min(12, len(next))])))
		if _, ok := tm.waitForRe(m, re, 20*time.Second); !ok {
			return fmt.Errorf("%s: the cursor never moved on to %q", k.q.Key, string(next))
		}
		row = k.row + 1
	}
	m = tm.mark()
	done()
	<-quick
	// Following: the cursor moves to the room's question, the last item.
	last, _, _ := model.QuickItemByID(plan.quick[len(plan.quick)-1])
	text := []rune(last.Text)
	if _, ok := tm.waitForRe(m, regexp.MustCompile(`› \S » `+regexp.QuoteMeta(string(text[:min(12, len(text))]))), 30*time.Second); !ok {
		return fmt.Errorf("following did not lead to the last quick-check item")
	}
	for j := range plan.quick {
		ks := []string{" "}
		if j < len(plan.quick)-1 {
			ks = append(ks, "\x1b[A") // up
		}
		if err := tm.keys(ks...); err != nil {
			return err
		}
	}
	return nil
}

func keysN(k string, n int) []string { return slices.Repeat([]string{k}, max(n, 0)) }

// BenchmarkServeKeyToScreen measures the time from a keypress on one SSH
// client (space: the next quick-check status as Moderation) to the moment
// the other clients' screens show it, and reports p50 and p95.
// Run with 4 watchers (a small workshop) and 29 (the 30-connection limit).
func BenchmarkServeKeyToScreen(b *testing.B) {
	for _, n := range []int{4, 29} {
		b.Run(fmt.Sprintf("watchers=%d", n), func(b *testing.B) { benchKeyToScreen(b, n) })
	}
}

func benchKeyToScreen(b *testing.B, watchers int) {
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

// A participant's connection drops right after an answer: the answer is
// stored, the server counts the connection as gone, and the others go on.
func TestServeDroppedConnectionLosesNothing(t *testing.T) {
	srv, st, id := serveEnv(t, ServeOptions{})
	addr := srv.Addr().String()
	a := connect(t, addr, 100, 30)
	b := connect(t, addr, 100, 30)
	a.openWorkshop()
	b.openWorkshop()
	// A answers as Stadt Lemgo: her first question, bundesland, first Land.
	a.send(keyDown, keyEnter)
	a.mustSee(0, "beantworten als Stadt Lemgo")
	a.send(keyEnter, keyEnter)
	q, _ := model.ProfileQuestionByKey("bundesland")
	want := model.Answer{q.Options[0].Value}
	waitStored(t, st, id, func(s *model.Session) bool { return slices.Equal(s.Participant("p1").Profile["bundesland"], want) })
	ma := a.mark()
	a.send(keyUp, keyEnter, keyDown, keyDown) // open it again and browse: that stores nothing
	a.mustSee(ma, "enter übernehmen")
	a.client.Conn.Close() // the laptop's lid closes, editor still open

	deadline := time.Now().Add(5 * time.Second)
	for srv.Conns() != 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if srv.Conns() != 1 {
		t.Errorf("%d connections after one dropped, want 1", srv.Conns())
	}
	sess, err := st.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if got := sess.Participant("p1").Profile["bundesland"]; !slices.Equal(got, want) {
		t.Errorf("after the drop: stored %v, want %v", got, want)
	}
	// B carries on: answering as Gemeinde Dörentrup still works.
	m := b.mark()
	b.send(keyDown, keyDown, keyEnter)
	b.mustSee(m, "beantworten als Gemeinde Dörentrup")
}

// A connection without input or output for the idle time is closed.
func TestServeIdleTimeout(t *testing.T) {
	srv, _, _ := serveEnv(t, ServeOptions{Idle: 500 * time.Millisecond})
	a := connect(t, srv.Addr().String(), 100, 30)
	a.mustSee(0, "Workshop Lippe")
	done := make(chan error, 1)
	go func() { done <- a.sess.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("an idle connection was not closed")
	}
	deadline := time.Now().Add(5 * time.Second)
	for srv.Conns() != 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if srv.Conns() != 0 {
		t.Errorf("%d connections after the idle timeout, want 0", srv.Conns())
	}
}

func waitStored(t *testing.T, st *store.Store, id string, ok func(*model.Session) bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s, err := st.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if ok(s) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the answer never reached the database")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// With an authorized-keys file and no code, only the listed keys get in.
func TestServeAuthorizedKeysOnly(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "sessions.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	signer := func() gossh.Signer {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		s, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	listed, other := signer(), signer()
	keys := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(keys, gossh.MarshalAuthorizedKey(listed.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	srv, err := Serve(st, ServeOptions{Listen: "127.0.0.1:0", AuthorizedKeys: keys})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dialWith := func(auth gossh.AuthMethod) error {
		c, err := gossh.Dial("tcp", srv.Addr().String(), &gossh.ClientConfig{
			User: "moderation", Auth: []gossh.AuthMethod{auth},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second,
		})
		if err == nil {
			c.Close()
		}
		return err
	}
	if err := dialWith(gossh.PublicKeys(listed)); err != nil {
		t.Errorf("listed key refused: %v", err)
	}
	if dialWith(gossh.PublicKeys(other)) == nil {
		t.Error("a key not in the file was accepted")
	}
	if dialWith(gossh.Password(testCode)) == nil {
		t.Error("a password was accepted although only keys are allowed")
	}
}

// Colours follow the client's terminal (xterm-256color here), whatever the
// server process's own output is; NO_COLOR on the server turns them off.
func TestServeColoursPerClient(t *testing.T) {
	for _, noColor := range []bool{false, true} {
		srv, _, _ := serveEnv(t, ServeOptions{NoColor: noColor})
		a := connect(t, srv.Addr().String(), 100, 30)
		a.mustSee(0, "Workshop Lippe")
		a.mu.Lock()
		raw := a.out.String()
		a.mu.Unlock()
		if coloured := strings.Contains(raw, "\x1b[38;5;"); coloured == noColor {
			t.Errorf("NoColor %v: 256-colour codes in the output = %v", noColor, coloured)
		}
	}
}

// With a moderator code, the workshop code logs in participants: only the
// Workshop tab, no Moderation row. The moderator code gets everything.
func TestServeRoles(t *testing.T) {
	const modCode = "MQ7X3P4H"
	srv, _, _ := serveEnv(t, ServeOptions{ModeratorCode: modCode})
	addr := srv.Addr().String()
	part := connect(t, addr, 100, 30)
	mod := connectAs(t, addr, modCode, 100, 30)
	part.openWorkshop()
	mod.openWorkshop()
	if _, ok := part.waitFor(0, "antworten als: – Kommune wählen –", 5*time.Second); !ok {
		t.Errorf("participant screen does not ask for the municipality:\n%s", lastLines(part.since(0), 30))
	}
	if strings.Contains(part.since(0), "Profil ·") || strings.Contains(part.since(0), "· Moderation ") {
		t.Errorf("participant sees the facilitator's tabs or the Moderation row:\n%s", lastLines(part.since(0), 30))
	}
	mod.mustSee(0, "1 Profil")
	mod.mustSee(0, "Moderation")
	if c, err := dial(t, addr, "FALSCH"); err == nil {
		c.Close()
		t.Error("a wrong code was accepted")
	}
}
