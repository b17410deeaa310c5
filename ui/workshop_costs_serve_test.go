package ui

import (
	"strings"
	"testing"
	"time"

	"ikz/model"
)

// Two municipalities enter their own cost figures at once over real SSH
// clients; both rows survive, the facilitator's Kostenverteilung page
// shows both, and neither participant can reach the other's row.
func TestServeOwnCostFigures(t *testing.T) {
	addr, st, id := room(t)
	a := participantAs(t, addr, "lemgo")
	b := participantAs(t, addr, "doerentrup")
	a.mustSee(0, "antworten als: Stadt Lemgo")
	b.mustSee(0, "antworten als: Gemeinde Dörentrup")

	ma, mb := a.mark(), b.mark()
	a.send("e")
	b.send("e")
	a.mustSee(ma, "Eigene Kostenzahlen: Stadt Lemgo")
	b.mustSee(mb, "Eigene Kostenzahlen: Gemeinde Dörentrup")
	// enter opens Schulen, the first figure; enter stores it and opens
	// the next one (Schüler); both type at the same time.
	a.send(keyEnter, "7", keyEnter)
	b.send(keyEnter, "3", keyEnter)
	a.send("2400", keyEnter)
	b.send("950", keyEnter)
	waitStored(t, st, id, func(s *model.Session) bool {
		if s.Costs == nil {
			return false
		}
		l, d := s.Costs.CostPartnerIndex("Stadt Lemgo"), s.Costs.CostPartnerIndex("Gemeinde Dörentrup")
		return l >= 0 && d >= 0 && s.Costs.Partners[l].Pupils == 2400 && s.Costs.Partners[d].Pupils == 950
	})
	// A wrong figure gets the facilitator's German message and is not stored.
	m := a.mark()
	a.send("zwölf", keyEnter)
	a.mustSee(m, "keine ganze Zahl")
	a.send(keyEsc, keyEsc) // the editor, then the page
	a.mustSee(m, "antworten als: Stadt Lemgo")

	s, err := st.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Costs.Partners); got != 2 {
		t.Fatalf("partners = %+v, want Lemgo and Dörentrup only", s.Costs.Partners)
	}
	l := s.Costs.Partners[s.Costs.CostPartnerIndex("Stadt Lemgo")]
	d := s.Costs.Partners[s.Costs.CostPartnerIndex("Gemeinde Dörentrup")]
	if l.Schools != 7 || l.Pupils != 2400 || d.Schools != 3 || d.Pupils != 950 {
		t.Fatalf("Lemgo %+v, Dörentrup %+v\nB saw:\n%s", l, d, b.since(mb))
	}
	// Dörentrup's page never named Lemgo or its figures.
	if out := b.since(mb); strings.Contains(out, "Lemgo") || strings.Contains(out, "2.400") {
		t.Error("a participant saw another municipality's figures")
	}

	// The facilitator's Kostenverteilung page (Wirtschaftlichkeit, v) has both.
	mod := moderator(t, addr)
	mm := mod.mark()
	mod.send("7", "v")
	mod.mustSee(mm, "Partner (2)")
	mod.mustSee(mm, "Stadt Lemgo")
	mod.mustSee(mm, "Gemeinde Dörentrup")

	// Without a claimed municipality there is no page to open.
	c := participantAs(t, addr, "gast")
	mc := c.mark()
	c.send("e")
	c.mustSee(mc, "Bitte zuerst oben Ihre Kommune wählen")
	time.Sleep(100 * time.Millisecond)
	if strings.Contains(c.since(mc), "Eigene Kostenzahlen:") {
		t.Error("a participant without a municipality opened a cost row")
	}
}

// A connection that loses its municipality to another one leaves the cost
// page at once and can no longer write the row; the facilitator's Laufzeit,
// typed meanwhile, and the participant's figures both survive.
func TestServeOwnCostFiguresTakeOver(t *testing.T) {
	addr, st, id := room(t)
	a := participantAs(t, addr, "lemgo")
	a.mustSee(0, "antworten als: Stadt Lemgo")
	ma := a.mark()
	a.send("e")
	a.mustSee(ma, "Eigene Kostenzahlen: Stadt Lemgo")
	a.send(keyEnter, "7", keyEnter)
	waitStored(t, st, id, func(s *model.Session) bool {
		return s.Costs != nil && s.Costs.CostPartnerIndex("Stadt Lemgo") >= 0 && s.Costs.Partners[0].Schools == 7
	})

	// The facilitator sets the Laufzeit (the first field) on its page.
	mod := moderator(t, addr)
	mm := mod.mark()
	mod.send("7", "v")
	mod.mustSee(mm, "Partner (1)")
	mod.send(keyEnter, keyBkspc, "8", keyEnter, keyEsc)
	a.send("2400", keyEnter)
	waitStored(t, st, id, func(s *model.Session) bool {
		return s.Costs.Years == 8 && s.Costs.Partners[0].Pupils == 2400 && s.Costs.Partners[0].Schools == 7
	})

	b := participantAs(t, addr, "lemgo") // a second laptop of the same town
	b.mustSee(0, "übernehmen?")
	ma = a.mark()
	b.send(keyEnter)
	a.mustSee(ma, "antworten als: – Kommune wählen –")
	a.send("e")
	a.mustSee(ma, "Bitte zuerst oben Ihre Kommune wählen")
	time.Sleep(200 * time.Millisecond)
	if strings.Contains(a.since(ma), "Eigene Kostenzahlen: Stadt Lemgo") {
		t.Error("the page stayed open after the municipality was taken over")
	}
}
