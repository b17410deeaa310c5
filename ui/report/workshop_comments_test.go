package report

import (
	"strings"
	"testing"

	"ikz/model"
)

// A comment on a municipality's answer and the reason for a joint answer
// reach both formats of the report, next to the answer they explain.
func TestWorkshopCommentsAndReasons(t *testing.T) {
	s := workshopSession()
	p := s.Participants[0]
	if err := s.SetParticipantComment(p.ID, "bundesland", "Sitz der Kreisverwaltung"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReason("bundesland", "alle Kommunen liegen in NRW"); err != nil {
		t.Fatal(err)
	}
	d := Data{Session: s, Result: model.Score(s.Profile), Generated: fixedNow}
	for _, format := range Formats {
		out := render(t, format, d)
		if format == "html" {
			out = textOf(t, out)
		}
		for _, want := range []string{"Begründung: alle Kommunen liegen in NRW", "Kommentar " + p.Name + ": Sitz der Kreisverwaltung"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s report lacks %q", format, want)
			}
		}
	}
}
