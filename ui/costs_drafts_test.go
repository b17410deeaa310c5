package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// The drafts of the Kostenverteilung (costs_drafts.go), on a real store:
// a figure typed for one partner and left without enter (what kill -9
// leaves), the tab built anew from the file (a restart).

// costDraftKey is where the page keeps the draft of partner name's field.
func costDraftKey(e *tabEnv, name, field string) string {
	return e.id + "/rows/" + costDraftTab + "/" + costPartnerDir + partnerDraftName(name) + "/" + field
}

// openPartner shows the figures of partner name on the page.
func openPartner(t *testing.T, e *tabEnv, tb tab, name string) tab {
	t.Helper()
	x := tb.(*costsTab)
	if x.partner >= 0 {
		tb = e.send(tb, kEsc) // back to the overview
	}
	i := x.cs.CostPartnerIndex(name)
	if i < 0 || !x.ed.list.selectID(costRowPartner+itoa(i)) {
		t.Fatalf("partner %q not in the overview", name)
	}
	tb = e.send(tb, kEnter)
	if x.partner != i {
		t.Fatalf("the figures of %q did not open", name)
	}
	return tb
}

// costRowLine is the list line of the row with id.
func costRowLine(t *testing.T, tb tab, id string) string {
	t.Helper()
	x := tb.(*costsTab)
	for i, r := range x.ed.list.rows {
		if r.id == id {
			lines := strings.Split(ansi.Strip(x.ed.list.view(x.d.styles, 60, 60, true)), "\n")
			if i < len(lines) {
				return lines[i]
			}
		}
	}
	t.Fatalf("row %q not in the list", id)
	return ""
}

// typeFigureAndLeave types a number of pupils for partner name and leaves
// the editor open: the program ends here.
func typeFigureAndLeave(t *testing.T, e *tabEnv, name, figure string) {
	t.Helper()
	tb := openPartner(t, e, newTestCostsTab(e, 120, 30), name)
	tb.(*costsTab).ed.list.selectID("p_pupils")
	tb = e.send(tb, kEnter)
	tb = e.send(tb, typed(figure)...)
	if !tb.Capturing() {
		t.Fatal("the editor closed while typing")
	}
	if got, ok := storedRowDraft(t, e, costDraftKey(e, name, "p_pupils")); !ok || got != `"`+figure+`"` {
		t.Fatalf("draft in the store %q (%v), want %q", got, ok, figure)
	}
}

