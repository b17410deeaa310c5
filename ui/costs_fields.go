package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"ikz/model"
	"ikz/ui/wording"
)

// costField is one entry of the cost-sharing sheet: a number or a name
// typed into a one-field editor, or a switch that enter moves on. i is
// the partner's index for partner fields.
type costField struct {
	id, label, unit, help string
	value                 func(c *model.CostSharing, i int) string          // in the list
	edit                  func(c *model.CostSharing, i int) string          // in the editor
	set                   func(c *model.CostSharing, i int, s string) error // reads s and writes it
	cycle                 func(c *model.CostSharing)                        // a switch: the next value
}

func (f costField) title() string {
	if f.unit == "" {
		return f.label
	}
	return f.label + " (" + f.unit + ")"
}

func stripUnit(s, unit string) string {
	s = strings.TrimSpace(s)
	if unit != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, unit))
	}
	return strings.TrimSpace(strings.TrimSuffix(s, "€"))
}

// amountField edits a float: euro, VZÄ, percent or person-days.
func amountField(id, label, unit, help string, p func(c *model.CostSharing, i int) *float64) costField {
	return costField{id: id, label: label, unit: unit, help: help,
		value: func(c *model.CostSharing, i int) string { return unitValue(*p(c, i), unit) },
		edit:  func(c *model.CostSharing, i int) string { return editNumber(*p(c, i)) },
		set: func(c *model.CostSharing, i int, s string) error {
			v, err := model.ParseAmount(label, stripUnit(s, unit))
			if err == nil {
				*p(c, i) = v
			}
			return err
		}}
}

// countField edits a whole number (schools, pupils, years).
func countField(id, label, unit, help string, p func(c *model.CostSharing, i int) *int) costField {
	return costField{id: id, label: label, unit: unit, help: help,
		value: func(c *model.CostSharing, i int) string {
			v := *p(c, i)
			switch {
			case unit == "Jahr" && v == 0:
				return "offen"
			case unit == "Jahr":
				return strconv.Itoa(v) // a year has no thousands separator
			case unit == "Jahre":
				return wording.Plural(v, "Jahr", "Jahre")
			}
			return model.FormatNumber(float64(v), 0)
		},
		edit: func(c *model.CostSharing, i int) string {
			if *p(c, i) == 0 {
				return ""
			}
			return strconv.Itoa(*p(c, i))
		},
		set: func(c *model.CostSharing, i int, s string) error {
			t := strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(stripUnit(s, unit))
			if t == "" {
				*p(c, i) = 0
				return nil
			}
			v, err := strconv.Atoi(t)
			if err != nil || v < 0 {
				return &model.FieldError{Field: label, Msg: fmt.Sprintf("%q ist keine ganze Zahl – bitte z. B. 12 eingeben", strings.TrimSpace(s))}
			}
			*p(c, i) = v
			return nil
		}}
}

func unitValue(v float64, unit string) string {
	switch unit {
	case "VZÄ", "Tage":
		return trimZeros(model.FormatNumber(v, 2)) + " " + unit
	case "%":
		return model.FormatPercent(v)
	}
	return model.FormatEuro(v)
}

func editNumber(v float64) string {
	if v == 0 {
		return ""
	}
	return trimZeros(model.FormatNumber(v, 2))
}

func partnerAt(c *model.CostSharing, i int) *model.CostPartner {
	return &c.Partners[i]
}

