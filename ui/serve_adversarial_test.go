package ui

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"ikz/store"
)

// The adversarial SSH suite: clients that lie about their terminal, never
// log in, guess codes, crowd the room or vanish. Every limit must hold on
// loopback within a few seconds.

// logLines records the server's console lines with the time each arrived.
type logLines struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	lines []string
	at    []time.Time
}

func (l *logLines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	for {
		line, err := l.buf.ReadString('\n')
		if err != nil {
			l.buf.WriteString(line)
			break
		}
		l.lines = append(l.lines, strings.TrimSuffix(line, "\n"))
		l.at = append(l.at, time.Now())
	}
	return len(p), nil
}

// matching returns the lines containing s and when they arrived.
func (l *logLines) matching(s string) ([]string, []time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var lines []string
	var at []time.Time
	for i, line := range l.lines {
		if strings.Contains(line, s) {
			lines = append(lines, line)
			at = append(at, l.at[i])
		}
	}
	return lines, at
}

func (l *logLines) waitFor(t *testing.T, s string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if lines, _ := l.matching(s); len(lines) > 0 {
			return lines[0]
		}
		time.Sleep(10 * time.Millisecond)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	t.Fatalf("no log line with %q in:\n%s", s, strings.Join(l.lines, "\n"))
	return ""
}

// heapMB is the live heap after a collection.
func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// heapSysMB is the heap memory obtained from the system: it grows with the
// peak, not just what stays live.
func heapSysMB() float64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapSys) / (1 << 20)
}

// mustRedraw waits until the server drew anything after mark (the answer
// to a key).
func (tm *term) mustRedraw(mark int) {
	tm.t.Helper()
	deadline := time.After(10 * time.Second)
	for tm.mark() == mark {
		select {
		case <-tm.changed:
		case <-deadline:
			tm.t.Fatal("the server did not redraw after a key")
		}
	}
}