func TestCostDraftComesBackOnItsPartnerOnly(t *testing.T) {
	e := rvEnv(t, contractSession())
	before := contractState(t, e.sess())
	typeFigureAndLeave(t, e, "Stadt Lemgo", "1234")
	if got := contractState(t, e.sess()); got != before {
		t.Fatal("typing without enter changed the session")
	}

	// The restart: the overview marks Lemgo, not Gemeinde A.
	tb := tab(newTestCostsTab(e, 120, 30))
	if l := costRowLine(t, tb, costRowPartner+"2"); !strings.Contains(l, markDraft) || !strings.Contains(l, "Entwurf") {
		t.Errorf("the overview does not mark the partner with a draft: %q", l)
	}
	if l := costRowLine(t, tb, costRowPartner+"1"); strings.Contains(l, "Entwurf") {
		t.Errorf("the overview marks a partner without a draft: %q", l)
	}

	// Gemeinde A's field: no draft, no restore line.
	tb = openPartner(t, e, tb, "Gemeinde A")
	if l := costRowLine(t, tb, "p_pupils"); strings.Contains(l, "Entwurf") {
		t.Errorf("Gemeinde A's field shows Lemgo's draft: %q", l)
	}
	tb.(*costsTab).ed.list.selectID("p_pupils")
	tb = e.send(tb, kEnter)
	if v := plain(tb); strings.Contains(v, "wiederhergestellt") || strings.Contains(v, "1234") {
		t.Errorf("Gemeinde A's editor holds Lemgo's draft:\n%s", v)
	}
	tb = e.send(tb, kEsc)
	if _, ok := storedRowDraft(t, e, costDraftKey(e, "Stadt Lemgo", "p_pupils")); !ok {
		t.Fatal("esc on Gemeinde A's field dropped Lemgo's draft")
	}

	// Lemgo's field: marked, and the editor brings the figure back.
	tb = openPartner(t, e, tb, "Stadt Lemgo")
	if l := costRowLine(t, tb, "p_pupils"); !strings.Contains(l, markDraft) || !strings.Contains(l, "Entwurf") {
		t.Errorf("Lemgo's field does not show its draft: %q", l)
	}
	tb.(*costsTab).ed.list.selectID("p_pupils")
	tb = e.send(tb, kEnter)
	v := plain(tb)
	if !strings.Contains(v, "1234") || !strings.Contains(v, "Entwurf von 10:00 wiederhergestellt – enter speichert") || !strings.Contains(v, "verwirft") {
		t.Errorf("Lemgo's editor lacks the draft or the restore line:\n%s", v)
	}
	assertFits(t, "restored cost editor", tb.View(), 120, 30)
	if got := contractState(t, e.sess()); got != before {
		t.Fatal("reopening a draft changed the session")
	}

	// enter stores it on Lemgo, the draft goes; z takes it back.
	tb = e.send(tb, kEnter)
	c := e.sess().Costs
	if got := c.Partners[2].Pupils; got != 1234 {
		t.Errorf("Lemgo's pupils after enter: %d, want 1234", got)
	}
	if c.Partners[1].Pupils != 0 || c.Partners[0].Pupils != 0 {
		t.Errorf("enter wrote on another partner: %+v", c.Partners)
	}
	if _, ok := storedRowDraft(t, e, costDraftKey(e, "Stadt Lemgo", "p_pupils")); ok {
		t.Error("the draft stayed after enter")
	}
	tb = e.send(tb, kEsc) // the next field opened: leave it
	e.settle(tb, e.run(tb, e.d.changes.undo()))
	if got := contractState(t, e.sess()); got != before {
		t.Errorf("z after the restored enter:\n%s\nwant\n%s", got, before)
	}
}

func TestCostDraftEscDrops(t *testing.T) {
	e := rvEnv(t, contractSession())
	before := contractState(t, e.sess())
	typeFigureAndLeave(t, e, "Stadt Lemgo", "77")
	tb := openPartner(t, e, newTestCostsTab(e, 120, 30), "Stadt Lemgo")
	tb.(*costsTab).ed.list.selectID("p_pupils")
	tb = e.send(tb, kEnter, kEsc)
	if _, ok := storedRowDraft(t, e, costDraftKey(e, "Stadt Lemgo", "p_pupils")); ok {
		t.Error("esc kept the draft")
	}
	if got := contractState(t, e.sess()); got != before {
		t.Error("esc on a restored draft changed the session")
	}
	if l := costRowLine(t, tb, "p_pupils"); strings.Contains(l, "Entwurf") {
		t.Errorf("the row still shows a draft after esc: %q", l)
	}
}

// A partner deleted before Lemgo moves Lemgo's index: its draft follows
// the name. A deleted partner's draft goes quietly.
func TestCostDraftFollowsTheNameAndGoesWithThePartner(t *testing.T) {
	e := rvEnv(t, contractSession())
	typeFigureAndLeave(t, e, "Stadt Lemgo", "500")
	typeFigureAndLeave(t, e, "Gemeinde A", "600")

	tb := tab(newTestCostsTab(e, 120, 30))
	tb.(*costsTab).ed.list.selectID(costRowPartner + "1") // Gemeinde A
	tb = e.send(tb, kDelete, kRunes("j"))
	if n := len(e.sess().Costs.Partners); n != 2 {
		t.Fatalf("%d partners after deleting one, want 2", n)
	}
	if _, ok := storedRowDraft(t, e, costDraftKey(e, "Gemeinde A", "p_pupils")); ok {
		t.Error("the deleted partner's draft is still in the store")
	}
	if l := costRowLine(t, tb, costRowPartner+"1"); !strings.Contains(l, "Stadt Lemgo") || !strings.Contains(l, "Entwurf") {
		t.Errorf("Lemgo (now second) lost its mark: %q", l)
	}

	// A partner of the same name added again starts without the old draft.
	tb = e.send(tb, kRunes("a"), kRunes("Gemeinde A"), kEnter, kEsc)
	tb = openPartner(t, e, tb, "Gemeinde A")
	tb.(*costsTab).ed.list.selectID("p_pupils")
	if v := plain(e.send(tb, kEnter)); strings.Contains(v, "600") || strings.Contains(v, "wiederhergestellt") {
		t.Errorf("a new partner of the same name got the old draft:\n%s", v)
	}

	tb = openPartner(t, e, newTestCostsTab(e, 120, 30), "Stadt Lemgo")
	tb.(*costsTab).ed.list.selectID("p_pupils")
	if v := plain(e.send(tb, kEnter)); !strings.Contains(v, "500") || !strings.Contains(v, "wiederhergestellt") {
		t.Errorf("Lemgo's draft did not follow its name to the new place:\n%s", v)
	}
}

