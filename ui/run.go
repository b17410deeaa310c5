package ui

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"ikz/store"
)

// Options configure Run.
type Options struct {
	DBPath     string
	Accessible bool // plain line-by-line prompts for screen readers, no full-screen program
	Present    bool // presenter view for a projector

	In  io.Reader // default os.Stdin
	Out io.Writer // default os.Stdout
}

// ErrInterrupted is returned when the user leaves with ctrl+c; main exits
// with status 130 as shells expect.
var ErrInterrupted = errors.New("abgebrochen (Strg+C)")

// DebugLog is the file the program logs to when DEBUG is set (the screen
// belongs to the program, so nothing may be printed to it).
const DebugLog = "ikz-debug.log"

// Run opens the database and runs the interactive quick check until the user
// quits. Errors are German and ready to print.
func Run(o Options) error {
	start := time.Now()
	in := cmp.Or[io.Reader](o.In, os.Stdin)
	out := cmp.Or[io.Writer](o.Out, os.Stdout)
	// Without a terminal the full-screen app would hang on a pipe or print
	// escape sequences into a file: say so before touching anything.
	if !o.Accessible && !isTerminal(in, out) {
		return ErrNoTerminal
	}

	st, err := store.OpenWith(o.DBPath, store.Options{Share: true}) // list, export, backup work meanwhile
	if err != nil {
		return err
	}
	defer st.Close()
	opened := time.Since(start)

	if o.Accessible {
		return RunAccessible(st, in, out, time.Now)
	}

	if os.Getenv("DEBUG") != "" {
		f, err := tea.LogToFile(DebugLog, "ikz")
		if err != nil {
			return fmt.Errorf("Protokolldatei %s lässt sich nicht anlegen: %w – bitte in einem beschreibbaren Verzeichnis starten oder DEBUG leeren", DebugLog, err)
		}
		defer f.Close()
		log.SetFlags(log.Ltime | log.Lmicroseconds)
		log.Printf("store %s opened in %s", o.DBPath, opened)
	} else {
		log.SetOutput(io.Discard) // the screen belongs to the program
	}

	// Settle the colour profile (NO_COLOR gives plain text) and ask the
	// terminal for its background now: asked later, from inside the running
	// program, the answer would arrive as stray input.
	t0 := time.Now()
	lipgloss.SetColorProfile(lipgloss.ColorProfile())
	lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	log.Printf("terminal: profile %v, dark %v, detected in %s", lipgloss.ColorProfile(), lipgloss.HasDarkBackground(), time.Since(t0))

	m := New(st, Config{Present: o.Present})
	m.started = start
	// 120 frames a second: the renderer flushes on its ticker, so the first
	// frame waits up to one tick (8 ms instead of 17 ms at the default 60).
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(120),
		tea.WithoutSignalHandler())
	err = runProgram(p)
	// Writes still under way (or whose command never started: the last
	// keystroke of a draft before ctrl+c) land before the process ends.
	drainQueues()
	// Changes whose save failed get one last try; what still fails is
	// named on the way out, never dropped silently (autosave.go).
	if left := m.d.saves.flush(); left != "" {
		fmt.Fprintf(os.Stderr, "ikz: beim Beenden %s\n", left)
	}
	if err != nil {
		var sig SignalError
		switch {
		case errors.As(err, &sig):
			return err
		case errors.Is(err, tea.ErrInterrupted):
			return ErrInterrupted
		}
		return fmt.Errorf("Die Oberfläche ist unerwartet beendet worden: %w", err)
	}
	return nil
}
