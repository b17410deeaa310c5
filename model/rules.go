package model

import "strconv"

// The scoring rules as data. Each rule reads one answer of the profile and
// gives points to the five models; each knock-out excludes one model. The
// directions come from the sources (domain.md §5, §6), the weights are ours:
//
//   - ±1  a hint: the source mentions the link in passing or we infer it.
//   - ±2  a clear statement of the source for this answer.
//   - ±3  the answer is one of the source's defining criteria of the model.
//   - ±4  the answer decides between closely related models (responsibility
//     stays or moves; enterprise-like steering; exchange only; all operations).
//   - +5  an existing structure of exactly this form can simply be joined.
//
// Knock-outs are used where the sources are explicit that a model does not
// fit, or where the law does not provide the form; they guarantee that the
// model never leads, whatever the other answers.

// Points are a rule's points per model, in catalogue order: I informell,
// M vereinbarung_mandatierend, D vereinbarung_delegierend, Z zweckverband,
// A aoer. Positive points speak for a model (pro), negative against (contra).
type Points struct{ I, M, D, Z, A int }

// For returns the points for one model.
func (p Points) For(id ModelID) int {
	switch id {
	case Informell:
		return p.I
	case VereinbarungMandatierend:
		return p.M
	case VereinbarungDelegierend:
		return p.D
	case Zweckverband:
		return p.Z
	case AoeR:
		return p.A
	}
	return 0
}

func (p Points) array() [numModels]int { return [numModels]int{p.I, p.M, p.D, p.Z, p.A} }

// numModels is len(ModelIDs); the index of a model is its catalogue position.
const numModels = 5

// Rule gives points when one answer matches.
type Rule struct {
	ID  string // stable: "<key>.<value>", e.g. "umfang.austausch"
	Key string // profile key
	// Value is the Single or Bool value, or one element of a Multi answer
	// (the rule fires when the chosen set contains it). Empty for Number rules.
	Value string
	// Min and Max bound a Number answer: the rule fires when Min ≤ n and
	// (Max == 0 or n ≤ Max).
	Min, Max int
	Points   Points
	Reason   string // German: the observation and what follows for the models
	// Contra, when set, replaces Reason where the rule counts against a
	// model: a reason that names the fitting model reads wrong as the
	// contra of another one.
	Contra string
	// Pro, when set for a model, replaces Reason (and Source) where the rule
	// counts for that model: a reason that names one model must not be
	// shown as the pro point of another (domain.md §8).
	Pro    map[ModelID]Because
	Source string // "H 3.1", "H 3.2", "S", "H 4.1.2", …; OwnInference marks our own
}

// Because is a reason with its source.
type Because struct {
	Reason string
	Source string
}

// ReasonFor is the reason and source shown for pts points of this rule on
// model id.
func (r Rule) ReasonFor(id ModelID, pts int) Because {
	if pts < 0 && r.Contra != "" {
		return Because{r.Contra, r.Source}
	}
	if b, ok := r.Pro[id]; ok && pts > 0 {
		return b
	}
	return Because{r.Reason, r.Source}
}

// Matches reports whether the rule fires for answer a (already canonical).
func (r Rule) Matches(a Answer) bool {
	if r.Value == "" {
		if len(a) != 1 {
			return false
		}
		n, err := strconv.Atoi(a[0])
		return err == nil && r.inRange(n)
	}
	for _, v := range a {
		if v == r.Value {
			return true
		}
	}
	return false
}

func (r Rule) inRange(n int) bool { return n >= r.Min && (r.Max == 0 || n <= r.Max) }

// KnockOut excludes a model. It fires on an answer (Key = Value) or, with
// LandForm set, when the chosen Land's law does not provide the model's form.
type KnockOut struct {
	ID       string
	Model    ModelID
	Key      string
	Value    string
	LandForm bool
	// Unless names an answer that keeps the knock-out from firing.
	Unless *Condition
	Reason string // German; for LandForm, the Land's note replaces it when present
	Source string // for LandForm, the law's abbreviation is appended
}

// OwnInference marks a weight that is our own inference rather than a
// statement of the sources (domain.md §8): it appears in the source shown.
const OwnInference = "eigene Ableitung"