func waitConns(t *testing.T, srv *Server, want int, within time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for srv.Conns() != want {
		if time.Since(start) > within {
			t.Fatalf("%d connections after %s, want %d", srv.Conns(), within, want)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return time.Since(start)
}

// A client announcing a gigantic terminal gets the largest window the
// server draws; the server's heap stays bounded, and it keeps serving.
func TestServeHugeWindowBoundedMemory(t *testing.T) {
	srv, _, _ := serveEnv(t, ServeOptions{})
	addr := srv.Addr().String()
	a := connect(t, addr, 100, 30)
	a.mustSee(0, "Workshop Lippe")
	before, sysBefore := heapMB(), heapSysMB()

	huge := connect(t, addr, 65535, 65535)
	huge.mustSee(0, "Workshop Lippe")
	for _, size := range [][2]int{{10000, 10000}, {65535, 1}, {1, 65535}, {65535, 65535}} {
		if err := huge.sess.WindowChange(size[1], size[0]); err != nil {
			t.Fatal(err)
		}
	}
	m := huge.mark()
	huge.send("?")
	huge.mustRedraw(m)
	time.Sleep(200 * time.Millisecond)
	after, peak := heapMB(), heapSysMB()-sysBefore
	grown := after - before
	t.Logf("heap %.1f MB with a 100×30 client, %.1f MB after a 65535×65535 one (+%.1f MB live, +%.1f MB obtained from the system)",
		before, after, grown, peak)
	if grown > 48 || peak > 64 {
		t.Errorf("the server's heap grew by %.0f MB (%.0f MB from the system) for one client announcing 65535×65535, want < 48 (64) MB", grown, peak)
	}
	// The frame fits the clamped window: no line is wider than allowed.
	for _, line := range strings.Split(huge.since(0), "\n") {
		if w := len([]rune(line)); w > MaxWindowWidth*4 {
			t.Fatalf("a line of %d characters reached the client", w)
		}
	}
	// The other client is still served.
	m = a.mark()
	a.send("?")
	a.mustRedraw(m)
}

// Thousands of resize requests cost one redraw per size the app gets to;
// the connection and the server stay responsive and memory bounded.
func TestServeResizeStorm(t *testing.T) {
	srv, _, _ := serveEnv(t, ServeOptions{})
	addr := srv.Addr().String()
	a := connect(t, addr, 100, 30)
	a.mustSee(0, "Workshop Lippe")
	before := heapMB()
	storm := 3000
	if raceEnabled {
		storm = 500
	}
	start := time.Now()
	for i := range storm {
		w, h := 60+i%300, 20+i%100
		if i%10 == 0 {
			w, h = 65535, 65535
		}
		if err := a.sess.WindowChange(h, w); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	sent := time.Since(start)
	m := a.mark()
	a.send("?")
	a.mustRedraw(m)
	after := heapMB()
	t.Logf("%d resizes sent in %s; answered %s after the last; heap +%.1f MB", storm, sent.Round(time.Millisecond),
		time.Since(start.Add(sent)).Round(time.Millisecond), after-before)
	if after-before > 48 {
		t.Errorf("heap grew by %.0f MB during a resize storm", after-before)
	}
	b := connect(t, addr, 100, 30)
	b.mustSee(0, "Workshop Lippe")
}

// 100 connections that never speak SSH: those over the cap are refused at
// once, the rest are closed at the handshake deadline; afterwards a real
// client logs in.
func TestServeSilentConnectionsClosed(t *testing.T) {
	const deadline = time.Second
	logs := &logLines{}
	srv, _, _ := serveEnv(t, ServeOptions{HandshakeTimeout: deadline, MaxUnauth: 20, Log: logs})
	addr := srv.Addr().String()
	start := time.Now()
	var wg sync.WaitGroup
	var latest atomic.Int64
	for range 100 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Close()
			c.SetReadDeadline(time.Now().Add(10 * time.Second))
			_, _ = io.Copy(io.Discard, c) // until the server closes it
			if d := int64(time.Since(start)); d > latest.Load() {
				latest.Store(d)
			}
		}()
	}
	wg.Wait()
	last := time.Duration(latest.Load())
	t.Logf("100 silent connections: all closed by the server after %s (deadline %s)", last.Round(time.Millisecond), deadline)
	if last > deadline+time.Second {
		t.Errorf("silent connections lived %s, deadline %s", last, deadline)
	}
	if n := srv.Unauthenticated(); n != 0 {
		t.Errorf("%d connections still counted as logging in", n)
	}
	logs.waitFor(t, "nicht innerhalb von 1s angemeldet")
	logs.waitFor(t, "zu viele Verbindungen, die sich noch nicht angemeldet haben")
	a := connect(t, addr, 100, 30)
	a.mustSee(0, "Workshop Lippe")
}

// After FreeFailures wrong codes from one address, passwords from there
// are checked at most once per FailDelay, whatever the parallelism; each
// failure is logged; the right code still works afterwards.
func TestServeBruteForceSlowed(t *testing.T) {
	logs := &logLines{}
	srv, _, _ := serveEnv(t, ServeOptions{Log: logs})
	addr := srv.Addr().String()
	guess := func(i int) {
		c, err := dial(t, addr, fmt.Sprintf("FALSCH%03d", i))
		if err == nil {
			c.Close()
			t.Errorf("guess %d logged in", i)
		}
	}
	start := time.Now()
	for i := range FreeFailures {
		guess(i)
	}
	free := time.Since(start)
	// Eight attackers in parallel for two seconds.
	stop := time.Now().Add(2 * time.Second)
	var wg sync.WaitGroup
	var tries atomic.Int32
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(stop); i++ {
				tries.Add(1)
				guess(100*w + i)
			}
		}()
	}
	wg.Wait()
	lines, at := logs.matching("Fehlversuch")
	if len(lines) < FreeFailures+2 {
		t.Fatalf("%d failures logged, want at least %d:\n%s", len(lines), FreeFailures+2, strings.Join(lines, "\n"))
	}
	for i := FreeFailures; i < len(at); i++ {
		// Checks start at reserved turns FailDelay apart; the log line
		// follows the check after some scheduling delay on a loaded machine.
		if gap := at[i].Sub(at[i-1]); gap < FailDelay-250*time.Millisecond {
			t.Errorf("checks %d and %d only %s apart", i, i+1, gap)
		}
	}
	slowed := at[len(at)-1].Sub(at[FreeFailures-1])
	rate := float64(len(at)-FreeFailures) / slowed.Seconds()
	t.Logf("first %d wrong codes in %s; then %d parallel tries → %d checks in %s (%.2f/s)",
		FreeFailures, free.Round(time.Millisecond), tries.Load(), len(at)-FreeFailures, slowed.Round(time.Millisecond), rate)
	if rate > 1.05 {
		t.Errorf("%.2f password checks per second after %d failures, want ≤ 1", rate, FreeFailures)
	}
	if !strings.Contains(lines[len(lines)-1], "höchstens einer pro 1s") || !strings.Contains(lines[0], "127.0.0.1") {
		t.Errorf("log lines do not say who and the backoff: %q / %q", lines[0], lines[len(lines)-1])
	}
	// The right code gets in (after waiting its turn).
	time.Sleep(FailDelay)
	c, err := dial(t, addr, testCode)
	if err != nil {
		t.Fatalf("the right code after the attack: %v", err)
	}
	c.Close()
}

