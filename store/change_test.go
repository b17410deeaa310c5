package store

import (
	"errors"
	"testing"
	"time"

	"ikz/model"
)

// A review is recorded with its snapshot in one transaction: the stored
// review points at a snapshot that holds the review itself.
func TestApplyReviewWithSnapshot(t *testing.T) {
	s, _ := openTemp(t, newClock())
	sess := richSession()
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	r := model.Review{ID: "r9", At: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Answers: map[string]string{"e.ziele": "erreicht"}}
	got, err := s.Apply(sess.ID, model.AddReviewChange(r, "Review 20.11.2026"))
	if err != nil {
		t.Fatal(err)
	}
	var stored model.Review
	for _, x := range got.Reviews {
		if x.ID == "r9" {
			stored = x
		}
	}
	if stored.SnapshotID == "" {
		t.Fatalf("review not linked to a snapshot: %+v", got.Reviews)
	}
	infos, err := s.Snapshots(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || infos[0].ID != stored.SnapshotID || infos[0].Label != "Review 20.11.2026" {
		t.Fatalf("snapshots %+v, want one labelled for the review", infos)
	}
	frozen, err := s.GetSnapshot(sess.ID, stored.SnapshotID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range frozen.Reviews {
		found = found || x.ID == "r9"
	}
	if !found {
		t.Error("the snapshot does not hold the review")
	}
}

// A change that fails (a conflicting undo) writes nothing.
func TestApplyConflictWritesNothing(t *testing.T) {
	s, _ := openTemp(t, newClock())
	sess := richSession()
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	c := model.SetAnswerChange(sess, "bundesland", model.Answer{"BY"})
	if _, err := s.Apply(sess.ID, c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(sess.ID, model.SetAnswerChange(sess, "bundesland", model.Answer{"HE"})); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Get(sess.ID)
	var conflict *model.StaleChangeError
	if _, err := s.Apply(sess.ID, c.Inverse()); !errors.As(err, &conflict) {
		t.Fatalf("undo over a newer answer: %v", err)
	}
	after, _ := s.Get(sess.ID)
	if !after.Updated.Equal(before.Updated) || !after.Profile.Is("bundesland", "HE") {
		t.Errorf("a refused change wrote: %v", after.Profile)
	}
}
