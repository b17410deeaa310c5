package report

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"ikz/model"
	"ikz/store"
)

// clock is a settable clock for the store.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time { return c.t }

// TestReviewComparisonOnStoredSnapshots runs two reviews a year apart
// against a real database file and compares the two stored snapshots.
func TestReviewComparisonOnStoredSnapshots(t *testing.T) {
	clk := &clock{t: time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)}
	st, err := store.OpenWith(filepath.Join(t.TempDir(), "sessions.db"), store.Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	sess := &model.Session{Title: "Verbund Auental", Traeger: "Kreis Auental", Profile: reviewProfile()}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	id := sess.ID

	// First review: two measures, a decision, the review answers.
	_, err = st.Update(id, func(s *model.Session) error {
		s.QuickCheck = map[string]model.QuickEntry{"qc.s1": {Status: model.StatusErledigt}, "qc.r1": {Status: model.StatusInArbeit}}
		s.Measures = []model.Measure{
			{ID: "m1", Title: "Ticketsystem einführen", Indicator: "alle Schulen angebunden", Due: "2026-09-30", Status: model.MeasureLaufend},
			{ID: "m2", Title: "Rahmenvertrag ausschreiben", Indicator: "Zuschlag erteilt", Due: "2027-01-31", Status: model.MeasureGeplant},
		}
		s.Reviews = append(s.Reviews, model.Review{ID: "r1", At: clk.t, Participants: []string{"Steuerkreis"},
			Answers: map[string]string{"eval.ziele": "teilweise"}})
		return s.AddDecision(model.Decision{Model: model.VereinbarungMandatierend, Reason: "Zuständigkeit bleibt", At: clk.t,
			Computed: model.Score(s.Profile).Top()})
	})
	if err != nil {
		t.Fatal(err)
	}
	first, err := st.Snapshot(id, "Review 2026")
	if err != nil {
		t.Fatal(err)
	}

	// A year later: the profile moves towards handing over the task, the
	// ticket system is done, the tender is late; second review.
	clk.t = time.Date(2027, 3, 15, 15, 0, 0, 0, time.UTC)
	_, err = st.Update(id, func(s *model.Session) error {
		s.Profile = currentProfile()
		s.QuickCheck["qc.r1"] = model.QuickEntry{Status: model.StatusErledigt}
		s.Measures[0].Status = model.MeasureErledigt
		s.Reviews = append(s.Reviews, model.Review{ID: "r2", At: clk.t, Participants: []string{"Steuerkreis"},
			Answers: map[string]string{"eval.ziele": "ja", "eval.governance": "Vertretung klären"}})
		return s.AddDecision(model.Decision{Model: model.VereinbarungDelegierend, Reason: "Support geht an den Kreis", At: clk.t})
	})
	if err != nil {
		t.Fatal(err)
	}
	second, err := st.Snapshot(id, "Review 2027")
	if err != nil {
		t.Fatal(err)
	}

	before, err := st.GetSnapshot(id, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	after, err := st.GetSnapshot(id, second.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before.Profile, reviewProfile()) {
		t.Fatalf("the first snapshot is not frozen: %v", before.Profile)
	}

	c := model.Compare(before, after, clk.t)
	var keys []string
	for _, p := range c.Profile {
		keys = append(keys, p.Key)
	}
	if want := []string{"ziele", "aufgabenfelder", "umfang", "zustaendigkeit", "verbindlichkeit", "dauer"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("changed keys %v, want %v", keys, want)
	}
	if len(c.Quick) != 1 || c.Quick[0].ItemID != "qc.r1" || c.Quick[0].From != model.StatusInArbeit || c.Quick[0].To != model.StatusErledigt {
		t.Errorf("quick changes %+v", c.Quick)
	}
	if c.TopBefore != model.Score(reviewProfile()).Top() || c.TopAfter != model.Score(currentProfile()).Top() || c.TopBefore == c.TopAfter {
		t.Errorf("top %s → %s", c.TopBefore, c.TopAfter)
	}
	if len(c.MeasuresDone) != 1 || c.MeasuresDone[0].ID != "m1" {
		t.Errorf("done %+v", c.MeasuresDone)
	}
	if len(c.MeasuresOverdue) != 1 || c.MeasuresOverdue[0].ID != "m2" {
		t.Errorf("overdue %+v", c.MeasuresOverdue)
	}
	if !c.DecisionChanged() || c.DecisionAfter.Model != model.VereinbarungDelegierend || len(after.Decisions) != 2 {
		t.Errorf("decision %v → %v (history %d)", c.DecisionBefore, c.DecisionAfter, len(after.Decisions))
	}
	if c.Review == nil || c.Review.ID != "r2" || c.Evaluation[0].Before != "teilweise" || c.Evaluation[0].After != "ja" {
		t.Errorf("evaluation %+v (review %+v)", c.Evaluation, c.Review)
	}

	// Load picks the first review as baseline: the second equals today.
	d, err := Load(st, id, clk.t)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Snapshots) != 2 || d.ComparedWith == nil || d.ComparedWith.ID != first.ID {
		t.Fatalf("Load: %d snapshots, compared with %+v", len(d.Snapshots), d.ComparedWith)
	}
	var md bytes.Buffer
	if err := Render(&md, "md", d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Vergleich: Review 2026 (10.03.2026) → heute (15.03.2027)", "Review 2027", "abgelöst am 15.03.2027"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestLoadUnknownSession(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "sessions.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = Load(st, "gibtsnicht", time.Now())
	if err == nil || !strings.Contains(err.Error(), "gibtsnicht") {
		t.Fatalf("Load of an unknown session = %v, want an error naming it", err)
	}
}
