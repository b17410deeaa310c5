package model

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Thresholds that several Länder's IKZ funding programmes ask for
// (domain.md §7); the Handreichung cites savings above 10 % in internal
// service areas (H 4, DStGB study).
const (
	FundingMinSavingsPercent = 15.0
	FundingMinYears          = 5
)

// FundingHint is shown when the sheet misses either funding threshold.
const FundingHint = "Förderprogramme einiger Länder verlangen mindestens 15 % Einsparung pro Jahr über mindestens 5 Jahre – bitte Förderrichtlinie prüfen."

// EfficiencyContext places the numbers; shown under the sheet.
const EfficiencyContext = "Zum Vergleich: Die Handreichung nennt Einsparungen von über 10 % vor allem in verwaltungsinternen Servicebereichen (Studie des DStGB, H 4)."

// maxAmount keeps typos such as an extra row of zeros out of the sheet.
const maxAmount = 1e11

// CostRow is one cost type of the sheet, in euro per year.
type CostRow struct {
	Label string
	Now   float64
	With  float64
	Note  string // e.g. how one-off costs were spread
}

// EfficiencySheet is the computed efficiency sheet.
type EfficiencySheet struct {
	Years          int
	Rows           []CostRow // personnel, material, one-off (spread over Years)
	TotalNow       float64   // per year
	TotalWith      float64   // per year
	Savings        float64   // per year; negative when the cooperation costs more
	SavingsPercent float64   // of TotalNow; valid only if HasPercent
	HasPercent     bool      // false when today's costs are 0
	SavingsTerm    float64   // Savings × Years
	StaffNow       float64   // full-time equivalents, for information
	StaffWith      float64
	Hints          []string
}

// efficiencyField names one number of the sheet for validation messages.
type efficiencyField struct {
	label string
	value float64
}

func (e Efficiency) fields() []efficiencyField {
	return []efficiencyField{
		{"Personalkosten heute", e.PersonnelNow},
		{"Personalkosten mit Kooperation", e.PersonnelWith},
		{"Sachkosten heute", e.MaterialNow},
		{"Sachkosten mit Kooperation", e.MaterialWith},
		{"Einmalkosten heute", e.OneOffNow},
		{"Einmalkosten mit Kooperation", e.OneOffWith},
		{"Personal heute (VZÄ)", e.StaffNow},
		{"Personal mit Kooperation (VZÄ)", e.StaffWith},
	}
}

// maxStaff bounds the staff fields: more than this many full-time
// equivalents for one authority's school IT is a typo (often euros typed
// into the VZÄ field).
const maxStaff = 2000

// Validate checks the sheet and returns every problem, each naming its field.
func (e Efficiency) Validate() error {
	var errs []error
	if e.Years < 1 {
		errs = append(errs, &FieldError{"Laufzeit", fmt.Sprintf("%d Jahre – bitte mindestens 1 Jahr angeben (Dauer, über die die Einmalkosten verteilt werden)", e.Years)})
	} else if e.Years > 100 {
		errs = append(errs, &FieldError{"Laufzeit", fmt.Sprintf("%d Jahre ist unplausibel – bitte höchstens 100 Jahre angeben", e.Years)})
	}
	for _, f := range e.fields() {
		switch {
		case math.IsNaN(f.value) || math.IsInf(f.value, 0):
			errs = append(errs, &FieldError{f.label, "ist keine Zahl – bitte einen Betrag eingeben"})
		case f.value < 0:
			errs = append(errs, &FieldError{f.label, fmt.Sprintf("darf nicht negativ sein (%s) – bitte 0 oder mehr eingeben", formatNumber(f.value, 2))})
		case strings.Contains(f.label, "VZÄ") && f.value > maxStaff:
			errs = append(errs, &FieldError{f.label, fmt.Sprintf("%s VZÄ ist unplausibel viel für die Schul-IT eines Trägers – höchstens %d; bitte prüfen (Stellen, nicht Euro)", formatNumber(f.value, 2), maxStaff)})
		case f.value > maxAmount:
			errs = append(errs, &FieldError{f.label, fmt.Sprintf("%s ist unplausibel groß – bitte den Betrag prüfen", formatNumber(f.value, 2))})
		}
	}
	return errors.Join(errs...)
}

