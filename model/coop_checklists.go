package model

// Checklist items of legal practice that a Schulverwaltungsamt asks first
// before a formal model (domain.md §8): data protection, procurement per
// model, VAT with its date, liability and financing, staff, effectiveness,
// licences and data on exit. Each is a "prüfen" item, not advice.

// VATDate is the day from which § 2b UStG applies to every public body.
const VATDate = "1.1.2027"

// practiceText is the source and text of a checklist item for one model.
type practiceText struct{ source, text string }

// practiceRow is one §8 checklist topic: its text per model, where the key
// otherModels holds what every model not named has. A topic without it has
// no item for the other models.
type practiceRow struct {
	topic string
	texts map[ModelID]practiceText
}

// otherModels is the key of practiceRow.texts for every model not named.
const otherModels ModelID = ""

const (
	dataProtectionSource = "Art. 26, 28 DSGVO; Schulgesetz des Landes"
	dataProtectionLead   = "Prüfen, wer für die Daten der Schulen verantwortlich ist und welche Datenschutzregeln des Schulgesetzes gelten; "
	liabilitySource      = "Landesrecht zur kommunalen Zusammenarbeit"
	staffSource          = "§ 4 TVöD, Beamtenrecht, Personalvertretungsrecht"
)

// practiceRows is the §8 block for a formal model, in its fixed order:
// data protection, procurement per model, joint procurement, VAT with its
// date, liability and financing, staff, effectiveness, exit.
var practiceRows = []practiceRow{
	{"datenschutz", map[ModelID]practiceText{
		VereinbarungMandatierend: {dataProtectionSource, dataProtectionLead +
			"beim Mandat bleibt jeder Schulträger verantwortlich, der ausführende Partner verarbeitet in seinem Auftrag (Vertrag zur Auftragsverarbeitung)."},
		Informell: {dataProtectionSource,
			"Prüfen, ob im Austausch personenbezogene Daten von Schulen geteilt werden; wenn ja, vorher klären, wer wofür verantwortlich ist und welche Regeln des Schulgesetzes gelten."},
		otherModels: {dataProtectionSource, dataProtectionLead +
			"je nach Gestaltung Auftragsverarbeitung oder gemeinsame Verantwortung, jeweils mit schriftlichem Vertrag."},
	}},
	{"vergabe", map[ModelID]practiceText{
		VereinbarungMandatierend: {"§ 108 Abs. 6 GWB; EuGH C-429/19",
			"Prüfen, ob das Mandat vergaberechtsfrei ist – es ist der heikelste Fall: Es muss eine echte Zusammenarbeit " +
				"mit gemeinsamen Zielen sein, nicht bloß eine bezahlte Dienstleistung gegen Kostenerstattung; in " +
				"Niedersachsen verlangt das Gesetz ausdrücklich, das Vergaberecht zu beachten."},
		VereinbarungDelegierend: {"§ 108 Abs. 6 GWB; EuGH C-51/15",
			"Prüfen, ob die Zuständigkeit wirklich mit eigener Entscheidungsfreiheit übergeht; nur dann ist die " +
				"Übertragung keine ausschreibungspflichtige Beschaffung."},
		Zweckverband: {"EuGH C-51/15; § 108 Abs. 4 und 5 GWB",
			"Prüfen, ob die Aufgabe wirklich auf den Verband übergeht und ob spätere Aufträge an ihn als Vergabe an " +
				"eine gemeinsam kontrollierte Einrichtung ohne Ausschreibung möglich sind."},
		AoeR: {"§ 108 Abs. 4 und 5 GWB",
			"Prüfen, ob die Träger die Anstalt gemeinsam kontrollieren und sie fast nur für ihre Träger arbeitet; nur " +
				"dann dürfen sie sie ohne Ausschreibung beauftragen."},
	}},
	{"beschaffung", map[ModelID]practiceText{
		otherModels: {"§ 4 VgV",
			"Prüfen, ob gemeinsam ausgeschrieben werden soll; dann in der Ausschreibung alle abrufberechtigten Stellen und " +
				"die Höchstmengen nennen."},
	}},
	{"ust", map[ModelID]practiceText{
		otherModels: {"§ 2b UStG (für alle ab " + VATDate + "), § 2b Abs. 3 Nr. 2 UStG",
			"Prüfen, ob die Leistungen zwischen den Beteiligten umsatzsteuerpflichtig sind: § 2b UStG gilt ab " + VATDate +
				" für alle Kommunen; die Ausnahme für Zusammenarbeit (§ 2b Abs. 3 Nr. 2) an ihren Voraussetzungen messen und " +
				"klären, ob per Rechnung je Leistung oder über eine Umlage abgerechnet wird. Nicht abziehbare Umsatzsteuer " +
				"kann eine Einsparung von 15 % aufzehren."},
	}},
	{"haftung", map[ModelID]practiceText{
		Zweckverband: {liabilitySource,
			"Prüfen, wie der Verband finanziert wird (Umlage und Umlageschlüssel) und wofür die Mitglieder einstehen, " +
				"wenn seine Mittel nicht reichen."},
		AoeR: {liabilitySource,
			"Prüfen, wie die Träger für die Anstalt einstehen (Anstaltslast, Gewährträgerhaftung), welches Stammkapital " +
				"nötig ist und nach welchem Schlüssel sie Kosten und Verluste tragen."},
		otherModels: {liabilitySource,
			"Prüfen, wer gegenüber Schulen und Dritten haftet, wenn etwas schiefgeht, und nach welchem Schlüssel die " +
				"Kosten verteilt und abgerechnet werden."},
	}},
	{"personal", map[ModelID]practiceText{
		VereinbarungMandatierend: {staffSource,
			"Prüfen, ob Personal abgeordnet oder gestellt werden soll, was für Beamtinnen und Beamte gilt, und den " +
				"Personalrat früh beteiligen."},
		VereinbarungDelegierend: {staffSource,
			"Prüfen, ob und wie Personal zur übernehmenden Kommune wechselt (Versetzung, Gestellung, Beamte), was mit " +
				"der Zusatzversorgung geschieht, und den Personalrat früh beteiligen."},
		otherModels: {staffSource,
			"Prüfen, ob Personal übergeleitet wird (Tarifbeschäftigte, Beamtinnen und Beamte – die neue Einrichtung " +
				"braucht dafür Dienstherrnfähigkeit), was mit der Zusatzversorgung geschieht, und den Personalrat früh beteiligen."},
	}},
	{"beschluss", map[ModelID]practiceText{
		otherModels: {"Kommunalverfassung und Gesetz über kommunale Zusammenarbeit des Landes",
			"Prüfen, was für das Wirksamwerden nötig ist: ein Beschluss in jeder beteiligten Vertretung, Genehmigung " +
				"oder Anzeige bei der Aufsicht, öffentliche Bekanntmachung – und den Zeitbedarf dafür einplanen."},
	}},
	{"austritt", map[ModelID]practiceText{
		otherModels: {"H 3.2; " + OwnInference,
			"Prüfen, wie Laufzeit, Kündigung und Ausstieg geregelt sind: Fristen, Rückübertragung von Aufgaben und " +
				"Personal, Ausgleich der Kosten – und was mit Lizenzen, Geräten und Daten der Schulen geschieht."},
	}},
}

// item is the row's checklist item for m: its own text, else the one for
// the other models, else none (the zero CheckItem).
func (r practiceRow) item(m ModelID) CheckItem {
	t, ok := r.texts[m]
	if !ok {
		if t, ok = r.texts[otherModels]; !ok {
			return CheckItem{}
		}
	}
	return CheckItem{ID: "chk." + string(m) + "." + r.topic, Source: t.source, Text: t.text}
}

// practiceItem is the item of topic for m (zero if the topic is unknown).
func practiceItem(topic string, m ModelID) CheckItem {
	for _, r := range practiceRows {
		if r.topic == topic {
			return r.item(m)
		}
	}
	return CheckItem{}
}

// dataProtectionItem: who is responsible for the school data.
func dataProtectionItem(m ModelID) CheckItem { return practiceItem("datenschutz", m) }

// jointProcurementItem: framework contracts for several Schulträger.
func jointProcurementItem(m ModelID) CheckItem { return practiceItem("beschaffung", m) }

// practiceChecklist is the §8 block for a formal model, in a fixed order.
func practiceChecklist(m ModelID) []CheckItem {
	out := make([]CheckItem, 0, len(practiceRows))
	for _, r := range practiceRows {
		out = append(out, r.item(m))
	}
	return out
}
