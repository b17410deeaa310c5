package report

import (
	"time"

	"ikz/model"
)

// The fixture tells a small story: four municipalities of a rural district
// start with informal exchange (Nov 2025), agree on a mandating agreement at
// their first review (Mar 2026), and a year later (Mar 2027) want to hand
// over the whole support area. The clock is fixed so the goldens are stable.

var (
	mez       = time.FixedZone("MEZ", 3600)
	fixedNow  = time.Date(2027, 3, 15, 10, 30, 0, 0, mez)
	fixtureID = "k7q2m9x4"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 16, 0, 0, 0, mez) }

// startProfile is the profile of the first snapshot.
func startProfile() model.Profile {
	return model.Profile{
		"bundesland":             {"NW"},
		"traeger":                {"landkreis"},
		"leistungskraft":         {"mittel"},
		"partner_leistungskraft": {"unterschiedlich"},
		"partner_anzahl":         {"4"},
		"laendlich":              {"true"},
		"ziele":                  {"erfahrungsaustausch", "servicequalitaet"},
		"aufgabenfelder":         {"service_betrieb"},
		"umfang":                 {"austausch"},
		"zustaendigkeit":         {"behalten"},
		"verbindlichkeit":        {"gering"},
		"neue_rechtsperson":      {"nein"},
		"bestehende_struktur":    {"keine"},
		"regionale_naehe":        {"erforderlich"},
		"ressourcen":             {"gering"},
	}
}

func reviewProfile() model.Profile {
	p := startProfile()
	p["ziele"] = model.Answer{"wirtschaftlichkeit", "servicequalitaet"}
	p["umfang"] = model.Answer{"einzelaufgaben"}
	p["verbindlichkeit"] = model.Answer{"mittel"}
	p["ressourcen"] = model.Answer{"mittel"}
	return p
}

func currentProfile() model.Profile {
	p := reviewProfile()
	p["ziele"] = model.Answer{"wirtschaftlichkeit", "aufgabensicherung", "servicequalitaet"}
	p["aufgabenfelder"] = model.Answer{"service_betrieb", "finanzierung_beschaffung"}
	p["umfang"] = model.Answer{"aufgabenbereich"}
	p["zustaendigkeit"] = model.Answer{"abgeben"}
	p["verbindlichkeit"] = model.Answer{"hoch"}
	p["dauer"] = model.Answer{"unbefristet"}
	return p
}

