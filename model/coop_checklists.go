package model

// Checklist items of legal practice that a Schulverwaltungsamt asks first
// before a formal model (domain.md §8): data protection, procurement per
// model, VAT with its date, liability and financing, staff, effectiveness,
// licences and data on exit. Each is a "prüfen" item, not advice.

// VATDate is the day from which § 2b UStG applies to every public body.
const VATDate = "1.1.2027"

func chk(m ModelID, topic, source, text string) CheckItem {
	return CheckItem{ID: "chk." + string(m) + "." + topic, Source: source, Text: text}
}

// dataProtectionItem: who is responsible for the school data.
func dataProtectionItem(m ModelID) CheckItem {
	text := "Prüfen, wer für die Daten der Schulen verantwortlich ist und welche Datenschutzregeln des Schulgesetzes gelten; "
	switch m {
	case VereinbarungMandatierend:
		text += "beim Mandat bleibt jeder Schulträger verantwortlich, der ausführende Partner verarbeitet in seinem Auftrag (Vertrag zur Auftragsverarbeitung)."
	case Informell:
		text = "Prüfen, ob im Austausch personenbezogene Daten von Schulen geteilt werden; wenn ja, vorher klären, wer wofür verantwortlich ist und welche Regeln des Schulgesetzes gelten."
		return chk(m, "datenschutz", "Art. 26, 28 DSGVO; Schulgesetz des Landes", text)
	default:
		text += "je nach Gestaltung Auftragsverarbeitung oder gemeinsame Verantwortung, jeweils mit schriftlichem Vertrag."
	}
	return chk(m, "datenschutz", "Art. 26, 28 DSGVO; Schulgesetz des Landes", text)
}

// procurementItem: the procurement nuance per model.
func procurementItem(m ModelID) CheckItem {
	switch m {
	case VereinbarungMandatierend:
		return chk(m, "vergabe", "§ 108 Abs. 6 GWB; EuGH C-429/19",
			"Prüfen, ob das Mandat vergaberechtsfrei ist – es ist der heikelste Fall: Es muss eine echte Zusammenarbeit "+
				"mit gemeinsamen Zielen sein, nicht bloß eine bezahlte Dienstleistung gegen Kostenerstattung; in "+
				"Niedersachsen verlangt das Gesetz ausdrücklich, das Vergaberecht zu beachten.")
	case VereinbarungDelegierend:
		return chk(m, "vergabe", "§ 108 Abs. 6 GWB; EuGH C-51/15",
			"Prüfen, ob die Zuständigkeit wirklich mit eigener Entscheidungsfreiheit übergeht; nur dann ist die "+
				"Übertragung keine ausschreibungspflichtige Beschaffung.")
	case Zweckverband:
		return chk(m, "vergabe", "EuGH C-51/15; § 108 Abs. 4 und 5 GWB",
			"Prüfen, ob die Aufgabe wirklich auf den Verband übergeht und ob spätere Aufträge an ihn als Vergabe an "+
				"eine gemeinsam kontrollierte Einrichtung ohne Ausschreibung möglich sind.")
	case AoeR:
		return chk(m, "vergabe", "§ 108 Abs. 4 und 5 GWB",
			"Prüfen, ob die Träger die Anstalt gemeinsam kontrollieren und sie fast nur für ihre Träger arbeitet; nur "+
				"dann dürfen sie sie ohne Ausschreibung beauftragen.")
	}
	return CheckItem{}
}

// jointProcurementItem: framework contracts for several Schulträger.
func jointProcurementItem(m ModelID) CheckItem {
	return chk(m, "beschaffung", "§ 4 VgV",
		"Prüfen, ob gemeinsam ausgeschrieben werden soll; dann in der Ausschreibung alle abrufberechtigten Stellen und "+
			"die Höchstmengen nennen.")
}