// costSheetFields are the joint cost and the keys, in list order.
var costSheetFields = []costField{
	countField("years", "Laufzeit", "Jahre", "Über wie viele Jahre ist die Kooperation angelegt? Einmalkosten werden auf diese Jahre verteilt; Förderprogramme verlangen meist mindestens 5.",
		func(c *model.CostSharing, _ int) *int { return &c.Years }),
	countField("start", "Beginn", "Jahr", "Erstes Kalenderjahr der Kooperation (z. B. 2027) – wichtig für die Umsatzsteuer: § 2b UStG gilt ab 2027 für alle. Leer lassen, wenn noch offen.",
		func(c *model.CostSharing, _ int) *int { return &c.StartYear }),
	amountField("staff_fte", "Personal der Kooperation", "VZÄ", "Stellen der gemeinsamen Stelle in Vollzeitäquivalenten, z. B. 3,5.",
		func(c *model.CostSharing, _ int) *float64 { return &c.StaffFTE }),
	amountField("staff_rate", "Kostensatz je VZÄ", "€/Jahr", "Personalkosten einer Vollzeitstelle im Jahr (z. B. aus den KGSt-Kostensätzen).",
		func(c *model.CostSharing, _ int) *float64 { return &c.StaffRate }),
	amountField("material", "Sachkosten", "€/Jahr", "Gemeinsame Sachkosten im Jahr: Lizenzen, Rahmenverträge, Ticketsystem, Fahrzeuge.",
		func(c *model.CostSharing, _ int) *float64 { return &c.Material }),
	amountField("one_off", "Einmalkosten", "€ gesamt", "Aufbau, Umzug der Systeme, Beratung, Vertrag – als Summe; verteilt auf die Laufzeit.",
		func(c *model.CostSharing, _ int) *float64 { return &c.OneOff }),
	amountField("overhead", "Gemeinkostenzuschlag", "%", "Zuschlag auf Personal- und Sachkosten für Verwaltung der federführenden Kommune oder der neuen Körperschaft (z. B. 10 %).",
		func(c *model.CostSharing, _ int) *float64 { return &c.OverheadPercent }),
	{id: "vat", label: "Umsatzsteuer (§ 2b UStG)", value: vatValue, cycle: func(c *model.CostSharing) {
		c.VAT = map[model.VATMode]model.VATMode{model.VATAsk: model.VATYes, model.VATYes: model.VATNo, model.VATNo: model.VATAsk}[c.VAT]
	}},
	{id: "lead", label: "Leistung erbringt", value: leadValue, cycle: func(c *model.CostSharing) {
		names := []string{""}
		for _, p := range c.Partners {
			names = append(names, p.Name)
		}
		c.Lead = names[(slices.Index(names, c.Lead)+1)%len(names)]
	}},
}

var costKeyFields = []costField{
	{id: "chosen", label: "Gewählter Schlüssel", value: func(c *model.CostSharing, _ int) string {
		if c.Chosen == "" {
			return "noch offen"
		}
		return c.Chosen.Label(*c)
	}, cycle: func(c *model.CostSharing) {
		keys := append([]model.CostKey{""}, model.CostKeys...)
		c.Chosen = keys[(slices.Index(keys, c.Chosen)+1)%len(keys)]
	}},
	{id: "mixed_base", label: "Grundbetrag (gemischt)", unit: "%",
		help: "Anteil der Kosten, den alle Partner zu gleichen Teilen tragen; der Rest folgt der Verteilgröße. Leer lassen: der Anteil, mit dem der schwächste Partner am meisten spart.",
		value: func(c *model.CostSharing, _ int) string {
			if c.MixedBase == nil {
				return "automatisch (bester Anteil)"
			}
			return model.FormatPercent(*c.MixedBase)
		},
		edit: func(c *model.CostSharing, _ int) string {
			if c.MixedBase == nil {
				return ""
			}
			return trimZeros(model.FormatNumber(*c.MixedBase, 1))
		},
		set: func(c *model.CostSharing, _ int, s string) error {
			t := stripUnit(s, "%")
			if t == "" || strings.EqualFold(t, "auto") || strings.EqualFold(t, "automatisch") {
				c.MixedBase = nil
				return nil
			}
			v, err := model.ParseAmount("Grundbetrag (%)", t)
			if err == nil {
				c.MixedBase = &v
			}
			return err
		}},
	{id: "mixed_driver", label: "Verteilgröße (gemischt)", value: func(c *model.CostSharing, _ int) string {
		return strings.TrimPrefix(c.MixedDriverKey().Label(*c), "nach ")
	}, cycle: func(c *model.CostSharing) {
		keys := []model.CostKey{model.KeyPupils, model.KeySchools, model.KeyDevices, model.KeyUsage}
		c.MixedDriver = keys[(slices.Index(keys, c.MixedDriverKey())+1)%len(keys)]
	}},
	{id: "driver_name", label: "Name der 3. Verteilgröße", help: "Was die Gruppe statt Geräten zählt, z. B. „Klassenräume“ oder „Tickets“. Leer lassen für Geräte.",
		value: func(c *model.CostSharing, _ int) string { return c.DriverLabel() },
		edit:  func(c *model.CostSharing, _ int) string { return c.DriverName },
		set: func(c *model.CostSharing, _ int, s string) error {
			s = strings.TrimSpace(s)
			if model.SafeLine(s) != s {
				return &model.FieldError{Field: "Name der Verteilgröße", Msg: "enthält Steuerzeichen – bitte nur Text"}
			}
			c.DriverName = s
			return nil
		}},
}

