package model

import (
	"strings"
	"testing"
)

func TestLandsCoverProfileOptions(t *testing.T) {
	q, _ := ProfileQuestionByKey("bundesland")
	if len(Lands) != len(q.Options) || len(Lands) != 16 {
		t.Fatalf("%d Länder, %d options; want 16", len(Lands), len(q.Options))
	}
	for i, o := range q.Options {
		if Lands[i].Code != o.Value || Lands[i].Name != o.Label {
			t.Errorf("Lands[%d] = %s %s, want %s %s (profile order)", i, Lands[i].Code, Lands[i].Name, o.Value, o.Label)
		}
		l, ok := LandByCode(o.Value)
		if !ok || l.Code != o.Value {
			t.Errorf("LandByCode(%q) = %v, %v", o.Value, l.Code, ok)
		}
	}
	if _, ok := LandByCode("XX"); ok {
		t.Error("LandByCode(XX) found a Land")
	}
}

func scCheckFact(t *testing.T, where string, f Fact, required bool) {
	t.Helper()
	if f.Text == "" {
		if required || f.Confidence != "" {
			t.Errorf("%s: empty fact %+v", where, f)
		}
		return
	}
	switch f.Confidence {
	case Confirmed, Partly, Unverified:
	default:
		t.Errorf("%s: confidence %q not C/P/U", where, f.Confidence)
	}
}

func TestLandFactsComplete(t *testing.T) {
	cityStates := map[string]bool{"BE": true, "HH": true, "HB": true}
	for _, l := range Lands {
		scCheckFact(t, l.Code+" law", l.Law, true)
		if l.CityState != cityStates[l.Code] {
			t.Errorf("%s: CityState = %v", l.Code, l.CityState)
		}
		if l.CityState && l.CityNote == "" {
			t.Errorf("%s: city-state needs a note", l.Code)
		}
		if !l.CityState && l.Abbrev == "" || !l.CityState && !strings.Contains(l.Law.Text, "("+l.Abbrev+")") {
			t.Errorf("%s: law %q does not carry its abbreviation %q", l.Code, l.Law.Text, l.Abbrev)
		}
		scCheckFact(t, l.Code+" approval", l.Approval, true)
		if _, ok := l.Forms[Informell]; ok {
			t.Errorf("%s: informal cooperation needs no legal form", l.Code)
		}
		for _, id := range []ModelID{VereinbarungMandatierend, VereinbarungDelegierend, Zweckverband, AoeR} {
			f, ok := l.Forms[id]
			where := l.Code + " " + string(id)
			if !ok || f.Name == "" {
				t.Errorf("%s: form missing or unnamed", where)
				continue
			}
			scCheckFact(t, where+" paragraphs", f.Paragraphs, true)
			scCheckFact(t, where+" note", f.Note, false)
			scCheckFact(t, where+" approval", f.Approval, false)
			if !f.Available && f.Note.Text == "" {
				t.Errorf("%s: an unavailable form needs a note saying why", where)
			}
		}
	}
}

// The Land's own names of the forms, as listed in domain.md §6.
func TestLandFormNames(t *testing.T) {
	tests := []struct {
		name  string
		model ModelID
		lands string
	}{
		{"Zweckvereinbarung", VereinbarungDelegierend, "BY NI RP SN ST TH"},
		{"öffentlich-rechtliche Vereinbarung", VereinbarungDelegierend, "BW BB HE NW SL SH MV"},
		{"Verwaltungsgemeinschaft", VereinbarungMandatierend, "MV"},
		{"gemeinsames Kommunalunternehmen", AoeR, "BY NW MV SH"},
		{"gemeinsame kommunale Anstalt", AoeR, "BB HE NI RP ST TH"},
		{"gemeinsame selbstständige Kommunalanstalt", AoeR, "BW"},
		{"Zweckverband", Zweckverband, "BW BY BB HE MV NI NW RP SL SN ST SH TH"},
	}
	for _, tt := range tests {
		for _, code := range strings.Fields(tt.lands) {
			l, _ := LandByCode(code)
			if got := l.Forms[tt.model].Name; !strings.HasPrefix(got, tt.name) {
				t.Errorf("%s %s: name %q, want %q", code, tt.model, got, tt.name)
			}
		}
	}
}

// No research wording reaches the product (issue 10: "belegt ist nur deren
// Überschrift" is jargon): the Land texts speak to a Schulträger.
func TestLandTextsWithoutResearchJargon(t *testing.T) {
	jargon := []string{"belegt", "Überschrift", "gelesen", "Wortlaut", "recherch", "Quelle", "[C]", "[P]", "[U]"}
	for _, l := range Lands {
		texts := []string{l.Law.Text, l.CityNote, l.Approval.Text}
		for _, f := range l.Forms {
			texts = append(texts, f.Name, f.Paragraphs.Text, f.Note.Text, f.Approval.Text)
		}
		for _, s := range texts {
			for _, j := range jargon {
				if strings.Contains(s, j) {
					t.Errorf("%s: %q contains %q", l.Code, s, j)
				}
			}
		}
	}
}
