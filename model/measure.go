package model

import (
	"errors"
	"regexp"
	"strings"
	"time"
)

// DateLayout is the ISO 8601 date format used in files and in Measure.Due.
const DateLayout = "2006-01-02"

// GermanDateLayout is how dates are shown to users (21.11.2026).
const GermanDateLayout = "02.01.2006"

// MeasureStatuses in display order with German labels.
var MeasureStatuses = []Option{
	{string(MeasureGeplant), "geplant"},
	{string(MeasureLaufend), "laufend"},
	{string(MeasureErledigt), "erledigt"},
	{string(MeasureVerworfen), "verworfen"},
}

// MeasureStatusLabel returns the German label of a status, or the raw value.
func MeasureStatusLabel(s MeasureStatus) string {
	for _, o := range MeasureStatuses {
		if o.Value == string(s) {
			return o.Label
		}
	}
	return string(s)
}

// FieldError is an invalid value in a form or document; Field is the German
// field name shown to the user.
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// ValidateMeasureTitle checks the title of a measure (for form fields).
func ValidateMeasureTitle(s string) error {
	if strings.TrimSpace(s) == "" {
		return &FieldError{"Titel", "fehlt – bitte kurz beschreiben, was getan wird"}
	}
	return nil
}

// ValidateIndicator checks the measurable indicator ("M" of SMART, H 4.2.2).
func ValidateIndicator(s string) error {
	if strings.TrimSpace(s) == "" {
		return &FieldError{"Indikator", "fehlt – woran erkennen Sie, dass die Maßnahme erreicht ist? (z. B. „alle 12 Schulen an das Ticketsystem angebunden“)"}
	}
	return nil
}

// ValidateDue checks a due date in ISO form (YYYY-MM-DD), the "T" of SMART.
func ValidateDue(s string) error {
	_, err := ParseDate(s)
	return err
}

var (
	isoDate    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	germanDate = regexp.MustCompile(`^\d{1,2}\.\d{1,2}\.\d{4}$`)
)

// ParseDate reads a due date typed as 2027-03-31 or 31.03.2027 and returns
// it as a date in UTC. Impossible dates such as 2027-02-30 are rejected.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	var layout string
	switch {
	case s == "":
		return time.Time{}, &FieldError{"Fällig am", "fehlt – bitte ein Datum angeben, z. B. 2027-03-31 oder 31.03.2027"}
	case isoDate.MatchString(s):
		layout = DateLayout
	case germanDate.MatchString(s):
		layout = "2.1.2006"
	default:
		return time.Time{}, &FieldError{"Fällig am", germanf("%q ist kein Datum – bitte als JJJJ-MM-TT (2027-03-31) oder TT.MM.JJJJ (31.03.2027) angeben", s)}
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, &FieldError{"Fällig am", germanf("%q gibt es nicht im Kalender – bitte Tag und Monat prüfen", s)}
	}
	return t, nil
}

// NormalizeDate turns a typed date (ISO or German) into the ISO form stored
// in Measure.Due.
func NormalizeDate(s string) (string, error) {
	t, err := ParseDate(s)
	if err != nil {
		return "", err
	}
	return t.Format(DateLayout), nil
}

// GermanDate shows an ISO date as 31.03.2027; anything unparsable is returned
// unchanged so that nothing is hidden from the user.
func GermanDate(iso string) string {
	t, err := time.Parse(DateLayout, iso)
	if err != nil {
		return iso
	}
	return t.Format(GermanDateLayout)
}

// Validate checks a measure and returns all problems at once, each naming
// its field. IDs are assigned by the caller and not checked here.
func (m Measure) Validate() error {
	var errs []error
	errs = append(errs, ValidateMeasureTitle(m.Title), ValidateIndicator(m.Indicator))
	if err := ValidateDue(m.Due); err != nil {
		errs = append(errs, err)
	} else if !isoDate.MatchString(strings.TrimSpace(m.Due)) {
		// typed dates are normalized before saving; stored ones are ISO
		errs = append(errs, &FieldError{"Fällig am", germanf("%q ist nicht im Format JJJJ-MM-TT gespeichert", m.Due)})
	}
	switch m.Status {
	case MeasureGeplant, MeasureLaufend, MeasureErledigt, MeasureVerworfen:
	default:
		errs = append(errs, &FieldError{"Status", germanf("%q ist unbekannt; erlaubt sind: geplant, laufend, erledigt, verworfen", m.Status)})
	}
	switch m.Phase {
	case "", PhaseSondierung, PhaseRealisierung, PhaseVerstetigung:
	default:
		errs = append(errs, &FieldError{"Phase", germanf("%q ist unbekannt; erlaubt sind: sondierung, realisierung, verstetigung oder leer", m.Phase)})
	}
	return errors.Join(errs...)
}

// Open reports whether the measure still has to be done (geplant or laufend).
func (m Measure) Open() bool {
	return m.Status == MeasureGeplant || m.Status == MeasureLaufend
}

// Overdue reports whether an open measure is past its due date. A measure
// due today is not overdue yet; the date is compared in now's time zone.
func (m Measure) Overdue(now time.Time) bool {
	if !m.Open() {
		return false
	}
	due, err := time.Parse(DateLayout, m.Due)
	if err != nil {
		return false
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return due.Before(today)
}

// CountOverdue counts the overdue measures (for the start screen).
func CountOverdue(ms []Measure, now time.Time) int {
	n := 0
	for _, m := range ms {
		if m.Overdue(now) {
			n++
		}
	}
	return n
}