// Blank and short codes are refused when the server starts, and a blank
// password never logs anyone in.
func TestServeRefusesWeakCodes(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "sessions.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, o := range []ServeOptions{
		{Code: "a"},
		{Code: "ABC234X"},
		{Code: " "},
		{Code: "AAAAAAAAAA"},
		{Code: testCode, ModeratorCode: " "},
		{Code: testCode, ModeratorCode: "MOD"},
		{Code: testCode, ModeratorCode: strings.ToLower(testCode)},
	} {
		o.Listen = "127.0.0.1:0"
		if srv, err := Serve(st, o); err == nil {
			srv.Close()
			t.Errorf("Serve accepted code %q, moderator code %q", o.Code, o.ModeratorCode)
		}
	}
	srv, _, _ := serveEnv(t, ServeOptions{ModeratorCode: "MQ7X3P4H"})
	for _, pw := range []string{"", " ", "\t"} {
		if c, err := dial(t, srv.Addr().String(), pw); err == nil {
			c.Close()
			t.Errorf("password %q logged in", pw)
		}
	}
}

// With every participant slot taken, the moderator still gets in; one
// participant more is turned away with a note.
func TestServeModeratorAdmittedWhenFull(t *testing.T) {
	participants := 30
	if raceEnabled {
		participants = 10
	}
	const modCode = "MQ7X3P4H"
	logs := &logLines{}
	srv, _, _ := serveEnv(t, ServeOptions{ModeratorCode: modCode, MaxConns: participants, Log: logs})
	addr := srv.Addr().String()
	var wg sync.WaitGroup
	errs := make(chan error, participants)
	for range participants {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := dial(t, addr, testCode)
			if err != nil {
				errs <- err
				return
			}
			t.Cleanup(func() { c.Close() })
			s, err := c.NewSession()
			if err == nil {
				err = s.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
			}
			if err == nil {
				err = s.Shell()
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	waitConns(t, srv, participants, 10*time.Second)

	extra := connect(t, addr, 80, 24)
	extra.mustSee(0, "Der Workshop ist voll")
	mod := connectAs(t, addr, modCode, 100, 30)
	mod.mustSee(0, "Workshop Lippe")
	if got := srv.Conns(); got != participants+1 {
		t.Errorf("%d connections, want %d participants and the moderator", got, participants)
	}
	logs.waitFor(t, "verbunden: 127.0.0.1 als \"teilnehmer\" (Moderation, 1/3)")
	logs.waitFor(t, "abgewiesen: 127.0.0.1 als \"teilnehmer\" – alle")
}

// A set idle limit fires on a connection whose client sends nothing while a
// text field is open: the blinking cursor's output is not activity.
func TestServeIdleWithOpenTextField(t *testing.T) {
	const idle = 1500 * time.Millisecond
	logs := &logLines{}
	srv, _, _ := serveEnv(t, ServeOptions{Idle: idle, Log: logs})
	a := connect(t, srv.Addr().String(), 100, 30)
	a.mustSee(0, "Workshop Lippe")
	m := a.mark()
	a.send("n")
	a.mustSee(m, "Titel der Sitzung")
	typed := time.Now()
	m = a.mark()
	done := make(chan struct{})
	go func() { a.sess.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(idle + 5*time.Second):
		t.Fatal("the idle limit did not fire with a text field open")
	}
	after := time.Since(typed)
	out := a.mark() - m
	t.Logf("closed %s after the last key (limit %s); %d bytes of output (cursor blinks) in between", after.Round(time.Millisecond), idle, out)
	if after < idle {
		t.Errorf("closed after %s, before the idle limit %s", after, idle)
	}
	if out == 0 {
		t.Error("no output while idle: the test did not exercise a blinking cursor")
	}
	logs.waitFor(t, "keine Eingabe")
	waitConns(t, srv, 0, 5*time.Second)
}

// Without an idle limit a quiet connection stays (the projector, listeners).
func TestServeNoIdleLimitByDefault(t *testing.T) {
	srv, _, _ := serveEnv(t, ServeOptions{KeepAlive: 100 * time.Millisecond})
	a := connect(t, srv.Addr().String(), 100, 30)
	a.mustSee(0, "Workshop Lippe")
	time.Sleep(time.Second)
	if srv.Conns() != 1 {
		t.Fatal("a quiet connection was dropped without an idle limit")
	}
	m := a.mark()
	a.send("?")
	a.mustRedraw(m)
}

// freezer is a TCP proxy between client and server that can stop
// forwarding in both directions, like a laptop that was closed or left
// the Wi-Fi: the client no longer answers anything.
type freezer struct {
	ln     net.Listener
	frozen atomic.Bool
}

func newFreezer(t *testing.T, target string) *freezer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &freezer{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				return
			}
			t.Cleanup(func() { c.Close(); s.Close() })
			go f.pipe(c, s)
			go f.pipe(s, c)
		}
	}()
	return f
}