// Names that differ in a slash or in case cannot reach into each other's
// keys; the case-folded name is the partner as the model matches it.
func TestPartnerDraftName(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"A/x", "A"}, {"Nord", "Nord/p_pupils"}, {"Süd", "Sud"}, {"a%2Fb", "a/b"},
	} {
		if partnerDraftName(tc.a) == partnerDraftName(tc.b) {
			t.Errorf("%q and %q share a key segment", tc.a, tc.b)
		}
		if strings.Contains(partnerDraftName(tc.a), "/") {
			t.Errorf("%q's segment contains a slash: %q", tc.a, partnerDraftName(tc.a))
		}
	}
	if partnerDraftName(" Stadt Lemgo") != partnerDraftName("stadt lemgo") {
		t.Error("the same partner (as model.CostPartnerIndex matches it) has two keys")
	}
}

// Renaming a partner takes its waiting drafts along to the new name.
func TestCostDraftMovesWithARename(t *testing.T) {
	e := rvEnv(t, contractSession())
	typeFigureAndLeave(t, e, "Stadt Lemgo", "321")
	tb := openPartner(t, e, newTestCostsTab(e, 120, 30), "Stadt Lemgo")
	tb.(*costsTab).ed.list.selectID("p_name")
	tb = e.send(tb, kEnter)
	tb = e.send(tb, typed(" (Lippe)")...)
	tb = e.send(tb, kEnter, kEsc)
	if got := e.sess().Costs.Partners[2].Name; got != "Stadt Lemgo (Lippe)" {
		t.Fatalf("name after the rename: %q", got)
	}
	if _, ok := storedRowDraft(t, e, costDraftKey(e, "Stadt Lemgo", "p_pupils")); ok {
		t.Error("the draft stayed under the old name")
	}
	if got, ok := storedRowDraft(t, e, costDraftKey(e, "Stadt Lemgo (Lippe)", "p_pupils")); !ok || got != `"321"` {
		t.Fatalf("the draft under the new name: %q (%v)", got, ok)
	}
	if l := costRowLine(t, tb, "p_pupils"); !strings.Contains(l, "Entwurf") {
		t.Errorf("the renamed partner's field does not show its draft: %q", l)
	}
	tb.(*costsTab).ed.list.selectID("p_pupils")
	if v := plain(e.send(tb, kEnter)); !strings.Contains(v, "321") || !strings.Contains(v, "wiederhergestellt") {
		t.Errorf("the draft did not come back under the new name:\n%s", v)
	}
}

func TestRenamed(t *testing.T) {
	for _, tc := range []struct {
		prev, next []string
		from, to   string
	}{
		{[]string{"a", "b", "c"}, []string{"a", "x", "c"}, "b", "x"},
		{[]string{"a", "b"}, []string{"a"}, "", ""},           // deleted
		{[]string{"a", "b"}, []string{"a", "b", "c"}, "", ""}, // added
		{[]string{"a", "b"}, []string{"b", "a"}, "", ""},      // swapped
		{[]string{"a", "b"}, []string{"x", "y"}, "", ""},      // two at once: not a rename
	} {
		if from, to := renamed(tc.prev, tc.next); from != tc.from || to != tc.to {
			t.Errorf("renamed(%v, %v) = %q, %q; want %q, %q", tc.prev, tc.next, from, to, tc.from, tc.to)
		}
	}
}

