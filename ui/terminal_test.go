//go:build linux

package ui

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// panicky panics on the first key.
type panicky struct{}

func (panicky) Init() tea.Cmd { return nil }
func (panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		panic("kaputt")
	}
	return panicky{}, nil
}
func (panicky) View() string { return "läuft" }

// A panic inside the app restores the terminal (cooked mode, normal
// screen, cursor) and is reported as an error, so main exits 1.
func TestPanicRestoresTerminal(t *testing.T) {
	if raceEnabled {
		// After a panic bubbletea does not join its input goroutine, so closing
		// the tty here races with its last Fd() call – in the library, not in
		// ikz. .ci/run runs this test once more without -race.
		t.Skip("runs without -race (see .ci/run)")
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	var mu sync.Mutex
	var out bytes.Buffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			out.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	p := tea.NewProgram(panicky{}, tea.WithInput(tty), tea.WithOutput(tty), tea.WithAltScreen(), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { done <- runProgram(p) }()
	for start := time.Now(); ; time.Sleep(10 * time.Millisecond) {
		mu.Lock()
		up := strings.Contains(out.String(), "läuft")
		mu.Unlock()
		if up {
			break
		}
		if time.Since(start) > 10*time.Second {
			t.Fatal("the program never drew")
		}
	}
	io.WriteString(ptmx, "x")
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not end after a panic")
	}
	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Errorf("error %v, want a panic report", err)
	}
	time.Sleep(100 * time.Millisecond)
	mu.Lock()
	tail := out.String()[strings.LastIndex(out.String(), "läuft"):]
	mu.Unlock()
	if !strings.Contains(tail, "\x1b[?1049l") || !strings.Contains(tail, "\x1b[?25h") {
		t.Errorf("after the panic the screen and cursor were not restored: %q", tail)
	}
	tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if tio.Lflag&unix.ICANON == 0 || tio.Lflag&unix.ECHO == 0 {
		t.Error("after the panic the terminal is left in raw mode")
	}
}