// Rules in catalogue order of their keys. Keys without a rule here
// (bundesland) act only through knock-outs and flags.
//
// Calibration (domain.md §8): the Handreichung (H) is the main source and
// never names the AöR; the only AöR evidence is the Schwerin example (S).
// So no rule gives the AöR more points than the Zweckverband, except the two
// that are the AöR's own defining marks in S: enterprise-like steering and
// an existing Anstalt. Where H assigns a situation to the Zweckverband
// (small, rural, full transfer, support handed over, many members, better
// service) the Zweckverband gets at least as much. Informal cooperation
// also serves efficiency and service (H 3.1) and suits Kreise with their
// Gemeinden and long-standing networks; scarce set-up resources are a
// driver of cooperation (H 4.1.1), not a vote for the informal form. All
// formal forms bind equally (H 3.2). A Land service is used by contract, not
// by an inter-municipal agreement.
var Rules = []Rule{
	// traeger (H 3.1, H 3.2)
	{ID: "traeger.kreisfreie_stadt", Key: "traeger", Value: "kreisfreie_stadt", Source: "H 3.2",
		Points: Points{M: 1, D: 1},
		Reason: "Kreisfreie Städte arbeiten oft über Vereinbarungen mit Nachbarstädten oder Kreisen zusammen."},
	{ID: "traeger.landkreis", Key: "traeger", Value: "landkreis", Source: "H 3.2",
		Points: Points{I: 1, M: 2, D: 2},
		Reason: "Ein Kreis kann Leistungen für seine kreisangehörigen Schulträger über eine öffentlich-rechtliche Vereinbarung mittragen und so Kosten über die Größe senken.",
		Pro:    map[ModelID]Because{Informell: {"Kreise bündeln den Austausch ihrer kreisangehörigen Schulträger oft in regionalen Arbeitskreisen.", "H 3.1"}}},
	{ID: "traeger.kreisangehoerige_kommune", Key: "traeger", Value: "kreisangehoerige_kommune", Source: "H 3.1, H 3.2",
		Points: Points{I: 1, M: 1, Z: 1},
		Reason: "Kreisangehörige Schulträger sind oft klein; ihnen helfen der Austausch im Kreis, der Kreis als Dienstleister oder ein IT-Zweckverband.",
		Pro: map[ModelID]Because{
			Informell:                {"Kreisangehörige Schulträger finden im Arbeitskreis ihres Kreises Partner zum Austausch.", "H 3.1"},
			VereinbarungMandatierend: {"Kreisangehörige Schulträger sind oft klein; der Kreis oder eine größere Nachbarkommune kann Leistungen für sie erbringen.", "H 3.2"},
			Zweckverband:             {"Kreisangehörige Schulträger sind oft klein; für kleine Träger nennt die Handreichung den IT-Zweckverband.", "H 3.2"},
		}},
	{ID: "traeger.amt", Key: "traeger", Value: "amt", Source: "H 3.1, H 3.2; " + OwnInference,
		Points: Points{I: 1, M: 1, Z: 1},
		Reason: "Ein Amt erledigt schon Verwaltungsaufgaben für seine Gemeinden; für Schul-IT kommen Austausch, der Kreis als Dienstleister oder ein IT-Zweckverband in Frage.",
		Pro:    ampPro("Ein Amt")},
	{ID: "traeger.verbandsgemeinde", Key: "traeger", Value: "verbandsgemeinde", Source: "H 3.1, H 3.2; " + OwnInference,
		Points: Points{I: 1, M: 1, Z: 1},
		Reason: "Eine Verbandsgemeinde trägt oft die Grundschulen ihrer Ortsgemeinden; für Schul-IT kommen Austausch, ein Dienstleister oder ein IT-Zweckverband in Frage.",
		Pro:    ampPro("Eine Verbandsgemeinde")},
	{ID: "traeger.samtgemeinde", Key: "traeger", Value: "samtgemeinde", Source: "H 3.1, H 3.2; " + OwnInference,
		Points: Points{I: 1, M: 1, Z: 1},
		Reason: "Eine Samtgemeinde trägt oft die Schulen ihrer Mitgliedsgemeinden; für Schul-IT kommen Austausch, ein Dienstleister oder ein IT-Zweckverband in Frage.",
		Pro:    ampPro("Eine Samtgemeinde")},
	{ID: "traeger.schulverband", Key: "traeger", Value: "schulverband", Source: "H 3.2; " + OwnInference,
		Points: Points{I: 1, M: 1, Z: 1},
		Reason: "Ein Schulverband ist selbst schon ein Zusammenschluss für Schulen; für die IT sucht er meist einen Dienstleister oder einen IT-Zweckverband.",
		Pro:    ampPro("Ein Schulverband")},

	// leistungskraft (H 2, H 3.2)
	{ID: "leistungskraft.gering", Key: "leistungskraft", Value: "gering", Source: "H 2, H 3.2",
		Points: Points{I: -1, M: 1, D: 2, Z: 3, A: 1},
		Reason: "Wenig eigenes Personal und Geld: Entlastung bringt vor allem, Aufgaben abzugeben; reiner Austausch entlastet kaum.",
		Pro: map[ModelID]Because{
			VereinbarungMandatierend: {"Wenig eigenes Personal: Ein Partner kann die Arbeit übernehmen, während die Zuständigkeit bleibt.", "H 3.2"},
			VereinbarungDelegierend:  {"Wenig eigenes Personal und Geld: Die Aufgabe ganz an eine leistungsstärkere Partnerkommune abzugeben, entlastet spürbar.", "H 3.2"},
			Zweckverband:             {"Wenig eigenes Personal und Geld: Für solche Schulträger ist der IT-Zweckverband nach der Handreichung besonders gedacht.", "H 3.2"},
			AoeR:                     {"Wenig eigenes Personal: Auch ein gemeinsamer Dienstleister in Anstaltsform kann entlasten.", "S; " + OwnInference},
		}},
	{ID: "leistungskraft.hoch", Key: "leistungskraft", Value: "hoch", Source: "H 3.2",
		Points: Points{I: 1, M: 1, D: 1, Z: -1},
		Reason: "Eine leistungsstarke Verwaltung kann Leistungen für andere mittragen oder sich im Austausch einbringen.",
		Contra: "Eine leistungsstarke Verwaltung braucht den Zweckverband weniger; er ist vor allem für kleine Schulträger gedacht."},

	// partner_leistungskraft (H 3.2, H 4)
	{ID: "partner_leistungskraft.unterschiedlich", Key: "partner_leistungskraft", Value: "unterschiedlich", Source: "H 3.2",
		Points: Points{M: 3, D: 3},
		Reason: "Partner unterschiedlicher Leistungskraft: Dafür eignet sich die öffentlich-rechtliche Vereinbarung besonders – der Stärkere erbringt Leistungen für die anderen."},
	{ID: "partner_leistungskraft.aehnlich", Key: "partner_leistungskraft", Value: "aehnlich", Source: "H 3.2, H 4",
		Points: Points{I: 1, Z: 1, A: 1},
		Reason: "Ähnlich starke Partner können sich auf Augenhöhe austauschen oder gleichberechtigt eine gemeinsame Einrichtung tragen."},

	// partner_anzahl (H 3.1, H 3.2, S)
	{ID: "partner_anzahl.2", Key: "partner_anzahl", Min: 2, Max: 2, Source: "H 3.2",
		Points: Points{M: 1, D: 1, Z: -1, A: -2},
		Reason: "Bei nur zwei Beteiligten genügt meist ein Vertrag zwischen beiden.",
		Contra: "Bei nur zwei Beteiligten lohnt sich eine eigene gemeinsame Einrichtung selten."},
	{ID: "partner_anzahl.ab5", Key: "partner_anzahl", Min: 5, Source: "H 3.2",
		Points: Points{I: 1, Z: 2, A: 1},
		Reason: "Viele Beteiligte: Eine gemeinsame Einrichtung bündelt die Leistungen für alle.",
		Pro: map[ModelID]Because{
			Informell:    {"Viele Beteiligte lassen sich gut in einem regionalen Netzwerk zusammenbringen.", "H 3.1"},
			Zweckverband: {"Viele Mitglieder: Ein IT-Zweckverband bündelt die Leistungen für alle und bietet sie als Module an.", "H 3.2"},
			AoeR:         {"Viele Träger: Auch eine gemeinsame Anstalt kann viele Kommunen bedienen (in Schwerin 13).", "S"},
		}},

	// laendlich (H 3.2)
	{ID: "laendlich.true", Key: "laendlich", Value: "true", Source: "H 3.2",
		Points: Points{Z: 2},
		Reason: "Für kleinere Schulträger im ländlichen Raum nennt die Handreichung den IT-Zweckverband als passendes Modell."},

	// ziele (H 2, H 3.1, H 3.2, S)
	{ID: "ziele.erfahrungsaustausch", Key: "ziele", Value: "erfahrungsaustausch", Source: "H 3.1",
		Points: Points{I: 3},
		Reason: "Voneinander lernen ist der Kern der informellen Zusammenarbeit: Vorlagen teilen, das Rad nicht neu erfinden."},
	{ID: "ziele.wirtschaftlichkeit", Key: "ziele", Value: "wirtschaftlichkeit", Source: "H 3.2",
		Points: Points{I: 1, M: 2, D: 2, Z: 1, A: 1},
		Reason: "Kosten senken gelingt über Größenvorteile, wenn einer die Leistung für mehrere erbringt – typisch für Vereinbarungen, auch für gemeinsame Einrichtungen.",
		Pro:    map[ModelID]Because{Informell: {"Auch der Austausch spart: Wer Vorlagen und Erfahrungen anderer nutzt, arbeitet schneller und günstiger.", "H 3.1"}}},
	{ID: "ziele.aufgabensicherung", Key: "ziele", Value: "aufgabensicherung", Source: "H 3.2",
		Points: Points{M: 2, D: 2, Z: 2, A: 2},
		Reason: "Die Aufgabe dauerhaft sichern: Dafür sind die formellen, rechtlich bindenden Modelle gemacht."},
	{ID: "ziele.servicequalitaet", Key: "ziele", Value: "servicequalitaet", Source: "H 2, H 3.2",
		Points: Points{I: 1, M: 1, D: 1, Z: 1, A: 1},
		Reason: "Besserer Service für die Schulen entsteht durch gemeinsame Standards und einen festen Dienstleister.",
		Pro:    map[ModelID]Because{Informell: {"Besserer Service entsteht auch, wenn Schulträger gute Lösungen voneinander übernehmen.", "H 3.1"}}},

	// aufgabenfelder (H 4.1.1, H 3.2, S)
	{ID: "aufgabenfelder.bestandsaufnahme", Key: "aufgabenfelder", Value: "bestandsaufnahme", Source: "H 3.1, H 4.1.1",
		Points: Points{I: 1},
		Reason: "Für die Bestandsaufnahme helfen gemeinsame Vorlagen und Erfahrungen anderer."},
	{ID: "aufgabenfelder.bedarfserfassung", Key: "aufgabenfelder", Value: "bedarfserfassung", Source: "H 3.1, H 4.1.1",
		Points: Points{I: 1},
		Reason: "Die Bedarfserfassung mit den Schulen lässt sich gut im Austausch mit anderen Schulträgern vorbereiten."},
	{ID: "aufgabenfelder.ausstattungskonzeption", Key: "aufgabenfelder", Value: "ausstattungskonzeption", Source: "H 3.1, H 3.2",
		Points: Points{I: 1, Z: 1},
		Reason: "Ausstattungskonzepte lassen sich gemeinsam entwickeln.",
		Pro:    map[ModelID]Because{Zweckverband: {"IT-Zweckverbände bieten für Ausstattungskonzepte oft eigene Module an.", "H 3.2"}}},
	{ID: "aufgabenfelder.service_betrieb", Key: "aufgabenfelder", Value: "service_betrieb", Source: "H 3.2, S",
		Points: Points{I: -1, M: 1, D: 1, Z: 1, A: 1},
		Reason: "Support und Betrieb brauchen einen verbindlichen Träger mit Personal.",
		Contra: "Support und Betrieb brauchen einen verbindlichen Träger mit Personal; Austausch allein leistet das nicht."},
	{ID: "aufgabenfelder.finanzierung_beschaffung", Key: "aufgabenfelder", Value: "finanzierung_beschaffung", Source: "H 4.1.1, H 3.2, S",
		Points: Points{M: 1, Z: 1, A: 1},
		Reason: "Gemeinsame Beschaffung über rechtssichere Ausschreibungen und Rahmenverträge braucht einen, der für alle beschafft."},

	// umfang (H 3.1, H 3.2, S)
	{ID: "umfang.austausch", Key: "umfang", Value: "austausch", Source: "H 3.1",
		Points: Points{I: 4, M: -2, D: -3, Z: -3, A: -3},
		Reason: "Es geht nur um Austausch: Dafür genügt eine Zusammenarbeit ohne rechtliche Bindung.",
		Contra: "Es geht nur um Austausch; eine formelle, rechtlich bindende Form wäre dafür zu schwer."},
	{ID: "umfang.einzelaufgaben", Key: "umfang", Value: "einzelaufgaben", Source: "H 3.2",
		Points: Points{M: 3, D: 2, A: -2},
		Reason: "Nur ein Teil einer Aufgabe soll abgegeben werden: Das leistet eine Vereinbarung, bei der ein Partner genau diesen Teil übernimmt.",
		Contra: "Nur ein Teil einer Aufgabe soll abgegeben werden; dafür eine eigene Anstalt zu tragen, wäre zu viel Aufwand."},
	{ID: "umfang.aufgabenbereich", Key: "umfang", Value: "aufgabenbereich", Source: "H 3.1, H 3.2",
		Points: Points{I: -3, M: 1, D: 2, Z: 2, A: 1},
		Reason: "Ein ganzer Aufgabenbereich wie der Support oder die Beschaffung soll übergehen: Das verlangt eine formelle Form.",
		Contra: "Ein ganzer Aufgabenbereich soll übergehen; informell trägt das nicht.",
		Pro:    map[ModelID]Because{Zweckverband: {"Ein ganzer Aufgabenbereich soll übergehen: Genau so wählen Mitglieder eines IT-Zweckverbands Module wie Support oder Beschaffung.", "H 3.2"}}},
	{ID: "umfang.gesamtbetrieb", Key: "umfang", Value: "gesamtbetrieb", Source: "H 3.2, S",
		Points: Points{I: -4, M: -1, D: 1, Z: 3, A: 3},
		Reason: "Der gesamte operative Schul-IT-Betrieb soll übergehen.",
		Contra: "Der gesamte operative Betrieb soll übergehen: Informell ist das nicht zu leisten, und bei einem Mandat bliebe die volle Verantwortung für den ganzen Betrieb bei Ihnen.",
		Pro: map[ModelID]Because{
			VereinbarungDelegierend: {"Der ganze Betrieb soll übergehen: Eine Partnerkommune kann ihn mit der Zuständigkeit übernehmen.", "H 3.2"},
			Zweckverband:            {"Der ganze Betrieb soll übergehen: Beim Zweckverband verlassen die übertragenen Aufgaben den Bereich der Mitglieder vollständig.", "H 3.2"},
			AoeR:                    {"Der ganze Betrieb soll übergehen: So hat Schwerin den gesamten operativen Schul-IT-Betrieb an eine gemeinsame Anstalt gegeben.", "S"},
		}},

	// zustaendigkeit (H 3.2)
	{ID: "zustaendigkeit.behalten", Key: "zustaendigkeit", Value: "behalten", Source: "H 3.2",
		Points: Points{M: 4, D: -4, Z: -3, A: -3},
		Reason: "Die Zuständigkeit soll bei Ihnen bleiben: Genau das leistet die mandatierende Vereinbarung – ein Partner arbeitet wie ein Dienstleister, die Trägerschaft bleibt.",
		Contra: "Die Zuständigkeit soll bei Ihnen bleiben; bei diesem Modell ginge sie auf eine Partnerkommune oder eine neue Rechtsperson über."},
	{ID: "zustaendigkeit.abgeben", Key: "zustaendigkeit", Value: "abgeben", Source: "H 3.2",
		Points: Points{I: -3, M: -4, D: 4, Z: 3, A: 3},
		Reason: "Die Zuständigkeit soll übergehen.",
		Contra: "Die Zuständigkeit soll übergehen; das geht weder informell noch per Mandat, bei dem sie bei Ihnen bliebe.",
		Pro: map[ModelID]Because{
			VereinbarungDelegierend: {"Die Zuständigkeit soll übergehen, ohne dass eine neue Rechtsperson entsteht: Das ist die delegierende Vereinbarung.", "H 3.2"},
			Zweckverband:            {"Die Zuständigkeit soll übergehen: Beim Zweckverband trägt der Verband die Aufgabe.", "H 3.2"},
			AoeR:                    {"Die Zuständigkeit soll übergehen: Auch eine gemeinsame Anstalt kann die Aufgabe als Trägerin übernehmen.", "S; " + OwnInference},
		}},

	// verbindlichkeit (H 3.1, H 3.2)
	{ID: "verbindlichkeit.gering", Key: "verbindlichkeit", Value: "gering", Source: "H 3.1, H 3.2",
		Points: Points{I: 3, M: -2, D: -2, Z: -2, A: -2},
		Reason: "Wenig Bindung gewünscht: Die informelle Zusammenarbeit ist niedrigschwellig und rechtlich unverbindlich.",
		Contra: "Wenig Bindung gewünscht; jede formelle Form bindet rechtlich."},
	{ID: "verbindlichkeit.mittel", Key: "verbindlichkeit", Value: "mittel", Source: "H 3.1, H 3.2; " + OwnInference,
		Points: Points{I: 1, M: 1, D: 1},
		Reason: "Mittlere Bindung: eine feste Arbeitsgruppe mit Absichtserklärung oder eine Vereinbarung ohne neue Einrichtung.",
		Pro:    map[ModelID]Because{Informell: {"Mittlere Bindung: Eine feste Arbeitsgruppe mit Absichtserklärung gibt Halt, ohne rechtlich zu binden.", "H 3.1"}}},
	{ID: "verbindlichkeit.hoch", Key: "verbindlichkeit", Value: "hoch", Source: "H 3.2",
		Points: Points{I: -3, M: 2, D: 2, Z: 2, A: 2},
		Reason: "Hohe Verbindlichkeit und Planungssicherheit bieten die formellen, rechtlich bindenden Modelle.",
		Pro:    map[ModelID]Because{VereinbarungMandatierend: {"Hohe Verbindlichkeit: Auch das Mandat ist eine rechtlich bindende Vereinbarung und gibt dieselbe Planungssicherheit.", "H 3.2"}},
		Contra: "Hohe Verbindlichkeit gewünscht; informell gibt es keine rechtliche Bindung."},

	// neue_rechtsperson (H 3.2); "nein" also knocks out zweckverband and aoer
	{ID: "neue_rechtsperson.nein", Key: "neue_rechtsperson", Value: "nein", Source: "H 3.2",
		Points: Points{I: 1, M: 1, D: 1},
		Reason: "Keine neue Rechtsperson gewünscht: Dieses Modell kommt ohne eigene Einrichtung aus."},
	{ID: "neue_rechtsperson.ja", Key: "neue_rechtsperson", Value: "ja", Source: "H 3.2",
		Points: Points{Z: 2, A: 1},
		Reason: "Sie sind bereit, eine neue Rechtsperson zu gründen oder ihr beizutreten.",
		Pro: map[ModelID]Because{
			Zweckverband: {"Sie sind bereit, eine neue Rechtsperson zu gründen oder ihr beizutreten: Die Handreichung nennt dafür den Zweckverband.", "H 3.2"},
			AoeR:         {"Sie sind bereit, eine neue Rechtsperson zu tragen; auch eine gemeinsame Anstalt ist eine.", "S; " + OwnInference},
		}},

	// steuerung (S; hidden when neue_rechtsperson = nein)
	{ID: "steuerung.kollegial", Key: "steuerung", Value: "kollegial", Source: "H 3.2, S",
		Points: Points{Z: 3, A: -2},
		Reason: "Kollegiale, behördenähnliche Steuerung durch eine Versammlung der Mitglieder ist der Aufbau des Zweckverbands.",
		Contra: "Gewünscht ist kollegiale, behördenähnliche Steuerung; eine Anstalt führt dagegen ein eigenverantwortlicher Vorstand wie ein Unternehmen."},
	{ID: "steuerung.unternehmerisch", Key: "steuerung", Value: "unternehmerisch", Source: "S",
		Points: Points{Z: -2, A: 4},
		Reason: "Unternehmensähnliche Steuerung mit eigenverantwortlichem Vorstand und Verwaltungsrat ist der Aufbau der Anstalt.",
		Contra: "Gewünscht ist unternehmensähnliche Steuerung; ein Zweckverband wird dagegen kollegial über die Versammlung seiner Mitglieder gesteuert."},

	// bestehende_struktur (H 3.1, H 4.1.2, H 3.2, S)
	{ID: "bestehende_struktur.keine", Key: "bestehende_struktur", Value: "keine", Source: "H 4.1.2",
		Points: Points{I: 1, Z: -1, A: -2},
		Reason: "Es gibt noch keine tragende Einrichtung: Klein anzufangen fällt leichter.",
		Contra: "Es gibt noch keine tragende Einrichtung; eine neue müsste erst gegründet werden."},
	{ID: "bestehende_struktur.zweckverband", Key: "bestehende_struktur", Value: "zweckverband", Source: "H 3.2, H 4.1.2",
		Points: Points{Z: 5},
		Reason: "Ein IT-Zweckverband besteht schon: Der Beitritt und die Wahl passender Module ist der naheliegende Weg."},
	{ID: "bestehende_struktur.anstalt", Key: "bestehende_struktur", Value: "anstalt", Source: "S",
		Points: Points{Z: -1, A: 5},
		Reason: "Ein kommunaler IT-Dienstleister in Form einer Anstalt besteht schon: Träger werden und Aufgaben übertragen, wie in Schwerin.",
		Contra: "Ein kommunaler IT-Dienstleister als Anstalt besteht schon; daneben einen Zweckverband neu aufzubauen, liegt fern."},
	{ID: "bestehende_struktur.landesangebot", Key: "bestehende_struktur", Value: "landesangebot", Source: "H 4.1.2",
		Points: Points{I: 1, Z: -1, A: -1},
		Reason: "Ein zentrales Landesangebot wird per Nutzungsvereinbarung oder Rahmenvertrag genutzt; die Schulträger können die Nutzung gemeinsam abstimmen. Zuerst das Angebot des Landes prüfen.",
		Contra: "Ein zentrales Landesangebot gibt es schon; eine neue gemeinsame Einrichtung daneben ist kaum nötig."},
	{ID: "bestehende_struktur.medienzentrum", Key: "bestehende_struktur", Value: "medienzentrum", Source: "H 3.2",
		Points: Points{M: 2, D: 2},
		Reason: "Ein (Kreis-)Medienzentrum lässt sich über eine Vereinbarung gemeinsam nutzen, auch zusammen mit der Übertragung des Supports."},
	{ID: "bestehende_struktur.vereinbarung", Key: "bestehende_struktur", Value: "vereinbarung", Source: "H 4.1.2, H 3.2; " + OwnInference,
		Points: Points{M: 2, D: 2},
		Reason: "Mit den Partnern besteht schon eine Vereinbarung: Sie lässt sich um die Schul-IT erweitern, statt etwas Neues aufzubauen."},
	{ID: "bestehende_struktur.netzwerk", Key: "bestehende_struktur", Value: "netzwerk", Source: "H 3.1, H 4.1.2",
		Points: Points{I: 3},
		Reason: "Ein regionales Netzwerk oder ein Arbeitskreis besteht schon: Darauf lässt sich aufbauen, und es ist eine gute Grundlage für einen späteren formellen Schritt."},

	// regionale_naehe (H 4.1.2, H 3.1)
	{ID: "regionale_naehe.erforderlich", Key: "regionale_naehe", Value: "erforderlich", Source: "H 3.1, H 4.1.2",
		Points: Points{I: 1, M: 1, D: 1},
		Reason: "Vor-Ort-Support braucht Nähe: Partner aus der Region, etwa Kreis und kreisangehörige Gemeinden, passen am besten."},
	{ID: "regionale_naehe.nicht_erforderlich", Key: "regionale_naehe", Value: "nicht_erforderlich", Source: "H 4.1.2",
		Points: Points{Z: 1, A: 1},
		Reason: "Fernleistungen wie ein gemeinsamer Service-Desk gehen auch über größere Entfernungen, etwa mit einem Dienstleister für ein großes Gebiet."},

	// ressourcen (H 4.1.1, H 3.1)
	{ID: "ressourcen.gering", Key: "ressourcen", Value: "gering", Source: "H 4.1.1, H 3.1",
		Points: Points{I: 1, M: 1, Z: -1, A: -2},
		Reason: "Wenig Mittel für den Aufbau sind oft gerade der Grund für Zusammenarbeit; ohne großen Aufbau geht es im Austausch oder mit einem Partner, der Leistungen erbringt.",
		Contra: "Wenig Mittel für den Aufbau: Eine neue gemeinsame Einrichtung zu gründen, kostet Zeit und Geld."},
	{ID: "ressourcen.hoch", Key: "ressourcen", Value: "hoch", Source: "H 4",
		Points: Points{Z: 1, A: 1},
		Reason: "Genug Mittel für den Aufbau: Auch eine eigene gemeinsame Einrichtung ist zu stemmen."},

	// dauer (H 3.1, H 3.2)
	{ID: "dauer.befristet", Key: "dauer", Value: "befristet", Source: "H 3.1, H 3.2",
		Points: Points{I: 2, M: 1, D: -1, Z: -2, A: -2},
		Reason: "Auf Zeit angelegt: Austausch oder eine befristete Vereinbarung passen.",
		Contra: "Auf Zeit angelegt: Zuständigkeit abzugeben oder eine neue Einrichtung auf Zeit zu gründen, lohnt kaum."},
	{ID: "dauer.unbefristet", Key: "dauer", Value: "unbefristet", Source: "H 3.2",
		Points: Points{I: -1, M: 2, D: 2, Z: 2, A: 2},
		Reason: "Auf Dauer angelegt: Die formellen Modelle geben die nötige Planungssicherheit.",
		Contra: "Auf Dauer angelegt; ohne rechtliche Bindung fehlt die Planungssicherheit."},
}