// A participant's own figures (ikz serve) keep their draft under the
// municipality, apart from the facilitator's: a municipality whose row
// does not exist yet (the first figure creates it) keeps it too, and the
// facilitator's page neither shows nor drops it.
func TestOwnCostDraftKeyedByMunicipality(t *testing.T) {
	e := rvEnv(t, contractSession())
	before := contractState(t, e.sess())
	const who = "Gemeinde Dörentrup" // a participant without a cost row yet
	own := func() tab {
		x := newOwnCostsTab(e.d, e.sess(), "p2", who)
		x.SetSize(100, 24)
		x.ed.list.selectID("p_schools")
		return x
	}
	if tb := e.send(own(), append([]tea.Msg{kEnter}, typed("4")...)...); !tb.Capturing() {
		t.Fatal("the own editor closed while typing")
	}
	key := e.id + "/rows/" + ownCostDraftTab + "/" + partnerDraftName(who) + "/p_schools"
	if got, ok := storedRowDraft(t, e, key); !ok || got != `"4"` {
		t.Fatalf("own draft in the store %q (%v)", got, ok)
	}
	// The program ends. The facilitator's page opens meanwhile: it does
	// not mark anyone, and leaves the participant's draft alone.
	fac := tab(newTestCostsTab(e, 120, 30))
	fac = e.send(fac, kDown)
	if v := plain(fac); strings.Contains(v, "Entwurf") {
		t.Errorf("the facilitator's page shows the participant's draft:\n%s", v)
	}
	if _, ok := storedRowDraft(t, e, key); !ok {
		t.Fatal("the facilitator's page dropped the participant's draft")
	}
	if got := contractState(t, e.sess()); got != before {
		t.Fatal("typing without enter changed the session")
	}

	tb := own()
	if l := costRowLine(t, tb, "p_schools"); !strings.Contains(l, markDraft) || !strings.Contains(l, "Entwurf") {
		t.Errorf("the own field does not show its draft: %q", l)
	}
	tb = e.send(tb, kEnter)
	if v := plain(tb); !strings.Contains(v, "Entwurf von 10:00 wiederhergestellt") || !strings.Contains(v, "> 4") {
		t.Errorf("the own editor lacks the draft or the restore line:\n%s", v)
	}
	tb = e.send(tb, kEnter)
	c := e.sess().Costs
	if i := c.CostPartnerIndex(who); i < 0 || c.Partners[i].Schools != 4 {
		t.Fatalf("enter did not create the own row with 4 schools: %+v", c.Partners)
	}
	if _, ok := storedRowDraft(t, e, key); ok {
		t.Error("the own draft stayed after enter")
	}
	tb = e.send(tb, kEsc) // the next field opened
	e.settle(tb, e.run(tb, e.d.changes.undo()))
	if got := contractState(t, e.sess()); got != before {
		t.Errorf("z after the own enter:\n%s\nwant\n%s", got, before)
	}
}

// The own-figure draft of a municipality that is no longer a participant
// goes quietly when a participant's page opens; the others' stay.
func TestOwnCostDraftOfAGoneMunicipalityIsDropped(t *testing.T) {
	e := rvEnv(t, contractSession())
	key := func(who string) string {
		return e.id + "/rows/" + ownCostDraftTab + "/" + partnerDraftName(who) + "/p_schools"
	}
	for _, who := range []string{"Gemeinde Dörentrup", "Stadt Blomberg"} { // Blomberg: not (or no longer) a participant
		if err := e.st.PutDraft(key(who), []byte(`{"at":"2026-11-21T09:00:00Z","value":"5"}`)); err != nil {
			t.Fatal(err)
		}
	}
	x := newOwnCostsTab(e.d, e.sess(), "p1", "Stadt Lemgo")
	x.SetSize(100, 24)
	e.send(x, kDown)
	if _, ok := storedRowDraft(t, e, key("Stadt Blomberg")); ok {
		t.Error("the draft of a municipality that is no participant stayed")
	}
	if _, ok := storedRowDraft(t, e, key("Gemeinde Dörentrup")); !ok {
		t.Error("another participant's draft was dropped")
	}
}
