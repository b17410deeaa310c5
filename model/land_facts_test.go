package model

import (
	"strings"
	"testing"
)

// One row per corrected Land fact of land_law.md (items 3–15, table A),
// named after the item it rests on. Each row checks the fact's text and the
// confidence land_law.md gives it; "" fields are not checked.
func TestLandFactsPerSource(t *testing.T) {
	type part int
	const (
		paragraphs part = iota
		approval
		note
	)
	tests := []struct {
		name      string
		land      string
		model     ModelID
		part      part
		available bool
		contains  []string
		conf      Confidence
	}{
		{"item3_MV_mandat_ist_verwaltungsgemeinschaft_167", "MV", VereinbarungMandatierend, paragraphs, true, []string{"§ 167 KV M-V", "bleibt"}, Confirmed},
		{"item3_MV_vereinbarung_165_delegierend", "MV", VereinbarungDelegierend, paragraphs, true, []string{"§ 165 KV M-V", "gehen über"}, Confirmed},
		{"item3_MV_165_Abs5_genehmigung", "MV", VereinbarungDelegierend, approval, true, []string{"Genehmigung", "§ 165 Abs. 5"}, Confirmed},
		{"item3_MV_167_genehmigung_ungeklaert", "MV", VereinbarungMandatierend, approval, true, []string{"nicht geklärt"}, Unverified},
		{"item4_NI_mandat_besteht_2_Abs1_Nr2_Abs4", "NI", VereinbarungMandatierend, paragraphs, true, []string{"§ 2 Abs. 1 S. 1 Nr. 2, Abs. 4 NKomZG"}, Confirmed},
		{"item4_NI_mandat_vergaberecht", "NI", VereinbarungMandatierend, note, true, []string{"Vergaberecht"}, Confirmed},
		{"item4_NI_mandat_anzeige_2_Abs5", "NI", VereinbarungMandatierend, approval, true, []string{"Anzeige", "§ 2 Abs. 5 S. 1"}, Confirmed},
		{"item4_NI_zweckvereinbarung_nur_delegierend", "NI", VereinbarungDelegierend, paragraphs, true, []string{"§§ 5–6 NKomZG", "allen Rechten und Pflichten"}, Confirmed},
		{"item4_NI_zweckvereinbarung_genehmigung_5_Abs6", "NI", VereinbarungDelegierend, approval, true, []string{"§ 5 Abs. 6"}, Partly},
		{"item4_NI_anstalt_nur_anzeige_sechs_wochen", "NI", AoeR, approval, true, []string{"Nur Anzeige", "sechs Wochen"}, Confirmed},
		{"item5_SL_keine_anstalt", "SL", AoeR, note, false, []string{"§ 1 KGG"}, Confirmed},
		{"item6_RP_zweckvereinbarung_beiden_zugute", "RP", VereinbarungMandatierend, note, true, []string{"zugutekommen", "§ 54 VwVfG"}, Partly},
		{"item7_SH_mandat_ist_verwaltungsgemeinschaft_19a", "SH", VereinbarungMandatierend, paragraphs, true, []string{"§ 19a GkZ", "Medienzentrums"}, Confirmed},
		{"item7_SH_18_delegierend", "SH", VereinbarungDelegierend, paragraphs, true, []string{"§§ 18–19 GkZ", "gehen über"}, Confirmed},
		{"item7_SH_18_Abs5_genehmigung_ungeklaert", "SH", VereinbarungDelegierend, approval, true, []string{"§ 18 Abs. 5"}, Unverified},
		{"item8_BE_kein_zweckverband", "BE", Zweckverband, note, false, []string{"keine eigene Rechtspersönlichkeit"}, Confirmed},
		{"item8_BE_keine_anstalt", "BE", AoeR, note, false, []string{"keine eigene Rechtspersönlichkeit"}, Confirmed},
		{"item8_BE_vereinbarung_ungeklaert", "BE", VereinbarungMandatierend, paragraphs, true, nil, Unverified},
		{"item8_HH_kein_zweckverband", "HH", Zweckverband, note, false, []string{"Einheitsgemeinde"}, Confirmed},
		{"item8_HH_keine_anstalt", "HH", AoeR, note, false, []string{"Einheitsgemeinde"}, Confirmed},
		{"item9_HB_zweckverband_ungeklaert", "HB", Zweckverband, paragraphs, true, []string{"nicht geklärt"}, Unverified},
		{"item10_SN_keine_anstalt_keine_kommunale_AoeR", "SN", AoeR, note, false, []string{"§ 2 Abs. 1 SächsKomZG", "§ 95 Abs. 1 SächsGemO"}, Confirmed},
		{"item10_SN_mandat_71_Abs2", "SN", VereinbarungMandatierend, paragraphs, true, []string{"§ 71 Abs. 2 SächsKomZG", "Trägerschaft bleibt"}, Confirmed},
		{"item10_SN_mandat_genehmigungsfrei_72_Abs1_S3", "SN", VereinbarungMandatierend, approval, true, []string{"Keine Genehmigung", "§ 72 Abs. 1 S. 3"}, Confirmed},
		{"item10_SN_delegation_genehmigung_72_Abs1_S3", "SN", VereinbarungDelegierend, approval, true, []string{"Genehmigung", "§ 72 Abs. 1 S. 3"}, Confirmed},
		{"item11_TH_anstalt_44_mit_76b_ThuerKO", "TH", AoeR, paragraphs, true, []string{"§ 44 ThürKGG", "§ 76b ThürKO"}, Partly},
		{"item11_TH_zweckvereinbarung_11_ungeklaert", "TH", VereinbarungDelegierend, approval, true, []string{"§ 11 ThürKGG"}, Unverified},
		{"item12_BY_uebertragung_7_Abs2", "BY", VereinbarungDelegierend, paragraphs, true, []string{"Art. 7 Abs. 2 KommZG"}, Confirmed},
		{"item12_BY_nachrangig_7_Abs2_S2", "BY", VereinbarungDelegierend, note, true, []string{"nachrangig"}, Confirmed},
		{"item12_BY_durchfuehrung_7_Abs3_befugnisse_bleiben", "BY", VereinbarungMandatierend, paragraphs, true, []string{"Art. 7 Abs. 3 KommZG", "Art. 8 Abs. 3"}, Confirmed},
		{"item13_HE_mandat_anzeige_26", "HE", VereinbarungMandatierend, approval, true, []string{"Anzeige", "§ 26 KGG"}, Confirmed},
		{"item13_HE_delegation_genehmigung_26", "HE", VereinbarungDelegierend, approval, true, []string{"Genehmigung", "§ 26 KGG"}, Confirmed},
		{"item14_ST_mandat_rechte_bleiben_4_Abs2", "ST", VereinbarungMandatierend, paragraphs, true, []string{"§ 4 Abs. 2"}, Confirmed},
		{"item14_ST_genehmigung_kriterium_offen", "ST", VereinbarungDelegierend, approval, true, []string{"§ 5 Abs. 3 GKG-LSA"}, Partly},
		{"item14_ST_anstalt_1a_AnstG_fortgeltung", "ST", AoeR, note, true, []string{"§ 1a"}, Partly},
		{"item15_BB_41_ungeklaert", "BB", VereinbarungDelegierend, approval, true, []string{"§ 41 GKGBbg"}, Unverified},
		{"tableA_BW_anstalt_24a", "BW", AoeR, paragraphs, true, []string{"§§ 24a, 24b GKZ"}, Confirmed},
		{"tableA_NW_genehmigung_24_Abs2_beide", "NW", VereinbarungMandatierend, approval, true, []string{"§ 24 Abs. 2 GkG NRW"}, Confirmed},
		{"tableA_MV_kommunalunternehmen_nur_anzeige_167c", "MV", AoeR, approval, true, []string{"Nur Anzeige", "§ 167c"}, Confirmed},
		{"tableA_SL_mandat_anzeige_18_Abs1", "SL", VereinbarungMandatierend, approval, true, []string{"Anzeige", "§ 18 Abs. 1 KGG"}, Confirmed},
		{"tableA_RP_genehmigung_12_Abs2", "RP", VereinbarungDelegierend, approval, true, []string{"Genehmigung", "§ 12 Abs. 2 KomZG"}, Confirmed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := LandByCode(tt.land)
			if !ok {
				t.Fatalf("no Land %s", tt.land)
			}
			f, ok := l.Forms[tt.model]
			if !ok {
				t.Fatalf("%s has no form for %s", tt.land, tt.model)
			}
			if f.Available != tt.available {
				t.Errorf("available = %v, want %v", f.Available, tt.available)
			}
			fact := []Fact{f.Paragraphs, f.Approval, f.Note}[tt.part]
			for _, s := range tt.contains {
				if !strings.Contains(fact.Text, s) {
					t.Errorf("%q does not contain %q", fact.Text, s)
				}
			}
			if fact.Confidence != tt.conf {
				t.Errorf("confidence %s, want %s (%q)", fact.Confidence, tt.conf, fact.Text)
			}
		})
	}
}

