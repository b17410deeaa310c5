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
			dataProtectionItem(Informell),
			jointProcurementItem(Informell),
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
		Governance: mandateTemplate,
		Checklist:  agreementChecklist(VereinbarungMandatierend),
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
		Checklist:  agreementChecklist(VereinbarungDelegierend),
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
			"Aufgabe abgeben will (etwa allein die Verwaltung), ist hier eher nicht richtig – anders als Mitglieder " +
			"eines bestehenden Verbands, die einzelne Module wie Beschaffung oder Support wählen.",
		Source:     "H 3.2",
		Governance: zweckverbandTemplate,
		Checklist: append([]CheckItem{
			{ID: "chk.zweckverband.ganz", Source: "H 3.2",
				Text: "Prüfen, ob wirklich die ganze Aufgabe übergehen soll – für einen Teil davon (etwa allein die " +
					"Verwaltung oder allein die Technik) passt der Zweckverband nicht."},
			{ID: "chk.zweckverband.beitritt", Source: "H 3.2, H 4.1.2",
				Text: "Prüfen, ob ein bestehender IT-Zweckverband mit passendem (modularem) Schul-IT-Angebot in " +
					"Frage kommt, statt einen neuen zu gründen."},
			{ID: "chk.zweckverband.satzung", Source: "H 3.2",
				Text: "Prüfen, ob die Verbandssatzung die Mindestinhalte regelt: Umfang der übertragenen Aufgaben, " +
					"Art der Finanzierung, Mitglieder, Zusammensetzung der Verbandsorgane."},
			{ID: "chk.zweckverband.genehmigung", Source: "Landesrecht zur kommunalen Zusammenarbeit",
				Text: "Prüfen, ob die Aufsichtsbehörde die Verbandssatzung genehmigen muss, und den Zeitbedarf einplanen."},
			{ID: "chk.zweckverband.konflikt", Source: "H 3.2",
				Text: "Prüfen, wie Stimmrechte verteilt sind und wie Streit unter den Mitgliedern gelöst wird."},
		}, practiceChecklist(Zweckverband)...),
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
			Title:  "Organe der Anstalt und Steuerung des kommunalen Dienstleisters (Praxisbeispiel Schwerin)",
			Source: "S, Landesrecht zur kommunalen Zusammenarbeit",
			Bodies: []GovernanceBody{
				bodyVorstand,
				bodyVerwaltungsrat,
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
		Checklist: append([]CheckItem{
			{ID: "chk.aoer.landesrecht", Source: "Landesrecht zur kommunalen Zusammenarbeit",
				Text: "Prüfen, ob das Landesrecht eine gemeinsame kommunale Anstalt vorsieht und wie sie dort heißt."},
			{ID: "chk.aoer.bestehend", Source: "S",
				Text: "Prüfen, ob ein bestehender kommunaler IT-Dienstleister in Form einer Anstalt die Schul-IT " +
					"übernehmen kann, statt eine neue Anstalt zu errichten."},
			{ID: "chk.aoer.satzung", Source: "Landesrecht zur kommunalen Zusammenarbeit",
				Text: "Prüfen, was die Anstaltssatzung regeln muss (Aufgaben, Träger, Organe, Finanzierung) und ob " +
					"die Aufsichtsbehörde sie genehmigen muss."},
			{ID: "chk.aoer.steuerung", Source: "S",
				Text: "Prüfen, wie der Schulträger die Anstalt steuert: Auftraggeber, Steuerungsgruppe, Jour fixe, " +
					"Serviceschein mit Personentagen, Leistungsnachweise."},
			{ID: "chk.aoer.eskalation", Source: "S",
				Text: "Prüfen, ob ein Eskalationsweg bei Unzufriedenheit festgelegt ist (Schule → Schulträger → Jour fixe)."},
		}, practiceChecklist(AoeR)...),
	},
}

// agreementChecklist builds the checklist shared by both kinds of
// öffentlich-rechtliche Vereinbarung, followed by the legal-practice items
// of domain.md §8 for the model. IDs are prefixed with the model ID.
func agreementChecklist(m ModelID) []CheckItem {
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
		{ID: id("konflikt"), Source: "H 3.2, H 4.2.2",
			Text: "Prüfen, wie Streit und Eskalation geregelt sind: Wer entscheidet bei Uneinigkeit, welche " +
				"Stufen gibt es?"},
	}
	return append(out, practiceChecklist(m)...)
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

// The statutory organs (domain.md §8): they belong in the templates.
var (
	bodyVerbandsversammlung = GovernanceBody{
		Name: "Verbandsversammlung",
		Purpose: "Oberstes Organ des Zweckverbands mit Vertretungen aller Mitglieder: beschließt Satzung, " +
			"Haushalt und Umlage und entscheidet Grundsatzfragen, etwa welche Module der Verband anbietet.",
		Rhythm: "nach der Verbandssatzung, meist ein- bis zweimal im Jahr",
	}
	bodyVerbandsvorsteher = GovernanceBody{
		Name:    "Verbandsvorsteher",
		Purpose: "Leitet die Verwaltung des Verbands und vertritt ihn nach außen.",
		Rhythm:  "ständige Rolle",
	}
	bodyVorstand = GovernanceBody{
		Name:    "Vorstand",
		Purpose: "Leitet die Anstalt eigenverantwortlich wie eine Geschäftsführung und vertritt sie nach außen.",
		Rhythm:  "ständige Rolle",
	}
	bodyVerwaltungsrat = GovernanceBody{
		Name: "Verwaltungsrat",
		Purpose: "Überwacht den Vorstand; in ihm sitzen die Träger. Entscheidet über Satzung, Wirtschaftsplan " +
			"und Jahresabschluss.",
		Rhythm: "nach der Anstaltssatzung, mehrmals im Jahr",
	}
)

// zweckverbandTemplate is the statutory organs plus Steuerkreis and
// Koordinationsstelle (H 3.2, H 4.2.2).
var zweckverbandTemplate = Governance{
	Title:  "Verbandsorgane, Steuerkreis und Koordinationsstelle",
	Source: "H 3.2, H 4.2.2, H 4.3",
	Bodies: []GovernanceBody{bodyVerbandsversammlung, bodyVerbandsvorsteher, bodySteuerkreis, bodyKoordination, bodyUeberpruefung},
}

// mandateTemplate: with a mandate the Schulträger stays responsible, so it
// steers the partner like a client; Schwerin's client-steering instruments
// (S) fit here as well (domain.md §8, issue 10 item 7).
var mandateTemplate = Governance{
	Title:  "Steuerkreis, Koordinationsstelle und Steuerung des ausführenden Partners",
	Source: "H 4.2.2, H 4.3, S",
	Bodies: []GovernanceBody{
		bodySteuerkreis,
		bodyKoordination,
		{
			Name: "Leistungsschein (Serviceschein)",
			Purpose: "Legt je Jahr fest, welche Leistungen der ausführende Partner erbringt und mit welchem Budget " +
				"an Personentagen; Grundlage für Abrechnung und Nachweise.",
			Rhythm: "jährlich",
		},
		{
			Name: "Jour fixe",
			Purpose: "Die Schul-IT-Verantwortlichen beider Seiten klären laufende Fragen und entscheiden über " +
				"Wünsche der Schulen.",
			Rhythm: "wöchentlich oder nach Bedarf",
		},
		{
			Name:    "Eskalation",
			Purpose: "Schule → Schul-IT-Verantwortliche des eigenen Schulträgers → Jour fixe → Steuerkreis.",
			Rhythm:  "bei Bedarf",
		},
		bodyUeberpruefung,
	},
}