func fixtureSession() *model.Session {
	s := &model.Session{
		ID:               fixtureID,
		Title:            "Schul-IT-Verbund Kreis Auental",
		Traeger:          "Kreis Auental",
		Municipalities:   []string{"Kreis Auental", "Stadt Lindenhagen", "Gemeinde Birkenfelde", "Stadt Auental-Nord"},
		Participants:     []model.Participant{{ID: "p1", Name: "Stadt Lindenhagen"}, {ID: "p2", Name: "Gemeinde Birkenfelde"}},
		Profile:          currentProfile(),
		Created:          day(2025, time.November, 20),
		Updated:          day(2027, time.March, 15),
		CatalogueVersion: model.CatalogueVersion,
		Notes: map[string]string{
			"s.bedarf.aufgaben": "Support an 38 Schulen; Lindenhagen und Birkenfelde haben je nur eine halbe Stelle.\n" +
				"Vertretung bei Urlaub und Krankheit fehlt.",
			"s.bedarf.ziele":         "Reaktionszeit im Support unter 2 Arbeitstagen; gemeinsame Beschaffung | Rahmenvertrag.",
			"s.partner.referenz":     "Gespräch mit dem Nachbarkreis über dessen Vereinbarung (Vorlage <Entwurf v2>).",
			"s.akteure.politik":      "Schulausschüsse im Mai informieren; Kreistag im Juni.",
			"r.ziele.konkret":        "1. Ticketsystem für alle Schulen\n2. gemeinsamer Rahmenvertrag Endgeräte\n- danach: Service-Desk",
			"r.umsetzung.agenda":     "Steuerkreis zweimal im Jahr; Jour fixe der IT-Leitungen alle zwei Wochen.",
			"v.bewertung.ziele":      "Support-Ziel erreicht, Beschaffung verzögert.",
			"v.bewertung.rahmen":     "Neue Förderrichtlinie des Landes; zwei zusätzliche Schulen ab 2028.",
			"v.bewertung.governance": "Steuerkreis arbeitet gut; die Koordinationsstelle braucht eine Vertretung.",
		},
		QuickCheck: map[string]model.QuickEntry{
			"qc.s1": {Status: model.StatusErledigt, Note: "Support und Beschaffung"},
			"qc.s2": {Status: model.StatusErledigt},
			"qc.s3": {Status: model.StatusErledigt, Note: "Landesangebot geprüft: deckt den Vor-Ort-Support nicht ab"},
			"qc.s4": {Status: model.StatusErledigt},
			"qc.s5": {Status: model.StatusErledigt},
			"qc.r1": {Status: model.StatusErledigt},
			"qc.r2": {Status: model.StatusInArbeit, Note: "Personalübergang noch offen"},
			"qc.r3": {Status: model.StatusErledigt},
			"qc.r4": {Status: model.StatusErledigt},
			"qc.v1": {Status: model.StatusInArbeit},
			"qc.v2": {Status: model.StatusNichtRelev, Note: "kommt mit der nächsten Geschäftsordnung"},
		},
		Measures: []model.Measure{
			{ID: "m1", Title: "Gemeinsames Ticketsystem für alle Schulen einführen", Responsible: "Koordinationsstelle",
				Indicator: "alle 38 Schulen melden Störungen über das Ticketsystem", Due: "2026-09-30",
				Status: model.MeasureErledigt, Phase: model.PhaseRealisierung},
			{ID: "m2", Title: "Rahmenvertrag Endgeräte ausschreiben", Responsible: "Vergabestelle des Kreises",
				Indicator: "Zuschlag erteilt, alle Partner können abrufen", Due: "2027-01-31",
				Status: model.MeasureLaufend, Phase: model.PhaseRealisierung},
			{ID: "m3", Title: "Agenda der jährlichen Überprüfung festlegen", Responsible: "Steuerkreis",
				Indicator: "Agenda beschlossen und an alle Partner verschickt", Due: "2026-12-15",
				Status: model.MeasureGeplant, Phase: model.PhaseVerstetigung},
			{ID: "m4", Title: "Entwurf der delegierenden Vereinbarung abstimmen", Responsible: "Rechtsamt des Kreises",
				Indicator: "Entwurf in allen vier Räten beraten", Due: "2027-06-30",
				Status: model.MeasureGeplant, Phase: model.PhaseRealisierung},
			{ID: "m5", Title: "Serverräume zusammenlegen", Responsible: "IT-Leitungen",
				Indicator: "ein gemeinsamer Serverraum in Betrieb", Due: "2026-11-30",
				Status: model.MeasureVerworfen},
		},
		Decisions: []model.Decision{
			{Model: model.Informell, Reason: "Erst Erfahrungen sammeln, bevor wir etwas vertraglich binden.",
				At: day(2025, time.November, 20), Computed: model.Informell},
			{Model: model.VereinbarungMandatierend, Reason: "Support gemeinsam organisieren; die Zuständigkeit bleibt bei jeder Kommune.",
				At: day(2026, time.March, 10), Computed: model.VereinbarungMandatierend},
		},
		Reviews: []model.Review{
			{ID: "r1", At: day(2026, time.March, 10), SnapshotID: "snap2",
				Participants: []string{"Landrätin", "IT-Leitungen der vier Kommunen", "Schulamt"},
				Answers: map[string]string{
					"eval.ziele":      "Austausch läuft gut; beim Support fehlt Verbindlichkeit.",
					"eval.rahmen":     "Mehr Endgeräte durch den Digitalpakt.",
					"eval.umsetzung":  "Ticketsystem ausgewählt.",
					"eval.governance": "Arbeitsgruppe reicht nicht mehr – Steuerkreis einrichten.",
				}},
			{ID: "r2", At: day(2027, time.March, 15), SnapshotID: "snap3",
				Participants: []string{"Landrätin", "Steuerkreis", "Koordinationsstelle"},
				Answers: map[string]string{
					"eval.ziele":      "Support-Ziel erreicht (Reaktionszeit 1,5 Tage); Beschaffung verzögert.",
					"eval.rahmen":     "Neue Förderrichtlinie; zwei weitere Schulen ab 2028.",
					"eval.umsetzung":  "Ticketsystem läuft; Rahmenvertrag hängt in der Vergabe.",
					"eval.governance": "Koordinationsstelle braucht eine Vertretung.",
				}},
		},
		Efficiency: &model.Efficiency{
			Years:         5,
			PersonnelNow:  186000,
			PersonnelWith: 151000,
			MaterialNow:   94000,
			MaterialWith:  82000,
			OneOffWith:    45000,
			StaffNow:      2.5,
			StaffWith:     2,
		},
	}
	return s
}

// fixtureSnapshots are the states at the start, at the first review and at
// the second review (the latter equal to the current state).
func fixtureSnapshots() []Snapshot {
	start := fixtureSession()
	start.Profile = startProfile()
	start.Updated = day(2025, time.November, 20)
	start.QuickCheck = map[string]model.QuickEntry{"qc.s1": {Status: model.StatusInArbeit}}
	start.Measures = nil
	start.Decisions = start.Decisions[:1]
	start.Reviews = nil

	review := fixtureSession()
	review.Profile = reviewProfile()
	review.Updated = day(2026, time.March, 10)
	review.QuickCheck = map[string]model.QuickEntry{
		"qc.s1": {Status: model.StatusErledigt}, "qc.s2": {Status: model.StatusErledigt},
		"qc.s3": {Status: model.StatusInArbeit}, "qc.s5": {Status: model.StatusErledigt},
		"qc.r1": {Status: model.StatusInArbeit},
	}
	review.Measures = []model.Measure{review.Measures[0], review.Measures[1], review.Measures[2], review.Measures[4]}
	review.Measures[0].Status = model.MeasureLaufend
	review.Measures[1].Status = model.MeasureGeplant
	review.Measures[3].Status = model.MeasureGeplant
	review.Reviews = review.Reviews[:1]

	return []Snapshot{
		{ID: "snap1", Label: "Start", At: day(2025, time.November, 20), Session: start},
		{ID: "snap2", Label: "Review 2026", At: day(2026, time.March, 10), Session: review},
		{ID: "snap3", Label: "Review 2027", At: day(2027, time.March, 15), Session: fixtureSession()},
	}
}

func fixtureData() Data {
	s := fixtureSession()
	snaps := fixtureSnapshots()
	d := Data{Session: s, Result: model.Score(s.Profile), Snapshots: snaps, Generated: fixedNow}
	d.ComparedWith, d.LastComparison = LastComparison(s, snaps, fixedNow)
	return d
}