// Sheet computes the yearly costs, savings and hints. Call Validate first;
// with Years < 1 one-off costs are counted in a single year.
func (e Efficiency) Sheet() EfficiencySheet {
	years := e.Years
	if years < 1 {
		years = 1
	}
	spread := "verteilt auf " + Plural(years, "Jahr", "Jahre")
	s := EfficiencySheet{
		Years: e.Years,
		Rows: []CostRow{
			{Label: "Personalkosten", Now: e.PersonnelNow, With: e.PersonnelWith},
			{Label: "Sachkosten", Now: e.MaterialNow, With: e.MaterialWith},
			{Label: "Einmalkosten", Now: e.OneOffNow / float64(years), With: e.OneOffWith / float64(years), Note: spread},
		},
		StaffNow:  e.StaffNow,
		StaffWith: e.StaffWith,
	}
	for _, r := range s.Rows {
		s.TotalNow += r.Now
		s.TotalWith += r.With
	}
	s.Savings = s.TotalNow - s.TotalWith
	s.SavingsTerm = s.Savings * float64(years)
	if s.TotalNow > 0 {
		s.HasPercent = true
		s.SavingsPercent = s.Savings / s.TotalNow * 100
	}
	if s.Savings < 0 {
		s.Hints = append(s.Hints, "Mit der Kooperation entstehen höhere Kosten als heute – Nutzen wie Ausfallsicherheit oder Servicequalität bitte gesondert begründen.")
	}
	// compare in cents/hundredths so that 15,0 % exactly passes
	if !s.HasPercent || math.Round(s.SavingsPercent*100) < FundingMinSavingsPercent*100 || e.Years < FundingMinYears {
		s.Hints = append(s.Hints, FundingHint)
	}
	if hint, ok := s.vatHint(); ok {
		s.Hints = append(s.Hints, hint)
	}
	return s
}

// vatHint: from 1.1.2027 § 2b UStG applies to every municipality, and VAT
// a Kommune cannot deduct can erase a saving (domain.md §8, issue 10 item 7).
// The sheet does not know which costs are paid to a partner, so the hint
// shows the worst case: every cost with the cooperation plus VAT at
// VATRate (cost.go).
func (s EfficiencySheet) vatHint() (string, bool) {
	if s.TotalWith <= 0 || s.Savings <= 0 || !s.HasPercent {
		return "", false
	}
	worst := s.TotalNow - s.TotalWith*(1+VATRate)
	// One sign convention (issue 11): the word says which way, the
	// numbers after it are positive.
	result := "bliebe eine Einsparung von %s im Jahr (%s)"
	if worst < 0 {
		result = "entstünden Mehrkosten von %s im Jahr (%s)"
	}
	return fmt.Sprintf("Umsatzsteuer prüfen (§ 2b UStG ab %s): Mit 19 %% nicht abziehbarer Steuer auf alle Kosten "+
		"mit Kooperation "+result+".", VATDate, FormatEuro(math.Abs(worst)), FormatPercent(math.Abs(worst)/s.TotalNow*100)), true
}

// MeetsFunding reports whether both funding thresholds are met.
func (s EfficiencySheet) MeetsFunding() bool {
	for _, h := range s.Hints {
		if h == FundingHint {
			return false
		}
	}
	return true
}

// FormatEuro formats an amount the German way: 12.345,67 €.
func FormatEuro(v float64) string { return formatNumber(v, 2) + " €" }

// FormatPercent formats a percentage with one decimal: 12,5 %.
func FormatPercent(p float64) string { return formatNumber(p, 1) + " %" }

// FormatNumber formats v with the given decimals, "." grouping thousands and
// "," as decimal separator (1.234,5).
func FormatNumber(v float64, decimals int) string { return formatNumber(v, decimals) }

func formatNumber(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	// commercial rounding (half away from zero), as people expect for money
	p := math.Pow10(decimals)
	s := strconv.FormatFloat(math.Round(math.Abs(v)*p)/p, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	// "-0,00" would look odd: only show a minus if something non-zero remains
	if v < 0 && strings.Trim(intPart+frac, "0") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// ParseAmount reads an amount typed the German way ("12.345,67", "1.200",
// optionally with "€"; "" is 0) with ParseGermanNumber: input that reads
// two ways is refused, naming both readings. Amounts are not negative.
func ParseAmount(field, s string) (float64, error) {
	if strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "€")) == "" {
		return 0, nil
	}
	v, err := ParseGermanNumber(s)
	if err != nil {
		var ne *NumberError
		if errors.As(err, &ne) {
			return 0, &FieldError{field, ne.Error()}
		}
		return 0, &FieldError{field, err.Error()}
	}
	if v < 0 {
		return 0, &FieldError{field, "darf nicht negativ sein – bitte 0 oder mehr eingeben"}
	}
	return v, nil
}
