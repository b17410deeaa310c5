package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	xterm "github.com/charmbracelet/x/term"

	"ikz/model"
)

// ErrNoTerminal: the full-screen app needs a terminal on both ends. It is
// returned before anything is sent to the terminal or a file is created.
var ErrNoTerminal = errors.New("ikz braucht ein Terminal: Ein- oder Ausgabe ist umgeleitet (Pipe, Datei oder /dev/null). " +
	"Zeilenweise ohne Vollbild: ikz --accessible; Ergebnisse für Skripte: ikz score, ikz list, ikz export")

// SignalError: the app ended because the process got a signal (hangup,
// quit, terminate, interrupt). The terminal was restored first; main exits
// with 128 + the signal number, as shells expect.
type SignalError struct{ Signal syscall.Signal }

func (e SignalError) Error() string {
	return fmt.Sprintf("beendet durch Signal %s", e.Signal)
}

// ExitCode is the shell's status for a process ended by the signal.
func (e SignalError) ExitCode() int { return 128 + int(e.Signal) }

// isTerminal reports whether r and w are both terminals (not a pipe, a
// file or /dev/null).
func isTerminal(r io.Reader, w io.Writer) bool {
	rf, ok := r.(xterm.File)
	if !ok || !xterm.IsTerminal(rf.Fd()) {
		return false
	}
	wf, ok := w.(xterm.File)
	return ok && xterm.IsTerminal(wf.Fd())
}

// endSignals are the signals that end the app; each one restores the
// terminal first (without this, SIGHUP and SIGQUIT left it raw, in the
// alternate screen, with the cursor hidden).
var endSignals = []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM}

// runProgram runs p with our own signal handling (p must be built with
// tea.WithoutSignalHandler): a signal asks the program to quit, which
// restores the terminal; if it does not finish within a second it is
// killed, which restores the terminal too. Panics in the program are
// caught by Bubble Tea, which restores the terminal and reports
// tea.ErrProgramPanic.
func runProgram(p *tea.Program) error {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, endSignals...)
	defer signal.Stop(sigs)
	got := make(chan syscall.Signal, 1)
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case s := <-sigs:
			got <- s.(syscall.Signal)
			go p.Quit()
			select {
			case <-done:
			case <-sigs: // asked twice: do not wait
				p.Kill()
			case <-time.After(time.Second):
				p.Kill()
			}
		case <-done:
		}
	}()
	_, err := p.Run()
	select {
	case s := <-got:
		return SignalError{s}
	default:
	}
	return err
}

// safeRunes drops what model.SafeText drops from typed or pasted runes
// (newlines and tabs in a paste stay, as SafeText keeps them).
func safeRunes(rs []rune) []rune {
	for i, r := range rs {
		if model.UnsafeRune(r) {
			out := append([]rune(nil), rs[:i]...)
			for _, r := range rs[i+1:] {
				if !model.UnsafeRune(r) {
					out = append(out, r)
				}
			}
			return out
		}
	}
	return rs
}
