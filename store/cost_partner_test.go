package store

import (
	"fmt"
	"sync"
	"testing"

	"ikz/model"
)

// Municipalities entering their own figures at once (ikz serve): each
// stores a strict change of its own row, built from the same session it
// loaded; on the real file every row survives, none overwrites another.
func TestCostPartnerRowsConcurrent(t *testing.T) {
	s, _ := openTemp(t, newClock())
	sess := &model.Session{Title: "Kosten", Traeger: "Landkreis"}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(sess.ID, func(x *model.Session) error { x.Costs = costSheet(); return nil }); err != nil {
		t.Fatal(err)
	}
	loaded, err := s.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Landkreis", "gemeinde a", "Gemeinde B", "Gemeinde C"}
	var wg sync.WaitGroup
	errs := make([]error, len(names))
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 1; round <= 5; round++ {
				// each round from the screen's own latest view of its row
				view, err := s.Get(sess.ID)
				if err != nil {
					errs[i] = err
					return
				}
				if round == 1 {
					view = loaded
				}
				p := model.CostPartner{Name: name}
				if j := view.Costs.CostPartnerIndex(name); j >= 0 {
					p = view.Costs.Partners[j]
				}
				p.Schools, p.PersonnelNow = 10*(i+1)+round, float64(1000*(i+1)+round)
				c := model.SetCostPartnerChange(view, fmt.Sprintf("%s %d", name, round), p)
				c.Strict = true
				if _, err := s.Apply(sess.ID, c); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("%s: %v", names[i], err)
		}
	}
	got, err := s.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Costs.Partners) != 4 || got.Costs.StaffFTE != 3.5 {
		t.Fatalf("sheet after the edits: %+v", got.Costs)
	}
	for i, name := range names {
		j := got.Costs.CostPartnerIndex(name)
		if j < 0 || got.Costs.Partners[j].Schools != 10*(i+1)+5 || got.Costs.Partners[j].PersonnelNow != float64(1000*(i+1)+5) {
			t.Fatalf("%s lost its figures: %+v", name, got.Costs.Partners)
		}
	}
	if got.Costs.Partners[0].Devices != 2100 || got.Costs.Partners[1].Name != "Gemeinde A" {
		t.Fatalf("untouched figures or the stored name changed: %+v", got.Costs.Partners[:2])
	}
	// A row edit that carries an invalid figure is refused by the store.
	bad := model.SetCostPartnerChange(got, "bad", model.CostPartner{Name: "Gemeinde B", Pupils: -3})
	if _, err := s.Apply(sess.ID, bad); err == nil {
		t.Fatal("a negative pupil count was stored")
	}
}
