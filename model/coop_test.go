package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestModelsMatchModelIDs(t *testing.T) {
	if len(Models) != len(ModelIDs) {
		t.Fatalf("%d Modelle, erwartet %d (ModelIDs)", len(Models), len(ModelIDs))
	}
	for i, id := range ModelIDs {
		if Models[i].ID != id {
			t.Errorf("Models[%d] = %q, erwartet %q (Reihenfolge von ModelIDs)", i, Models[i].ID, id)
		}
		n := 0
		for _, m := range Models {
			if m.ID == id {
				n++
			}
		}
		if n != 1 {
			t.Errorf("Modell %q kommt %d-mal vor", id, n)
		}
		if m, ok := ModelByID(id); !ok || m.ID != id {
			t.Errorf("ModelByID(%q) = %q, %v", id, m.ID, ok)
		}
	}
	if _, ok := ModelByID("gmbh"); ok {
		t.Error("ModelByID(gmbh) meldet einen Treffer")
	}
}

func TestModelNames(t *testing.T) {
	want := map[ModelID]string{
		Informell:                "Informelle Zusammenarbeit",
		VereinbarungMandatierend: "Öffentlich-rechtliche Vereinbarung (mandatierend)",
		VereinbarungDelegierend:  "Öffentlich-rechtliche Vereinbarung (delegierend)",
		Zweckverband:             "Zweckverband",
		AoeR:                     "Gemeinsame kommunale Anstalt (AöR)",
	}
	shorts := map[string]ModelID{}
	for _, m := range Models {
		if m.Name != want[m.ID] {
			t.Errorf("%s: Name %q, erwartet %q", m.ID, m.Name, want[m.ID])
		}
		if m.Short == "" || utf8.RuneCountInString(m.Short) > 14 {
			t.Errorf("%s: Kurzname %q leer oder länger als 14 Zeichen", m.ID, m.Short)
		}
		if other, dup := shorts[m.Short]; dup {
			t.Errorf("%s und %s haben denselben Kurznamen %q", m.ID, other, m.Short)
		}
		shorts[m.Short] = m.ID
		if strings.TrimSpace(m.Description) == "" || strings.TrimSpace(m.Source) == "" {
			t.Errorf("%s: Beschreibung oder Quelle fehlt", m.ID)
		}
	}
}

// bodyNames lists the names of a governance template's bodies.
func bodyNames(g Governance) string {
	names := make([]string, len(g.Bodies))
	for i, b := range g.Bodies {
		names[i] = b.Name
	}
	return strings.Join(names, " | ")
}

func TestModelGovernance(t *testing.T) {
	// Bodies each template must contain (substring of a body name).
	want := map[ModelID][]string{
		Informell:                {"Letter of Intent", "Steuerungs- oder Arbeitsgruppe", "Steuerkreis", "Koordinationsstelle"},
		VereinbarungMandatierend: {"Steuerkreis", "Koordinationsstelle"},
		VereinbarungDelegierend:  {"Steuerkreis", "Koordinationsstelle"},
		Zweckverband:             {"Steuerkreis", "Koordinationsstelle"},
		AoeR:                     {"Auftraggeber", "Steuerungsgruppe", "Jour fixe", "Serviceschein", "Abrechnung", "Service-Desk", "Eskalation"},
	}
	for _, m := range Models {
		g := m.Governance
		if g.Title == "" || g.Source == "" || len(g.Bodies) == 0 {
			t.Errorf("%s: Governance unvollständig (Titel %q, Quelle %q, %d Gremien)", m.ID, g.Title, g.Source, len(g.Bodies))
		}
		for _, b := range g.Bodies {
			if strings.TrimSpace(b.Name) == "" || strings.TrimSpace(b.Purpose) == "" || strings.TrimSpace(b.Rhythm) == "" {
				t.Errorf("%s: Gremium %q hat leere Felder", m.ID, b.Name)
			}
		}
		names := bodyNames(g)
		for _, w := range want[m.ID] {
			if !strings.Contains(names, w) {
				t.Errorf("%s: Governance ohne %q (hat: %s)", m.ID, w, names)
			}
		}
		if m.ID == AoeR && strings.Contains(names, "Steuerkreis") {
			t.Errorf("aoer: erwartet die Schweriner Vorlage, nicht den Steuerkreis (hat: %s)", names)
		}
	}
	// The rhythms of H 4.2.2 and S that users rely on.
	for _, c := range []struct {
		model  ModelID
		body   string
		rhythm string
	}{
		{Zweckverband, "Steuerkreis", "zwei Regeltermine"},
		{Zweckverband, "Koordinationsstelle", "alltagstauglich"},
		{AoeR, "Jour fixe", "wöchentlich"},
		{AoeR, "Abrechnung", "monatlich"},
		{AoeR, "Wirtschaftsplan und Serviceschein", "jährlich"},
	} {
		m, _ := ModelByID(c.model)
		found := false
		for _, b := range m.Governance.Bodies {
			if b.Name == c.body {
				found = true
				if !strings.Contains(b.Rhythm, c.rhythm) {
					t.Errorf("%s/%s: Rhythmus %q, erwartet %q", c.model, c.body, b.Rhythm, c.rhythm)
				}
			}
		}
		if !found {
			t.Errorf("%s: Gremium %q fehlt", c.model, c.body)
		}
	}
}

