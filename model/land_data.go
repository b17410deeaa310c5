package model

// Lands is the per-Land table of domain.md §6, built from the research notes
// in land_law.md. Every fact keeps the confidence land_law.md gives it
// ([C] confirmed, [P] partly, [U] unverified); the product shows [P] and [U]
// with "bitte mit der Rechtsaufsicht prüfen". The texts are our own summaries,
// never the wording of the laws. Order: the profile's bundesland options.
//
// Forms holds the four formal models; informal cooperation needs no legal
// basis and has no entry. City-states have no Forms: the laws on municipal
// cooperation do not apply to them in the same way (CityNote says why).
var Lands = []LandLaw{
	{
		Code: "BW", Name: "Baden-Württemberg", Abbrev: "GKZ",
		Law: factC("Gesetz über kommunale Zusammenarbeit (GKZ)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§ 25 ff. GKZ (eine Körperschaft führt Aufgaben für die übrigen durch)"),
				Approval:   factU("Ob eine reine Durchführungsvereinbarung nur angezeigt werden muss, ist nicht belegt.")},
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
				Paragraphs: factP("Art. 7–16 KommZG (gemeinschaftliche Durchführung)"),
				Approval:   factC("Anzeige bei der Aufsichtsbehörde, solange keine Befugnisse übergehen (Art. 12 Abs. 1 KommZG).")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factP("Art. 7–16 KommZG (Übertragung von Aufgaben)"),
				Approval:   factC("Anzeige, wenn nur Aufgaben übertragen werden; Genehmigung, wenn auch Befugnisse übergehen (Art. 12 KommZG).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factP("Art. 17–48 KommZG")},
			AoeR: {Available: true, Name: "gemeinsames Kommunalunternehmen",
				Paragraphs: factP("Art. 49–50 KommZG (Begriff in Art. 2 Abs. 4)")},
		},
		Approval: factC("Anzeige, wenn nur Aufgaben übertragen oder gemeinsam durchgeführt werden; Genehmigung, wenn auch Befugnisse übergehen (Art. 12 KommZG)."),
	},
	{
		Code: "BE", Name: "Berlin", CityState: true,
		Law: factC("Kein Gesetz über kommunale Zusammenarbeit anwendbar: Berlin hat keine Gemeinden im kommunalrechtlichen Sinn."),
		CityNote: "Berlin ist ein Stadtstaat ohne Gemeinden im kommunalrechtlichen Sinn. Für die IT-Ausstattung " +
			"und Wartung der Schulen sind nach dem Berliner Schulgesetz die Bezirke zuständig. Die Landesgesetze " +
			"über kommunale Zusammenarbeit gelten hier nicht; die Rangfolge ist deshalb nur eine grobe Orientierung, " +
			"keine Empfehlung für eine bestimmte Rechtsform.",
	},
	{
		Code: "BB", Name: "Brandenburg", Abbrev: "GKGBbg",
		Law: factC("Gesetz über kommunale Gemeinschaftsarbeit im Land Brandenburg (GKGBbg)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung (mandatierend)",
				Paragraphs: factC("§§ 5–9 GKGBbg"),
				Approval:   factU("§ 41 GKGBbg regelt Anzeige und Genehmigung; was für diese Vereinbarung gilt, ist nicht belegt.")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung (delegierend)",
				Paragraphs: factC("§§ 5–9 GKGBbg"),
				Approval:   factU("§ 41 GKGBbg regelt Anzeige und Genehmigung; was für diese Vereinbarung gilt, ist nicht belegt.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 10–36 GKGBbg")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factC("§§ 37–40 GKGBbg")},
		},
		Approval: factU("§ 41 GKGBbg kennt Anzeige- und Genehmigungspflichten; welche Vereinbarung welche Pflicht auslöst, ist nicht belegt."),
	},
	{
		Code: "HB", Name: "Bremen", CityState: true,
		Law: factU("Ob und wie ein Gesetz über kommunale Zusammenarbeit für die beiden Stadtgemeinden gilt, ist nicht belegt."),
		CityNote: "Das Land Bremen besteht aus zwei Stadtgemeinden, Bremen und Bremerhaven. Für die Schul-IT ist " +
			"vor allem die Senatorin für Kinder und Bildung zuständig. Die Landesgesetze über kommunale " +
			"Zusammenarbeit passen auf diese Lage nicht wie in einem Flächenland; die Rangfolge ist deshalb nur " +
			"eine grobe Orientierung (bitte mit der zuständigen Senatsverwaltung prüfen).",
	},
	{
		Code: "HH", Name: "Hamburg", CityState: true,
		Law: factC("Kein Gesetz über kommunale Zusammenarbeit anwendbar: Hamburg ist eine Einheitsgemeinde."),
		CityNote: "Hamburg ist eine Einheitsgemeinde: Land und Gemeinde fallen zusammen, für die Schul-IT ist die " +
			"Schulbehörde zuständig. Zusammenarbeit mehrerer Kommunen im Sinn der Landesgesetze gibt es hier nicht; " +
			"die Rangfolge ist deshalb nur eine grobe Orientierung.",
	},
	{
		Code: "HE", Name: "Hessen", Abbrev: "KGG",
		Law: factC("Gesetz über kommunale Gemeinschaftsarbeit (KGG)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung (Mandatierung)",
				Paragraphs: factC("§§ 24 ff. KGG (§ 24 Abs. 1 Nr. 2)"),
				Approval:   factC("Anzeige bei der Aufsichtsbehörde (§ 26 KGG).")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung (Delegation)",
				Paragraphs: factC("§§ 24 ff. KGG (§ 24 Abs. 1 Nr. 1)"),
				Approval:   factC("Genehmigung der Aufsichtsbehörde (§ 26 KGG).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 5–23a KGG")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factC("§§ 29a ff. KGG"),
				Approval:   factC("Die Satzung braucht die Genehmigung der Aufsichtsbehörde (§ 29a KGG).")},
		},
		Approval: factC("Delegation: Genehmigung; Mandatierung: nur Anzeige (§ 26 KGG)."),
	},
	{
		Code: "MV", Name: "Mecklenburg-Vorpommern", Abbrev: "KV M-V",
		Law: factC("Kommunalverfassung für das Land Mecklenburg-Vorpommern (KV M-V), Teil 4: Kommunale Zusammenarbeit"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Verwaltungsgemeinschaft",
				Paragraphs: factC("§ 167 KV M-V (die Trägerschaft der Aufgabe bleibt unberührt)"),
				Approval:   factU("Ob eine Verwaltungsgemeinschaft genehmigt oder nur angezeigt werden muss, ist nicht belegt.")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factP("§ 165 KV M-V"),
				Approval:   factU("Ob die Vereinbarung genehmigt oder nur angezeigt werden muss, ist nicht belegt.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 150 ff. KV M-V"),
				Approval:   factC("Der Errichtungsvertrag braucht die Genehmigung der Rechtsaufsichtsbehörde (§ 152 Abs. 1 KV M-V).")},
			AoeR: {Available: true, Name: "gemeinsames Kommunalunternehmen",
				Paragraphs: factC("§§ 167a–167c KV M-V"),
				Approval:   factC("Nur Anzeige bei der Rechtsaufsicht (§ 167c KV M-V).")},
		},
		Approval: factU("Ob Vereinbarung (§ 165) und Verwaltungsgemeinschaft (§ 167) genehmigt oder nur angezeigt werden müssen, ist nicht belegt."),
	},
	{
		Code: "NI", Name: "Niedersachsen", Abbrev: "NKomZG",
		Law: factC("Niedersächsisches Gesetz über die kommunale Zusammenarbeit (NKomZG)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "keine eigene Form im NKomZG",
				Paragraphs: factC("keine Regelung; das NKomZG kennt nur die delegierende Zweckvereinbarung (§§ 5–6)"),
				Note: factC("Das NKomZG sieht keine mandatierende Vereinbarung vor: Die Zweckvereinbarung überträgt die " +
					"Aufgabe immer mit allen Rechten und Pflichten. Ein Mandat ohne Übergang der Zuständigkeit ist nur " +
					"als gewöhnlicher öffentlich-rechtlicher Vertrag oder als Dienstleistungsbeziehung denkbar.")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("§§ 5–6 NKomZG"),
				Approval:   factP("Genehmigung nach § 5 Abs. 6 NKomZG; nach der Gesetzesbegründung von 2004 bei freiwilligen Aufgaben nur Anzeige.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 7–19 NKomZG")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factC("§§ 3–4 NKomZG"),
				Approval:   factP("Früher Genehmigung; nach der heutigen Überschrift von § 4 NKomZG vermutlich nur Anzeige.")},
		},
		Approval: factP("Genehmigung nach § 5 Abs. 6 NKomZG; bei freiwilligen Aufgaben nach der Gesetzesbegründung von 2004 nur Anzeige."),
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
			VereinbarungMandatierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factU("§ 71 SächsKomZG (eine mandatierende Variante ist nur mittelbar belegt)"),
				Approval:   factU("Ob eine mandatierende Zweckvereinbarung genehmigt oder nur angezeigt werden muss, ist nicht belegt.")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("§ 71 Abs. 1 SächsKomZG"),
				Approval:   factC("Genehmigung der Rechtsaufsicht (§ 72 SächsKomZG).")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factP("§§ 44 ff. SächsKomZG")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt (nicht belegt)",
				Paragraphs: factU("keine Vorschrift gefunden"),
				Note: factU("Eine gemeinsame kommunale Anstalt haben wir im SächsKomZG nicht gefunden; " +
					"vermutlich sieht Sachsen sie nicht vor. Rechtsgrundlage bitte prüfen.")},
		},
		Approval: factP("Die delegierende Zweckvereinbarung braucht eine Genehmigung (§ 72 SächsKomZG); für die mandatierende ist das nicht belegt."),
	},
	{
		Code: "ST", Name: "Sachsen-Anhalt", Abbrev: "GKG-LSA",
		Law: factC("Gesetz über kommunale Gemeinschaftsarbeit (GKG-LSA)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Zweckvereinbarung (mandatierend)",
				Paragraphs: factC("§§ 3–5 GKG-LSA (Durchführung im Namen und Auftrag der anderen)"),
				Approval:   factU("Was die aktuelle Fassung zur Genehmigung sagt, ist nicht belegt.")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung (delegierend)",
				Paragraphs: factC("§§ 3–5 GKG-LSA (Übertragung zur Erfüllung)"),
				Approval:   factU("Was die aktuelle Fassung zur Genehmigung sagt, ist nicht belegt.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 6–17 GKG-LSA")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factC("§ 1a Anstaltsgesetz (AnstG LSA)"),
				Note:       factU("Ob § 1a AnstG nach der Reform vom 1.7.2024 unverändert gilt, ist nicht belegt.")},
		},
		Approval: factU("Nach der älteren Fassung nur genehmigungspflichtig bei gesetzlich zugewiesenen Aufgaben oder Aufgaben des übertragenen Wirkungskreises; die aktuelle Fassung ist nicht belegt."),
	},
	{
		Code: "SH", Name: "Schleswig-Holstein", Abbrev: "GkZ",
		Law: factC("Gesetz über kommunale Zusammenarbeit (GkZ)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§§ 18–19 GkZ"),
				Note: factP("§ 18 GkZ beschreibt die Übernahme von Aufgaben mit Übergang von Recht und Pflicht. Für eine " +
					"reine Durchführung kommt vermutlich die Verwaltungsgemeinschaft nach § 19a GkZ in Betracht; belegt " +
					"ist nur deren Überschrift."),
				Approval: factU("Ob die Vereinbarung genehmigt oder nur angezeigt werden muss, ist nicht belegt.")},
			VereinbarungDelegierend: {Available: true, Name: "öffentlich-rechtliche Vereinbarung",
				Paragraphs: factC("§§ 18–19 GkZ"),
				Approval:   factU("Ob die Vereinbarung genehmigt oder nur angezeigt werden muss, ist nicht belegt.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 2–17b GkZ")},
			AoeR: {Available: true, Name: "gemeinsames Kommunalunternehmen",
				Paragraphs: factC("§§ 19b–19d GkZ (Errichtung durch öffentlich-rechtlichen Vertrag, § 19c)")},
		},
		Approval: factU("Ob die Vereinbarung genehmigt oder nur angezeigt werden muss, ist nicht belegt."),
	},
	{
		Code: "TH", Name: "Thüringen", Abbrev: "ThürKGG",
		Law: factC("Thüringer Gesetz über die kommunale Gemeinschaftsarbeit (ThürKGG)"),
		Forms: map[ModelID]LandForm{
			VereinbarungMandatierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("§§ 7–15 ThürKGG (gemeinschaftliche Durchführung, § 7 Abs. 3)"),
				Approval:   factU("§ 11 ThürKGG kennt Anzeige und Genehmigung; wann welche gilt, ist nicht belegt.")},
			VereinbarungDelegierend: {Available: true, Name: "Zweckvereinbarung",
				Paragraphs: factC("§§ 7–15 ThürKGG (Übertragung, § 7 Abs. 2)"),
				Approval:   factU("§ 11 ThürKGG kennt Anzeige und Genehmigung; wann welche gilt, ist nicht belegt.")},
			Zweckverband: {Available: true, Name: "Zweckverband",
				Paragraphs: factC("§§ 16 ff. ThürKGG"),
				Approval:   factC("Die Verbandssatzung braucht die Genehmigung der Aufsichtsbehörde (§ 18 Abs. 1 ThürKGG).")},
			AoeR: {Available: true, Name: "gemeinsame kommunale Anstalt",
				Paragraphs: factP("zugelassen in § 2 Abs. 1 ThürKGG; die einzelnen Vorschriften sind nicht belegt")},
		},
		Approval: factU("§ 11 ThürKGG kennt Anzeige und Genehmigung; das Abgrenzungsmerkmal ist nicht belegt."),
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
