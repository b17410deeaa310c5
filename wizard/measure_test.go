package wizard

import (
	"bytes"
	"strings"
	"testing"

	"ikz/model"
)

func TestMeasureDraftRoundTrip(t *testing.T) {
	m := model.Measure{ID: "m1", Title: "Ticketsystem", Responsible: "IT", Indicator: "alle Schulen",
		Due: "2027-03-31", Status: model.MeasureLaufend, Phase: model.PhaseRealisierung}
	d := NewMeasureDraft(m)
	if d.Due != "31.03.2027" {
		t.Errorf("draft date %q, want the German form", d.Due)
	}
	got, err := d.Measure("m1")
	if err != nil || got != m {
		t.Errorf("Measure() = %+v, %v; want %+v", got, err, m)
	}
}

func TestMeasureDraftProblems(t *testing.T) {
	cases := []struct {
		name string
		d    MeasureDraft
		want string
	}{
		{"impossible date", MeasureDraft{Title: "T", Indicator: "I", Due: "31.02.2027", Status: "geplant"}, "gibt es nicht im Kalender"},
		{"no date", MeasureDraft{Title: "T", Indicator: "I", Status: "geplant"}, "Fällig am: fehlt"},
		{"no indicator", MeasureDraft{Title: "T", Due: "1.4.2027", Status: "geplant"}, "Indikator: fehlt"},
		{"no title", MeasureDraft{Indicator: "I", Due: "2027-04-01", Status: "geplant"}, "Titel: fehlt"},
	}
	for _, c := range cases {
		if _, err := c.d.Measure("m1"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	m, err := (&MeasureDraft{Title: " T ", Indicator: "I", Due: " 1.4.2027 ", Status: "geplant"}).Measure("m2")
	if err != nil || m.Due != "2027-04-01" || m.Title != "T" {
		t.Errorf("valid draft: %+v, %v", m, err)
	}
}

func TestMeasureFieldsAccessible(t *testing.T) {
	d := &MeasureDraft{Status: string(model.MeasureGeplant)}
	in := strings.NewReader(strings.Join([]string{
		"", "Ticketsystem einführen", // a title is required: asked again
		"IT-Koordination",
		"alle Schulen angebunden",
		"2027-02-30", "30.3.2027", // an impossible date is asked again
		"3", // erledigt
		"2", // Sondierung
	}, "\n") + "\n")
	var out bytes.Buffer
	fields := MeasureFields(d)
	keys := []string{MeasureTitle, MeasureResponsible, MeasureIndicator, MeasureDue, MeasureStatus, MeasurePhase}
	if len(fields) != len(keys) {
		t.Fatalf("%d fields, want %d", len(fields), len(keys))
	}
	for i, f := range fields {
		if f.GetKey() != keys[i] {
			t.Errorf("field %d has key %q, want %q", i, f.GetKey(), keys[i])
		}
		f.Init()
		if err := f.RunAccessible(&out, oneLine{in}); err != nil {
			t.Fatal(err)
		}
	}
	text := out.String()
	for _, want := range []string{"Titel: fehlt", "„2027-02-30“ gibt es nicht im Kalender"} {
		if !strings.Contains(text, want) {
			t.Errorf("output misses %q:\n%s", want, text)
		}
	}
	m, err := d.Measure("m1")
	want := model.Measure{ID: "m1", Title: "Ticketsystem einführen", Responsible: "IT-Koordination",
		Indicator: "alle Schulen angebunden", Due: "2027-03-30", Status: model.MeasureErledigt, Phase: model.PhaseSondierung}
	if err != nil || m != want {
		t.Errorf("measure %+v (%v), want %+v", m, err, want)
	}
	if MeasureHint(MeasureDue) == "" || MeasureHint(MeasureStatus) != "" {
		t.Error("hints: the date needs one, the status has none")
	}
}

func TestNewMeasureID(t *testing.T) {
	ms := []model.Measure{{ID: "m2"}, {ID: "m3"}}
	if got := NewMeasureID(ms); got != "m4" {
		t.Errorf("NewMeasureID = %q, want m4 (m3 is taken)", got)
	}
	if got := NewMeasureID(nil); got != "m1" {
		t.Errorf("NewMeasureID(nil) = %q", got)
	}
}

// oneLine hands out at most one line per Read, as the accessible mode
// does: huh starts a new scanner for every prompt.
type oneLine struct{ r *strings.Reader }

func (o oneLine) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		b, err := o.r.ReadByte()
		if err != nil {
			return n, err
		}
		p[n] = b
		n++
		if b == '\n' {
			break
		}
	}
	return n, nil
}