func (f *freezer) pipe(dst, src net.Conn) {
	r := bufio.NewReader(src)
	buf := make([]byte, 4096)
	for {
		n, err := r.Read(buf)
		if f.frozen.Load() {
			select {} // swallow everything from now on, never close
		}
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// A client that stops answering (keepalives unanswered) is found and
// closed within KeepAliveMissed intervals.
func TestServeDeadConnectionClosed(t *testing.T) {
	const every = 200 * time.Millisecond
	logs := &logLines{}
	srv, _, _ := serveEnv(t, ServeOptions{KeepAlive: every, Log: logs})
	f := newFreezer(t, srv.Addr().String())
	a := connect(t, f.ln.Addr().String(), 100, 30)
	a.mustSee(0, "Workshop Lippe")
	time.Sleep(3 * every * KeepAliveMissed) // answering clients stay
	if srv.Conns() != 1 {
		t.Fatal("a live client was dropped by the keepalive")
	}
	f.frozen.Store(true)
	took := waitConns(t, srv, 0, 10*time.Second)
	t.Logf("dead connection closed %s after the client went silent (keepalive %s × %d)", took.Round(time.Millisecond), every, KeepAliveMissed)
	if took > every*(KeepAliveMissed+3) {
		t.Errorf("a dead connection lived %s", took)
	}
	logs.waitFor(t, "antwortet seit")
}

// The console gets one line per connect, disconnect and failed login; the
// client sees the banner naming the workshop code before the password
// prompt; user names cannot smuggle escape sequences into the log.
func TestServeConsoleLogAndBanner(t *testing.T) {
	logs := &logLines{}
	srv, _, _ := serveEnv(t, ServeOptions{Log: logs})
	addr := srv.Addr().String()
	var banner string
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "brake\x1b]52;c;aGFjaw==\x07",
		Auth:            []gossh.AuthMethod{gossh.Password(testCode)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		BannerCallback:  func(m string) error { banner = m; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(banner, "Workshop-Code") {
		t.Errorf("banner %q does not mention the workshop code", banner)
	}
	s, _ := c.NewSession()
	s.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
	s.Shell()
	line := logs.waitFor(t, "verbunden: 127.0.0.1")
	c.Close()
	logs.waitFor(t, "getrennt: 127.0.0.1")
	if bad, _ := dial(t, addr, "FALSCH12"); bad != nil {
		bad.Close()
	}
	logs.waitFor(t, "Anmeldung fehlgeschlagen: 127.0.0.1")
	logs.mu.Lock()
	all := strings.Join(logs.lines, "\n")
	logs.mu.Unlock()
	if strings.ContainsAny(all, "\x1b\x07") {
		t.Errorf("control characters from the user name reached the console: %q", all)
	}
	if !strings.Contains(line, "brake]52;c;aGFjaw==") {
		t.Errorf("connect line %q lacks the (cleaned) user name", line)
	}
}
