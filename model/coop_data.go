package model

// The five cooperation models of domain.md §3 as data: description,
// governance template and the preconditions to check (domain.md §7).
// Texts are our own German wording; Source names what they rest on.

// Bodies shared by the governance templates of all models but aoer (H 4.2.2, H 4.3).
var (
	bodySteuerkreis = GovernanceBody{
		Name: "Steuerkreis",
		Purpose: "Zentrales Gremium für Strategie und Weiterentwicklung: Entscheidungsebene der Schulträger, " +
			"bei Bedarf Politik und Vertretungen der Schulen. Erkennt Entwicklungen früh und gibt sie in die Umsetzung.",
		Rhythm: "selten mehr als zwei Regeltermine im Jahr",
	}
	bodyKoordination = GovernanceBody{
		Name: "Koordinationsstelle",
		Purpose: "Kümmert sich um das Tagesgeschäft: Informationsfluss zwischen den Beteiligten, Umsetzung der " +
			"Themen, Einbindung von Schulen, Medienzentren, Netzwerken oder Elternvertretungen nach Bedarf.",
		Rhythm: "laufend, in alltagstauglichen Formaten",
	}
	bodyUeberpruefung = GovernanceBody{
		Name: "Überprüfung",
		Purpose: "Die vier Prüffragen der Verstetigung (Ziele, Rahmenbedingungen, Umsetzung, Governance) " +
			"stehen auf der Tagesordnung der bestehenden Gremien – ohne eigene Strukturen.",
		Rhythm: "regelmäßig, z. B. einmal im Jahr",
	}
)

// steeringTemplate is Steuerkreis + Koordinationsstelle (H 4.2.2), used by
// the agreements and the Zweckverband.
var steeringTemplate = Governance{
	Title:  "Steuerkreis und Koordinationsstelle",
	Source: "H 4.2.2, H 4.3",
	Bodies: []GovernanceBody{bodySteuerkreis, bodyKoordination, bodyUeberpruefung},
}

