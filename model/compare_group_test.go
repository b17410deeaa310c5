package model

import (
	"testing"
	"time"
)

// In a workshop the changed answers of a comparison read as the room was
// asked them, as the profile table and the Kipppunkt of the same report
// do: "bleibt bei den heutigen Trägern", not one municipality's "bleibt
// bei uns".
func TestCompareWordsWorkshopAnswersForTheRoom(t *testing.T) {
	before := &Session{Profile: Profile{"zustaendigkeit": {"behalten"}}}
	for _, tt := range []struct {
		participants []Participant
		want         string
	}{
		{nil, "bleibt bei uns"},
		{[]Participant{{ID: "p1", Name: "Stadt Lemgo"}}, "bleibt bei den heutigen Trägern"},
	} {
		after := &Session{Profile: Profile{"zustaendigkeit": {"abgeben"}}, Participants: tt.participants}
		c := Compare(before, after, time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
		if len(c.Profile) != 1 || c.Profile[0].FromLabel != tt.want || c.Profile[0].ToLabel != "geht auf einen Partner über" {
			t.Errorf("%d participants: %+v, want from %q", len(tt.participants), c.Profile, tt.want)
		}
	}
}
