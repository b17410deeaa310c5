package wizard

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"ikz/model"
)

func TestReviewDraft(t *testing.T) {
	now := time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC)
	d := NewReviewDraft(now)
	if d.Date != "21.11.2026" || len(d.Answers) != len(model.EvaluationQuestions) {
		t.Fatalf("draft %+v", d)
	}
	d.Participants = "Landrätin, Steuerkreis; landrätin"
	d.Answers[0] = " teilweise "
	r, label, err := d.Review("r1", now)
	if err != nil {
		t.Fatal(err)
	}
	if !r.At.Equal(now) || label != "Review 21.11.2026" || r.ID != "r1" {
		t.Errorf("review today: at %v, label %q, id %q", r.At, label, r.ID)
	}
	if !reflect.DeepEqual(r.Participants, []string{"Landrätin", "Steuerkreis"}) ||
		!reflect.DeepEqual(r.Answers, map[string]string{model.EvaluationQuestions[0].ID: "teilweise"}) {
		t.Errorf("review %+v", r)
	}

	d.Date = "1.12.2026" // another day: midnight of that day
	if r, _, _ := d.Review("r2", now); !r.At.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("review on another day at %v", r.At)
	}
	d.Date = "32.13.2026"
	if _, _, err := d.Review("r3", now); err == nil {
		t.Error("an impossible date was taken")
	}
}

func TestReviewFields(t *testing.T) {
	d := NewReviewDraft(time.Now())
	fields := ReviewFields(d)
	if len(fields) != 2+len(model.EvaluationQuestions) {
		t.Fatalf("%d fields", len(fields))
	}
	if fields[0].GetKey() != ReviewDate || fields[1].GetKey() != ReviewParticipants {
		t.Errorf("keys %q, %q", fields[0].GetKey(), fields[1].GetKey())
	}
	for i, q := range model.EvaluationQuestions {
		if k := fields[2+i].GetKey(); k != q.ID {
			t.Errorf("question %d has key %q, want %q", i, k, q.ID)
		}
	}
	if ReviewHint(ReviewParticipants) == "" {
		t.Error("no hint for the participants")
	}
}

func TestNewReviewID(t *testing.T) {
	if got := NewReviewID([]model.Review{{ID: "r2"}}); got != "r3" {
		t.Errorf("NewReviewID = %q, want r3 (r2 is taken)", got)
	}
}

func TestDatesNameTheirField(t *testing.T) {
	d := NewReviewDraft(time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC))
	for _, c := range []struct {
		check func(string) error
		in    string
		want  string
	}{
		{d.validateDate, "nächste Woche", `Datum des Reviews: „nächste Woche“ ist kein Datum`},
		{d.validateDate, "31.02.2026", `Datum des Reviews: „31.02.2026“ gibt es nicht im Kalender`},
		{ValidateDateAs("Datum der Entscheidung"), "", "Datum der Entscheidung: fehlt"},
	} {
		err := c.check(c.in)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: %v, want it to start with %q", c.in, err, c.want)
		}
	}
	if err := d.validateDate("20.11.2026"); err != nil {
		t.Errorf("a valid past date refused: %v", err)
	}
}
