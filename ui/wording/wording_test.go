package wording

import (
	"strings"
	"testing"
	"time"

	"ikz/model"
)

func TestFactString(t *testing.T) {
	tests := []struct {
		f    Fact
		want string
	}{
		{Fact{Text: "§ 1"}, "§ 1"},
		{Fact{Text: "§ 1", Check: true}, "§ 1 [bitte mit der Rechtsaufsicht prüfen]"},
		{Fact{Check: true}, ""},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.f, got, tt.want)
		}
	}
	// Partly and unverified facts read the same (issue 14: one wording).
	p, u := fact(model.Fact{Text: "x", Confidence: model.Partly}), fact(model.Fact{Text: "x", Confidence: model.Unverified})
	if p != u || !p.Check {
		t.Errorf("partly %+v and unverified %+v must both ask for a check, in the same words", p, u)
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct{ got, want string }{
		{Staff(3.5, 3), "3,5 → 3,0 VZÄ"},
		{Staff(2, 1.25), "2,0 → 1,3 VZÄ"},
		{Points(3), "+3"},
		{Points(-2), "−2"},
		{ScoreText(120, false), "100"},
		{ScoreText(40, true), "ausgeschlossen"},
		{List([]string{"a", "b", "c"}), "a, b und c"},
		{Plural(1, "Frage", "Fragen"), "1 Frage"},
		{Plural(3, "Frage", "Fragen"), "3 Fragen"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// bavaria is a rich, fully answered profile (Bayern: approval facts per form).
func bavaria() model.Profile {
	return model.Profile{
		"bundesland": {"BY"}, "traeger": {"landkreis"}, "leistungskraft": {"mittel"},
		"partner_leistungskraft": {"unterschiedlich"}, "partner_anzahl": {"4"}, "laendlich": {"true"},
		"ziele": {"wirtschaftlichkeit"}, "umfang": {"aufgabenbereich"}, "zustaendigkeit": {"abgeben"},
		"verbindlichkeit": {"hoch"}, "neue_rechtsperson": {"ja"},
	}
}

func TestNewResult(t *testing.T) {
	r := model.Score(bavaria())
	w := NewResult(r)
	want := Headline(ModelName(r.Top()))
	if r.Ranking[0].Marker() == model.MarkerCheck { // Bavaria: delegation has a caveat (Art. 7 Abs. 2 S. 2)
		want = CheckedHeadline(ModelName(r.Top()))
	}
	if w.Top != r.Top() || w.Headline != want || w.Rows[0].Marker != r.Ranking[0].Marker() {
		t.Fatalf("top %q headline %q, want %q", w.Top, w.Headline, r.Top())
	}
	if len(w.Rows) != len(r.Ranking) || len(w.Details) != len(w.Rows) {
		t.Fatalf("%d rows, %d details for %d models", len(w.Rows), len(w.Details), len(r.Ranking))
	}
	if w.RunnerUp == nil || w.RunnerUp.Model != r.Ranking[1].Model {
		t.Errorf("runner-up %+v, want %s", w.RunnerUp, r.Ranking[1].Model)
	}
	if w.Flip == "" || w.Flip != FlipSentence(r.Sensitivity, w.Top, false) {
		t.Errorf("flip %q, sensitivity %+v", w.Flip, r.Sensitivity)
	}
	for i, row := range w.Rows {
		ms := r.Ranking[i]
		if row.Excluded != ms.Excluded || (ms.Excluded && (row.PlaceText != NoEntry || row.ScoreText != Excluded)) {
			t.Errorf("row %d %+v for %+v", i, row, ms)
		}
		d := w.Details[i]
		if len(d.Pros) != len(ms.Pros()) || len(d.Cons) != len(ms.Cons()) {
			t.Errorf("%s: %d pros %d cons, want %d %d", ms.Model, len(d.Pros), len(d.Cons), len(ms.Pros()), len(ms.Cons()))
		}
		for _, p := range d.Pros {
			if !strings.HasPrefix(p.PointsText, "+") || p.Answer == "" {
				t.Errorf("%s pro %+v lacks sign or answer", ms.Model, p)
			}
		}
	}
	if w.Legal == nil || w.Legal.Land != "Bayern" {
		t.Fatalf("legal %+v", w.Legal)
	}
}

func TestTieIsNoRecommendation(t *testing.T) {
	// Only the Land answered: nothing separates the models.
	w := NewResult(model.Score(model.Profile{"bundesland": {"NW"}}))
	if !w.Tied || w.Top != "" || !strings.HasPrefix(w.Headline, "Noch keine Empfehlung: ") {
		t.Fatalf("tied %v top %q headline %q", w.Tied, w.Top, w.Headline)
	}
	for _, row := range w.Rows {
		if row.Top {
			t.Errorf("%s marked as the leader in a tie", row.Name)
		}
	}
	if w.RunnerUp != nil {
		t.Errorf("runner-up %+v in a tie", w.RunnerUp)
	}
}

// The approval of an agreement appears once per form, and a caveat that
// only repeats a fact of the Land block is not listed again.
func TestLegalSaysEverythingOnce(t *testing.T) {
	for _, land := range model.Lands {
		if land.CityState {
			continue
		}
		p := bavaria()
		p["bundesland"] = model.Answer{land.Code}
		w := NewResult(model.Score(p))
		for _, d := range w.Details {
			_, lines := w.ModelLegal(d.Model)
			seen := map[string]bool{}
			for _, l := range lines {
				if seen[l.Fact.Text] {
					t.Errorf("%s %s: %q twice", land.Code, d.Model, l.Fact.Text)
				}
				seen[l.Fact.Text] = true
			}
			form := w.Legal.Form(d.Model)
			for _, warn := range d.Warnings {
				if form != nil && form.Says(warn.Text) {
					t.Errorf("%s %s: warning %q repeats the Land block", land.Code, d.Model, warn.Text)
				}
			}
		}
		for _, f := range w.Legal.Forms {
			if isAgreement(f.Model) && f.Available && f.Approval.Text == "" && land.Approval.Text != "" {
				t.Errorf("%s %s: the Land's approval rule is missing", land.Code, f.Model)
			}
		}
	}
}

func TestComparisonOneUnitPerColumn(t *testing.T) {
	before := &model.Session{Profile: model.Profile{"bundesland": {"NW"}, "neue_rechtsperson": {"ja"}}, Updated: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	after := &model.Session{Profile: model.Profile{"bundesland": {"NW"}, "neue_rechtsperson": {"nein"}}}
	now := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	c := NewComparison(model.Compare(before, after, now), "Review 2026", now)
	excluded := 0
	for _, r := range c.Ranking {
		if r.Excluded {
			excluded++
			if r.Move != "" || r.AfterPlace != NoEntry || r.AfterText != Excluded {
				t.Errorf("excluded %s: move %q place %q points %q", r.Name, r.Move, r.AfterPlace, r.AfterText)
			}
			continue
		}
		for _, s := range []string{r.BeforeText, r.AfterText} {
			if strings.ContainsAny(s, ".▲▼") {
				t.Errorf("%s: points column holds %q", r.Name, s)
			}
		}
		if !strings.HasSuffix(r.AfterPlace, ".") {
			t.Errorf("%s: place column holds %q", r.Name, r.AfterPlace)
		}
	}
	if excluded == 0 {
		t.Fatal("fixture should exclude the models with a new legal person")
	}
	if c.To != "heute (21.11.2026)" {
		t.Errorf("to %q", c.To)
	}
}

func TestProfileAnswers(t *testing.T) {
	p := model.Profile{"bundesland": {"NW"}, "umfang": {"austausch"}}
	var scored, open int
	for _, a := range NewProfile(p) {
		switch {
		case a.Scored:
			scored++
			if a.Answer == "" || a.Status != "" {
				t.Errorf("%+v", a)
			}
		case a.Status == NotAnswered:
			open++
		}
	}
	if scored != 2 || open == 0 {
		t.Errorf("%d scored, %d open", scored, open)
	}
}

func TestDecisionAgainstRecommendation(t *testing.T) {
	at := time.Date(2026, 3, 10, 16, 0, 0, 0, time.UTC)
	r := NewResult(model.Score(bavaria()))
	other := model.Informell
	if r.Top == other {
		t.Fatal("fixture: pick another model")
	}
	s := &model.Session{Decisions: []model.Decision{
		{Model: r.Top, Reason: "erst", At: at, Computed: r.Top},
		{Model: other, Reason: "Tippfehler", At: at.AddDate(0, 0, 1), Void: true},
		{Model: other, Reason: "klein anfangen", Body: "Kreistag", At: at.AddDate(0, 1, 0), Computed: r.Top},
	}}
	d := NewDecision(s, r)
	if !d.Has || d.Model != other || !d.Differs || !strings.Contains(d.DiffersNote, ModelName(r.Top)) {
		t.Fatalf("%+v", d)
	}
	if got, want := d.Line(), "Entscheidung der Gruppe (Kreistag, 10.04.2026): "+ModelName(other); got != want {
		t.Errorf("line %q, want %q", got, want)
	}
	wantStatus := []string{StatusCurrent, StatusVoid, "abgelöst am 10.04.2026"}
	for i, row := range d.History {
		if row.Status != wantStatus[i] {
			t.Errorf("history %d: status %q, want %q", i, row.Status, wantStatus[i])
		}
	}
	if id, _ := d.Chosen(r); id != other {
		t.Errorf("chosen %s, want the group's %s", id, other)
	}
	if none := NewDecision(&model.Session{}, r); none.Has || none.Line() != GroupDecision+": "+NoDecision {
		t.Errorf("no decision: %+v %q", none, none.Line())
	}
}

// A sheet without joint cost does not claim that every partner saves.
func TestCostsWithoutJointCost(t *testing.T) {
	c := model.CostSharing{Years: 5, Partners: []model.CostPartner{{Name: "A", Schools: 1, PersonnelNow: 10}, {Name: "B", Schools: 2, PersonnelNow: 10}}}
	w := NewCosts(c)
	if w.AllSave != NoJointCost || w.Best != "" {
		t.Fatalf("AllSave %q, Best %q", w.AllSave, w.Best)
	}
}

// The word carries the sign: a cooperation that costs more says
// "Mehrkosten" with positive numbers, in every output.
func TestEfficiencyOneSignConvention(t *testing.T) {
	more := NewEfficiency(model.Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 110000, StaffNow: 3.5, StaffWith: 3})
	if !more.Result.More || more.Result.YearLabel != "Mehrkosten pro Jahr" || strings.Contains(more.Result.Year+more.Result.Term, "-") {
		t.Errorf("more: %+v", more.Result)
	}
	if more.Staff != "3,5 → 3,0 VZÄ" || more.FundingMet != "" {
		t.Errorf("staff %q, funding %q", more.Staff, more.FundingMet)
	}
	less := NewEfficiency(model.Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 80000})
	if got, want := less.SavingsLine(), "Einsparung pro Jahr: 20.000,00 € (20,0 %); Einsparung über 5 Jahre: 100.000,00 €."; got != want {
		t.Errorf("line %q, want %q", got, want)
	}
	if less.FundingMet != FundingMet {
		t.Errorf("20 %% over 5 years meets the thresholds: %q", less.FundingMet)
	}
	if empty := NewEfficiency(model.Efficiency{Years: 5}); empty.Complete || !strings.Contains(empty.SavingsLine(), "fehlen") {
		t.Errorf("empty sheet: %+v", empty)
	}
}

// The joint profile of a workshop reads as the room was asked: "bleibt bei
// den heutigen Trägern", not one municipality's "bleibt bei uns"; a
// session without participants keeps its own words.
func TestSessionProfileGroupWording(t *testing.T) {
	for _, tt := range []struct {
		value        string
		participants []model.Participant
		want         string
	}{
		{"abgeben", []model.Participant{{ID: "p1", Name: "Stadt Lemgo"}}, "geht auf einen Partner über"},
		{"behalten", []model.Participant{{ID: "p1", Name: "Stadt Lemgo"}}, "bleibt bei den heutigen Trägern"},
		{"abgeben", nil, "geht auf einen Partner über"},
		{"behalten", nil, "bleibt bei uns"},
	} {
		s := &model.Session{Profile: model.Profile{"zustaendigkeit": {tt.value}}, Participants: tt.participants}
		got := ""
		for _, a := range NewSessionProfile(s) {
			if a.Key == "zustaendigkeit" {
				got = a.Answer
			}
		}
		if got != tt.want {
			t.Errorf("%s with %d participants: %q, want %q", tt.value, len(tt.participants), got, tt.want)
		}
	}
}