// Models lists the five cooperation models in the order of ModelIDs.
var Models = []CoopModel{
	{
		ID:    Informell,
		Name:  "Informelle Zusammenarbeit",
		Short: "Informell",
		Description: "Austausch ohne rechtliche Bindung: Die Schulträger lernen in Arbeitskreisen oder " +
			"Steuerungsgruppen voneinander und entwickeln gemeinsame Vorlagen, statt das Rad jedes Mal neu zu " +
			"erfinden. Der Einstieg ist niedrigschwellig, braucht kaum Ressourcen und gelingt am besten mit " +
			"Partnern in der Nähe. Heute die häufigste Form – und eine gute Grundlage für eine spätere formelle " +
			"Zusammenarbeit.",
		Source: "H 3.1, Anlage",
		Governance: Governance{
			Title:  "Absichtserklärung, feste Arbeitsgruppe, Steuerkreis und Koordination",
			Source: "H 3.1, Anlage, H 4.2.2",
			Bodies: []GovernanceBody{
				{
					Name: "Absichtserklärung (Letter of Intent)",
					Purpose: "Formlose gemeinsame Erklärung der Schulträger: Wer macht mit, was ist das " +
						"gemeinsame Erkenntnisinteresse, wie wird zusammengearbeitet?",
					Rhythm: "einmal zu Beginn, bei Bedarf fortschreiben",
				},
				{
					Name: "Feste Steuerungs- oder Arbeitsgruppe",
					Purpose: "Koordiniert den Austausch, wählt die Themen aus und holt je nach Thema weitere " +
						"kommunale Akteure dazu; die Ergebnisse nutzt jeder Schulträger für seine eigene Aufgabe.",
					Rhythm: "regelmäßig, ergänzt um zeitweise Austauschformate",
				},
				bodySteuerkreis,
				bodyKoordination,
				bodyUeberpruefung,
			},
		},
		Checklist: []CheckItem{
			{ID: "chk.informell.loi", Source: "H 3.1",
				Text: "Prüfen, ob eine Absichtserklärung (Letter of Intent) Partner, Zweck und gemeinsames " +
					"Erkenntnisinteresse festhalten soll."},
			{ID: "chk.informell.gruppe", Source: "H 3.1, Anlage",
				Text: "Prüfen, wer in der festen Steuerungs- oder Arbeitsgruppe mitarbeitet und wer sie koordiniert."},
			{ID: "chk.informell.naehe", Source: "H 3.1",
				Text: "Prüfen, ob die Partner nah genug beieinander liegen, um sich regelmäßig auszutauschen."},
			{ID: "chk.informell.ausbau", Source: "H 3.1",
				Text: "Prüfen, ob und wann die Zusammenarbeit später in eine formelle Form überführt werden soll."},
		},
	},
	{
		ID:    VereinbarungMandatierend,
		Name:  "Öffentlich-rechtliche Vereinbarung (mandatierend)",
		Short: "Vereinb. mand.",
		Description: "Eine Kommune erledigt Aufgaben für die anderen, Zuständigkeit und Trägerschaft bleiben " +
			"aber bei jeder Kommune selbst – die ausführende Kommune arbeitet ähnlich wie ein externer " +
			"IT-Dienstleister. Die schriftliche, rechtlich bindende Vereinbarung passt besonders zu Partnern " +
			"unterschiedlicher Stärke, etwa einem Kreis, der Leistungen für seine Gemeinden erbringt. Zusätzlich " +
			"lässt sich die gemeinsame Nutzung öffentlicher Einrichtungen, z. B. eines Kreismedienzentrums, vereinbaren.",
		Source:     "H 3.2",
		Governance: steeringTemplate,
		Checklist: agreementChecklist(VereinbarungMandatierend,
			CheckItem{ID: "chk.vereinbarung_mandatierend.personal", Source: "§ 4 TVöD, Personalvertretungsrecht",
				Text: "Prüfen, ob Personal abgeordnet oder gestellt werden soll, und den Personalrat früh beteiligen."},
		),
	},
	{
		ID:    VereinbarungDelegierend,
		Name:  "Öffentlich-rechtliche Vereinbarung (delegierend)",
		Short: "Vereinb. del.",
		Description: "Die Aufgabe geht samt Zuständigkeit vollständig auf eine der beteiligten Kommunen über; " +
			"eine neue juristische Person entsteht nicht. Das passt besonders, wenn die Partner unterschiedlich " +
			"stark sind, etwa wenn ein Kreis den Schul-IT-Support für seine Gemeinden übernimmt und Größenvorteile " +
			"nutzt. In derselben Vereinbarung lässt sich zusätzlich die gemeinsame Nutzung öffentlicher " +
			"Einrichtungen regeln, z. B. eines Kreismedienzentrums.",
		Source:     "H 3.2",
		Governance: steeringTemplate,
		Checklist: agreementChecklist(VereinbarungDelegierend,
			CheckItem{ID: "chk.vereinbarung_delegierend.personal", Source: "§ 4 TVöD, Personalvertretungsrecht",
				Text: "Prüfen, ob und wie Personal zur übernehmenden Kommune wechselt (Versetzung, Gestellung), " +
					"und den Personalrat früh beteiligen."},
		),
	},
	{
		ID:    Zweckverband,
		Name:  "Zweckverband",
		Short: "Zweckverband",
		Description: "Die Kommunen gründen eine neue juristische Person mit eigener, behördenähnlicher " +
			"Verwaltung (Verbandsversammlung und Verbandsvorsitz) oder treten einem bestehenden IT-Zweckverband " +
			"bei; die übertragenen Aufgaben gehen vollständig auf den Verband über. Das passt besonders zu " +
			"kleinen, oft ländlichen Schulträgern mit wenig Personal und Geld, zumal viele Verbände modulare " +
			"Angebote für Ausstattung, Support oder Medienentwicklungsplanung haben. Wer nur einen Teil einer " +
			"Aufgabe abgeben will, ist hier nicht richtig.",
		Source:     "H 3.2",
		Governance: steeringTemplate,
		Checklist: []CheckItem{
			{ID: "chk.zweckverband.ganz", Source: "H 3.2",
				Text: "Prüfen, ob wirklich die ganze Aufgabe übergehen soll – für nur einen Teil (z. B. nur die " +
					"Verwaltung oder nur die Technik) passt der Zweckverband nicht."},
			{ID: "chk.zweckverband.beitritt", Source: "H 3.2, H 4.1.2",
				Text: "Prüfen, ob ein bestehender IT-Zweckverband mit passendem (modularem) Schul-IT-Angebot in " +
					"Frage kommt, statt einen neuen zu gründen."},
			{ID: "chk.zweckverband.satzung", Source: "H 3.2",
				Text: "Prüfen, ob die Verbandssatzung die Mindestinhalte regelt: Umfang der übertragenen Aufgaben, " +
					"Art der Finanzierung, Mitglieder, Zusammensetzung der Verbandsorgane."},
			{ID: "chk.zweckverband.genehmigung", Source: "Landesrecht zur kommunalen Zusammenarbeit",
				Text: "Prüfen, ob die Aufsichtsbehörde die Verbandssatzung genehmigen muss, und den Zeitbedarf einplanen."},
			{ID: "chk.zweckverband.vergabe", Source: "§ 108 Abs. 6 GWB",
				Text: "Prüfen, ob die Übertragung auf den Verband vergaberechtsfrei ist (Übertragung der " +
					"Zuständigkeit oder Zusammenarbeit öffentlicher Auftraggeber)."},
			{ID: "chk.zweckverband.ust", Source: "§ 2b UStG",
				Text: "Prüfen, ob die Leistungen des Verbands an seine Mitglieder umsatzsteuerpflichtig sind."},
			{ID: "chk.zweckverband.personal", Source: "§ 4 TVöD, Personalvertretungsrecht",
				Text: "Prüfen, ob und wie Personal zum Verband wechselt, und den Personalrat früh beteiligen."},
			{ID: "chk.zweckverband.austritt", Source: "H 3.2",
				Text: "Prüfen, wie Austritt und Auflösung geregelt sind: Fristen, Rückübertragung von Aufgaben, " +
					"Personal und Geräten, Ausgleich der Kosten."},
			{ID: "chk.zweckverband.konflikt", Source: "H 3.2",
				Text: "Prüfen, wie Stimmrechte verteilt sind und wie Streit unter den Mitgliedern gelöst wird."},
			{ID: "chk.zweckverband.beschluss", Source: "Kommunalverfassung des Landes",
				Text: "Prüfen, welche Rats- und Kreistagsbeschlüsse für Gründung oder Beitritt nötig sind, und " +
					"sie rechtzeitig einplanen."},
		},
	},
	{
		ID:    AoeR,
		Name:  "Gemeinsame kommunale Anstalt (AöR)",
		Short: "AöR",
		Description: "Mehrere Kommunen tragen gemeinsam eine rechtsfähige Anstalt, die wie ein Unternehmen " +
			"geführt wird: ein eigenverantwortlicher Vorstand, überwacht von einem Verwaltungsrat. Ihr lässt sich " +
			"der ganze operative Schul-IT-Betrieb übertragen – Betrieb, Support, Service-Desk, Beschaffung über " +
			"Rahmenverträge, Medienentwicklungsplanung und Beratung – mit einheitlichen Standards und ohne " +
			"Doppelstrukturen (Beispiel Schwerin: 13 Träger, rund 80 Schulen). Möglich nur, wo das Landesrecht " +
			"eine gemeinsame kommunale Anstalt vorsieht.",
		Source: "S",
		Governance: Governance{
			Title:  "Steuerung des kommunalen Dienstleisters (Praxisbeispiel Schwerin)",
			Source: "S",
			Bodies: []GovernanceBody{
				{
					Name: "Auftraggeber",
					Purpose: "Die IT-Stelle des Schulträgers beauftragt die Anstalt und ist ihr Gegenüber für " +
						"alle Schul-IT-Leistungen.",
					Rhythm: "ständige Rolle",
				},
				{
					Name: "Steuerungsgruppe Schul-IT",
					Purpose: "Zentrales Steuerungsgremium aus Schulverwaltung, IT-Stelle, Gebäudemanagement, " +
						"Finanzen und Dienstleister, geleitet von der Schul-IT-Verantwortlichen des Schulträgers " +
						"und dem Servicemanager des Dienstleisters; ihre Aufgaben stehen im Medienentwicklungsplan.",
					Rhythm: "in festen Abständen (Takt gemeinsam festlegen)",
				},
				{
					Name: "Jour fixe",
					Purpose: "Arbeitsebene: Schul-IT-Verantwortliche des Schulträgers und Servicemanager des " +
						"Dienstleisters klären alle operativen Fragen und entscheiden über Umsetzung und " +
						"Beschaffungswünsche der Schulen.",
					Rhythm: "wöchentlich",
				},
				{
					Name: "Wirtschaftsplan und Serviceschein",
					Purpose: "Zu Jahresbeginn Fach- und Wirtschaftsplanung im Rahmen von Haushalt und " +
						"Medienentwicklungsplan; daraus folgen die Beauftragung und ein Serviceschein, der die " +
						"Leistungen und ein Budget an Personentagen festlegt.",
					Rhythm: "jährlich",
				},
				{
					Name:    "Abrechnung",
					Purpose: "Rechnungen mit Leistungsnachweisen; nach Maßnahmen ein Servicebericht und eine Abrechnung nach Aufwand.",
					Rhythm:  "monatlich",
				},
				{
					Name: "Service-Desk",
					Purpose: "Zentrale Anlaufstelle der Schulen für Störungen, Anwendungsfragen und " +
						"Ausstattungswünsche; ein Ticketsystem meldet Statusänderungen automatisch an die Schulen.",
					Rhythm: "laufend",
				},
				{
					Name: "Eskalation",
					Purpose: "Schule → Schul-IT-Verantwortliche des Schulträgers (prüft den Fall) → " +
						"wöchentlicher Jour fixe.",
					Rhythm: "bei Bedarf",
				},
			},
		},
		Checklist: []CheckItem{
			{ID: "chk.aoer.landesrecht", Source: "Landesrecht zur kommunalen Zusammenarbeit",
				Text: "Prüfen, ob das Landesrecht eine gemeinsame kommunale Anstalt vorsieht und wie sie dort heißt."},
			{ID: "chk.aoer.bestehend", Source: "S",
				Text: "Prüfen, ob ein bestehender kommunaler IT-Dienstleister in Form einer Anstalt die Schul-IT " +
					"übernehmen kann, statt eine neue Anstalt zu errichten."},
			{ID: "chk.aoer.satzung", Source: "Landesrecht zur kommunalen Zusammenarbeit",
				Text: "Prüfen, was die Anstaltssatzung regeln muss (Aufgaben, Träger, Organe, Finanzierung) und ob " +
					"die Aufsichtsbehörde sie genehmigen muss."},
			{ID: "chk.aoer.vergabe", Source: "§ 108 Abs. 4 und 6 GWB",
				Text: "Prüfen, ob die Beauftragung der Anstalt vergaberechtsfrei ist (gemeinsame Kontrolle durch " +
					"die Träger oder Zusammenarbeit öffentlicher Auftraggeber)."},
			{ID: "chk.aoer.ust", Source: "§ 2b UStG",
				Text: "Prüfen, ob die Leistungen der Anstalt an ihre Träger umsatzsteuerpflichtig sind."},
			{ID: "chk.aoer.personal", Source: "§ 4 TVöD, Personalvertretungsrecht",
				Text: "Prüfen, ob und wie Personal zur Anstalt wechselt, und den Personalrat früh beteiligen."},
			{ID: "chk.aoer.steuerung", Source: "S",
				Text: "Prüfen, wie der Schulträger die Anstalt steuert: Auftraggeber, Steuerungsgruppe, Jour fixe, " +
					"Serviceschein mit Personentagen, Leistungsnachweise."},
			{ID: "chk.aoer.austritt", Source: "Landesrecht zur kommunalen Zusammenarbeit",
				Text: "Prüfen, wie ein Träger wieder austreten kann und was dann mit Aufgaben, Personal und " +
					"Geräten geschieht."},
			{ID: "chk.aoer.eskalation", Source: "S",
				Text: "Prüfen, ob ein Eskalationsweg bei Unzufriedenheit festgelegt ist (Schule → Schulträger → Jour fixe)."},
			{ID: "chk.aoer.beschluss", Source: "S, Kommunalverfassung des Landes",
				Text: "Prüfen, welche Beschlüsse der Vertretungen für Beitritt oder Übertragung nötig sind, und " +
					"sie rechtzeitig einplanen."},
		},
	},
}

