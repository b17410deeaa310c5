package report

import (
	"time"

	"ikz/model"
)

// The workshop fixture: three municipalities of the Auental district
// answer for themselves. Bundesland and the number of partners are
// unanimous, "Ländlicher Raum" is 2:1, "Umfang" differs for everyone,
// "Verbindlichkeit" and "Ressourcen" lack an answer from one of them, and
// two quick-check items are rated (one by two, one by one). The
// facilitator has set a few joint answers.

func workshopSession() *model.Session {
	return &model.Session{
		ID:               "w3k8p2n5",
		Title:            "Workshop Schul-IT Auental",
		Traeger:          "Kreis Auental",
		Municipalities:   []string{"Stadt Lindenhagen", "Gemeinde Birkenfelde", "Stadt Auental-Nord"},
		Created:          day(2027, time.March, 1),
		Updated:          day(2027, time.March, 15),
		CatalogueVersion: model.CatalogueVersion,
		Profile: model.Profile{
			"bundesland":     {"NW"},
			"partner_anzahl": {"3"},
			"laendlich":      {"true"},
			"zustaendigkeit": {"behalten"},
		},
		QuickCheck: map[string]model.QuickEntry{"qc.s1": {Status: model.StatusErledigt}},
		Participants: []model.Participant{
			{ID: "p1", Name: "Stadt Lindenhagen",
				Profile: model.Profile{
					"bundesland": {"NW"}, "partner_anzahl": {"3"}, "laendlich": {"true"}, "umfang": {"austausch"},
					"verbindlichkeit": {"hoch"}, "ressourcen": {"gering"}, "zustaendigkeit": {"behalten"},
					"ziele": {"wirtschaftlichkeit", "servicequalitaet"},
				},
				QuickCheck: map[string]model.QuickStatus{"qc.s1": model.StatusErledigt, "qc.s2": model.StatusInArbeit}},
			{ID: "p2", Name: "Gemeinde Birkenfelde",
				Profile: model.Profile{
					"bundesland": {"NW"}, "partner_anzahl": {"3"}, "laendlich": {"true"}, "umfang": {"einzelaufgaben"},
					"verbindlichkeit": {"hoch"}, "ressourcen": {"mittel"}, "zustaendigkeit": {"behalten"},
					"ziele": {"servicequalitaet"},
				},
				QuickCheck: map[string]model.QuickStatus{"qc.s1": model.StatusErledigt}},
			{ID: "p3", Name: "Stadt Auental-Nord",
				Profile: model.Profile{
					"bundesland": {"NW"}, "partner_anzahl": {"3"}, "laendlich": {"false"}, "umfang": {"aufgabenbereich"},
					"zustaendigkeit": {"abgeben"}, "ziele": {"wirtschaftlichkeit", "servicequalitaet"},
				}},
		},
	}
}

func workshopData() Data {
	s := workshopSession()
	return Data{Session: s, Result: model.Score(s.Profile), Generated: fixedNow}
}
