package store

import (
	"errors"
	"sync"
	"testing"

	"ikz/model"
)

// next returns the pending change or fails if there is none.
func next(t *testing.T, ch <-chan Change) Change {
	t.Helper()
	select {
	case c, ok := <-ch:
		if !ok {
			t.Fatal("channel closed")
		}
		return c
	default:
		t.Fatal("no change announced")
	}
	return Change{}
}

func none(t *testing.T, ch <-chan Change, after string) {
	t.Helper()
	select {
	case c := <-ch:
		t.Fatalf("after %s: unexpected change %+v", after, c)
	default:
	}
}

func TestSubscribeAnnouncesEveryWrite(t *testing.T) {
	c := newClock()
	s, _ := openTemp(t, c)
	ch, stop := s.Subscribe()
	defer stop()

	sess := &model.Session{Title: "Workshop Kreis Kleve"}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	if got := next(t, ch); got.SessionID != sess.ID || got.At.Before(sess.Created) {
		t.Errorf("Create: %+v, want %s at or after %v", got, sess.ID, sess.Created)
	}
	writes := []struct {
		name string
		fn   func() error
	}{
		{"SetAnswer", func() error { return s.SetAnswer(sess.ID, "bundesland", model.Answer{"NW"}) }},
		{"SetNote", func() error { return s.SetNote(sess.ID, model.Phases[0].Groups[0].Questions[0].ID, "x") }},
		{"SetQuick", func() error { return s.SetQuick(sess.ID, "qc.s1", model.QuickEntry{Status: model.StatusErledigt}) }},
		{"Rename", func() error { return s.Rename(sess.ID, "neu") }},
		{"Update", func() error {
			_, err := s.Update(sess.ID, func(m *model.Session) error { _, err := m.AddParticipant("Goch"); return err })
			return err
		}},
		{"Delete", func() error { return s.Delete(sess.ID) }},
		{"Restore", func() error { return s.Restore(sess.ID) }},
	}
	for _, w := range writes {
		if err := w.fn(); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		if got := next(t, ch); got.SessionID != sess.ID {
			t.Errorf("%s: change for %q, want %q", w.name, got.SessionID, sess.ID)
		}
		none(t, ch, w.name)
	}
}

func TestSubscribeSilentOnFailedWrite(t *testing.T) {
	s, _ := openTemp(t, newClock())
	sess := &model.Session{Title: "A"}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	ch, stop := s.Subscribe()
	defer stop()
	boom := errors.New("boom")
	if _, err := s.Update(sess.ID, func(*model.Session) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	none(t, ch, "a rolled-back Update")
	if err := s.SetAnswer(sess.ID, "bundesland", model.Answer{"XX"}); err == nil {
		t.Fatal("invalid answer accepted")
	}
	none(t, ch, "an invalid answer")
	if _, err := s.Get(sess.ID); err != nil {
		t.Fatal(err)
	}
	none(t, ch, "a read")
}

func TestSubscribeSlowSubscriberKeepsOnePending(t *testing.T) {
	s, _ := openTemp(t, newClock())
	sess := &model.Session{Title: "A"}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	slow, stopSlow := s.Subscribe()
	defer stopSlow()
	fast, stopFast := s.Subscribe()
	defer stopFast()
	for i := range 5 {
		if err := s.SetAnswer(sess.ID, "partner_anzahl", model.Answer{string(rune('2' + i))}); err != nil {
			t.Fatal(err)
		}
		next(t, fast) // the fast one reads each in time
	}
	next(t, slow) // the slow one finds one change, not five, and writers never blocked
	none(t, slow, "draining the slow subscriber")
}

// Two sessions written while a subscriber is busy: the one pending change
// must not name only one of them, or a screen showing the other would
// never re-read.
func TestSubscribeMergesChangesOfDifferentSessions(t *testing.T) {
	s, _ := openTemp(t, newClock())
	a, b := &model.Session{Title: "A"}, &model.Session{Title: "B"}
	for _, sess := range []*model.Session{a, b} {
		if err := s.Create(sess); err != nil {
			t.Fatal(err)
		}
	}
	ch, stop := s.Subscribe()
	defer stop()
	for _, id := range []string{a.ID, a.ID} {
		if err := s.SetAnswer(id, "partner_anzahl", model.Answer{"3"}); err != nil {
			t.Fatal(err)
		}
	}
	if c := next(t, ch); c.SessionID != a.ID {
		t.Errorf("two writes of A: pending change names %q, want %q", c.SessionID, a.ID)
	}
	for _, id := range []string{a.ID, b.ID} {
		if err := s.SetAnswer(id, "partner_anzahl", model.Answer{"4"}); err != nil {
			t.Fatal(err)
		}
	}
	if c := next(t, ch); c.SessionID != "" {
		t.Errorf("writes of A and B: pending change names %q, want \"\" (some session)", c.SessionID)
	}
	none(t, ch, "the merged change")
}

func TestSubscribeStop(t *testing.T) {
	s, _ := openTemp(t, newClock())
	ch, stop := s.Subscribe()
	stop()
	stop() // harmless twice
	if _, ok := <-ch; ok {
		t.Fatal("channel still open after stop")
	}
	// Writing after stop must not panic on the closed channel.
	if err := s.Create(&model.Session{Title: "A"}); err != nil {
		t.Fatal(err)
	}
}

func TestSubscribeConcurrent(t *testing.T) {
	s, _ := openTemp(t, newClock())
	sess := &model.Session{Title: "A"}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			ch, stop := s.Subscribe()
			for range 3 {
				select {
				case <-ch:
				default:
				}
			}
			stop()
		}()
		go func() {
			defer wg.Done()
			if err := s.SetAnswer(sess.ID, "partner_anzahl", model.Answer{string(rune('2' + i))}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
