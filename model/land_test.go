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
		if l.CityState {
			if l.CityNote == "" || len(l.Forms) != 0 {
				t.Errorf("%s: city-state needs a note and no forms", l.Code)
			}
			continue
		}
		if l.Abbrev == "" || !strings.Contains(l.Law.Text, "("+l.Abbrev+")") {
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

// Facts that change the recommendation (domain.md §6), with the confidence
// land_law.md gives them.
func TestLandKeyFacts(t *testing.T) {
	form := func(code string, id ModelID) LandForm {
		l, _ := LandByCode(code)
		return l.Forms[id]
	}
	if f := form("SL", AoeR); f.Available || f.Note.Confidence != Confirmed {
		t.Errorf("SL aoer: want not available [C], got %+v", f)
	}
	if f := form("SN", AoeR); !f.Available || f.Note.Confidence != Unverified || f.Paragraphs.Confidence != Unverified {
		t.Errorf("SN aoer: want available but unverified, got %+v", f)
	}
	if f := form("NI", VereinbarungMandatierend); !f.Available || f.Note.Text == "" || f.Note.Confidence != Confirmed {
		t.Errorf("NI mandating: want available with a confirmed caveat, got %+v", f)
	}
	if f := form("MV", VereinbarungMandatierend); f.Paragraphs.Confidence != Confirmed || !strings.Contains(f.Paragraphs.Text, "§ 167") {
		t.Errorf("MV mandating: want § 167 KV M-V [C], got %+v", f)
	}
	if f := form("MV", VereinbarungDelegierend); f.Paragraphs.Confidence != Partly {
		t.Errorf("MV § 165 is only partly confirmed, got %+v", f)
	}
	for code, want := range map[string]Confidence{"HE": Confirmed, "SL": Confirmed, "BY": Confirmed, "NW": Confirmed,
		"BB": Unverified, "SH": Unverified, "MV": Unverified, "BW": Partly, "NI": Partly} {
		if l, _ := LandByCode(code); l.Approval.Confidence != want {
			t.Errorf("%s approval confidence %s, want %s", code, l.Approval.Confidence, want)
		}
	}
	// Approval differs by kind of agreement in HE and SL: delegation needs approval, a mandate only notification.
	for _, code := range []string{"HE", "SL"} {
		if d, m := form(code, VereinbarungDelegierend).Approval.Text, form(code, VereinbarungMandatierend).Approval.Text; !strings.HasPrefix(d, "Genehmigung") || !strings.HasPrefix(m, "Anzeige") {
			t.Errorf("%s: delegierend %q / mandatierend %q", code, d, m)
		}
	}
}
