package store

import (
	"testing"

	"ikz/model"
)

// A municipality renamed in the session data takes its cost row along in
// one change on the real file; the inverse (z) puts both back, and a
// reopened file holds what was last applied.
func TestSessionDataRenameMovesCostRowOnDisk(t *testing.T) {
	c := newClock()
	s, _ := openTemp(t, c)
	sess := &model.Session{Title: "Verbund", Traeger: "Kreis Auental", Municipalities: []string{"Gemeinde Birkenfeld", "Markt Au"}}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(sess.ID, func(x *model.Session) error {
		x.Costs = &model.CostSharing{Years: 5, Partners: []model.CostPartner{{Name: "Gemeinde Birkenfeld", Schools: 2}, {Name: "Markt Au", Schools: 1}}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	loaded, err := s.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	change := model.SessionDataChange(loaded, loaded.Title, loaded.Traeger, []string{"Gemeinde Birkenfelde", "Markt Au"})
	if _, err := s.Apply(sess.ID, change); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, c)
	got, err := s.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Municipalities[0] != "Gemeinde Birkenfelde" || got.Costs.Partners[0].Name != "Gemeinde Birkenfelde" || got.Costs.Partners[0].Schools != 2 {
		t.Fatalf("after the rename: municipalities %q, cost rows %+v", got.Municipalities, got.Costs.Partners)
	}
	if _, err := s.Apply(sess.ID, change.Inverse()); err != nil {
		t.Fatalf("undo: %v", err)
	}
	got, err = s.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Municipalities[0] != "Gemeinde Birkenfeld" || got.Costs.Partners[0].Name != "Gemeinde Birkenfeld" {
		t.Fatalf("after undo: municipalities %q, cost rows %+v", got.Municipalities, got.Costs.Partners)
	}
}
