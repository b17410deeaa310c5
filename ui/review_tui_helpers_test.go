package ui

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"ikz/model"
	"ikz/store"
)

// Test helpers for the issue 5 screens (Maßnahmen, Wirtschaftlichkeit,
// Review, report dialog). Names start with rv.

// rvClock starts at the tab tests' time and steps one minute per reading
// of the store, so snapshots and saves have distinct, stable times.
type rvClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *rvClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Minute)
	return c.t
}

// rvEnv is a tabEnv whose store clock steps; the tabs see tabClock.
func rvEnv(t *testing.T, sess *model.Session) *tabEnv {
	t.Helper()
	return rvEnvClock(t, sess, &rvClock{t: tabClock.Add(-time.Hour)})
}

// rvEnvClock is rvEnv with the store on clock c.
func rvEnvClock(t testing.TB, sess *model.Session, c *rvClock) *tabEnv {
	t.Helper()
	st, err := store.OpenWith(filepath.Join(t.TempDir(), "t.db"), store.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if sess.Title == "" {
		sess.Title = "Test"
	}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	tt, _ := t.(*testing.T) // nil in benchmarks, which use e.st directly
	d := tabDeps{store: st, styles: NewStyles(DefaultPalette()), now: func() time.Time { return tabClock }}
	d.changes = newChanger(d, sess.ID)
	return &tabEnv{t: tt, st: st, id: sess.ID, d: d}
}

// rvMeasures: one overdue on 21.11.2026 (tabClock), one due later, one done.
func rvMeasures() []model.Measure {
	return []model.Measure{
		{ID: "m1", Title: "Rahmenvertrag Endgeräte ausschreiben", Responsible: "Vergabestelle des Kreises",
			Indicator: "Zuschlag erteilt, alle Partner können abrufen", Due: "2027-01-31", Status: model.MeasureGeplant, Phase: model.PhaseRealisierung},
		{ID: "m2", Title: "Ticketsystem für alle Schulen einführen", Responsible: "IT-Koordination",
			Indicator: "alle 12 Schulen melden Störungen über das Ticketsystem", Due: "2026-09-30", Status: model.MeasureLaufend, Phase: model.PhaseRealisierung},
		{ID: "m3", Title: "Serverräume zusammenlegen", Responsible: "IT-Leitungen",
			Indicator: "ein gemeinsamer Serverraum in Betrieb", Due: "2026-06-30", Status: model.MeasureErledigt},
	}
}

// rvSession is a session for the review screens.
func rvSession() *model.Session {
	return &model.Session{Title: "Verbund Auental", Traeger: "Kreis Auental",
		Profile: model.Profile{"bundesland": {"NW"}, "traeger": {"landkreis"}, "umfang": {"austausch"}}}
}
