package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"ikz/store"
)

// TestEndToEnd drives the program as a user would, on a real database file:
// new session → three profile answers → Empfehlung shows a ranking → quit →
// reopen from the list shows the answers.
func TestEndToEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ikz.db")

	// First run.
	st, _ := shOpen(t, path)
	tm, send := startE2E(t, st, "Noch keine Sitzung")
	typeText := func(s string) {
		for _, r := range s {
			send(shKey(string(r)))
		}
	}

	// Each send waits until the program is quiet, so no waitFor here: it
	// would wait for output that send has already read.
	send(shKey("n"))
	typeText("Ende-zu-Ende")
	send(shKey("enter"))
	typeText("Stadt Teststadt")
	send(shKey("enter"))
	for i := 0; i < 10; i++ { // keine Angabe, BW … NW
		send(shKey("down"))
	}
	send(shKey("enter"))
	send(shKey("down"), shKey("enter"), shKey("enter")) // kreisfreie Stadt; no municipalities

	// Three answers in the Profil tab: Leistungskraft, Partner, Anzahl.
	send(shKey("down"), shKey("down"), shKey("enter")) // Eigene Leistungskraft
	send(shKey("down"), shKey("enter"))                // mittel; the cursor moves on
	send(shKey("enter"), shKey("down"))                // Leistungskraft der Partner: unterschiedlich
	send(shKey("enter"))
	send(shKey("enter")) // Zahl der beteiligten Kommunen
	typeText("4")
	send(shKey("enter"))
	send(shKey("5"))
	tm.Send(shKey("q"))
	final := e2eFinal(t, tm)
	v := ansi.Strip(final.View())
	if final.Screen() != "Sitzung" || !strings.Contains(v, "[5 Empfehlung]") || !strings.Contains(v, "Rangfolge") {
		t.Fatalf("before quitting the Empfehlung tab should show a ranking:\n%s", v)
	}
	for _, m := range []string{"Informell", "Zweckverband", "AöR"} {
		if !strings.Contains(v, m) {
			t.Errorf("the ranking misses %s:\n%s", m, v)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// Second run on the same file: the session is in the list, and opening
	// it shows every answer.
	st, _ = shOpen(t, path)
	defer st.Close()
	tm, _ = startE2E(t, st, "Ende-zu-Ende")
	tm.Send(shKey("enter"))
	waitFor(t, tm, "[1 Profil]")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final = e2eFinal(t, tm)
	v = ansi.Strip(final.View())
	for _, want := range []string{"Ende-zu-Ende", "Stadt Teststadt · Nordrhein-Westfalen", "kreisfreie Stadt", "mittel", "unterschiedlich", "4"} {
		if !strings.Contains(v, want) {
			t.Errorf("reopened session misses %q:\n%s", want, v)
		}
	}
	s, err := st.Get(final.session.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"bundesland": "NW", "traeger": "kreisfreie_stadt", "leistungskraft": "mittel",
		"partner_leistungskraft": "unterschiedlich", "partner_anzahl": "4"} {
		if !s.Profile.Is(key, want) {
			t.Errorf("stored %s = %v, want %s", key, s.Profile[key], want)
		}
	}
}

// startE2E starts the whole program on st (its clock stands at shStart)
// at 100x30 and waits for first on its screen. send hands it keys, the
// next only when the program has settled, as for a person; it reads the
// screen away, so a test that waits for a text sends with tm.Send.
func startE2E(t *testing.T, st *store.Store, first string) (tm *teatest.TestModel, send func(...tea.Msg)) {
	t.Helper()
	now := func() time.Time { return shStart }
	tm = teatest.NewTestModel(t, New(st, Config{Now: now}), teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, first)
	send = func(keys ...tea.Msg) {
		for _, k := range keys {
			tm.Send(k)
			quiet(t, tm)
		}
	}
	return tm, send
}

// e2eFinal is the program's model once it has ended.
func e2eFinal(t *testing.T, tm *teatest.TestModel) *Model {
	t.Helper()
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
}

// quiet waits until the program has written nothing for 150 ms: it has
// handled the last key and the saves it started.
func quiet(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	n, last := -1, time.Now()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		if len(b) != n {
			n, last = len(b), time.Now()
			return false
		}
		return time.Since(last) > 150*time.Millisecond
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(25*time.Millisecond))
}
