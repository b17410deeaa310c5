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
	Source string // "H 3.1", "H 3.2", "S", "H 4.1.2", …
}

// ReasonFor is the reason shown for pts points of this rule.
func (r Rule) ReasonFor(pts int) string {
	if pts < 0 && r.Contra != "" {
		return r.Contra
	}
	return r.Reason
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
	Reason   string // German; for LandForm, the Land's note replaces it when present
	Source   string // for LandForm, the law's abbreviation is appended
}

// Rules in catalogue order of their keys. Keys without a rule here
// (bundesland) act only through knock-outs and flags.
var Rules = []Rule{
	// traeger (H 3.2)
	{ID: "traeger.landkreis", Key: "traeger", Value: "landkreis", Source: "H 3.2",
		Points: Points{M: 2, D: 2},
		Reason: "Ein Kreis kann Leistungen für seine kreisangehörigen Schulträger über eine öffentlich-rechtliche Vereinbarung mittragen und so Kosten über die Größe senken."},
	{ID: "traeger.kreisfreie_stadt", Key: "traeger", Value: "kreisfreie_stadt", Source: "H 3.2, S",
		Points: Points{M: 1, D: 1, A: 1},
		Reason: "Städte arbeiten oft über Vereinbarungen mit anderen Städten oder Kreisen zusammen oder tragen, wie Schwerin, einen gemeinsamen kommunalen IT-Dienstleister."},
	{ID: "traeger.kreisangehoerige_kommune", Key: "traeger", Value: "kreisangehoerige_kommune", Source: "H 3.2",
		Points: Points{M: 1, Z: 1},
		Reason: "Kreisangehörige Schulträger sind oft klein; ihnen helfen der Kreis als Dienstleister oder ein IT-Zweckverband."},

	// leistungskraft (H 2, H 3.2)
	{ID: "leistungskraft.gering", Key: "leistungskraft", Value: "gering", Source: "H 2, H 3.2",
		Points: Points{I: -1, M: 1, D: 2, Z: 3, A: 1},
		Reason: "Wenig eigenes Personal und Geld: Entlastung bringt vor allem, Aufgaben ganz abzugeben – besonders an einen IT-Zweckverband; reiner Austausch entlastet kaum."},
	{ID: "leistungskraft.hoch", Key: "leistungskraft", Value: "hoch", Source: "H 3.2",
		Points: Points{I: 1, M: 1, D: 1, Z: -1},
		Reason: "Eine leistungsstarke Verwaltung kann Leistungen für andere mittragen oder gut allein bestehen; der Zweckverband ist vor allem für kleine Schulträger gedacht."},

	// partner_leistungskraft (H 3.2, H 4)
	{ID: "partner_leistungskraft.unterschiedlich", Key: "partner_leistungskraft", Value: "unterschiedlich", Source: "H 3.2",
		Points: Points{M: 3, D: 3},
		Reason: "Partner unterschiedlicher Leistungskraft: Dafür eignet sich die öffentlich-rechtliche Vereinbarung besonders – der Stärkere erbringt Leistungen für die anderen."},
	{ID: "partner_leistungskraft.aehnlich", Key: "partner_leistungskraft", Value: "aehnlich", Source: "H 3.2, H 4",
		Points: Points{I: 1, Z: 1, A: 1},
		Reason: "Ähnlich starke Partner können sich auf Augenhöhe austauschen oder gleichberechtigt eine gemeinsame Einrichtung tragen."},

	// partner_anzahl (H 3.2, S)
	{ID: "partner_anzahl.2", Key: "partner_anzahl", Min: 2, Max: 2, Source: "H 3.2",
		Points: Points{M: 1, D: 1, Z: -1, A: -2},
		Reason: "Bei nur zwei Beteiligten genügt meist ein Vertrag zwischen beiden; eine eigene Einrichtung lohnt sich selten."},
	{ID: "partner_anzahl.ab5", Key: "partner_anzahl", Min: 5, Source: "S, H 3.2",
		Points: Points{Z: 1, A: 2},
		Reason: "Viele Träger: Eine gemeinsame Einrichtung bündelt die Leistungen für alle (die Schweriner Anstalt hat 13 Träger)."},

	// laendlich (H 3.2)
	{ID: "laendlich.true", Key: "laendlich", Value: "true", Source: "H 3.2",
		Points: Points{Z: 2},
		Reason: "Für kleinere Schulträger im ländlichen Raum nennt die Handreichung den IT-Zweckverband als passendes Modell."},

	// ziele (H 2, H 3.1, H 3.2, S)
	{ID: "ziele.erfahrungsaustausch", Key: "ziele", Value: "erfahrungsaustausch", Source: "H 3.1",
		Points: Points{I: 3},
		Reason: "Voneinander lernen ist der Kern der informellen Zusammenarbeit: Vorlagen teilen, das Rad nicht neu erfinden."},
	{ID: "ziele.wirtschaftlichkeit", Key: "ziele", Value: "wirtschaftlichkeit", Source: "H 3.2",
		Points: Points{M: 2, D: 2, Z: 1, A: 1},
		Reason: "Kosten senken gelingt über Größenvorteile, wenn einer die Leistung für mehrere erbringt – typisch für Vereinbarungen, auch für gemeinsame Einrichtungen."},
	{ID: "ziele.aufgabensicherung", Key: "ziele", Value: "aufgabensicherung", Source: "H 3.2",
		Points: Points{M: 2, D: 2, Z: 2, A: 2},
		Reason: "Die Aufgabe dauerhaft sichern: Dafür sind die formellen Modelle gemacht."},
	{ID: "ziele.servicequalitaet", Key: "ziele", Value: "servicequalitaet", Source: "H 2, S",
		Points: Points{M: 1, D: 1, Z: 1, A: 2},
		Reason: "Einheitlich guter Service für die Schulen braucht gemeinsame Standards und einen festen Dienstleister, etwa mit zentralem Service-Desk."},

	// aufgabenfelder (H 4.1.1, H 3.2, S)
	{ID: "aufgabenfelder.bestandsaufnahme", Key: "aufgabenfelder", Value: "bestandsaufnahme", Source: "H 3.1, H 4.1.1",
		Points: Points{I: 1},
		Reason: "Für die Bestandsaufnahme helfen gemeinsame Vorlagen und Erfahrungen anderer."},
	{ID: "aufgabenfelder.bedarfserfassung", Key: "aufgabenfelder", Value: "bedarfserfassung", Source: "H 3.1, H 4.1.1",
		Points: Points{I: 1},
		Reason: "Die Bedarfserfassung mit den Schulen lässt sich gut im Austausch mit anderen Schulträgern vorbereiten."},
	{ID: "aufgabenfelder.ausstattungskonzeption", Key: "aufgabenfelder", Value: "ausstattungskonzeption", Source: "H 3.2",
		Points: Points{I: 1, Z: 1},
		Reason: "Ausstattungskonzepte lassen sich gemeinsam entwickeln; IT-Zweckverbände bieten dafür oft eigene Module an."},
	{ID: "aufgabenfelder.service_betrieb", Key: "aufgabenfelder", Value: "service_betrieb", Source: "H 3.2, S",
		Points: Points{I: -1, M: 1, D: 1, Z: 1, A: 2},
		Reason: "Support und Betrieb brauchen einen verbindlichen Träger mit Personal; Austausch allein leistet das nicht."},
	{ID: "aufgabenfelder.finanzierung_beschaffung", Key: "aufgabenfelder", Value: "finanzierung_beschaffung", Source: "H 4.1.1, H 3.2, S",
		Points: Points{M: 1, Z: 1, A: 1},
		Reason: "Gemeinsame Beschaffung über rechtssichere Ausschreibungen und Rahmenverträge braucht einen, der für alle beschafft."},

	// umfang (H 3.1, H 3.2, S)
	{ID: "umfang.austausch", Key: "umfang", Value: "austausch", Source: "H 3.1",
		Points: Points{I: 4, M: -2, D: -3, Z: -3, A: -3},
		Reason: "Es geht nur um Austausch: Dafür genügt eine Zusammenarbeit ohne rechtliche Bindung; formelle Modelle wären zu schwer."},
	{ID: "umfang.einzelaufgaben", Key: "umfang", Value: "einzelaufgaben", Source: "H 3.2",
		Points: Points{M: 3, D: 2, A: -2},
		Reason: "Nur einzelne Teilaufgaben sollen abgegeben werden: Das leistet eine Vereinbarung, bei der ein Partner genau diese Aufgaben übernimmt.",
		Contra: "Nur einzelne Teilaufgaben sollen abgegeben werden; dafür eine eigene Anstalt zu tragen, wäre zu viel Aufwand."},
	{ID: "umfang.aufgabenbereich", Key: "umfang", Value: "aufgabenbereich", Source: "H 3.1, H 3.2",
		Points: Points{I: -3, M: 1, D: 2, Z: 2, A: 1},
		Reason: "Ein ganzer Aufgabenbereich wie der Support soll übergehen: Das verlangt eine formelle Form; informell trägt das nicht."},
	{ID: "umfang.gesamtbetrieb", Key: "umfang", Value: "gesamtbetrieb", Source: "S, H 3.2",
		Points: Points{I: -4, M: -1, D: 1, Z: 2, A: 4},
		Reason: "Der gesamte operative Schul-IT-Betrieb soll übergehen: So hat Schwerin alles an eine gemeinsame Anstalt gegeben; informell ist das nicht zu leisten.",
		Contra: "Der gesamte operative Betrieb soll übergehen: Informell ist das nicht zu leisten, und bei einem Mandat bliebe die volle Verantwortung für den ganzen Betrieb bei Ihnen."},

	// zustaendigkeit (H 3.2)
	{ID: "zustaendigkeit.behalten", Key: "zustaendigkeit", Value: "behalten", Source: "H 3.2",
		Points: Points{M: 4, D: -4, Z: -3, A: -1},
		Reason: "Die Zuständigkeit soll bei Ihnen bleiben: Genau das leistet die mandatierende Vereinbarung – ein Partner arbeitet wie ein Dienstleister, die Trägerschaft bleibt.",
		Contra: "Die Zuständigkeit soll bei Ihnen bleiben; bei diesem Modell ginge sie auf eine Partnerkommune oder eine neue Rechtsperson über."},
	{ID: "zustaendigkeit.abgeben", Key: "zustaendigkeit", Value: "abgeben", Source: "H 3.2",
		Points: Points{I: -3, M: -4, D: 4, Z: 3, A: 3},
		Reason: "Die Zuständigkeit soll übergehen: an eine Partnerkommune (delegierende Vereinbarung) oder an eine neue Rechtsperson; informell oder per Mandat geht das nicht."},

	// verbindlichkeit (H 3.1, H 3.2)
	{ID: "verbindlichkeit.gering", Key: "verbindlichkeit", Value: "gering", Source: "H 3.1",
		Points: Points{I: 3, M: -1, D: -2, Z: -2, A: -2},
		Reason: "Wenig Bindung gewünscht: Die informelle Zusammenarbeit ist niedrigschwellig und rechtlich unverbindlich."},
	{ID: "verbindlichkeit.mittel", Key: "verbindlichkeit", Value: "mittel", Source: "H 3.1, H 3.2",
		Points: Points{I: 1, M: 1},
		Reason: "Mittlere Bindung: eine feste Arbeitsgruppe mit Absichtserklärung oder eine Vereinbarung, bei der die Zuständigkeit bleibt."},
	{ID: "verbindlichkeit.hoch", Key: "verbindlichkeit", Value: "hoch", Source: "H 3.2",
		Points: Points{I: -3, M: 1, D: 2, Z: 2, A: 2},
		Reason: "Hohe Verbindlichkeit und Planungssicherheit bieten nur die formellen, rechtlich bindenden Modelle."},

	// neue_rechtsperson (H 3.2); "nein" also knocks out zweckverband and aoer
	{ID: "neue_rechtsperson.nein", Key: "neue_rechtsperson", Value: "nein", Source: "H 3.2",
		Points: Points{I: 1, M: 1, D: 1},
		Reason: "Keine neue Rechtsperson: Informelle Zusammenarbeit und Vereinbarungen kommen ohne eigene Einrichtung aus."},
	{ID: "neue_rechtsperson.ja", Key: "neue_rechtsperson", Value: "ja", Source: "H 3.2",
		Points: Points{Z: 2, A: 2},
		Reason: "Sie sind bereit, eine neue Rechtsperson zu gründen oder ihr beizutreten – Voraussetzung für Zweckverband und Anstalt."},

	// steuerung (S; hidden when neue_rechtsperson = nein)
	{ID: "steuerung.kollegial", Key: "steuerung", Value: "kollegial", Source: "S",
		Points: Points{Z: 3, A: -2},
		Reason: "Kollegiale, behördenähnliche Steuerung durch eine Versammlung der Mitglieder ist der Aufbau des Zweckverbands.",
		Contra: "Gewünscht ist kollegiale, behördenähnliche Steuerung; eine Anstalt führt dagegen ein eigenverantwortlicher Vorstand wie ein Unternehmen."},
	{ID: "steuerung.unternehmerisch", Key: "steuerung", Value: "unternehmerisch", Source: "S",
		Points: Points{Z: -2, A: 4},
		Reason: "Unternehmensähnliche Steuerung mit eigenverantwortlichem Vorstand und Verwaltungsrat ist der Aufbau der Anstalt.",
		Contra: "Gewünscht ist unternehmensähnliche Steuerung; ein Zweckverband wird dagegen kollegial über die Versammlung seiner Mitglieder gesteuert."},

	// bestehende_struktur (H 4.1.2, H 3.2, S)
	{ID: "bestehende_struktur.keine", Key: "bestehende_struktur", Value: "keine", Source: "H 4.1.2",
		Points: Points{I: 1, Z: -1, A: -2},
		Reason: "Es gibt noch keine tragende Einrichtung: Eine neue müsste erst gegründet werden; klein anzufangen fällt leichter."},
	{ID: "bestehende_struktur.zweckverband", Key: "bestehende_struktur", Value: "zweckverband", Source: "H 3.2, H 4.1.2",
		Points: Points{Z: 5},
		Reason: "Ein IT-Zweckverband besteht schon: Der Beitritt und die Wahl passender Module ist der naheliegende Weg."},
	{ID: "bestehende_struktur.anstalt", Key: "bestehende_struktur", Value: "anstalt", Source: "S",
		Points: Points{Z: -1, A: 5},
		Reason: "Ein kommunaler IT-Dienstleister in Form einer Anstalt besteht schon: Träger werden und Aufgaben übertragen, wie in Schwerin.",
		Contra: "Ein kommunaler IT-Dienstleister als Anstalt besteht schon; daneben einen Zweckverband neu aufzubauen, liegt fern."},
	{ID: "bestehende_struktur.landesangebot", Key: "bestehende_struktur", Value: "landesangebot", Source: "H 4.1.2",
		Points: Points{I: 1, M: 2, Z: -1, A: -1},
		Reason: "Ein zentrales Landesangebot kann Leistungen erbringen, ohne dass die Zuständigkeit wandert; eine neue Einrichtung ist dann kaum nötig."},
	{ID: "bestehende_struktur.medienzentrum", Key: "bestehende_struktur", Value: "medienzentrum", Source: "H 3.2",
		Points: Points{M: 2, D: 2},
		Reason: "Ein (Kreis-)Medienzentrum lässt sich über eine Vereinbarung gemeinsam nutzen, auch zusammen mit der Übertragung des Supports."},

	// regionale_naehe (H 4.1.2, H 3.1)
	{ID: "regionale_naehe.erforderlich", Key: "regionale_naehe", Value: "erforderlich", Source: "H 3.1, H 4.1.2",
		Points: Points{I: 1, M: 1, D: 1},
		Reason: "Vor-Ort-Support braucht Nähe: Partner aus der Region, etwa Kreis und kreisangehörige Gemeinden, passen am besten."},
	{ID: "regionale_naehe.nicht_erforderlich", Key: "regionale_naehe", Value: "nicht_erforderlich", Source: "H 4.1.2",
		Points: Points{Z: 1, A: 1},
		Reason: "Fernleistungen wie ein gemeinsamer Service-Desk gehen auch über größere Entfernungen, etwa mit einem Dienstleister für ein großes Gebiet."},

	// ressourcen (H 3.1, H 4)
	{ID: "ressourcen.gering", Key: "ressourcen", Value: "gering", Source: "H 3.1, H 4",
		Points: Points{I: 3, D: -1, Z: -1, A: -2},
		Reason: "Wenig Mittel für den Aufbau: Von informeller Zusammenarbeit profitiert man ohne größeren Aufwand; neue Strukturen kosten Zeit und Geld."},
	{ID: "ressourcen.hoch", Key: "ressourcen", Value: "hoch", Source: "H 4",
		Points: Points{Z: 1, A: 1},
		Reason: "Genug Mittel für den Aufbau: Auch eine eigene gemeinsame Einrichtung ist zu stemmen."},

	// dauer (H 3.1, H 3.2)
	{ID: "dauer.befristet", Key: "dauer", Value: "befristet", Source: "H 3.1, H 3.2",
		Points: Points{I: 2, M: 1, D: -1, Z: -2, A: -2},
		Reason: "Auf Zeit angelegt: Austausch oder eine befristete Vereinbarung passen; eine neue Einrichtung auf Zeit lohnt nicht."},
	{ID: "dauer.unbefristet", Key: "dauer", Value: "unbefristet", Source: "H 3.2",
		Points: Points{I: -1, M: 1, D: 2, Z: 2, A: 2},
		Reason: "Auf Dauer angelegt: Die formellen Modelle geben die nötige Planungssicherheit."},
}

// KnockOuts exclude a model whatever the other answers are.
var KnockOuts = []KnockOut{
	{ID: "ko.umfang.einzelaufgaben.zweckverband", Model: Zweckverband, Key: "umfang", Value: "einzelaufgaben", Source: "H 3.2",
		Reason: "Nur einzelne Teile einer Aufgabe abzugeben (z. B. nur die Verwaltung oder nur die Technik) – dafür ist der Zweckverband laut Handreichung nicht das geeignete Format."},
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