// agreementChecklist builds the checklist shared by both kinds of
// öffentlich-rechtliche Vereinbarung; extra items (e.g. staff) are inserted
// before the exit clause. IDs are prefixed with the model ID to stay unique.
func agreementChecklist(m ModelID, extra ...CheckItem) []CheckItem {
	id := func(s string) string { return "chk." + string(m) + "." + s }
	out := []CheckItem{
		{ID: id("vereinbarung"), Source: "H 3.2",
			Text: "Prüfen, ob die schriftliche Vereinbarung alles Nötige regelt: Aufgaben, Beteiligte, Haftung, " +
				"Dauer, Kosten und Mitwirkungsrechte."},
		{ID: id("rechtsaufsicht"), Source: "H 3.2, Landesrecht zur kommunalen Zusammenarbeit",
			Text: "Prüfen, ob die Rechtsaufsicht der Vereinbarung zustimmen (genehmigen) muss oder ob eine " +
				"Anzeige genügt, und den Zeitbedarf einplanen."},
		{ID: id("einrichtungen"), Source: "H 3.2",
			Text: "Prüfen, ob zusätzlich die gemeinsame Nutzung öffentlicher Einrichtungen (z. B. eines " +
				"Kreismedienzentrums) in dieselbe Vereinbarung gehört."},
		{ID: id("vergabe"), Source: "§ 108 Abs. 6 GWB",
			Text: "Prüfen, ob die Vereinbarung als Zusammenarbeit öffentlicher Auftraggeber vergaberechtsfrei ist " +
				"(gemeinsame Ziele, nur öffentliches Interesse, weniger als 20 % der Tätigkeit am Markt)."},
		{ID: id("ust"), Source: "§ 2b UStG",
			Text: "Prüfen, ob die Leistungen zwischen den Kommunen umsatzsteuerpflichtig sind."},
	}
	out = append(out, extra...)
	return append(out,
		CheckItem{ID: id("austritt"), Source: "H 3.2",
			Text: "Prüfen, wie Laufzeit, Kündigung und Ausstieg geregelt sind: Fristen, Rückübertragung von " +
				"Aufgaben, Personal und Geräten, Ausgleich der Kosten."},
		CheckItem{ID: id("konflikt"), Source: "H 3.2, H 4.2.2",
			Text: "Prüfen, wie Streit und Eskalation geregelt sind: Wer entscheidet bei Uneinigkeit, welche " +
				"Stufen gibt es?"},
		CheckItem{ID: id("beschluss"), Source: "Kommunalverfassung des Landes",
			Text: "Prüfen, welche Rats- und Kreistagsbeschlüsse nötig sind, und sie rechtzeitig einplanen."},
	)
}

// ModelByID finds a cooperation model.
func ModelByID(id ModelID) (CoopModel, bool) {
	for _, m := range Models {
		if m.ID == id {
			return m, true
		}
	}
	return CoopModel{}, false
}
