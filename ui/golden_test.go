package ui

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"ikz/model"
)

// Golden screens of the shell, run through a real program with teatest.
// Regenerate with: go test ./ui -run TestGolden -update

var goldenSizes = [][2]int{{100, 30}, {80, 24}}

// runGolden starts the program on sessions, waits for the list, sends
// keys, waits until the output contains want (after keys only: WaitFor
// consumes what it reads), quits and compares the final frame.
func runGolden(t *testing.T, sessions []*model.Session, want string, keys ...tea.Msg) {
	t.Helper()
	for _, sz := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			st := shStore(t, sessions...)
			m := New(st, Config{Now: func() time.Time { return shStart.Add(2 * time.Second) }})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(sz[0], sz[1]))
			waitFor(t, tm, "gespeicherte Sitzung", "Noch keine Sitzung")
			if len(keys) > 0 {
				for _, k := range keys {
					tm.Send(k)
				}
				waitFor(t, tm, want)
			}
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
			shCheckFits(t, final, sz[0], sz[1])
			golden.RequireEqual(t, []byte(final))
		})
	}
}

func TestGoldenStartEmpty(t *testing.T) {
	runGolden(t, nil, "Noch keine Sitzung")
}

func TestGoldenStartSessions(t *testing.T) {
	runGolden(t, shSessions(), "gespeicherte Sitzungen")
}

func TestGoldenNewSessionForm(t *testing.T) {
	runGolden(t, shSessions(), "Titel der Sitzung", shKey("n"))
}

func TestGoldenStartDeleteConfirm(t *testing.T) {
	runGolden(t, shSessions(), "in den Papierkorb legen?", shKey("down"), shKey("d"))
}

// waitFor waits until the program's output contains one of wants.
func waitFor(t *testing.T, tm *teatest.TestModel, wants ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range wants {
			if bytes.Contains(b, []byte(w)) {
				return true
			}
		}
		return false
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}
