package model

// Lands is the per-Land table of domain.md §6, built from the research notes
// in land_law.md. Every fact keeps the confidence land_law.md gives it
// ([C] confirmed, [P] partly, [U] unverified); the product shows [P] and [U]
// with "bitte mit der Rechtsaufsicht prüfen". The texts are our own summaries,
// never the wording of the laws. Order: the profile's bundesland options.
//
// Forms holds the four formal models; informal cooperation needs no legal
// basis and has no entry. City-states (BE, HH, HB) carry Forms too: a form
// that cannot exist there is not Available and is excluded from the ranking
// with its note (Berlin's Bezirke and Hamburg have no municipalities that
// could form a Zweckverband or an Anstalt, land_law.md item 8); what is open
// stays Available with unverified facts, shown as "bitte prüfen".
// Sachsen and the Saarland have no joint municipal Anstalt (items 5, 10).
var Lands = []LandLaw{
	{
		Code: "BW", Name: "Baden-Württemberg", Abbrev: "GKZ",
		Law: factC("Gesetz über kommunale Zusammenarbeit (GKZ)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§ 25 ff. GKZ (eine Körperschaft führt Aufgaben für die übrigen durch; auch Gestellung von Bediensteten)"),
				Approval:   factU("Ob eine reine Durchführungsvereinbarung nur angezeigt werden muss, ist nicht geklärt.")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§ 25 ff. GKZ (eine Körperschaft erfüllt Aufgaben für alle Beteiligten)"),
				Approval:   factP("Genehmigung der Rechtsaufsichtsbehörde, jedenfalls wenn Aufgaben übertragen werden (§ 25 Abs. 5 GKZ).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factP("§§ 2–24 GKZ")},
			AoeR: {Available: true, Name: "gemeinsame selbstständige Kommunalanstalt",
				Paragraphs: factC("§§ 24a, 24b GKZ"),
				Approval:   factC("Die Anstaltssatzung braucht die Genehmigung der Rechtsaufsichtsbehörde (§ 24b Abs. 2 GKZ).")},
		},
		Approval: factP("Genehmigung jedenfalls bei Übertragung von Aufgaben (§ 25 Abs. 5 GKZ); ob eine reine Durchführung nur anzuzeigen ist, ist offen."),
	},
	{
		Code: "BY", Name: "Bayern", Abbrev: "KommZG",
		Law: factC("Gesetz über die kommunale Zusammenarbeit (KommZG)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("Art. 7 Abs. 3 KommZG (gemeinschaftliche Durchführung; die Befugnisse bleiben, Art. 8 Abs. 3)"),
				Approval:   factC("Anzeige bei der Aufsichtsbehörde, solange keine Befugnisse übergehen (Art. 12 Abs. 1 KommZG).")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("Art. 7 Abs. 2 KommZG (Übertragung von Aufgaben)"),
				Note: factC("Der Umfang der übertragenen Aufgaben soll nachrangig bleiben (Art. 7 Abs. 2 S. 2 KommZG); " +
					"übernimmt ein Kreis Aufgaben für viele Gemeinden, ist diese Grenze zu beachten."),
				Approval: factC("Anzeige, wenn nur Aufgaben übertragen werden; Genehmigung, wenn auch Befugnisse übergehen (Art. 12 KommZG).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factP("Art. 17–48 KommZG")},
			AoeR: {Available: true, Name: "gemeinsames Kommunalunternehmen",
				Paragraphs: factP("Art. 49–50 KommZG (Begriff in Art. 2 Abs. 4)")},
		},
		Approval: factC("Anzeige, wenn nur Aufgaben übertragen oder gemeinsam durchgeführt werden; Genehmigung, wenn auch Befugnisse übergehen (Art. 12 KommZG). Kostenerstattung höchstens kostendeckend (Art. 10 KommZG)."),
	},
	{
		Code: "BE", Name: "Berlin", CityState: true, Abbrev: "BezVG",
		Law: factC("Kein Gesetz über kommunale Zusammenarbeit anwendbar: Berlin hat keine Gemeinden im kommunalrechtlichen Sinn; die Bezirke sind Selbstverwaltungseinheiten ohne Rechtspersönlichkeit (§ 2 Abs. 1 BezVG)."),
		CityNote: "Berlin ist ein Stadtstaat ohne Gemeinden im kommunalrechtlichen Sinn. Schulträger für die " +
			"IT-Ausstattung und Wartung der Schulen sind die Bezirke (§ 109 SchulG). Sie haben keine eigene " +
			"Rechtspersönlichkeit und können deshalb weder einen Zweckverband noch eine gemeinsame Anstalt bilden; " +
			"beide Formen sind hier ausgeschlossen. Zusammenarbeit zwischen Bezirken läuft über Absprachen innerhalb " +
			"der Berliner Verwaltung und über Angebote des Landes.",
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Absprache zwischen Bezirken",
				Paragraphs: factU("keine eigene Regelung; ein Bezirk kann allenfalls im Rahmen des Landesrechts Leistungen für einen anderen erbringen")},
			VereinbarungDelegierend: {Available: true, Name: "Zuständigkeitsverlagerung zwischen Bezirken",
				Paragraphs: factU("keine eigene Regelung; eine Verlagerung der Zuständigkeit bräuchte eine Grundlage im Landesrecht")},
			Zweckverband: {Available: false, Name: "kein Zweckverband",
				Paragraphs: factC("§ 2 Abs. 1 BezVG (Bezirke ohne Rechtspersönlichkeit)"),
				Note:       factC("Die Berliner Bezirke haben keine eigene Rechtspersönlichkeit und können keinen Zweckverband bilden.")},
			AoeR: {Available: false, Name: "keine gemeinsame kommunale Anstalt",
				Paragraphs: factC("§ 2 Abs. 1 BezVG (Bezirke ohne Rechtspersönlichkeit)"),
				Note:       factC("Die Berliner Bezirke haben keine eigene Rechtspersönlichkeit und können keine gemeinsame Anstalt tragen.")},
		},
		Approval: factU("Für Absprachen zwischen Bezirken gibt es kein Genehmigungsverfahren nach einem Gesetz über kommunale Zusammenarbeit; was stattdessen gilt, ist nicht geklärt."),
	},
	{
		Code: "BB", Name: "Brandenburg", Abbrev: "GKGBbg",
		Law: factC("Gesetz über kommunale Gemeinschaftsarbeit im Land Brandenburg (GKGBbg)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung (mandatierend)",
				Paragraphs: factC("§§ 5–9 GKGBbg (öffentlich bekannt zu machen, § 8)"),
				Approval:   factU("§ 41 GKGBbg regelt Anzeige und Genehmigung; wahrscheinlich genügt für das Mandat eine Anzeige, das ist aber nicht geklärt.")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung (delegierend)",
				Paragraphs: factC("§§ 5–9 GKGBbg (öffentlich bekannt zu machen, § 8)"),
				Approval:   factU("§ 41 GKGBbg regelt Anzeige und Genehmigung; ob die Delegation genehmigt werden muss, ist nicht geklärt.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 10–36 GKGBbg")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factC("§§ 37–40 GKGBbg")},
		},
		Approval: factU("§ 41 GKGBbg kennt Anzeige- und Genehmigungspflichten; welche Vereinbarung welche Pflicht auslöst, ist nicht geklärt. Bekanntmachung jeder Vereinbarung: § 8 GKGBbg."),
	},
	{
		Code: "HB", Name: "Bremen", CityState: true, Abbrev: "BremSchVwG",
		Law: factU("Ob ein Gesetz über kommunale Zusammenarbeit für die beiden Stadtgemeinden gilt, ist nicht geklärt; die äußere Schulverwaltung trägt jede Stadtgemeinde selbst (§ 11 BremSchVwG)."),
		CityNote: "Das Land Bremen besteht aus zwei Stadtgemeinden, und jede ist ihr eigener Schulträger: Für die " +
			"Stadtgemeinde Bremen handelt die Senatorin für Kinder und Bildung, für Bremerhaven der Magistrat. " +
			"Welche Formen der Zusammenarbeit zwischen den beiden oder mit Nachbarkommunen in Niedersachsen " +
			"rechtlich offenstehen, ist nicht geklärt – jede Form außer der informellen bitte vorher mit der " +
			"Rechtsaufsicht prüfen.",
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factU("Rechtsgrundlage für eine Vereinbarung zwischen den Stadtgemeinden nicht geklärt")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factU("Rechtsgrundlage für eine Vereinbarung zwischen den Stadtgemeinden nicht geklärt")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factU("Rechtsgrundlage für einen Zweckverband der Stadtgemeinden nicht geklärt")},
			AoeR: {Available: true, Name: "gemeinsame Anstalt",
				Paragraphs: factU("Rechtsgrundlage für eine gemeinsame Anstalt der Stadtgemeinden nicht geklärt")},
		},
		Approval: factU("Genehmigung oder Anzeige einer Vereinbarung zwischen den Stadtgemeinden ist nicht geklärt."),
	},
	{
		Code: "HH", Name: "Hamburg", CityState: true, Abbrev: "",
		Law: factC("Kein Gesetz über kommunale Zusammenarbeit anwendbar: Hamburg ist eine Einheitsgemeinde."),
		CityNote: "Hamburg ist eine Einheitsgemeinde: Land und Gemeinde fallen zusammen, für die Schul-IT ist die " +
			"Schulbehörde zuständig. Innerhalb Hamburgs gibt es keine Kommunen, die miteinander einen Zweckverband " +
			"oder eine gemeinsame Anstalt bilden könnten; beide Formen sind hier ausgeschlossen. Zusammenarbeit " +
			"über die Landesgrenze bräuchte eine Vereinbarung der Länder.",
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Vereinbarung über die Landesgrenze",
				Paragraphs: factU("keine Grundlage im Kommunalrecht; nur als Vereinbarung mit einem anderen Land denkbar")},
			VereinbarungDelegierend: {Available: true, Name: "Vereinbarung über die Landesgrenze",
				Paragraphs: factU("keine Grundlage im Kommunalrecht; nur als Vereinbarung mit einem anderen Land denkbar")},
			Zweckverband: {Available: false, Name: "kein Zweckverband",
				Paragraphs: factC("Einheitsgemeinde (keine Kommunen innerhalb Hamburgs)"),
				Note:       factC("Hamburg ist eine Einheitsgemeinde; es gibt keine Kommunen, die einen Zweckverband bilden könnten.")},
			AoeR: {Available: false, Name: "keine gemeinsame kommunale Anstalt",
				Paragraphs: factC("Einheitsgemeinde (keine Kommunen innerhalb Hamburgs)"),
				Note:       factC("Hamburg ist eine Einheitsgemeinde; es gibt keine Kommunen, die gemeinsam eine Anstalt tragen könnten.")},
		},
		Approval: factU("Eine Vereinbarung über die Landesgrenze folgt nicht dem Kommunalrecht; was gilt, ist nicht geklärt."),
	},
	{
		Code: "HE", Name: "Hessen", Abbrev: "KGG",
		Law: factC("Gesetz über kommunale Gemeinschaftsarbeit (KGG)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung (Mandatierung)",
				Paragraphs: factC("§§ 24 ff. KGG (§ 24 Abs. 1 Nr. 2; auch mit Zweckverbänden und gemeinsamen Anstalten, § 24 Abs. 5)"),
				Approval:   factC("Anzeige bei der Aufsichtsbehörde (§ 26 KGG).")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung (Delegation)",
				Paragraphs: factC("§§ 24 ff. KGG (§ 24 Abs. 1 Nr. 1)"),
				Approval:   factC("Genehmigung der Aufsichtsbehörde (§ 26 KGG).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 5–23a KGG")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factC("§§ 29a ff. KGG"),
				Approval:   factC("Die Satzung braucht die Genehmigung der Aufsichtsbehörde, Änderungen werden angezeigt (§ 29a KGG).")},
		},
		Approval: factC("Delegation: Genehmigung; Mandatierung: nur Anzeige (§ 26 KGG). Unbefristet oder länger als zehn Jahre: Die Vereinbarung muss die Kündigung regeln (§ 24 Abs. 3 KGG)."),
	},
	{
		Code: "MV", Name: "Mecklenburg-Vorpommern", Abbrev: "KV M-V",
		Law: factC("Kommunalverfassung für das Land Mecklenburg-Vorpommern (KV M-V), Teil 4: Kommunale Zusammenarbeit"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Verwaltungsgemeinschaft",
				Paragraphs: factC("§ 167 KV M-V (die Trägerschaft der Aufgabe bleibt unberührt; auch Anstalten können beteiligt sein)"),
				Approval:   factU("Ob eine Verwaltungsgemeinschaft genehmigt oder nur angezeigt werden muss, ist nicht geklärt.")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§ 165 KV M-V (Recht und Pflicht gehen über; auch Mitbenutzung einer Einrichtung)"),
				Approval:   factC("Genehmigung der Rechtsaufsichtsbehörde und öffentliche Bekanntmachung (§ 165 Abs. 5 KV M-V).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 150 ff. KV M-V"),
				Approval:   factC("Der Errichtungsvertrag braucht die Genehmigung der Rechtsaufsichtsbehörde (§ 152 Abs. 1 KV M-V).")},
			AoeR: {Available: true, Name: "gemeinsames Kommunalunternehmen",
				Paragraphs: factC("§§ 167a–167c KV M-V"),
				Approval:   factC("Nur Anzeige bei der Rechtsaufsicht (§ 167c KV M-V).")},
		},
		Approval: factP("Öffentlich-rechtliche Vereinbarung: Genehmigung und Bekanntmachung (§ 165 Abs. 5 KV M-V); für die Verwaltungsgemeinschaft (§ 167) ist die Regel nicht geklärt."),
	},
	{
		Code: "NI", Name: "Niedersachsen", Abbrev: "NKomZG",
		Law: factC("Niedersächsisches Gesetz über die kommunale Zusammenarbeit (NKomZG)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Beauftragung mit der Durchführung",
				Paragraphs: factC("§ 2 Abs. 1 S. 1 Nr. 2, Abs. 4 NKomZG (Rechte und Pflichten bleiben bei der beauftragenden Kommune)"),
				Note: factC("Das NKomZG verlangt bei der Beauftragung ausdrücklich, das Vergaberecht zu beachten " +
					"(§ 2 Abs. 1 S. 1 Nr. 2 NKomZG)."),
				Approval: factC("Anzeige bei der Kommunalaufsicht (§ 2 Abs. 5 S. 1 NKomZG).")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("§§ 5–6 NKomZG (die Aufgabe geht mit allen Rechten und Pflichten über)"),
				Approval:   factP("Anzeige (§ 2 Abs. 5 S. 1 NKomZG); in bestimmten Fällen zusätzlich Genehmigung (§ 5 Abs. 6), nach der Gesetzesbegründung bei Pflichtaufgaben, nicht bei freiwilligen Aufgaben.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 7–19 NKomZG")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factC("§§ 3–4 NKomZG"),
				Approval:   factC("Nur Anzeige: Errichtung und Auflösung mindestens sechs Wochen vor dem Wirksamwerden, ebenso Satzungsänderungen (§ 4 NKomZG).")},
		},
		Approval: factC("Jede Vereinbarung nach dem NKomZG ist der Kommunalaufsicht anzuzeigen (§ 2 Abs. 5 S. 1); die Zweckvereinbarung braucht in bestimmten Fällen zusätzlich eine Genehmigung (§ 5 Abs. 6)."),
	},
	{
		Code: "NW", Name: "Nordrhein-Westfalen", Abbrev: "GkG NRW",
		Law: factC("Gesetz über kommunale Gemeinschaftsarbeit (GkG NRW)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§§ 23–26 GkG NRW (Durchführung für die übrigen Beteiligten)"),
				Approval:   factC("Genehmigung der Aufsichtsbehörde; sie gilt als erteilt, wenn diese sich nicht binnen vier Wochen äußert (§ 24 Abs. 2 GkG NRW).")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§§ 23–26 GkG NRW (Übernahme in die eigene Zuständigkeit)"),
				Approval:   factC("Genehmigung der Aufsichtsbehörde; sie gilt als erteilt, wenn diese sich nicht binnen vier Wochen äußert (§ 24 Abs. 2 GkG NRW).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factP("§§ 4–22 GkG NRW"),
				Approval:   factC("Die Verbandssatzung braucht eine Genehmigung (§ 10 GkG NRW).")},
			AoeR: {Available: true, Name: "gemeinsames Kommunalunternehmen",
				Paragraphs: factC("§§ 27–28 GkG NRW (mit § 114a GO NRW)")},
		},
		Approval: factC("Beide Arten der Vereinbarung brauchen die Genehmigung der Aufsichtsbehörde, die nach vier Wochen als erteilt gilt (§ 24 Abs. 2 GkG NRW)."),
	},
	{
		Code: "RP", Name: "Rheinland-Pfalz", Abbrev: "KomZG",
		Law: factC("Landesgesetz über die kommunale Zusammenarbeit (KomZG)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("§§ 12–13 KomZG"),
				Note: factP("Nach einer Gerichtsentscheidung muss eine Zweckvereinbarung allen Beteiligten zugutekommen; " +
					"eine reine Dienstleistung für einen Partner ist eher als öffentlich-rechtlicher Vertrag (§ 54 VwVfG) möglich."),
				Approval: factC("Genehmigung der untersten gemeinsamen Aufsichtsbehörde (§ 12 Abs. 2 KomZG).")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("§§ 12–13 KomZG"),
				Approval:   factC("Genehmigung der untersten gemeinsamen Aufsichtsbehörde (§ 12 Abs. 2 KomZG).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 2–11 KomZG")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factC("§§ 14a–14b KomZG (mit §§ 86a, 86b GemO)")},
		},
		Approval: factC("Abschluss und Änderung brauchen die Genehmigung der untersten gemeinsamen Aufsichtsbehörde; die Aufhebung wird angezeigt (§ 12 Abs. 2 KomZG)."),
	},
	{
		Code: "SL", Name: "Saarland", Abbrev: "KGG",
		Law: factC("Gesetz über die kommunale Gemeinschaftsarbeit (KGG)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§§ 17–20 KGG"),
				Approval:   factC("Anzeige bei der Aufsichtsbehörde (§ 18 Abs. 1 KGG).")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§§ 17–20 KGG"),
				Approval:   factC("Genehmigung der Aufsichtsbehörde (§ 18 Abs. 1 KGG).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 2–16 KGG")},
			AoeR: {Available: false, Name: "keine gemeinsame kommunale Anstalt",
				Paragraphs: factC("§ 1 KGG (keine Anstalt vorgesehen)"),
				Note: factC("Das saarländische KGG sieht keine gemeinsame kommunale Anstalt vor; § 1 KGG nennt nur " +
					"Zweckverband, öffentlich-rechtliche Vereinbarung und Arbeitsgemeinschaft.")},
		},
		Approval: factC("Übernahme in die eigene Zuständigkeit: Genehmigung; bloße Durchführung: Anzeige (§ 18 Abs. 1 KGG)."),
	},
	{
		Code: "SN", Name: "Sachsen", Abbrev: "SächsKomZG",
		Law: factC("Sächsisches Gesetz über kommunale Zusammenarbeit (SächsKomZG)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Zweckvereinbarung (mandatierend)",
				Paragraphs: factC("§ 71 Abs. 2 SächsKomZG (Durchführung im Namen und nach Weisung der anderen; die Trägerschaft bleibt)"),
				Approval:   factC("Keine Genehmigung, solange weder eine Aufgabe übergeht noch eine gemeinsame Dienststelle betrieben wird (§ 72 Abs. 1 S. 3 SächsKomZG).")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung (delegierend)",
				Paragraphs: factC("§ 71 Abs. 1 SächsKomZG"),
				Approval:   factC("Genehmigung der Rechtsaufsichtsbehörde (§ 72 Abs. 1 S. 3 SächsKomZG).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factP("§§ 44 ff. SächsKomZG (Genehmigung der Verbandssatzung § 49)")},
			AoeR: {Available: false, Name: "keine gemeinsame kommunale Anstalt",
				Paragraphs: factC("§ 2 Abs. 1 SächsKomZG, § 95 Abs. 1 SächsGemO"),
				Note: factC("Sachsen kennt keine gemeinsame kommunale Anstalt: § 2 Abs. 1 SächsKomZG zählt die Formen " +
					"abschließend auf, und nach § 95 Abs. 1 SächsGemO gibt es auch keine kommunale Anstalt einer " +
					"einzelnen Gemeinde.")},
		},
		Approval: factP("Genehmigung nur bei Übergang der Aufgabe oder gemeinsamer Dienststelle (§ 72 Abs. 1 S. 3 SächsKomZG); eine Anzeigepflicht nennt das SächsKomZG nicht, andere Vorschriften sind nicht geprüft."),
	},
	{
		Code: "ST", Name: "Sachsen-Anhalt", Abbrev: "GKG-LSA",
		Law: factC("Gesetz über kommunale Gemeinschaftsarbeit (GKG-LSA), geändert mit Wirkung vom 1. Juli 2024"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Zweckvereinbarung (mandatierend)",
				Paragraphs: factC("§§ 3–5 GKG-LSA (Durchführung im Namen und Auftrag der anderen; Rechte und Pflichten bleiben, § 4 Abs. 2)"),
				Approval:   factP("Es gibt genehmigungspflichtige und nur anzeigepflichtige Zweckvereinbarungen (§ 5 Abs. 3 GKG-LSA); welche Fälle eine Genehmigung brauchen, ist nicht geklärt.")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung (delegierend)",
				Paragraphs: factC("§§ 3–5 GKG-LSA (Übertragung zur Erfüllung; auch Mitbenutzung einer Einrichtung)"),
				Approval:   factP("Es gibt genehmigungspflichtige und nur anzeigepflichtige Zweckvereinbarungen (§ 5 Abs. 3 GKG-LSA); welche Fälle eine Genehmigung brauchen, ist nicht geklärt.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 6–17 GKG-LSA")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factC("§ 1a Anstaltsgesetz (AnstG LSA)"),
				Note:       factP("Die Reform von 2024 hat das Anstaltsgesetz nicht geändert; dass § 1a unverändert gilt, ist aber nicht ausdrücklich bestätigt.")},
		},
		Approval: factP("Genehmigungspflichtige und nur anzeigepflichtige Zweckvereinbarungen (§ 5 Abs. 3 GKG-LSA); nach der früheren Fassung Genehmigung nur bei gesetzlich zugewiesenen Aufgaben oder Aufgaben des übertragenen Wirkungskreises."),
	},
	{
		Code: "SH", Name: "Schleswig-Holstein", Abbrev: "GkZ",
		Law: factC("Gesetz über kommunale Zusammenarbeit (GkZ)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Verwaltungsgemeinschaft",
				Paragraphs: factC("§ 19a GkZ (die Rechte und Pflichten als Träger der Aufgabe bleiben; auch Mitbenutzung von Einrichtungen wie eines Medienzentrums)"),
				Approval:   factU("Ob eine Verwaltungsgemeinschaft genehmigt oder nur angezeigt werden muss, ist nicht geklärt.")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§§ 18–19 GkZ (Recht und Pflicht gehen über)"),
				Approval:   factU("§ 18 Abs. 5 GkZ stellt Anforderungen an eine übertragende Vereinbarung; vermutlich braucht sie eine Genehmigung, das ist aber nicht geklärt.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 2–17b GkZ")},
			AoeR: {Available: true, Name: "gemeinsames Kommunalunternehmen",
				Paragraphs: factC("§§ 19b–19d GkZ (Errichtung durch öffentlich-rechtlichen Vertrag, § 19c)")},
		},
		Approval: factU("Ob die Vereinbarung (§ 18) oder die Verwaltungsgemeinschaft (§ 19a) genehmigt oder nur angezeigt werden muss, ist nicht geklärt."),
	},
	{
		Code: "TH", Name: "Thüringen", Abbrev: "ThürKGG",
		Law: factC("Thüringer Gesetz über die kommunale Gemeinschaftsarbeit (ThürKGG)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("§§ 7–15 ThürKGG (gemeinschaftliche Durchführung, § 7 Abs. 3)"),
				Approval:   factU("§ 11 ThürKGG kennt Anzeige und Genehmigung; vermutlich genügt eine Anzeige, solange keine Befugnisse übergehen – das ist nicht geklärt.")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("§§ 7–15 ThürKGG (Übertragung, § 7 Abs. 2)"),
				Approval:   factU("§ 11 ThürKGG kennt Anzeige und Genehmigung; vermutlich Genehmigung, wenn Befugnisse übergehen (§ 8) – das ist nicht geklärt.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 16 ff. ThürKGG (Organe § 26)"),
				Approval:   factC("Die Verbandssatzung braucht die Genehmigung der Aufsichtsbehörde (§ 18 Abs. 1 ThürKGG).")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factP("§ 44 ThürKGG mit § 76b ThürKO (Vorstand, Verwaltungsrat); zugelassen in § 2 Abs. 1 ThürKGG")},
		},
		Approval: factU("§ 11 ThürKGG kennt Anzeige und Genehmigung; wann welche gilt, ist nicht geklärt. Aufsicht: Landratsamt, bei Beteiligung eines Kreises oder einer kreisfreien Stadt das Landesverwaltungsamt (§ 46 ThürKGG)."),
	},
}

func factC(text string) Fact { return Fact{Text: text, Confidence: Confirmed} }
func factP(text string) Fact { return Fact{Text: text, Confidence: Partly} }
func factU(text string) Fact { return Fact{Text: text, Confidence: Unverified} }

var landIndex = func() map[string]int {
	m := make(map[string]int, len(Lands))
	for i, l := range Lands {
		m[l.Code] = i
	}
	return m
}()

// LandByCode finds a Land by its ISO 3166-2:DE suffix ("NW").
func LandByCode(code string) (LandLaw, bool) {
	i, ok := landIndex[code]
	if !ok {
		return LandLaw{}, false
	}
	return Lands[i], true
}
