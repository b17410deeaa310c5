package model

// Contradictions: answers that do not fit together (issue 10, item 5). The
// result names them with what to check; they change no points, because
// either answer may be the one the group means.

// Contradiction is a pair of answers that pull in opposite directions.
type Contradiction struct {
	ID     string
	Keys   [2]string // the two profile keys involved
	Text   string    // German: what does not fit together
	Check  string    // German: what to check
	Source string
}

// contradictionRule fires when both answers are given (A and B), each
// "key=value".
type contradictionRule struct {
	Contradiction
	a, b Condition
}

var contradictionRules = []contradictionRule{
	{a: Condition{"umfang", "austausch"}, b: Condition{"zustaendigkeit", "abgeben"}, Contradiction: Contradiction{
		ID: "widerspruch.austausch_zustaendigkeit", Source: "H 3.1, H 3.2",
		Text:  "Es soll nur Austausch geben, aber die Zuständigkeit soll übergehen.",
		Check: "Klären, ob wirklich Aufgaben samt Verantwortung abgegeben werden sollen – dann ist es mehr als Austausch – oder ob die Zuständigkeit bei jedem bleibt."}},
	{a: Condition{"umfang", "austausch"}, b: Condition{"verbindlichkeit", "hoch"}, Contradiction: Contradiction{
		ID: "widerspruch.austausch_verbindlichkeit", Source: "H 3.1, H 3.2",
		Text:  "Es soll nur Austausch geben, aber mit hoher Verbindlichkeit und Planungssicherheit.",
		Check: "Klären, was verbindlich sein soll: Für einen festen Austausch genügt eine Absichtserklärung; rechtliche Bindung braucht eine übertragene Aufgabe."}},
	{a: Condition{"verbindlichkeit", "gering"}, b: Condition{"neue_rechtsperson", "ja"}, Contradiction: Contradiction{
		ID: "widerspruch.bindung_rechtsperson", Source: "H 3.1, H 3.2",
		Text:  "Gewünscht ist wenig Bindung, aber auch die Bereitschaft, eine neue Rechtsperson zu gründen oder ihr beizutreten.",
		Check: "Klären, wie fest die Zusammenarbeit werden soll: Eine neue Rechtsperson bindet alle Mitglieder auf Dauer."}},
	{a: Condition{"dauer", "befristet"}, b: Condition{"steuerung", "unternehmerisch"}, Contradiction: Contradiction{
		ID: "widerspruch.befristet_unternehmerisch", Source: "S; " + OwnInference,
		Text:  "Die Zusammenarbeit ist auf Zeit angelegt, gewünscht ist aber eine unternehmensähnliche Steuerung mit Vorstand und Verwaltungsrat.",
		Check: "Klären, ob sich eine eigene Einrichtung mit Vorstand für eine befristete Zusammenarbeit lohnt, oder ob sie doch auf Dauer angelegt ist."}},
	{a: Condition{"dauer", "befristet"}, b: Condition{"neue_rechtsperson", "ja"}, Contradiction: Contradiction{
		ID: "widerspruch.befristet_rechtsperson", Source: "H 3.2; " + OwnInference,
		Text:  "Die Zusammenarbeit ist auf Zeit angelegt, aber eine neue Rechtsperson käme in Frage.",
		Check: "Klären, wie lange die Zusammenarbeit dauern soll: Gründung und Auflösung einer Rechtsperson kosten Zeit und Beschlüsse."}},
	{a: Condition{"neue_rechtsperson", "nein"}, b: Condition{"bestehende_struktur", "zweckverband"}, Contradiction: Contradiction{
		ID: "widerspruch.keine_rechtsperson_zweckverband", Source: "H 3.2",
		Text:  "Eine neue Rechtsperson kommt nicht in Frage, aber ein IT-Zweckverband besteht schon.",
		Check: "Klären, ob ein Beitritt zum bestehenden Verband gemeint ist – er ist eine eigene Rechtsperson – oder nur dessen Leistungen per Vertrag genutzt werden sollen."}},
	{a: Condition{"neue_rechtsperson", "nein"}, b: Condition{"bestehende_struktur", "anstalt"}, Contradiction: Contradiction{
		ID: "widerspruch.keine_rechtsperson_anstalt", Source: "S",
		Text:  "Eine neue Rechtsperson kommt nicht in Frage, aber ein kommunaler IT-Dienstleister als Anstalt besteht schon.",
		Check: "Klären, ob Sie Träger der Anstalt werden wollen oder nur ihre Leistungen per Vertrag nutzen möchten."}},
	{a: Condition{"umfang", "gesamtbetrieb"}, b: Condition{"zustaendigkeit", "behalten"}, Contradiction: Contradiction{
		ID: "widerspruch.gesamtbetrieb_zustaendigkeit", Source: "H 3.2",
		Text:  "Der gesamte Betrieb soll abgegeben werden, die Zuständigkeit aber bleiben.",
		Check: "Klären, ob Sie die volle Verantwortung für einen Betrieb tragen wollen, den andere leisten; dann Steuerung und Kontrolle (Leistungsschein, Berichte) fest vereinbaren."}},
	{a: Condition{"umfang", "austausch"}, b: Condition{"aufgabenfelder", "service_betrieb"}, Contradiction: Contradiction{
		ID: "widerspruch.austausch_betrieb", Source: "H 3.1, H 3.2",
		Text:  "Es soll nur Austausch geben, aber die Zusammenarbeit soll Service und Betrieb tragen.",
		Check: "Klären, ob Support und Betrieb gemeinsam erbracht werden sollen – das ist mehr als Austausch – oder ob nur Erfahrungen dazu geteilt werden."}},
	{a: Condition{"ressourcen", "gering"}, b: Condition{"steuerung", "unternehmerisch"}, Contradiction: Contradiction{
		ID: "widerspruch.ressourcen_unternehmerisch", Source: "S; " + OwnInference,
		Text:  "Für den Aufbau stehen wenig Mittel bereit, gewünscht ist aber eine eigene Einrichtung mit Vorstand.",
		Check: "Klären, ob es eine bestehende Anstalt gibt, der Sie beitreten können; eine neue aufzubauen kostet Zeit und Geld."}},
}

// contradictions lists the contradictions of p (visible answers only), in
// the order of contradictionRules.
func contradictions(p Profile) []Contradiction {
	var out []Contradiction
	for _, c := range contradictionRules {
		if answeredVisible(p, c.a) && answeredVisible(p, c.b) {
			x := c.Contradiction
			x.Keys = [2]string{c.a.Key, c.b.Key}
			out = append(out, x)
		}
	}
	return out
}

func answeredVisible(p Profile, c Condition) bool {
	q, ok := ProfileQuestionByKey(c.Key)
	return ok && p.Visible(q) && p.Is(c.Key, c.Value)
}
