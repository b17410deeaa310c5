package ui

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"ikz/model"
)

// Golden snapshots of the issue 5 screens inside the session screen:
// the Maßnahmen tab and the comparison after a second review (regenerate:
// go test ./ui -run TestReviewGolden -update).
func TestReviewGolden(t *testing.T) {
	cases := []struct {
		name string
		tab  int
		w, h int
	}{
		{"massnahmen_100x30", tabMassnahmen, 100, 30},
		{"massnahmen_80x24", tabMassnahmen, 80, 24},
		{"vergleich_100x30", tabReview, 100, 30},
		{"vergleich_80x24", tabReview, 80, 24},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := reviewedEnv(t)
			m, _ := newSessionModel(e.d, e.sess())
			m.Update(loadSnapshotsCmd(e.d, e.id)()) // what Init would load
			m.active = c.tab
			if c.tab == tabReview {
				rt := m.tabs[tabReview].(*reviewTab)
				rt.full = true
			}
			m.SetSize(c.w, c.h)
			v := m.View()
			assertFits(t, c.name, v, c.w, c.h)
			golden.RequireEqual(t, v)
		})
	}
}

// reviewedEnv is a session a year after its first review: the profile
// moved towards handing the task over, a measure is done, another one is
// late, a decision was replaced and a second review recorded.
func reviewedEnv(t testing.TB) *tabEnv {
	t.Helper()
	sess := rvSession()
	sess.Profile["verbindlichkeit"] = model.Answer{"gering"}
	sess.Measures = rvMeasures()
	sess.Measures[1].Due = "2026-12-31" // not overdue at the first review
	sess.Reviews = []model.Review{{ID: "r1", At: time.Date(2025, 11, 20, 10, 0, 0, 0, time.UTC),
		Participants: []string{"Landrätin", "IT-Leitungen", "Schulamt"},
		Answers:      map[string]string{"eval.ziele": "teilweise – Austausch gut, Support ohne Verbindlichkeit"}}}
	sess.Decisions = []model.Decision{{Model: model.Informell, Reason: "Erst Erfahrungen sammeln.", At: time.Date(2025, 11, 20, 10, 0, 0, 0, time.UTC)}}
	clk := &rvClock{t: time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)}
	e := rvEnvClock(t, sess, clk)
	first, err := e.st.Snapshot(e.id, "Review 20.11.2025")
	if err != nil {
		t.Fatal(err)
	}
	clk.mu.Lock()
	clk.t = tabClock.Add(-30 * time.Minute)
	clk.mu.Unlock()
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		s.Reviews[0].SnapshotID = first.ID
		s.Profile["umfang"] = model.Answer{"gesamtbetrieb"}
		s.Profile["verbindlichkeit"] = model.Answer{"hoch"}
		s.Profile["zustaendigkeit"] = model.Answer{"abgeben"}
		s.QuickCheck = map[string]model.QuickEntry{"qc.s1": {Status: model.StatusErledigt}, "qc.r1": {Status: model.StatusInArbeit}}
		s.Measures[1].Due = "2026-09-30"
		s.Measures[2].Status = model.MeasureErledigt
		s.Reviews = append(s.Reviews, model.Review{ID: "r2", At: tabClock, Participants: []string{"Steuerkreis"},
			Answers: map[string]string{"eval.ziele": "ja, Support läuft", "eval.governance": "Vertretung der Koordination klären"}})
		return s.AddDecision(model.Decision{Model: model.VereinbarungDelegierend, Reason: "Support geht an den Kreis.", At: tabClock})
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.Snapshot(e.id, "Review 21.11.2026"); err != nil {
		t.Fatal(err)
	}
	return e
}
