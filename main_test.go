//go:build linux

package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/sys/unix"
)

// The test binary doubles as ikz: with IKZ_TEST_MAIN set it runs main on
// the remaining arguments, so the tests can start the real program on a
// pseudo-terminal or a pipe and send it signals.
func TestMain(m *testing.M) {
	if os.Getenv("IKZ_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func ikzCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "IKZ_TEST_MAIN=1", "TERM=xterm-256color", "NO_COLOR=", "IKZ_DB=")
	return cmd
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// Without a terminal (`echo | ikz`, `ikz < /dev/null`, output into a file)
// ikz says so in German and exits 1 at once – no escape sequence written,
// no database created, no hang.
func TestNoTerminal(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stdin io.Reader
	}{
		{"echo | ikz", strings.NewReader("\n")},
		{"ikz < /dev/null", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "sessions.db")
			cmd := ikzCmd(t, "--db", db)
			cmd.Stdin = tc.stdin
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			start := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatal("ikz without a terminal hangs")
			}
			if code := exitCode(err); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(errOut.String(), "ikz braucht ein Terminal") || !strings.Contains(errOut.String(), "--accessible") {
				t.Errorf("stderr %q: want the German message suggesting --accessible", errOut.String())
			}
			if out.Len() != 0 {
				t.Errorf("wrote %q to stdout (the terminal was touched)", out.String())
			}
			if _, err := os.Stat(db); err == nil {
				t.Error("a database was created")
			}
			t.Logf("%s: exit 1 after %s", tc.name, time.Since(start).Round(time.Millisecond))
		})
	}
}

// ptyApp is ikz running on a pseudo-terminal, answering the terminal
// queries a real terminal answers.
type ptyApp struct {
	cmd *exec.Cmd
	tty *os.File // the terminal the app uses (we keep it open to inspect it)
	mu  sync.Mutex
	out bytes.Buffer
}

func startOnPty(t *testing.T) *ptyApp {
	t.Helper()
	cmd := ikzCmd(t, "--db", filepath.Join(t.TempDir(), "sessions.db"))
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: 80, Rows: 24}); err != nil {
		t.Fatal(err)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	a := &ptyApp{cmd: cmd, tty: tty}
	t.Cleanup(func() {
		cmd.Process.Kill()
		ptmx.Close()
		tty.Close()
	})
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			if n > 0 {
				chunk := buf[:n]
				if bytes.Contains(chunk, []byte("\x1b]11;?")) {
					ptmx.Write([]byte("\x1b]11;rgb:0000/0000/0000\x1b\\"))
				}
				if bytes.Contains(chunk, []byte("\x1b[c")) || bytes.Contains(chunk, []byte("\x1b[6n")) {
					ptmx.Write([]byte("\x1b[1;1R\x1b[?62;22c"))
				}
				a.mu.Lock()
				a.out.Write(chunk)
				a.mu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	return a
}

func (a *ptyApp) output() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.out.String()
}

func (a *ptyApp) waitFor(t *testing.T, s string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(a.output(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("the app never showed %q; output %q", s, a.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Every signal that ends ikz restores the terminal – cooked mode with
// echo, the normal screen, a visible cursor – and the exit status says
// which signal it was (128 + number, as shells report it).
func TestSignalsRestoreTerminal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			a := startOnPty(t)
			a.waitFor(t, "\x1b[?1049h") // in the alternate screen
			a.waitFor(t, "IKZ-Lotse")
			if raw := !canonical(t, a.tty); !raw {
				t.Fatal("the app did not switch the terminal to raw mode")
			}
			start := time.Now()
			if err := a.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- a.cmd.Wait() }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("ikz did not end within 10 s of %s", sig)
			}
			if code, want := exitCode(err), 128+int(sig); code != want {
				t.Errorf("exit %d after %s, want %d", code, sig, want)
			}
			// We hold the terminal open, so reading never ends: wait until the
			// last bytes the app wrote have arrived.
			for last := ""; ; time.Sleep(100 * time.Millisecond) {
				if now := a.output(); now == last {
					break
				} else {
					last = now
				}
			}
			out := a.output()
			tail := out[strings.LastIndex(out, "\x1b[?1049h"):]
			for _, restore := range []struct{ what, seq string }{
				{"leaves the alternate screen", "\x1b[?1049l"},
				{"shows the cursor", "\x1b[?25h"},
			} {
				if !strings.Contains(tail, restore.seq) {
					t.Errorf("after %s the app never %s; last output %q", sig, restore.what, tail[max(0, len(tail)-200):])
				}
			}
			if !canonical(t, a.tty) {
				t.Errorf("after %s the terminal is left in raw mode", sig)
			}
			t.Logf("%s: ended and restored in %s", sig, time.Since(start).Round(time.Millisecond))
		})
	}
}

// canonical reports whether the terminal is in cooked mode with echo.
func canonical(t *testing.T, tty *os.File) bool {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio.Lflag&unix.ICANON != 0 && tio.Lflag&unix.ECHO != 0
}

// ikz serve ends promptly on SIGTERM and SIGINT, also while a client that
// announced a gigantic terminal is connected (it once ignored SIGTERM
// while its memory grew).
func TestServeStopsOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := ikzCmd(t, "--db", filepath.Join(t.TempDir(), "sessions.db"), "serve", "--listen", "127.0.0.1:0",
				"--code", "K7QX2M9P")
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { cmd.Process.Kill() })
			lines := bufio.NewScanner(out)
			addr := ""
			for addr == "" && lines.Scan() {
				if rest, ok := strings.CutPrefix(lines.Text(), "IKZ-Lotse Workshop-Server läuft auf "); ok {
					addr, _, _ = strings.Cut(rest, " ")
				}
			}
			if addr == "" {
				t.Fatal("the server never said where it listens")
			}
			go io.Copy(io.Discard, out)
			c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "riese", Auth: []gossh.AuthMethod{gossh.Password("K7QX2M9P")},
				HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			s, err := c.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			if err := s.RequestPty("xterm", 65535, 65535, gossh.TerminalModes{}); err != nil {
				t.Fatal(err)
			}
			s.Stdout = io.Discard
			if err := s.Shell(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(300 * time.Millisecond)
			start := time.Now()
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if code := exitCode(err); code != 0 {
					t.Errorf("exit %d after %s, want 0 (a requested stop)", code, sig)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("ikz serve still running 5 s after %s", sig)
			}
			t.Logf("%s: stopped in %s with a 65535×65535 client connected", sig, time.Since(start).Round(time.Millisecond))
		})
	}
}