// vatItem: VAT under § 2b UStG with its date.
func vatItem(m ModelID) CheckItem {
	return chk(m, "ust", "§ 2b UStG (für alle ab "+VATDate+"), § 2b Abs. 3 Nr. 2 UStG",
		"Prüfen, ob die Leistungen zwischen den Beteiligten umsatzsteuerpflichtig sind: § 2b UStG gilt ab "+VATDate+
			" für alle Kommunen; die Ausnahme für Zusammenarbeit (§ 2b Abs. 3 Nr. 2) an ihren Voraussetzungen messen und "+
			"klären, ob per Rechnung je Leistung oder über eine Umlage abgerechnet wird. Nicht abziehbare Umsatzsteuer "+
			"kann eine Einsparung von 15 % aufzehren.")
}

// liabilityItem: Träger liability and financing per model.
func liabilityItem(m ModelID) CheckItem {
	src := "Landesrecht zur kommunalen Zusammenarbeit"
	switch m {
	case Zweckverband:
		return chk(m, "haftung", src,
			"Prüfen, wie der Verband finanziert wird (Umlage und Umlageschlüssel) und wofür die Mitglieder einstehen, "+
				"wenn seine Mittel nicht reichen.")
	case AoeR:
		return chk(m, "haftung", src,
			"Prüfen, wie die Träger für die Anstalt einstehen (Anstaltslast, Gewährträgerhaftung), welches Stammkapital "+
				"nötig ist und nach welchem Schlüssel sie Kosten und Verluste tragen.")
	}
	return chk(m, "haftung", src,
		"Prüfen, wer gegenüber Schulen und Dritten haftet, wenn etwas schiefgeht, und nach welchem Schlüssel die "+
			"Kosten verteilt und abgerechnet werden.")
}

// staffItem: staff transfer per model.
func staffItem(m ModelID) CheckItem {
	src := "§ 4 TVöD, Beamtenrecht, Personalvertretungsrecht"
	switch m {
	case VereinbarungMandatierend:
		return chk(m, "personal", src,
			"Prüfen, ob Personal abgeordnet oder gestellt werden soll, was für Beamtinnen und Beamte gilt, und den "+
				"Personalrat früh beteiligen.")
	case VereinbarungDelegierend:
		return chk(m, "personal", src,
			"Prüfen, ob und wie Personal zur übernehmenden Kommune wechselt (Versetzung, Gestellung, Beamte), was mit "+
				"der Zusatzversorgung geschieht, und den Personalrat früh beteiligen.")
	}
	return chk(m, "personal", src,
		"Prüfen, ob Personal übergeleitet wird (Tarifbeschäftigte, Beamtinnen und Beamte – die neue Einrichtung "+
			"braucht dafür Dienstherrnfähigkeit), was mit der Zusatzversorgung geschieht, und den Personalrat früh beteiligen.")
}

// effectivenessItem: council decisions, approval or notification, publication.
func effectivenessItem(m ModelID) CheckItem {
	return chk(m, "beschluss", "Kommunalverfassung und Gesetz über kommunale Zusammenarbeit des Landes",
		"Prüfen, was für das Wirksamwerden nötig ist: ein Beschluss in jeder beteiligten Vertretung, Genehmigung "+
			"oder Anzeige bei der Aufsicht, öffentliche Bekanntmachung – und den Zeitbedarf dafür einplanen.")
}

// exitItem: licences, devices and data on exit.
func exitItem(m ModelID) CheckItem {
	return chk(m, "austritt", "H 3.2; "+OwnInference,
		"Prüfen, wie Laufzeit, Kündigung und Ausstieg geregelt sind: Fristen, Rückübertragung von Aufgaben und "+
			"Personal, Ausgleich der Kosten – und was mit Lizenzen, Geräten und Daten der Schulen geschieht.")
}

// practiceChecklist is the §8 block for a formal model, in a fixed order.
func practiceChecklist(m ModelID) []CheckItem {
	return []CheckItem{dataProtectionItem(m), procurementItem(m), jointProcurementItem(m), vatItem(m),
		liabilityItem(m), staffItem(m), effectivenessItem(m), exitItem(m)}
}
