package store

import (
	"testing"

	"ikz/model"
)

// The start screen and "ikz list" name a model only when it leads; a tie
// says "noch keine Empfehlung", and an unverified legal basis is marked
// (issue 10, items 3 and 4).
func TestSummaryTopModel(t *testing.T) {
	tests := []struct {
		name         string
		p            model.Profile
		top          model.ModelID
		tied, marked bool
	}{
		{"nur_land_gleichauf", model.Profile{"bundesland": {"NW"}}, "", true, false},
		{"klarer_vorsprung", model.Profile{"bundesland": {"HE"}, "umfang": {"austausch"}}, model.Informell, false, false},
		{"berlin_mandat_bitte_pruefen", model.Profile{"bundesland": {"BE"}, "zustaendigkeit": {"behalten"}}, model.VereinbarungMandatierend, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := summarize(&model.Session{Profile: tt.p})
			if r.TopModel != tt.top || r.TopTied != tt.tied || r.TopCheck != tt.marked {
				t.Errorf("top %q tied %v check %v, want %q %v %v", r.TopModel, r.TopTied, r.TopCheck, tt.top, tt.tied, tt.marked)
			}
		})
	}
}
