package model

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// CostSharing is the cost-sharing sheet: who pays what of the joint cost of
// the cooperation ("Kostenbeteiligungen bzw. Ausgleichszahlungen", H 3.2).
// Amounts are euro; the computation works in cents (see CostSheet).
type CostSharing struct {
	Years     int `json:"years"`                // term; one-off costs are spread over it
	StartYear int `json:"start_year,omitempty"` // first calendar year, for the § 2b UStG date rule; 0 = unknown

	// The joint cost per year.
	StaffFTE        float64 `json:"staff_fte"`        // staff of the joint unit in VZÄ
	StaffRate       float64 `json:"staff_rate"`       // € per VZÄ and year (Personalkostensatz)
	Material        float64 `json:"material"`         // €/year: licences, contracts, devices of the joint unit
	OneOff          float64 `json:"one_off"`          // € in total: set-up, migration, advice; spread over Years
	OverheadPercent float64 `json:"overhead_percent"` // share on staff and material for the lead or the new body

	VAT  VATMode `json:"vat,omitempty"`  // § 2b UStG; default: ask
	Lead string  `json:"lead,omitempty"` // partner that does the work and pays no VAT to itself; "" = a new body

	// DriverName is what the group counts instead of devices ("" = Geräte).
	DriverName string `json:"driver_name,omitempty"`
	// MixedBase is the base-fee share of the mixed key in percent; nil =
	// the share that lets the smallest partner save the most.
	MixedBase   *float64 `json:"mixed_base_percent,omitempty"`
	MixedDriver CostKey  `json:"mixed_driver,omitempty"` // driver of the variable part; "" = pupils
	Chosen      CostKey  `json:"chosen,omitempty"`       // the key the group settles on; "" = none yet

	Partners []CostPartner `json:"partners,omitempty"`
}

// CostPartner is one participating municipality with its own figures.
type CostPartner struct {
	Name       string  `json:"name"`
	Schools    int     `json:"schools"`
	Pupils     int     `json:"pupils"`
	Devices    int     `json:"devices"`               // or the group's own driver (CostSharing.DriverName)
	PersonDays float64 `json:"person_days,omitempty"` // usage per year, as in the Schwerin Serviceschein (S)

	// Own cost today, per year.
	StaffNow     float64 `json:"staff_now,omitempty"` // VZÄ, for information
	PersonnelNow float64 `json:"personnel_now"`
	MaterialNow  float64 `json:"material_now"`
	ContractsNow float64 `json:"contracts_now"`
	// RemainingWith is what stays with the partner under the cooperation
	// (e.g. a contract that runs on), per year.
	RemainingWith float64 `json:"remaining_with,omitempty"`
}

// TodayTotal is the partner's own cost per year today.
func (p CostPartner) TodayTotal() float64 { return p.PersonnelNow + p.MaterialNow + p.ContractsNow }

// VATMode is the switch for § 2b UStG.
type VATMode string

const (
	VATAsk VATMode = ""     // not decided: computed without VAT, the difference is shown
	VATNo  VATMode = "nein" // not taxable (e.g. § 2b Abs. 3 Nr. 2 UStG met – documented)
	VATYes VATMode = "ja"   // taxable from the year § 2b UStG applies
)

// VATRate is the standard rate (§ 12 Abs. 1 UStG).
const VATRate = 0.19

// VATFirstYear is the first year § 2b UStG applies to every public body:
// the transitional option (§ 27 Abs. 22a UStG) ends on 31.12.2026.
const VATFirstYear = 2027

// Limits that keep typos and hostile files out of the sheet.
const (
	maxCostYears    = 50
	maxCostPartners = 200
	maxCount        = 10_000_000 // schools, pupils, devices
	maxFTE          = 100_000
	maxNameLen      = 100
	maxPersonDays   = 1_000_000 // per partner and year; keeps the exact split within 64 bits
)

// DriverLabel is the name of the third driver ("Geräte" unless the group
// named another).
func (c CostSharing) DriverLabel() string {
	if n := strings.TrimSpace(c.DriverName); n != "" {
		return n
	}
	return "Geräte"
}

