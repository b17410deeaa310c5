package model

// The catalogue of version 1 as data: the three phases of the Handreichung
// (H 4) with every list of guiding questions and the quick check of H 5.
// Texts are our own German wording; Source names the section they rest on.
// IDs are stable: once released, an ID keeps its meaning (see RetiredIDs).

// The four review questions of H 4.3, shared by the Verstetigung guiding
// questions and EvaluationQuestions so both always read the same.
const (
	textEvalZiele      = "Erreicht die Zusammenarbeit die Ziele, die vereinbart wurden?"
	textEvalRahmen     = "Haben sich die Rahmenbedingungen so verändert, dass die Ziele angepasst werden sollten?"
	textEvalUmsetzung  = "Kommt die fachliche Umsetzung des gemeinsamen Vorhabens wie geplant voran?"
	textEvalGovernance = "Passt die vereinbarte Steuerungs- und Kommunikationsstruktur (Governance) noch, oder braucht sie Änderungen?"
)

// Phases lists the three phases in their natural order.
var Phases = []Phase{
	{
		ID:    PhaseSondierung,
		Title: "Vorbereitung & Sondierung",
		Short: "Sondierung",
		Summary: "Sie beschreiben Ihren eigenen Bedarf und Ihre Ziele, suchen passende Partner und ein passendes " +
			"Modell und klären, wen Sie früh mit ins Boot holen müssen. Leitgedanke für alle Phasen: " +
			"Zusammenarbeit auf Augenhöhe.",
		Source: "H 4.1",
		Groups: []QuestionGroup{
			{
				ID: "s.bedarf", Title: "Eigener Bedarf und eigene Ziele", Source: "H 4.1.1",
				Questions: []GuidingQuestion{
					{ID: "s.bedarf.aufgaben", Source: "H 4.1.1",
						Text: "Bei welchen Aufgaben wollen Sie entlastet werden, Synergien nutzen oder etwas verändern?"},
					{ID: "s.bedarf.ziele", Source: "H 4.1.1",
						Text: "Welche konkreten Ziele wollen Sie damit erreichen?"},
					{ID: "s.bedarf.mep", Source: "H 4.1.1",
						Text: "Zu welcher Phase der Medienentwicklungsplanung gehört das – Bestandsaufnahme, " +
							"Bedarfserfassung, Ausstattungskonzeption, Service- und Betriebskonzept oder " +
							"Finanzierung und Beschaffung?"},
				},
			},
			{
				ID: "s.felder", Title: "Bewährte Handlungsfelder", Source: "H 4.1.1",
				Questions: []GuidingQuestion{
					{ID: "s.felder.ausstattung", Source: "H 4.1.1",
						Text: "Ausstattungs- und Supportkonzepte: Wollen Sie diese gemeinsam entwickeln und umsetzen?"},
					{ID: "s.felder.wissen", Source: "H 4.1.1",
						Text: "Wissensmanagement: Soll ein gemeinsamer, zentraler Wissensspeicher entstehen " +
							"(Vorlagen, Anleitungen, Erfahrungen)?"},
					{ID: "s.felder.vergabe", Source: "H 4.1.1",
						Text: "Beschaffung: Wollen Sie IT gemeinsam und rechtssicher ausschreiben oder " +
							"gemeinsame Rahmenverträge nutzen?"},
					{ID: "s.felder.dienstleister", Source: "H 4.1.1",
						Text: "IT-Dienstleister: Sollen IT-Dienstleistungen gemeinsam beauftragt und gesteuert werden?"},
					{ID: "s.felder.schulen", Source: "H 4.1.1",
						Text: "Schulen: Wollen Sie die Abstimmung des Bedarfs und die Kommunikation mit den " +
							"Schulen gemeinsam organisieren?"},
				},
			},
			{
				ID: "s.partner", Title: "Partner und Modell", Source: "H 4.1.2",
				Questions: []GuidingQuestion{
					{ID: "s.partner.bedarf", Source: "H 4.1.2",
						Text: "Welche Kommunen haben einen ähnlichen oder passenden Bedarf und kommen als Partner in Frage?"},
					{ID: "s.partner.referenz", Source: "H 4.1.2",
						Text: "Gibt es Referenzprojekte zu Ihrem Vorhaben, von denen Sie lernen können?"},
					{ID: "s.partner.steuerung", Source: "H 4.1.2",
						Text: "Wie soll das Vorhaben später gesteuert und organisiert werden – wie rechtlich " +
							"verbindlich soll es sein?"},
					{ID: "s.partner.strukturen", Source: "H 4.1.2",
						Text: "Gibt es schon Strukturen oder Kooperationen, die Ihr Anliegen tragen könnten, " +
							"etwa ein Medienzentrum, ein regionales Kompetenzzentrum oder einen IT-Zweckverband?"},
					{ID: "s.partner.naehe", Source: "H 4.1.2",
						Text: "Wie viel räumliche Nähe braucht das Vorhaben – etwa für Support vor Ort – oder " +
							"lässt es sich aus der Ferne erbringen?"},
				},
			},
			{
				ID: "s.akteure", Title: "Beteiligte und Politik", Source: "H 4.1.2",
				Questions: []GuidingQuestion{
					{ID: "s.akteure.einbinden", Source: "H 4.1.2",
						Text: "Wen müssen Sie früh einbinden und vielleicht erst überzeugen?"},
					{ID: "s.akteure.politik", Source: "H 4.1.2",
						Text: "Welche politischen Linien oder Bedenken müssen Sie berücksichtigen?"},
					{ID: "s.akteure.sichtbarkeit", Source: "H 4.1.2",
						Text: "Welchen Nutzen wollen Sie nach innen und nach außen sichtbar machen?"},
				},
			},
		},
		QuickItems: []QuickItem{
			{ID: "qc.s1", Source: "H 5",
				Text: "Die Themen, die gemeinsam getragen werden sollen, sind konkret beschrieben.",
				Hint: "Am besten entlang der Phasen der Medienentwicklungsplanung."},
			{ID: "qc.s2", Source: "H 5",
				Text: "Referenzprojekte, die als Vorbild oder Vorlage dienen können, sind gesichtet.",
				Hint: "Hinweise geben z. B. die kommunalen Spitzenverbände oder die KGSt."},
			{ID: "qc.s3", Source: "H 5",
				Text: "Geprüft ist, ob bestehende Kooperationen oder zentrale Angebote das Vorhaben tragen können.",
				Hint: "z. B. Serviceangebote des Landes, regionale Kompetenzzentren, bestehende IT-Zweckverbände."},
			{ID: "qc.s4", Source: "H 5",
				Text: "Kriterien für die Wahl der Partner und des Modells (wie verbindlich?) sind festgelegt.",
				Hint: "z. B. gemeinsames Ziel, Entfernung, Leistungskraft, Größe der Partner."},
			{ID: "qc.s5", Source: "H 5",
				Text: "Die (politischen) Entscheidungsträger sind informiert und eingebunden.",
				Hint: "Am besten schon, wenn die Ziele gefunden werden."},
		},
	},
	{
		ID:    PhaseRealisierung,
		Title: "Realisierung & Umsetzung",
		Short: "Realisierung",
		Summary: "Die Partner klären gemeinsam Ziele und Erwartungen und beschreiben Maßnahmen SMART – spezifisch, " +
			"messbar, attraktiv, realistisch, terminiert. Ein Steuerkreis kümmert sich um die Weiterentwicklung, " +
			"eine Koordinationsstelle um das Tagesgeschäft.",
		Source: "H 4.2",
		Groups: []QuestionGroup{
			{
				ID: "r.ziele", Title: "Ziele klären, Erwartungen abstimmen", Source: "H 4.2.1",
				Questions: []GuidingQuestion{
					{ID: "r.ziele.konkret", Source: "H 4.2.1",
						Text: "Wie konkretisieren Sie die Ziele gemeinsam mit Ihren Partnern?"},
					{ID: "r.ziele.erwartungen", Source: "H 4.2.1",
						Text: "Wie soll das gemeinsame Vorhaben aussehen, und was erwarten die Beteiligten jeweils davon?"},
					{ID: "r.ziele.voraussetzungen", Source: "H 4.2.1",
						Text: "Welche Voraussetzungen – in jeder Verwaltung und zwischen den Kommunen – müssen " +
							"vorhanden sein oder geschaffen werden?"},
					{ID: "r.ziele.nutzen", Source: "H 4.2.1",
						Text: "Wie entsteht für jeden beteiligten Schulträger ein eigener Vorteil (Win-win)?"},
					{ID: "r.ziele.ebenen", Source: "H 4.2.1",
						Text: "Welche Zielfragen klären Sie mit den Entscheidungsträgern, welche mit der Arbeitsebene?"},
				},
			},
			{
				ID: "r.umsetzung", Title: "Umsetzung und Steuerung", Source: "H 4.2.2",
				Questions: []GuidingQuestion{
					{ID: "r.umsetzung.entwicklung", Source: "H 4.2.2",
						Text: "Welche Aufgaben dienen der Weiterentwicklung und brauchen regelmäßige Abstimmung " +
							"und Reflexion (z. B. gemeinsame IT-Strukturen, Services, Konzepte)?"},
					{ID: "r.umsetzung.agenda", Source: "H 4.2.2",
						Text: "Welche Themen gehören dafür auf die Tagesordnung, und in welchem Abstand?"},
					{ID: "r.umsetzung.doku", Source: "H 4.2.2",
						Text: "Sollen Ergebnisse festgehalten und an den Steuerkreis weitergegeben werden?"},
					{ID: "r.umsetzung.teilnehmer", Source: "H 4.2.2",
						Text: "Wer muss auf jeden Fall dabei sein, wer kann bei Bedarf hinzukommen?"},
					{ID: "r.umsetzung.tagesgeschaeft", Source: "H 4.2.2",
						Text: "Welche Aufgaben gehören dagegen zum laufenden Tagesgeschäft?"},
					{ID: "r.umsetzung.kanaele", Source: "H 4.2.2",
						Text: "Welche Abstimmungen braucht das Tagesgeschäft – wann und worüber –, und welche " +
							"Kommunikationswege passen dazu?"},
				},
			},
		},
		QuickItems: []QuickItem{
			{ID: "qc.r1", Source: "H 5",
				Text: "Die Ziele sind mit allen beteiligten Kommunen gemeinsam geklärt.",
				Hint: "Gleich klingende Ziele können Verschiedenes meinen – nachfragen lohnt sich."},
			{ID: "qc.r2", Source: "H 5",
				Text: "Die Voraussetzungen in jeder Verwaltung und zwischen den Kommunen sind bestimmt und festgehalten.",
				Hint: "Personal und Sachmittel, aber auch die technische Infrastruktur."},
			{ID: "qc.r3", Source: "H 5",
				Text: "Die Zusammenarbeit ist auf die Aufgaben (Arbeitsebene) und auf die Weiterentwicklung " +
					"(Entscheidungsebene) ausgerichtet.",
				Hint: "z. B. eine Koordinationsstelle für das Tagesgeschäft und ein Steuerkreis für die Strategie."},
			{ID: "qc.r4", Source: "H 5",
				Text: "Eine wirksame Steuerungs- und Kommunikationsstruktur (Governance) ist eingerichtet.",
				Hint: "Steuerkreis mit wenigen Regelterminen im Jahr, Arbeitsebene mit alltagstauglichen Formaten."},
		},
	},
	{
		ID:    PhaseVerstetigung,
		Title: "Verstetigung",
		Short: "Verstetigung",
		Summary: "Keine eigene Phase, sondern eine regelmäßige Überprüfung in den Gremien, die es ohnehin gibt: " +
			"Werden die Ziele erreicht, haben sich die Rahmenbedingungen geändert, funktionieren Umsetzung und Steuerung?",
		Source: "H 4.3",
		Groups: []QuestionGroup{
			{
				ID: "v.bewertung", Title: "Zusammenarbeit überprüfen", Source: "H 4.3",
				Questions: []GuidingQuestion{
					{ID: "v.bewertung.ziele", Source: "H 4.3", Text: textEvalZiele},
					{ID: "v.bewertung.rahmen", Source: "H 4.3", Text: textEvalRahmen},
					{ID: "v.bewertung.umsetzung", Source: "H 4.3", Text: textEvalUmsetzung},
					{ID: "v.bewertung.governance", Source: "H 4.3", Text: textEvalGovernance},
				},
			},
		},
		QuickItems: []QuickItem{
			{ID: "qc.v1", Source: "H 5",
				Text: "Auswertung und Reflexion sind fester Bestandteil der Governance.",
				Hint: "Ohne neue Gremien: Die Überprüfung läuft in den bestehenden Terminen mit."},
			{ID: "qc.v2", Source: "H 5",
				Text: "Festgelegt ist, welche Abläufe und Ziele regelmäßig überprüft werden (Tagesordnung).",
				Hint: "z. B. die vier Prüffragen der Verstetigung einmal im Jahr im Steuerkreis."},
		},
	},
}