// ampPro gives the per-model pro texts shared by the Träger kinds that
// already bundle several municipalities (Amt, Verbandsgemeinde, …).
func ampPro(who string) map[ModelID]Because {
	return map[ModelID]Because{
		Informell:                {who + " findet im Arbeitskreis des Kreises Partner zum Austausch.", "H 3.1; " + OwnInference},
		VereinbarungMandatierend: {who + " kann den Kreis oder eine größere Kommune Leistungen für sich erbringen lassen.", "H 3.2; " + OwnInference},
		Zweckverband:             {who + " ist oft ein kleiner Schulträger; für kleine Träger nennt die Handreichung den IT-Zweckverband.", "H 3.2; " + OwnInference},
	}
}

// KnockOuts exclude a model whatever the other answers are.
var KnockOuts = []KnockOut{
	// H 3.2 means splitting one task vertically; members of an existing
	// IT-Zweckverband choose modules (procurement, support), so the
	// knock-out does not apply to them (domain.md §8).
	{ID: "ko.umfang.einzelaufgaben.zweckverband", Model: Zweckverband, Key: "umfang", Value: "einzelaufgaben", Source: "H 3.2",
		Unless: &Condition{Key: "bestehende_struktur", Value: "zweckverband"},
		Reason: "Sie wollen nur einen Teil einer Aufgabe abgeben (etwa allein die Verwaltung oder allein die Technik); dafür hält die Handreichung den Zweckverband eher nicht für geeignet. Als Mitglied eines bestehenden IT-Zweckverbands wäre das anders: Dort wählt man Module."},
	{ID: "ko.neue_rechtsperson.nein.zweckverband", Model: Zweckverband, Key: "neue_rechtsperson", Value: "nein", Source: "H 3.2",
		Reason: "Sie wollen keine neue Rechtsperson gründen oder ihr beitreten; der Zweckverband ist eine."},
	{ID: "ko.neue_rechtsperson.nein.aoer", Model: AoeR, Key: "neue_rechtsperson", Value: "nein", Source: "H 3.2, S",
		Reason: "Sie wollen keine neue Rechtsperson gründen oder ihr beitreten; die gemeinsame Anstalt ist eine."},
	{ID: "ko.land.vereinbarung_mandatierend", Model: VereinbarungMandatierend, LandForm: true, Source: "Landesrecht",
		Reason: "Das Landesrecht sieht diese Form der Vereinbarung nicht vor."},
	{ID: "ko.land.vereinbarung_delegierend", Model: VereinbarungDelegierend, LandForm: true, Source: "Landesrecht",
		Reason: "Das Landesrecht sieht diese Form der Vereinbarung nicht vor."},
	{ID: "ko.land.zweckverband", Model: Zweckverband, LandForm: true, Source: "Landesrecht",
		Reason: "Das Landesrecht lässt hier keinen Zweckverband zu."},
	{ID: "ko.land.aoer", Model: AoeR, LandForm: true, Source: "Landesrecht",
		Reason: "Das Landesrecht sieht keine gemeinsame kommunale Anstalt vor."},
}