// Validate checks the sheet and returns every problem, each naming its field.
func (c CostSharing) Validate() error {
	var errs []error
	add := func(field, msg string) { errs = append(errs, &FieldError{field, msg}) }
	if c.Years < 1 || c.Years > maxCostYears {
		add("Laufzeit", fmt.Sprintf("%d Jahre – bitte 1 bis %d Jahre angeben", c.Years, maxCostYears))
	}
	if c.StartYear != 0 && (c.StartYear < 2000 || c.StartYear > 2100) {
		add("Beginn", fmt.Sprintf("%d ist kein plausibles Jahr – bitte z. B. 2027 eingeben", c.StartYear))
	}
	errs = append(errs, checkAmount("Personal der Kooperation (VZÄ)", c.StaffFTE, maxFTE))
	errs = append(errs, checkAmount("Personalkostensatz je VZÄ", c.StaffRate, maxAmount))
	errs = append(errs, checkAmount("Sachkosten der Kooperation", c.Material, maxAmount))
	errs = append(errs, checkAmount("Einmalkosten der Kooperation", c.OneOff, maxAmount))
	errs = append(errs, checkAmount("Gemeinkostenzuschlag (%)", c.OverheadPercent, 100))
	if j := c.StaffFTE*c.StaffRate + c.Material + c.OneOff; j > maxAmount {
		add("Gemeinsame Kosten", fmt.Sprintf("%s € ist unplausibel groß – bitte Personal, Satz und Beträge prüfen", formatNumber(j, 2)))
	}
	if c.MixedBase != nil {
		errs = append(errs, checkAmount("Grundbetrag (%)", *c.MixedBase, 100))
	}
	switch c.VAT {
	case VATAsk, VATNo, VATYes:
	default:
		add("Umsatzsteuer", germanf("%q ist unbekannt; erlaubt: offen, ja, nein", string(c.VAT)))
	}
	switch c.MixedDriver {
	case "", KeySchools, KeyPupils, KeyDevices, KeyUsage:
	default:
		add("Verteilgröße des gemischten Schlüssels", germanf("%q ist keine Verteilgröße; erlaubt: schulen, schueler, geraete, nutzung", string(c.MixedDriver)))
	}
	if c.Chosen != "" && !c.Chosen.Known() {
		add("Gewählter Schlüssel", germanf("%q ist unbekannt; erlaubt: %s", string(c.Chosen), costKeyList()))
	}
	if len(c.Partners) > maxCostPartners {
		add("Partner", fmt.Sprintf("%d Partner sind zu viele – höchstens %d", len(c.Partners), maxCostPartners))
	}
	if len(strings.TrimSpace(c.DriverName)) > maxNameLen {
		add("Name der Verteilgröße", fmt.Sprintf("ist zu lang – höchstens %d Zeichen", maxNameLen))
	}
	seen := map[string]bool{}
	leadFound := c.Lead == ""
	for i, p := range c.Partners {
		if !p.plausible() { // the messages are built only for a problem
			errs = append(errs, p.validate(fmt.Sprintf("Partner %d", i+1)))
		}
		key := strings.ToLower(strings.TrimSpace(p.Name))
		if key != "" && seen[key] {
			add(germanf("Partner %d", i+1), germanf("%q steht doppelt in der Liste – bitte jede Kommune nur einmal eintragen", p.Name))
		}
		seen[key] = true
		if p.Name == c.Lead {
			leadFound = true
		}
	}
	if !leadFound {
		add("Federführung", germanf("%q ist kein Partner – bitte einen Partner wählen oder „neue Körperschaft“", c.Lead))
	}
	return errors.Join(errs...)
}

// plausible is the fast check of every rule of validate (called on every
// keystroke for every partner).
func (p CostPartner) plausible() bool {
	name := strings.TrimSpace(p.Name)
	ok := func(v, limit float64) bool { return v >= 0 && v <= limit } // false for NaN
	return name != "" && len(name) <= maxNameLen && SafeLine(name) == name &&
		ok(float64(p.Schools), maxCount) && ok(float64(p.Pupils), maxCount) && ok(float64(p.Devices), maxCount) &&
		ok(p.PersonDays, maxPersonDays) && ok(p.StaffNow, maxFTE) && ok(p.PersonnelNow, maxAmount) &&
		ok(p.MaterialNow, maxAmount) && ok(p.ContractsNow, maxAmount) && ok(p.RemainingWith, maxAmount)
}

func (p CostPartner) validate(field string) error {
	var errs []error
	name := strings.TrimSpace(p.Name)
	switch {
	case name == "":
		errs = append(errs, &FieldError{field, "Name fehlt – bitte den Namen der Kommune eingeben"})
	case len(name) > maxNameLen:
		errs = append(errs, &FieldError{field, fmt.Sprintf("Name ist zu lang – höchstens %d Zeichen", maxNameLen)})
	case SafeLine(name) != name:
		errs = append(errs, &FieldError{field, "Name enthält Steuerzeichen – bitte nur Text eingeben"})
	default:
		field = fmt.Sprintf("%s (%s)", field, name)
	}
	for _, n := range []struct {
		label string
		v     int
	}{{"Schulen", p.Schools}, {"Schüler", p.Pupils}, {"Geräte", p.Devices}} {
		errs = append(errs, checkAmount(field+": "+n.label, float64(n.v), maxCount))
	}
	errs = append(errs,
		checkAmount(field+": Personentage", p.PersonDays, maxPersonDays),
		checkAmount(field+": Personal heute (VZÄ)", p.StaffNow, maxFTE),
		checkAmount(field+": Personalkosten heute", p.PersonnelNow, maxAmount),
		checkAmount(field+": Sachkosten heute", p.MaterialNow, maxAmount),
		checkAmount(field+": Verträge heute", p.ContractsNow, maxAmount),
		checkAmount(field+": verbleibende Kosten mit Kooperation", p.RemainingWith, maxAmount),
	)
	return errors.Join(errs...)
}

// checkAmount refuses NaN, negative and implausibly large numbers.
func checkAmount(field string, v, limit float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return &FieldError{field, "ist keine Zahl – bitte einen Betrag eingeben"}
	case v < 0:
		return &FieldError{field, fmt.Sprintf("darf nicht negativ sein (%s) – bitte 0 oder mehr eingeben", formatNumber(v, 2))}
	case v > limit:
		return &FieldError{field, fmt.Sprintf("%s ist unplausibel groß – höchstens %s", formatNumber(v, 2), formatNumber(limit, 0))}
	}
	return nil
}