// EvaluationQuestions are the four review questions of H 4.3, answered at
// each review (Session.Reviews). Same wording as the Verstetigung questions.
var EvaluationQuestions = []GuidingQuestion{
	{ID: "eval.ziele", Source: "H 4.3", Text: textEvalZiele},
	{ID: "eval.rahmen", Source: "H 4.3", Text: textEvalRahmen},
	{ID: "eval.umsetzung", Source: "H 4.3", Text: textEvalUmsetzung},
	{ID: "eval.governance", Source: "H 4.3", Text: textEvalGovernance},
}

// RetiredIDs documents how IDs of earlier catalogue versions are handled:
// old ID → new ID (answers move there) or "" (removed; the answer is kept in
// Session.Retired and shown as "nicht mehr im Katalog"). Covers guiding
// questions, quick items and evaluation questions. Empty in version 1.
var RetiredIDs = map[string]string{}

// itemPos locates an item of the catalogue: phase index, group index
// (-1 for quick items) and item index.
type itemPos struct{ phase, group, item int }

var questionIndex, quickIndex = func() (map[string]itemPos, map[string]itemPos) {
	qs, qi := map[string]itemPos{}, map[string]itemPos{}
	for p, ph := range Phases {
		for g, gr := range ph.Groups {
			for i, q := range gr.Questions {
				qs[q.ID] = itemPos{p, g, i}
			}
		}
		for i, it := range ph.QuickItems {
			qi[it.ID] = itemPos{p, -1, i}
		}
	}
	return qs, qi
}()

