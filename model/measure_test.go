package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string // ISO, empty when an error is expected
		errPart string
	}{
		{"2027-03-31", "2027-03-31", ""},
		{" 2027-03-31 ", "2027-03-31", ""},
		{"31.03.2027", "2027-03-31", ""},
		{"1.3.2027", "2027-03-01", ""},
		{"2024-02-29", "2024-02-29", ""},
		{"2027-02-29", "", "gibt es nicht im Kalender"},
		{"2027-13-01", "", "gibt es nicht im Kalender"},
		{"31.04.2027", "", "gibt es nicht im Kalender"},
		{"", "", "fehlt"},
		{"nächste Woche", "", "ist kein Datum"},
		{"2027/03/31", "", "ist kein Datum"},
		{"27-03-31", "", "ist kein Datum"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := NormalizeDate(tt.in)
			if tt.errPart != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errPart) {
					t.Fatalf("NormalizeDate(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.errPart)
				}
				if !strings.HasPrefix(err.Error(), "Fällig am: ") {
					t.Errorf("error %q does not name the field", err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("NormalizeDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestGermanDate(t *testing.T) {
	for in, want := range map[string]string{"2027-03-31": "31.03.2027", "2026-11-01": "01.11.2026", "kaputt": "kaputt", "": ""} {
		if got := GermanDate(in); got != want {
			t.Errorf("GermanDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func validMeasure() Measure {
	return Measure{ID: "m1", Title: "Ticketsystem einführen", Responsible: "Koordinationsstelle",
		Indicator: "alle Schulen melden Störungen über das Ticketsystem", Due: "2027-03-31",
		Status: MeasureGeplant, Phase: PhaseRealisierung}
}

func TestMeasureValidate(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*Measure)
		fields []string // German field names expected in the error, none = valid
	}{
		{"valid", func(*Measure) {}, nil},
		{"no phase is fine", func(m *Measure) { m.Phase = "" }, nil},
		{"no responsible is fine", func(m *Measure) { m.Responsible = "" }, nil},
		{"blank title", func(m *Measure) { m.Title = "  " }, []string{"Titel"}},
		{"no indicator", func(m *Measure) { m.Indicator = "" }, []string{"Indikator"}},
		{"no due date", func(m *Measure) { m.Due = "" }, []string{"Fällig am"}},
		{"impossible date", func(m *Measure) { m.Due = "2027-02-30" }, []string{"Fällig am"}},
		{"german date not normalized", func(m *Measure) { m.Due = "31.03.2027" }, []string{"Fällig am"}},
		{"unknown status", func(m *Measure) { m.Status = "fertig" }, []string{"Status"}},
		{"empty status", func(m *Measure) { m.Status = "" }, []string{"Status"}},
		{"unknown phase", func(m *Measure) { m.Phase = "betrieb" }, []string{"Phase"}},
		{"everything wrong", func(m *Measure) { *m = Measure{Status: "x"} }, []string{"Titel", "Indikator", "Fällig am", "Status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := validMeasure()
			tt.edit(&m)
			err := m.Validate()
			if len(tt.fields) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate() = nil, want errors for %v", tt.fields)
			}
			for _, f := range tt.fields {
				if !strings.Contains(err.Error(), f+": ") {
					t.Errorf("error %q does not name field %q", err, f)
				}
			}
			if n := strings.Count(err.Error(), "\n") + 1; n != len(tt.fields) {
				t.Errorf("got %d messages, want %d: %q", n, len(tt.fields), err)
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Errorf("error is not a *FieldError: %T", err)
			}
		})
	}
}

func TestMeasureOverdue(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	now := time.Date(2027, 4, 1, 10, 0, 0, 0, berlin)
	tests := []struct {
		due    string
		status MeasureStatus
		now    time.Time
		want   bool
	}{
		{"2027-03-31", MeasureGeplant, now, true},
		{"2027-03-31", MeasureLaufend, now, true},
		{"2027-03-31", MeasureErledigt, now, false},
		{"2027-03-31", MeasureVerworfen, now, false},
		{"2027-04-01", MeasureGeplant, now, false}, // due today
		{"2027-04-02", MeasureLaufend, now, false},
		{"2020-01-01", MeasureGeplant, now, true},
		{"", MeasureGeplant, now, false},
		{"kaputt", MeasureGeplant, now, false},
		// 00:30 local on 1 April is still 31 March in UTC: the local date counts
		{"2027-03-31", MeasureGeplant, time.Date(2027, 4, 1, 0, 30, 0, 0, berlin), true},
		{"2027-03-31", MeasureGeplant, time.Date(2027, 3, 31, 23, 59, 0, 0, berlin), false},
	}
	for _, tt := range tests {
		m := Measure{Due: tt.due, Status: tt.status}
		if got := m.Overdue(tt.now); got != tt.want {
			t.Errorf("Measure{Due: %q, Status: %q}.Overdue(%v) = %v, want %v", tt.due, tt.status, tt.now, got, tt.want)
		}
	}
}

func TestCountOverdue(t *testing.T) {
	now := time.Date(2027, 4, 1, 12, 0, 0, 0, time.UTC)
	ms := []Measure{
		{Due: "2027-01-01", Status: MeasureGeplant},
		{Due: "2027-01-01", Status: MeasureErledigt},
		{Due: "2027-03-31", Status: MeasureLaufend},
		{Due: "2027-12-31", Status: MeasureGeplant},
	}
	if got := CountOverdue(ms, now); got != 2 {
		t.Errorf("CountOverdue = %d, want 2", got)
	}
	if got := CountOverdue(nil, now); got != 0 {
		t.Errorf("CountOverdue(nil) = %d, want 0", got)
	}
}

func TestMeasureStatusLabel(t *testing.T) {
	if len(MeasureStatuses) != 4 {
		t.Fatalf("want 4 statuses, got %d", len(MeasureStatuses))
	}
	for _, o := range MeasureStatuses {
		m := validMeasure()
		m.Status = MeasureStatus(o.Value)
		if err := m.Validate(); err != nil {
			t.Errorf("status %q from MeasureStatuses rejected: %v", o.Value, err)
		}
		if MeasureStatusLabel(MeasureStatus(o.Value)) != o.Label {
			t.Errorf("label of %q", o.Value)
		}
	}
	if got := MeasureStatusLabel("unbekannt"); got != "unbekannt" {
		t.Errorf("unknown status label = %q", got)
	}
}
