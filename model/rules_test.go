package model

import (
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var scSourcePattern = regexp.MustCompile(`^(H \d(\.\d)*|S)(, (H \d(\.\d)*|S))*(; eigene Ableitung)?$`)

func TestRulesAreValidData(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules {
		if ids[r.ID] {
			t.Errorf("duplicate rule ID %s", r.ID)
		}
		ids[r.ID] = true
		q, ok := ProfileQuestionByKey(r.Key)
		if !ok {
			t.Errorf("%s: unknown key %q", r.ID, r.Key)
			continue
		}
		if q.Kind == Number {
			if r.Value != "" || r.Min < q.Min || (r.Max != 0 && r.Max < r.Min) {
				t.Errorf("%s: bad number condition [%d, %d] (min %d)", r.ID, r.Min, r.Max, q.Min)
			}
			if !strings.HasPrefix(r.ID, r.Key+".") {
				t.Errorf("%s: ID must start with %q", r.ID, r.Key+".")
			}
		} else {
			if _, err := Normalize(r.Key, Answer{r.Value}); err != nil {
				t.Errorf("%s: %v", r.ID, err)
			}
			if r.ID != r.Key+"."+r.Value {
				t.Errorf("rule ID %q, want %q", r.ID, r.Key+"."+r.Value)
			}
		}
		if r.Points == (Points{}) {
			t.Errorf("%s: gives no points", r.ID)
		}
		if r.Reason == "" || !scSourcePattern.MatchString(r.Source) {
			t.Errorf("%s: reason %q / source %q", r.ID, r.Reason, r.Source)
		}
	}
	for _, ko := range KnockOuts {
		if ids[ko.ID] {
			t.Errorf("duplicate ID %s", ko.ID)
		}
		ids[ko.ID] = true
		modelIndex(ko.Model) // panics on an unknown model
		if ko.Reason == "" || ko.Source == "" {
			t.Errorf("%s: reason or source missing", ko.ID)
		}
		if ko.LandForm {
			continue
		}
		if _, err := Normalize(ko.Key, Answer{ko.Value}); err != nil {
			t.Errorf("%s: %v", ko.ID, err)
		}
	}
}

// TestPointsFor guards the mapping from Points fields to models.
func TestPointsFor(t *testing.T) {
	p := Points{I: 1, M: 2, D: 3, Z: 4, A: 5}
	for i, id := range ModelIDs {
		if got := p.For(id); got != i+1 {
			t.Errorf("For(%s) = %d, want %d", id, got, i+1)
		}
		if got := p.array()[i]; got != i+1 {
			t.Errorf("array()[%d] = %d, want %d", i, got, i+1)
		}
	}
}

var scFormal = []ModelID{VereinbarungMandatierend, VereinbarungDelegierend, Zweckverband, AoeR}
var scAgreements = []ModelID{VereinbarungMandatierend, VereinbarungDelegierend}

// scExpect is what a direction rule demands of a result.
type scExpect struct {
	top      ModelID   // the top model, if set
	topIn    []ModelID // the top model is one of these, if set
	notTop   []ModelID // none of these leads
	excluded []ModelID // these are excluded
	lowest   ModelID   // this model has the lowest raw points, if set
}

func (e scExpect) check(t *testing.T, p Profile) {
	t.Helper()
	r := Score(p)
	top := r.Top()
	if e.top != "" && top != e.top {
		t.Errorf("top = %s, want %s\n%s", top, e.top, scDump(r))
	}
	if e.topIn != nil && !scIn(e.topIn, top) {
		t.Errorf("top = %s, want one of %v\n%s", top, e.topIn, scDump(r))
	}
	if scIn(e.notTop, top) {
		t.Errorf("top = %s, must not be one of %v\n%s", top, e.notTop, scDump(r))
	}
	for _, id := range e.excluded {
		if m, _ := r.ByModel(id); !m.Excluded || m.Exclusion == "" {
			t.Errorf("%s not excluded with a reason\n%s", id, scDump(r))
		}
	}
	if e.lowest != "" {
		low, _ := r.ByModel(e.lowest)
		for _, m := range r.Ranking {
			if m.Model != e.lowest && m.Raw <= low.Raw {
				t.Errorf("%s (%d) not below %s (%d)\n%s", e.lowest, low.Raw, m.Model, m.Raw, scDump(r))
			}
		}
	}
}

func scIn(list []ModelID, id ModelID) bool {
	for _, m := range list {
		if m == id {
			return true
		}
	}
	return false
}

func scDump(r Result) string {
	var b strings.Builder
	for _, m := range r.Ranking {
		b.WriteString("  " + string(m.Model) + " raw=" + strconv.Itoa(m.Raw))
		if m.Excluded {
			b.WriteString(" excluded")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// One test per direction rule of domain.md §5 (and the Land rules of §6),
// named after the rule. Single-answer cases check that the answer alone
// points the right way; combined cases check the rule's full scenario.
func TestDirectionRules(t *testing.T) {
	smallRuralZV := Profile{
		"traeger": {"kreisangehoerige_kommune"}, "leistungskraft": {"gering"}, "laendlich": {"true"},
		"zustaendigkeit": {"abgeben"}, "umfang": {"aufgabenbereich"}, "bestehende_struktur": {"zweckverband"},
	}
	enterpriseAoeR := Profile{
		"steuerung": {"unternehmerisch"}, "umfang": {"gesamtbetrieb"}, "bestehende_struktur": {"anstalt"},
		"partner_anzahl": {"13"},
	}
	with := func(p Profile, kv ...string) Profile {
		q := p.Clone()
		for i := 0; i < len(kv); i += 2 {
			q[kv[i]] = Answer{kv[i+1]}
		}
		return q
	}
	tests := []struct {
		name string
		p    Profile
		want scExpect
	}{
		// §5: exchange only, little binding, few resources, goal exchange → informell (H 3.1)
		{"H3.1_austausch_informell", Profile{"umfang": {"austausch"}}, scExpect{top: Informell}},
		{"H3.1_geringe_verbindlichkeit_informell", Profile{"verbindlichkeit": {"gering"}}, scExpect{top: Informell}},
		{"H3.1_ziel_erfahrungsaustausch_informell", Profile{"ziele": {"erfahrungsaustausch"}}, scExpect{top: Informell}},
		{"H3.1_S8_alles_zusammen_informell", Profile{"umfang": {"austausch"}, "verbindlichkeit": {"gering"},
			"ressourcen": {"gering"}, "ziele": {"erfahrungsaustausch"}}, scExpect{top: Informell}},
		// §5: informal is weak for a whole task area, all operations, high planning security
		{"H3.1_informell_schwach_aufgabenbereich", Profile{"umfang": {"aufgabenbereich"}}, scExpect{lowest: Informell}},
		{"H3.1_informell_schwach_gesamtbetrieb", Profile{"umfang": {"gesamtbetrieb"}}, scExpect{lowest: Informell}},
		{"H3.1_informell_schwach_hohe_verbindlichkeit", Profile{"verbindlichkeit": {"hoch"}}, scExpect{lowest: Informell}},
		{"H3.1_informell_schwach_trotz_austauschziel", Profile{"ziele": {"erfahrungsaustausch"}, "umfang": {"gesamtbetrieb"},
			"verbindlichkeit": {"hoch"}}, scExpect{notTop: []ModelID{Informell}}},

		// §5: high binding, lasting duration, goal task security → formal models (H 3.2)
		{"H3.2_hohe_verbindlichkeit_formell", Profile{"verbindlichkeit": {"hoch"}}, scExpect{topIn: scFormal}},
		{"H3.2_unbefristet_formell", Profile{"dauer": {"unbefristet"}}, scExpect{topIn: scFormal}},
		{"H3.2_ziel_aufgabensicherung_formell", Profile{"ziele": {"aufgabensicherung"}}, scExpect{topIn: scFormal}},
		{"H3.2_alles_zusammen_formell", Profile{"verbindlichkeit": {"hoch"}, "dauer": {"unbefristet"},
			"ziele": {"aufgabensicherung", "erfahrungsaustausch"}}, scExpect{topIn: scFormal}},

		// §5: partners of different strength, a district serving its municipalities → scAgreements (H 3.2)
		{"H3.2_unterschiedliche_partner_vereinbarung", Profile{"partner_leistungskraft": {"unterschiedlich"}}, scExpect{topIn: scAgreements}},
		{"H3.2_landkreis_vereinbarung", Profile{"traeger": {"landkreis"}}, scExpect{topIn: scAgreements}},
		{"H3.2_landkreis_fuer_gemeinden_vereinbarung", Profile{"traeger": {"landkreis"}, "partner_leistungskraft": {"unterschiedlich"},
			"ziele": {"wirtschaftlichkeit"}, "partner_anzahl": {"8"}}, scExpect{topIn: scAgreements}},

		// §5: responsibility stays → mandatierend; moves, no new legal person → delegierend (H 3.2)
		{"H3.2_zustaendigkeit_bleibt_mandatierend", Profile{"zustaendigkeit": {"behalten"}}, scExpect{top: VereinbarungMandatierend}},
		{"H3.2_zustaendigkeit_bleibt_dienstleister_mandatierend", Profile{"zustaendigkeit": {"behalten"},
			"umfang": {"aufgabenbereich"}, "partner_leistungskraft": {"unterschiedlich"}}, scExpect{top: VereinbarungMandatierend}},
		{"H3.2_zustaendigkeit_geht_delegierend", Profile{"zustaendigkeit": {"abgeben"}}, scExpect{top: VereinbarungDelegierend}},
		{"H3.2_zustaendigkeit_geht_ohne_rechtsperson_delegierend", Profile{"zustaendigkeit": {"abgeben"},
			"neue_rechtsperson": {"nein"}, "umfang": {"gesamtbetrieb"}}, scExpect{top: VereinbarungDelegierend}},

		// §5: only single parts of a task → not zweckverband (H 3.2, explicit) — even when all else favours it
		{"H3.2_teilaufgaben_kein_zweckverband", Profile{"umfang": {"einzelaufgaben"}},
			scExpect{notTop: []ModelID{Zweckverband}, excluded: []ModelID{Zweckverband}}},
		{"H3.2_teilaufgaben_kein_zweckverband_trotz_allem", with(smallRuralZV, "umfang", "einzelaufgaben",
			"steuerung", "kollegial", "neue_rechtsperson", "ja", "bestehende_struktur", "keine"),
			scExpect{notTop: []ModelID{Zweckverband}, excluded: []ModelID{Zweckverband}}},
		// §8: a member of an existing IT-Zweckverband who wants one module is H 3.2's modular transfer
		{"S8_H3.2_modul_im_bestehenden_zweckverband", with(smallRuralZV, "umfang", "einzelaufgaben"),
			scExpect{top: Zweckverband}},

		// §5: small, rural, weak administration, complete transfer, an IT-Zweckverband exists → zweckverband (H 3.2)
		{"H3.2_leistungsschwach_zweckverband", Profile{"leistungskraft": {"gering"}}, scExpect{top: Zweckverband}},
		{"H3.2_laendlich_zweckverband", Profile{"laendlich": {"true"}}, scExpect{top: Zweckverband}},
		{"H3.2_bestehender_zweckverband", Profile{"bestehende_struktur": {"zweckverband"}}, scExpect{top: Zweckverband}},
		{"H3.2_klein_laendlich_schwach_zweckverband", smallRuralZV, scExpect{top: Zweckverband}},

		// §5: enterprise-like governance, all operations, existing AöR provider, many carriers → aoer (S)
		{"S_unternehmerische_steuerung_aoer", Profile{"steuerung": {"unternehmerisch"}}, scExpect{top: AoeR}},
		{"S_bestehende_anstalt_aoer", Profile{"bestehende_struktur": {"anstalt"}}, scExpect{top: AoeR}},
		// §8: whole operation and many members alone are situations H gives the Zweckverband
		{"S8_H3.2_gesamtbetrieb_nicht_aoer", Profile{"umfang": {"gesamtbetrieb"}}, scExpect{top: Zweckverband}},
		{"S8_H3.2_viele_mitglieder_nicht_aoer", Profile{"partner_anzahl": {"13"}}, scExpect{top: Zweckverband}},
		{"S_alles_zusammen_aoer", enterpriseAoeR, scExpect{top: AoeR}},

		// §5: neue_rechtsperson = nein → neither zweckverband nor aoer leads
		{"H3.2_keine_neue_rechtsperson_weder_zv_noch_aoer", Profile{"neue_rechtsperson": {"nein"}},
			scExpect{notTop: []ModelID{Zweckverband, AoeR}, excluded: []ModelID{Zweckverband, AoeR}}},
		{"H3.2_keine_neue_rechtsperson_trotz_zv_profil", with(smallRuralZV, "neue_rechtsperson", "nein"),
			scExpect{notTop: []ModelID{Zweckverband, AoeR}}},
		{"H3.2_keine_neue_rechtsperson_trotz_aoer_profil", with(enterpriseAoeR, "neue_rechtsperson", "nein"),
			scExpect{notTop: []ModelID{Zweckverband, AoeR}}},

		// §5/§6: aoer where the Land has no joint municipal institution → excluded with reason (Saarland)
		{"L6_saarland_keine_anstalt", with(enterpriseAoeR, "bundesland", "SL"),
			scExpect{notTop: []ModelID{AoeR}, excluded: []ModelID{AoeR}}},
		{"L6_andere_laender_mit_anstalt", with(enterpriseAoeR, "bundesland", "MV"), scExpect{top: AoeR}},
		{"L6_sachsen_keine_anstalt", with(enterpriseAoeR, "bundesland", "SN"),
			scExpect{notTop: []ModelID{AoeR}, excluded: []ModelID{AoeR}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.p.Validate(); err != nil {
				t.Fatalf("test profile invalid: %v", err)
			}
			tt.want.check(t, tt.p)
		})
	}
}

// The knock-out rules hold for every profile, not just the examples.
func TestKnockOutsHoldForRandomProfiles(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for i := range 3000 {
		p := scRandomProfile(rng)
		top := Score(p).Top()
		if p.Is("umfang", "einzelaufgaben") && !p.Is("bestehende_struktur", "zweckverband") && top == Zweckverband {
			t.Fatalf("profile %d: zweckverband leads with umfang=einzelaufgaben: %v", i, p)
		}
		if p.Is("neue_rechtsperson", "nein") && (top == Zweckverband || top == AoeR) {
			t.Fatalf("profile %d: %s leads with neue_rechtsperson=nein: %v", i, top, p)
		}
		if (p.Is("bundesland", "SL") || p.Is("bundesland", "SN")) && top == AoeR {
			t.Fatalf("profile %d: aoer leads in Saarland: %v", i, p)
		}
	}
}

// §6 Land facts that change the recommendation.
func TestLandRules(t *testing.T) {
	tests := []struct {
		name   string
		land   string
		model  ModelID
		flag   []string // substrings of one flag of model
		exclOK bool     // model is excluded
	}{
		{"L6_saarland_anstalt_ausgeschlossen", "SL", AoeR, nil, true},
		{"L6_sachsen_anstalt_ausgeschlossen", "SN", AoeR, nil, true},
		{"L6_niedersachsen_mandat_vergaberecht_bitte_pruefen", "NI", VereinbarungMandatierend, []string{"Vergaberecht", CheckText}, false},
		{"L6_berlin_zweckverband_ausgeschlossen", "BE", Zweckverband, nil, true},
		{"L6_hamburg_anstalt_ausgeschlossen", "HH", AoeR, nil, true},
		{"L6_bremen_zweckverband_bitte_pruefen", "HB", Zweckverband, []string{"nicht abschließend geklärt", CheckText}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(Profile{"bundesland": {tt.land}})
			m, _ := r.ByModel(tt.model)
			if m.Excluded != tt.exclOK {
				t.Fatalf("excluded = %v, want %v (%s)", m.Excluded, tt.exclOK, m.Exclusion)
			}
			if tt.exclOK && (!strings.Contains(m.Exclusion, r.Land.Name) || !strings.Contains(m.ExclusionSrc, r.Land.Abbrev)) {
				t.Errorf("exclusion %q (%s) does not name the Land and its law", m.Exclusion, m.ExclusionSrc)
			}
			if tt.flag == nil {
				return
			}
			for _, f := range m.Flags {
				ok := true
				for _, s := range tt.flag {
					ok = ok && strings.Contains(f.Text, s)
				}
				if ok {
					return
				}
			}
			t.Errorf("no flag with %q among %+v", tt.flag, m.Flags)
		})
	}
	t.Run("L6_mv_verwaltungsgemeinschaft", func(t *testing.T) {
		r := Score(Profile{"bundesland": {"MV"}})
		f := r.Land.Forms[VereinbarungMandatierend]
		if f.Name != "Verwaltungsgemeinschaft" || !strings.Contains(f.Paragraphs.Text, "§ 167 KV M-V") {
			t.Errorf("MV mandating form = %+v", f)
		}
	})
	for _, code := range []string{"BE", "HH", "HB"} {
		t.Run("L6_stadtstaat_"+code, func(t *testing.T) {
			r := Score(Profile{"bundesland": {code}, "umfang": {"gesamtbetrieb"}})
			if r.CityState == "" || len(r.Ranking) != len(ModelIDs) {
				t.Errorf("city-state note %q, ranking %d", r.CityState, len(r.Ranking))
			}
		})
	}
}

// A contra text exists only where the rule counts against some model, and
// a contribution shows it exactly there.
func TestRuleContraReasons(t *testing.T) {
	for _, r := range Rules {
		if r.Contra == "" {
			continue
		}
		neg := false
		for _, p := range r.Points.array() {
			neg = neg || p < 0
		}
		if !neg {
			t.Errorf("%s has a contra text but counts against no model", r.ID)
		}
	}
	res := Score(Profile{"zustaendigkeit": {"behalten"}})
	for _, ms := range res.Ranking {
		for _, c := range ms.Contributions {
			if c.RuleID != "zustaendigkeit.behalten" {
				continue
			}
			mentionsMandate := strings.Contains(c.Reason, "Genau das leistet die mandatierende")
			if c.Points > 0 && !mentionsMandate {
				t.Errorf("%s pro: %q, want the rule's reason", ms.Model, c.Reason)
			}
			if c.Points < 0 && (mentionsMandate || !strings.Contains(c.Reason, "ginge sie")) {
				t.Errorf("%s contra: %q, want the contra text", ms.Model, c.Reason)
			}
		}
	}
}
