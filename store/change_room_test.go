package store

import (
	"encoding/json"
	"errors"
	"testing"

	"ikz/model"
)

// roomSession is a stored workshop with three municipalities and answers.
func roomSession(t *testing.T, s *Store) string {
	t.Helper()
	sess := richSession()
	sess.Participants = nil
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(sess.ID, func(x *model.Session) error {
		for _, n := range []string{"Stadt Lemgo", "Gemeinde Dörentrup", "Stadt Lemgoo"} {
			if _, err := x.AddParticipant(n); err != nil {
				return err
			}
		}
		if err := x.SetParticipantAnswer("p1", "bundesland", model.Answer{"NW"}); err != nil {
			return err
		}
		if err := x.SetParticipantAnswer("p3", "leistungskraft", model.Answer{"hoch"}); err != nil {
			return err
		}
		return x.SetParticipantComment("p3", "leistungskraft", "kleines Team")
	}); err != nil {
		t.Fatal(err)
	}
	return sess.ID
}

func participantsOf(t *testing.T, s *Store, id string) string {
	t.Helper()
	sess, err := s.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return mustJSON(t, sess.Participants)
}

// Removing and merging municipalities are stored as one change each; the
// inverse (z) brings back exactly what was there, the redo (Z) does it
// again, across a reopened file.
func TestApplyRoomChangesUndoRedo(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(*model.Session) (model.Change, error)
	}{
		{"remove", func(x *model.Session) (model.Change, error) { return model.RemoveParticipantChange(x, "p2") }},
		{"merge", func(x *model.Session) (model.Change, error) { return model.MergeParticipantChange(x, "p3", "p1") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			clk := newClock()
			s, _ := openTemp(t, clk)
			id := roomSession(t, s)
			before := participantsOf(t, s, id)
			sess, _ := s.Get(id)
			ch, err := c.make(sess)
			if err != nil {
				t.Fatal(err)
			}
			ch.Strict = true // as the changer stores it
			if _, err := s.Apply(id, ch); err != nil {
				t.Fatal(err)
			}
			after := participantsOf(t, s, id)
			if after == before {
				t.Fatal("the change changed nothing")
			}
			s = reopen(t, s, clk)
			if _, err := s.Apply(id, ch.Inverse()); err != nil {
				t.Fatalf("undo: %v", err)
			}
			if got := participantsOf(t, s, id); got != before {
				t.Errorf("undo:\n%s\nwant\n%s", got, before)
			}
			if _, err := s.Apply(id, ch.Redo()); err != nil {
				t.Fatalf("redo: %v", err)
			}
			if got := participantsOf(t, s, id); got != after {
				t.Errorf("redo:\n%s\nwant\n%s", got, after)
			}
		})
	}
}

// An undo after someone else changed the same thing is refused and
// changes nothing: here Lemgo changed the answer the merge had filled in.
func TestApplyRoomUndoConflict(t *testing.T) {
	s, _ := openTemp(t, newClock())
	id := roomSession(t, s)
	sess, _ := s.Get(id)
	merge, err := model.MergeParticipantChange(sess, "p3", "p1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(id, merge); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(id, func(x *model.Session) error {
		return x.SetParticipantAnswer("p1", "leistungskraft", model.Answer{"gering"})
	}); err != nil {
		t.Fatal(err)
	}
	before := participantsOf(t, s, id)
	var stale *model.StaleChangeError
	if _, err := s.Apply(id, merge.Inverse()); !errors.As(err, &stale) {
		t.Fatalf("undo over a newer answer: %v, want it refused", err)
	}
	if got := participantsOf(t, s, id); got != before {
		t.Errorf("a refused undo changed the file:\n%s\nwant\n%s", got, before)
	}
}

// ApplyChecked runs its check in the transaction: a refusal stores
// nothing, and the check sees the stored session.
func TestApplyChecked(t *testing.T) {
	s, _ := openTemp(t, newClock())
	id := roomSession(t, s)
	sess, _ := s.Get(id)
	c := model.SetParticipantAnswerChange(sess, "p1", "leistungskraft", model.Answer{"gering"})
	refuse := errors.New("nicht mehr Ihre Kommune")
	var seen int
	if _, err := s.ApplyChecked(id, c, func(x *model.Session) error { seen = len(x.Participants); return refuse }); !errors.Is(err, refuse) {
		t.Fatalf("refused check: %v", err)
	}
	if seen != 3 {
		t.Errorf("the check saw %d municipalities, want the stored 3", seen)
	}
	if got, _ := s.Get(id); got.Participant("p1").Profile["leistungskraft"] != nil {
		t.Fatal("a refused change was stored")
	}
	if _, err := s.ApplyChecked(id, c, func(*model.Session) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(id); !got.Participant("p1").Profile.Is("leistungskraft", "gering") {
		t.Error("an accepted change was not stored")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ApplyAll stores a burst of changes in one transaction, or none of them.
func TestApplyAll(t *testing.T) {
	s, _ := openTemp(t, newClock())
	id := roomSession(t, s)
	sess, _ := s.Get(id)
	a := model.SetParticipantQuickChange(sess, "p1", "qc.s1", model.StatusOffen)
	b := model.SetParticipantQuickChange(sess, "p1", "qc.s2", model.StatusOffen)
	stale := model.SetParticipantAnswerChange(sess, "p1", "bundesland", model.Answer{"BY"})
	stale.Edits[0].Before = model.Value{} // made on an older view
	stale.Strict = true
	if _, err := s.ApplyAll(id, []model.Change{a, b, stale}, nil); err == nil {
		t.Fatal("a burst with a stale change was stored")
	}
	if got, _ := s.Get(id); len(got.Participant("p1").QuickCheck) != 0 {
		t.Fatalf("a failed burst stored part of it: %v", got.Participant("p1").QuickCheck)
	}
	var seen []string
	got, err := s.ApplyAll(id, []model.Change{a, b}, func(c model.Change, _ *model.Session) error { seen = append(seen, c.Name); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Participant("p1").QuickCheck) != 2 || len(seen) != 2 {
		t.Errorf("burst: %v, checked %v", got.Participant("p1").QuickCheck, seen)
	}
}