func TestModelChecklists(t *testing.T) {
	formal := []string{"vergabe", "ust", "personal", "austritt", "beschluss"}
	want := map[ModelID][]string{
		Informell:                {"loi", "gruppe"},
		VereinbarungMandatierend: append([]string{"vereinbarung", "rechtsaufsicht", "einrichtungen", "konflikt"}, formal...),
		VereinbarungDelegierend:  append([]string{"vereinbarung", "rechtsaufsicht", "einrichtungen", "konflikt"}, formal...),
		Zweckverband:             append([]string{"satzung", "ganz", "konflikt"}, formal...),
		AoeR:                     append([]string{"landesrecht", "satzung", "eskalation"}, formal...),
	}
	sources := map[string]string{"vergabe": "§ 108", "ust": "§ 2b UStG"}
	for _, m := range Models {
		if len(m.Checklist) == 0 {
			t.Errorf("%s: Checkliste leer", m.ID)
			continue
		}
		prefix := "chk." + string(m.ID) + "."
		topics := map[string]CheckItem{}
		for _, c := range m.Checklist {
			if !strings.HasPrefix(c.ID, prefix) {
				t.Errorf("%s: Prüfpunkt %q ohne Präfix %q", m.ID, c.ID, prefix)
			}
			if !strings.HasPrefix(c.Text, "Prüfen, ") {
				t.Errorf("%s: Prüfpunkt %q liest sich nicht als Prüfauftrag: %q", m.ID, c.ID, c.Text)
			}
			if strings.TrimSpace(c.Source) == "" {
				t.Errorf("%s: Prüfpunkt %q ohne Quelle", m.ID, c.ID)
			}
			topics[strings.TrimPrefix(c.ID, prefix)] = c
		}
		for _, w := range want[m.ID] {
			c, ok := topics[w]
			if !ok {
				t.Errorf("%s: Prüfpunkt %q fehlt", m.ID, prefix+w)
				continue
			}
			if src, ok := sources[w]; ok && !strings.Contains(c.Source, src) {
				t.Errorf("%s: Prüfpunkt %q nennt %q nicht als Quelle (%q)", m.ID, c.ID, src, c.Source)
			}
		}
	}
}

// The shared use of public facilities is an option of the agreements, not a
// model of its own (H 3.2).
func TestAgreementsOfferSharedFacilities(t *testing.T) {
	for _, m := range Models {
		agreement := m.ID == VereinbarungMandatierend || m.ID == VereinbarungDelegierend
		text := m.Description
		for _, c := range m.Checklist {
			text += " " + c.Text
		}
		has := strings.Contains(text, "gemeinsame Nutzung öffentlicher Einrichtungen")
		if agreement && !has {
			t.Errorf("%s: die gemeinsame Nutzung öffentlicher Einrichtungen fehlt", m.ID)
		}
		if !agreement && has {
			t.Errorf("%s: die gemeinsame Nutzung öffentlicher Einrichtungen gehört zu den Vereinbarungen", m.ID)
		}
	}
}

// The checklists a Schulverwaltungsamt needs first (domain.md §8), with
// the procurement nuance per model and the VAT date; the statutory organs
// in the templates; Schwerin's client steering also for the mandate.
func TestChecklistsAndTemplates_S8(t *testing.T) {
	practice := []string{"datenschutz", "vergabe", "beschaffung", "ust", "haftung", "personal", "beschluss", "austritt"}
	procurement := map[ModelID]string{
		VereinbarungMandatierend: "C-429/19", VereinbarungDelegierend: "C-51/15",
		Zweckverband: "§ 108 Abs. 4 und 5 GWB", AoeR: "§ 108 Abs. 4 und 5 GWB",
	}
	for _, m := range Models {
		topics := map[string]CheckItem{}
		for _, c := range m.Checklist {
			topics[strings.TrimPrefix(c.ID, "chk."+string(m.ID)+".")] = c
		}
		want := practice
		if m.ID == Informell {
			want = []string{"datenschutz", "beschaffung"}
		}
		for _, w := range want {
			if _, ok := topics[w]; !ok {
				t.Errorf("%s: §8 item %q missing", m.ID, w)
			}
		}
		if src, ok := procurement[m.ID]; ok && !strings.Contains(topics["vergabe"].Source, src) {
			t.Errorf("%s: procurement source %q lacks %q", m.ID, topics["vergabe"].Source, src)
		}
		if m.ID != Informell {
			if v := topics["ust"]; !strings.Contains(v.Text, VATDate) || !strings.Contains(v.Source, "§ 2b") {
				t.Errorf("%s: VAT item without its date: %+v", m.ID, v)
			}
			if !strings.Contains(topics["austritt"].Text, "Lizenzen, Geräten und Daten") {
				t.Errorf("%s: exit item lacks licences, devices and data", m.ID)
			}
		}
		if m.ID == AoeR && !strings.Contains(topics["haftung"].Text, "Gewährträgerhaftung") {
			t.Errorf("aoer: liability item %q", topics["haftung"].Text)
		}
	}
	organs := map[ModelID][]string{
		Zweckverband:             {"Verbandsversammlung", "Verbandsvorsteher"},
		AoeR:                     {"Vorstand", "Verwaltungsrat"},
		VereinbarungMandatierend: {"Serviceschein", "Jour fixe", "Eskalation"},
	}
	for id, want := range organs {
		m, _ := ModelByID(id)
		names := bodyNames(m.Governance)
		for _, w := range want {
			if !strings.Contains(names, w) {
				t.Errorf("%s: template lacks %q (%s)", id, w, names)
			}
		}
	}
}