// costPartnerFields are one partner's figures, in list order.
func costPartnerFields(c *model.CostSharing) []costField {
	return []costField{
		{id: "p_name", label: "Name", help: "Name der Kommune, wie er im Bericht stehen soll.",
			value: func(c *model.CostSharing, i int) string { return model.SafeLine(c.Partners[i].Name) },
			edit:  func(c *model.CostSharing, i int) string { return c.Partners[i].Name },
			set: func(c *model.CostSharing, i int, s string) error {
				old := c.Partners[i].Name
				c.Partners[i].Name = strings.TrimSpace(s)
				if c.Lead == old {
					c.Lead = c.Partners[i].Name
				}
				return nil
			}},
		countField("p_schools", "Schulen", "", "Zahl der Schulen in Trägerschaft dieser Kommune.",
			func(c *model.CostSharing, i int) *int { return &partnerAt(c, i).Schools }),
		countField("p_pupils", "Schüler", "", "Schülerinnen und Schüler (amtliche Schulstatistik).",
			func(c *model.CostSharing, i int) *int { return &partnerAt(c, i).Pupils }),
		countField("p_devices", c.DriverLabel(), "", "Zahl laut Inventar (oder was die Gruppe als Verteilgröße gewählt hat).",
			func(c *model.CostSharing, i int) *int { return &partnerAt(c, i).Devices }),
		amountField("p_days", "Personentage", "Tage", "Personentage im Jahr, die die Kommune abrufen will – wie im Serviceschein der Stadt Schwerin.",
			func(c *model.CostSharing, i int) *float64 { return &partnerAt(c, i).PersonDays }),
		amountField("p_staff", "Personal heute", "VZÄ", "Eigene Stellen für Schul-IT heute, zur Information.",
			func(c *model.CostSharing, i int) *float64 { return &partnerAt(c, i).StaffNow }),
		amountField("p_personnel", "Personalkosten heute", "€/Jahr", "Was das eigene Schul-IT-Personal heute im Jahr kostet.",
			func(c *model.CostSharing, i int) *float64 { return &partnerAt(c, i).PersonnelNow }),
		amountField("p_material", "Sachkosten heute", "€/Jahr", "Eigene Sachkosten im Jahr: Lizenzen, Wartung, Ersatz.",
			func(c *model.CostSharing, i int) *float64 { return &partnerAt(c, i).MaterialNow }),
		amountField("p_contracts", "Verträge heute", "€/Jahr", "Dienstleister und Verträge im Jahr, die die Kooperation ablöst.",
			func(c *model.CostSharing, i int) *float64 { return &partnerAt(c, i).ContractsNow }),
		amountField("p_remaining", "Bleibt mit Kooperation", "€/Jahr", "Eigene Kosten, die auch mit der Kooperation bleiben (z. B. ein Vertrag, der weiterläuft).",
			func(c *model.CostSharing, i int) *float64 { return &partnerAt(c, i).RemainingWith }),
	}
}

func vatValue(c *model.CostSharing, _ int) string {
	switch c.VAT {
	case model.VATYes:
		return "ja, 19 % ab 2027"
	case model.VATNo:
		return "nein (Gründe festhalten)"
	}
	return "offen – bitte prüfen"
}

func leadValue(c *model.CostSharing, _ int) string {
	if c.Lead == "" {
		return "gemeinsame Stelle (ZV/AöR)"
	}
	return model.SafeLine(c.Lead) + " (federführend)"
}
