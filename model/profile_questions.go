package model

// Länder in the order of the profile contract (ISO 3166-2:DE suffixes).
var laenderOptions = []Option{
	{"BW", "Baden-Württemberg"}, {"BY", "Bayern"}, {"BE", "Berlin"}, {"BB", "Brandenburg"},
	{"HB", "Bremen"}, {"HH", "Hamburg"}, {"HE", "Hessen"}, {"MV", "Mecklenburg-Vorpommern"},
	{"NI", "Niedersachsen"}, {"NW", "Nordrhein-Westfalen"}, {"RP", "Rheinland-Pfalz"},
	{"SL", "Saarland"}, {"SN", "Sachsen"}, {"ST", "Sachsen-Anhalt"}, {"SH", "Schleswig-Holstein"},
	{"TH", "Thüringen"},
}

var lowMidHigh = []Option{{"gering", "gering"}, {"mittel", "mittel"}, {"hoch", "hoch"}}

// ProfileQuestions is the profile contract of domain.md §4: keys and values
// are fixed; labels and help texts are ours.
var ProfileQuestions = []ProfileQuestion{
	{Key: "bundesland", Label: "Bundesland", Kind: Single, Options: laenderOptions, Source: "H 3.2",
		Help: "Das Land bestimmt die Rechtsgrundlage und welche Formen es überhaupt gibt."},
	{Key: "traeger", Label: "Art des Schulträgers", Kind: Single, Source: "H 3.2",
		Help: "Welche Art von Gebietskörperschaft ist Ihr Schulträger?",
		Options: []Option{{"kreisfreie_stadt", "kreisfreie Stadt"}, {"landkreis", "Landkreis / Kreis"},
			{"kreisangehoerige_kommune", "kreisangehörige Stadt oder Gemeinde"},
			// catalogue 2: the Gemeindeverbände and the Schulverband, which
			// real cooperations have as members (issue 10)
			{"amt", "Amt"}, {"verbandsgemeinde", "Verbandsgemeinde"}, {"samtgemeinde", "Samtgemeinde"},
			{"schulverband", "Schulverband"}}},
	{Key: "leistungskraft", Label: "Eigene Leistungskraft", Kind: Single, Options: lowMidHigh, Source: "H 2, H 3.2",
		Help: "Wie viel Personal und Verwaltungskraft haben Sie selbst für die Schul-IT?"},
	{Key: "partner_leistungskraft", Label: "Leistungskraft der Partner", Kind: Single, Source: "H 3.2, H 4.1.2",
		Help:    "Sind die möglichen Partner ähnlich stark wie Sie oder deutlich anders aufgestellt?",
		Options: []Option{{"aehnlich", "ähnlich stark"}, {"unterschiedlich", "unterschiedlich stark"}, {"offen", "noch offen"}}},
	{Key: "partner_anzahl", Label: "Zahl der beteiligten Kommunen", Kind: Number, Min: 2, Max: 500, Source: "H 2, S",
		Help: "Wie viele Kommunen machen mit, Ihre eigene mitgezählt? (mindestens 2)"},
	{Key: "laendlich", Label: "Ländlicher Raum", Kind: Bool, Source: "H 3.2",
		Help:    "Liegt Ihr Gebiet überwiegend im ländlichen Raum?",
		Options: []Option{{"true", "ja"}, {"false", "nein"}}},
	{Key: "ziele", Label: "Ziele der Zusammenarbeit", Kind: Multi, Source: "H 2, H 4.1",
		Help: "Was wollen Sie mit der Zusammenarbeit vor allem erreichen? (mehrere möglich)",
		Options: []Option{{"erfahrungsaustausch", "voneinander lernen, Erfahrungen austauschen"},
			{"wirtschaftlichkeit", "Kosten senken, wirtschaftlicher arbeiten"},
			{"aufgabensicherung", "die Aufgabe dauerhaft sicher erfüllen"},
			{"servicequalitaet", "besseren Service für die Schulen"}}},
	{Key: "aufgabenfelder", Label: "Aufgabenfelder (Medienentwicklungsplanung)", Kind: Multi, Source: "H 4.1.1",
		Help: "Welche Phasen der Medienentwicklungsplanung soll die Zusammenarbeit tragen? (mehrere möglich)",
		Options: []Option{{"bestandsaufnahme", "Bestandsaufnahme"}, {"bedarfserfassung", "Bedarfserfassung"},
			{"ausstattungskonzeption", "Ausstattungskonzeption"}, {"service_betrieb", "Service- und Betriebskonzept"},
			{"finanzierung_beschaffung", "Finanzierung und Beschaffung"}}},
	{Key: "umfang", Label: "Umfang der Zusammenarbeit", Kind: Single, Source: "H 3.1, H 3.2",
		Help: "Wie viel soll gemeinsam getragen werden – vom Austausch bis zum ganzen Betrieb?",
		Options: []Option{{"austausch", "nur Austausch"},
			{"einzelaufgaben", "nur ein Teil einer Aufgabe (etwa allein die Verwaltung oder allein die Technik)"},
			{"aufgabenbereich", "ein ganzer Aufgabenbereich (z. B. der gesamte Support oder die Beschaffung)"},
			{"gesamtbetrieb", "der gesamte operative Schul-IT-Betrieb"}}},
	{Key: "zustaendigkeit", Label: "Zuständigkeit", Kind: Single, Source: "H 3.2",
		Help:    "Soll die rechtliche Verantwortung für die Aufgabe bei Ihnen bleiben oder übergehen?",
		Options: []Option{{"behalten", "bleibt bei uns"}, {"abgeben", "geht auf einen Partner über"}}},
	{Key: "verbindlichkeit", Label: "Gewünschte Verbindlichkeit", Kind: Single, Options: lowMidHigh, Source: "H 3.1, H 3.2",
		Help: "Wie verbindlich soll die Zusammenarbeit sein, wie viel Planungssicherheit brauchen Sie?"},
	{Key: "neue_rechtsperson", Label: "Neue Rechtsperson", Kind: Single, Source: "H 3.2",
		Help:    "Wären Sie bereit, eine neue juristische Person mit eigener Verwaltung zu gründen oder ihr beizutreten?",
		Options: []Option{{"nein", "nein"}, {"offen", "offen"}, {"ja", "ja"}}},
	{Key: "steuerung", Label: "Art der Steuerung", Kind: Single, Source: "S",
		Help:    "Lieber Versammlung der Mitglieder (behördenähnlich) oder Vorstand mit Verwaltungsrat (unternehmensähnlich)?",
		Options: []Option{{"kollegial", "kollegial, behördenähnlich"}, {"unternehmerisch", "unternehmerisch, mit Vorstand"}, {"offen", "noch offen"}},
		HideIf:  &Condition{Key: "neue_rechtsperson", Value: "nein"}},
	{Key: "bestehende_struktur", Label: "Bestehende Struktur", Kind: Single, Source: "H 4.1.2",
		Help: "Gibt es schon eine Einrichtung, die das Vorhaben tragen könnte?",
		Options: []Option{{"keine", "keine"}, {"zweckverband", "ein IT-Zweckverband"},
			{"anstalt", "ein kommunaler IT-Dienstleister als Anstalt (AöR)"},
			{"landesangebot", "ein zentrales Angebot des Landes"}, {"medienzentrum", "ein (Kreis-)Medienzentrum"},
			{"vereinbarung", "eine bestehende Vereinbarung mit den Partnern"},
			{"netzwerk", "ein regionales Netzwerk / Arbeitskreis"}}},
	{Key: "regionale_naehe", Label: "Regionale Nähe", Kind: Single, Source: "H 4.1.2",
		Help:    "Braucht das Vorhaben Nähe vor Ort (z. B. Vor-Ort-Support) oder geht es aus der Ferne?",
		Options: []Option{{"erforderlich", "erforderlich"}, {"nicht_erforderlich", "nicht erforderlich"}}},
	{Key: "ressourcen", Label: "Ressourcen für den Aufbau", Kind: Single, Options: lowMidHigh, Source: "H 3.1, H 4",
		Help: "Wie viel können Sie in den Aufbau der Zusammenarbeit stecken?"},
	{Key: "dauer", Label: "Dauer", Kind: Single, Source: "H 3.2",
		Help:    "Ist die Zusammenarbeit auf Zeit angelegt oder auf Dauer?",
		Options: []Option{{"befristet", "befristet"}, {"unbefristet", "auf Dauer"}}},
}

var profileIndex = func() map[string]int {
	m := make(map[string]int, len(ProfileQuestions))
	for i, q := range ProfileQuestions {
		m[q.Key] = i
	}
	return m
}()

// ProfileQuestionByKey finds a profile question.
func ProfileQuestionByKey(key string) (ProfileQuestion, bool) {
	i, ok := profileIndex[key]
	if !ok {
		return ProfileQuestion{}, false
	}
	return ProfileQuestions[i], true
}

// ProfileKeys lists all keys in catalogue order.
func ProfileKeys() []string {
	out := make([]string, len(ProfileQuestions))
	for i, q := range ProfileQuestions {
		out[i] = q.Key
	}
	return out
}
