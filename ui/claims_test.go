package ui

import (
	"testing"

	"ikz/model"
)

func TestMatchUser(t *testing.T) {
	s := &model.Session{}
	for _, n := range []string{"Stadt Brake (Unterweser)", "Gemeinde Dörentrup", "Stadt Lemgo", "Alte Hansestadt Lemgo", "Kreis Lippe", "Stadt Bad Salzuflen"} {
		if _, err := s.AddParticipant(n); err != nil {
			t.Fatal(err)
		}
	}
	for user, want := range map[string]string{
		"brake":               "p1",
		"BRAKE":               "p1",
		"doerentrup":          "p2",
		"dörentrup":           "p2",
		"lemgo":               "", // two municipalities: the person chooses
		"altehansestadtlemgo": "p4",
		"stadt":               "", // a generic word names nobody
		"kreis":               "",
		"lippe":               "p5",
		"p3":                  "p3",
		"salzuflen":           "p6",
		"bad":                 "",
		"":                    "",
		"teilnehmer":          "",
	} {
		if got := matchUser(s, user); got != want {
			t.Errorf("matchUser(%q) = %q, want %q", user, got, want)
		}
	}
}

func TestClaims(t *testing.T) {
	var announced []string
	c := NewClaims(func(id string) { announced = append(announced, id) })
	s := &model.Session{ID: "s1"}
	s.AddParticipant("Stadt Brake")
	s.AddParticipant("Gemeinde Elsfleth")
	a, b := c.Connect("brake"), c.Connect("brake")
	if got := c.Preselect(s, a); got != "p1" {
		t.Fatalf("preselect = %q, want p1 by user name", got)
	}
	if c.Claim("s1", "p1", a, false) || !c.Holds("s1", "p1", a) || !c.Online("s1", "p1") {
		t.Fatal("a free claim failed")
	}
	if !c.Claim("s1", "p1", b, false) || c.Holds("s1", "p1", b) {
		t.Fatal("a second claim took the municipality without asking")
	}
	c.Claim("s1", "p1", b, true)
	if c.Holds("s1", "p1", a) || !c.Holds("s1", "p1", b) {
		t.Fatal("taking over did not move the claim")
	}
	c.Claim("s1", "p2", b, false) // one municipality per connection
	if c.Online("s1", "p1") {
		t.Error("claiming a second municipality kept the first")
	}
	// A reconnect under the same user name lands where it left (Elsfleth),
	// not where the name points.
	c.Disconnect(b)
	if c.Online("s1", "p2") {
		t.Error("a closed connection keeps its claim")
	}
	if got := c.Preselect(s, c.Connect("brake")); got != "p2" {
		t.Errorf("reconnect preselects %q, want p2 where it left", got)
	}
	if len(announced) == 0 {
		t.Error("claim changes were not announced")
	}
}