// PhaseByID finds a phase.
func PhaseByID(id PhaseID) (Phase, bool) {
	for _, p := range Phases {
		if p.ID == id {
			return p, true
		}
	}
	return Phase{}, false
}

// GuidingQuestionByID finds a guiding question and the phase it belongs to.
func GuidingQuestionByID(id string) (GuidingQuestion, PhaseID, bool) {
	pos, ok := questionIndex[id]
	if !ok {
		return GuidingQuestion{}, "", false
	}
	ph := Phases[pos.phase]
	return ph.Groups[pos.group].Questions[pos.item], ph.ID, true
}

// QuickItemByID finds a quick-check item and the phase it belongs to.
func QuickItemByID(id string) (QuickItem, PhaseID, bool) {
	pos, ok := quickIndex[id]
	if !ok {
		return QuickItem{}, "", false
	}
	ph := Phases[pos.phase]
	return ph.QuickItems[pos.item], ph.ID, true
}

// EvaluationQuestionByID finds one of the review questions of H 4.3.
func EvaluationQuestionByID(id string) (GuidingQuestion, bool) {
	for _, q := range EvaluationQuestions {
		if q.ID == id {
			return q, true
		}
	}
	return GuidingQuestion{}, false
}

// AllGuidingQuestionIDs lists every guiding question ID in catalogue order.
func AllGuidingQuestionIDs() []string {
	out := make([]string, 0, len(questionIndex))
	for _, ph := range Phases {
		for _, gr := range ph.Groups {
			for _, q := range gr.Questions {
				out = append(out, q.ID)
			}
		}
	}
	return out
}

// AllQuickItemIDs lists every quick-check item ID in catalogue order.
func AllQuickItemIDs() []string {
	out := make([]string, 0, len(quickIndex))
	for _, ph := range Phases {
		for _, it := range ph.QuickItems {
			out = append(out, it.ID)
		}
	}
	return out
}