// Land-wide approval facts with the confidence of table A.
func TestLandApprovalConfidence_tableA(t *testing.T) {
	want := map[string]Confidence{
		"BW": Partly, "BY": Confirmed, "BB": Unverified, "HE": Confirmed, "MV": Partly, "NI": Confirmed,
		"NW": Confirmed, "RP": Confirmed, "SL": Confirmed, "SN": Partly, "ST": Partly, "SH": Unverified, "TH": Unverified,
		"BE": Unverified, "HB": Unverified, "HH": Unverified,
	}
	for _, l := range Lands {
		if l.Approval.Confidence != want[l.Code] {
			t.Errorf("%s approval confidence %s, want %s", l.Code, l.Approval.Confidence, want[l.Code])
		}
	}
}

// Forms that cannot exist in a Land are excluded there, with the Land's
// reason and law, and are never ranked live (domain.md §6, land_law.md
// items 5, 8, 10).
func TestLandExclusions_items5_8_10(t *testing.T) {
	tests := []struct {
		name     string
		land     string
		excluded []ModelID
	}{
		{"item5_SL_aoer", "SL", []ModelID{AoeR}},
		{"item10_SN_aoer", "SN", []ModelID{AoeR}},
		{"item8_BE_zweckverband_aoer", "BE", []ModelID{Zweckverband, AoeR}},
		{"item8_HH_zweckverband_aoer", "HH", []ModelID{Zweckverband, AoeR}},
		{"item9_HB_nichts_ausgeschlossen", "HB", nil},
		{"tableA_NW_nichts_ausgeschlossen", "NW", nil},
	}
	// A profile that would otherwise put the AöR and the Zweckverband first.
	base := Profile{"steuerung": {"unternehmerisch"}, "umfang": {"gesamtbetrieb"}, "bestehende_struktur": {"anstalt"},
		"neue_rechtsperson": {"ja"}, "partner_anzahl": {"13"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base.Clone()
			p["bundesland"] = Answer{tt.land}
			r := Score(p)
			l, _ := LandByCode(tt.land)
			want := map[ModelID]bool{}
			for _, id := range tt.excluded {
				want[id] = true
			}
			places := Places(r.Ranking)
			for i, m := range r.Ranking {
				if m.Excluded != want[m.Model] {
					t.Errorf("%s excluded = %v, want %v", m.Model, m.Excluded, want[m.Model])
				}
				if !m.Excluded {
					continue
				}
				if places[i] != 0 || m.Score != 0 || r.Top() == m.Model {
					t.Errorf("%s excluded but ranked live: place %d score %d", m.Model, places[i], m.Score)
				}
				if !strings.Contains(m.Exclusion, l.Name) || m.ExclusionSrc == "" {
					t.Errorf("%s exclusion %q (%s) does not name the Land", m.Model, m.Exclusion, m.ExclusionSrc)
				}
			}
		})
	}
}

// Bremen and Bremerhaven are each their own Schulträger; the note must not
// assign Bremerhaven to the Senatorin (land_law.md item 9).
func TestBremenNote_item9(t *testing.T) {
	l, _ := LandByCode("HB")
	if !strings.Contains(l.CityNote, "Bremerhaven der Magistrat") || !strings.Contains(l.CityNote, "jede ist ihr eigener Schulträger") {
		t.Errorf("Bremen note: %q", l.CityNote)
	}
}
