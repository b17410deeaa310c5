package ui

import (
	"reflect"
	"strings"
	"testing"

	"ikz/model"
)

func newTestReviewTab(e *tabEnv, w, h int) tab {
	tb := newReviewTab(e.d, e.sess())
	tb.SetSize(w, h)
	return e.settle(tb, e.run(tb, tb.(tabIniter).Init()))
}

func TestReviewRecordsSnapshotAndCompares(t *testing.T) {
	sess := rvSession()
	sess.Measures = rvMeasures()
	e := rvEnv(t, sess)
	tb := newTestReviewTab(e, 100, 21)
	if v := plain(tb); !strings.Contains(v, "Review durchführen") || !strings.Contains(v, "noch kein Stand festgehalten") {
		t.Fatalf("start of the Review tab:\n%s", v)
	}

	// First review: date as proposed (today), two participants, two answers.
	tb = e.send(tb, kRunes("R"))
	if v := plain(tb); !tb.Capturing() || !strings.Contains(v, "21.11.2026") {
		t.Fatalf("R did not open the form with today's date:\n%s", v)
	}
	tb = e.send(tb, kEnter, kRunes("Landrätin, Steuerkreis"), kEnter, kRunes("teilweise"), kEnter, kEnter, kEnter,
		kRunes("Vertretung klären"), kEnter)
	if tb.Capturing() {
		t.Fatal("the form is still open after the last question")
	}
	s := e.sess()
	if len(s.Reviews) != 1 {
		t.Fatalf("%d reviews stored, want 1", len(s.Reviews))
	}
	r := s.Reviews[0]
	wantAnswers := map[string]string{"eval.ziele": "teilweise", "eval.governance": "Vertretung klären"}
	if !reflect.DeepEqual(r.Participants, []string{"Landrätin", "Steuerkreis"}) || !reflect.DeepEqual(r.Answers, wantAnswers) {
		t.Errorf("review %+v", r)
	}
	snaps, err := e.st.Snapshots(e.id)
	if err != nil || len(snaps) != 1 || snaps[0].Label != "Review 21.11.2026" || snaps[0].ID != r.SnapshotID {
		t.Fatalf("snapshots %+v (err %v), review points at %q", snaps, err, r.SnapshotID)
	}
	frozen, err := e.st.GetSnapshot(e.id, r.SnapshotID)
	if err != nil || len(frozen.Reviews) != 1 || frozen.Reviews[0].Answers["eval.ziele"] != "teilweise" {
		t.Fatalf("the snapshot does not hold its own review: %+v (err %v)", frozen, err)
	}

	// A year of work: the scope widens, a measure is done, a check item too.
	if err := e.st.SetAnswer(e.id, "umfang", model.Answer{"gesamtbetrieb"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		s.Measures[1].Status = model.MeasureErledigt
		s.QuickCheck = map[string]model.QuickEntry{"qc.s1": {Status: model.StatusErledigt}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tb = e.send(tb, sessionLoadedMsg{e.sess()})

	// Second review, first with an impossible date.
	tb = e.send(tb, kRunes("R"))
	tb = e.send(tb, repeat(kBackspace, 10)...)
	tb = e.send(tb, kRunes("32.13.2026"), kEnter)
	if v := plain(tb); !strings.Contains(v, "gibt es nicht im Kalender") || !tb.Capturing() {
		t.Fatalf("no German error for 32.13.2026:\n%s", v)
	}
	tb = e.send(tb, repeat(kBackspace, 10)...)
	tb = e.send(tb, kRunes("22.11.2026"), kEnter) // tomorrow: a review records what was
	if v := plain(tb); !strings.Contains(v, "liegt in der Zukunft") || !tb.Capturing() {
		t.Fatalf("no German error for a future date:\n%s", v)
	}
	tb = e.send(tb, repeat(kBackspace, 10)...)
	tb = e.send(tb, kRunes("21.11.2026"), kEnter, kEnter, kRunes("ja"), kEnter, kEnter, kEnter, kEnter)
	if len(e.sess().Reviews) != 2 {
		t.Fatalf("second review not stored: %+v", e.sess().Reviews)
	}

	// The comparison with the first review opens by itself.
	rt := tb.(*reviewTab)
	if !rt.full || rt.list.cursor < 0 || rt.list.rows[rt.list.cursor].id != rowSnapPref+snaps[0].ID {
		t.Fatalf("after the review the comparison with the first one is not shown (full %v, row %+v)", rt.full, rt.list.rows[rt.list.cursor])
	}
	v := plain(tb)
	for _, want := range []string{"Vergleich: Review 21.11.2026 → heute", "Umfang der Zusammenarbeit: nur Austausch →",
		"✓ erledigt: Ticketsystem für alle Schulen einführen", "offen → erledigt", "vorher", "heute"} {
		if !strings.Contains(v, want) {
			t.Errorf("comparison lacks %q:\n%s", want, v)
		}
	}
	tb = e.send(tb, kRunes("G"))
	if v := plain(tb); !strings.Contains(v, "vorher: teilweise") || !strings.Contains(v, "heute:  ja") {
		t.Errorf("the end of the comparison lacks the evaluation answers:\n%s", v)
	}
	tb = e.send(tb, kEsc)
	if v := plain(tb); rt.full || !strings.Contains(v, "Review 21.11.2026") || !strings.Contains(v, "Reviews (2)") {
		t.Errorf("esc does not return to the list of both reviews:\n%s", v)
	}
}

func TestReviewCancelStoresNothing(t *testing.T) {
	e := rvEnv(t, rvSession())
	tb := newTestReviewTab(e, 80, 16)
	tb = e.send(tb, kEnter) // enter on "Review durchführen"
	if !tb.Capturing() {
		t.Fatal("enter on the first row did not open the form")
	}
	tb = e.send(tb, kEnter, kRunes("Steuerkreis"), kEsc)
	if tb.Capturing() {
		t.Fatal("esc did not close the form")
	}
	if s := e.sess(); len(s.Reviews) != 0 {
		t.Errorf("a cancelled review was stored: %+v", s.Reviews)
	}
	if snaps, _ := e.st.Snapshots(e.id); len(snaps) != 0 {
		t.Errorf("a cancelled review left a snapshot: %+v", snaps)
	}
}

func TestReviewViewFits(t *testing.T) {
	sess := rvSession()
	sess.Reviews = []model.Review{{ID: "r1", At: tabClock, Participants: []string{"A"}, Answers: map[string]string{"eval.ziele": strings.Repeat("sehr lange Antwort ", 20)}}}
	e := rvEnv(t, sess)
	if _, err := e.st.Snapshot(e.id, "Review 21.11.2026"); err != nil {
		t.Fatal(err)
	}
	if err := e.st.SetAnswer(e.id, "umfang", model.Answer{"gesamtbetrieb"}); err != nil {
		t.Fatal(err)
	}
	tb := newTestReviewTab(e, 100, 20)
	for _, mode := range []string{"list", "full", "form"} {
		switch mode {
		case "full":
			tb.(*reviewTab).full = true
		case "form":
			tb.(*reviewTab).full = false
			tb = e.send(tb, kRunes("R"))
		}
		for _, sz := range boxSizes {
			tb.SetSize(sz[0], sz[1])
			assertFits(t, mode, tb.View(), sz[0], sz[1])
		}
	}
}
